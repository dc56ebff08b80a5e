// Text from notes on a terminal. A note may come from a hostile repository: escape sequences in a
// title could rewrite the screen or the window title, and bidirectional controls could make text
// read differently from what it is ("Trojan Source"). Such characters are shown as <U+XXXX>.
// Widths count columns, not code units, so tables line up with accents, CJK and emoji.

/** C0 (but tab and line feed), DEL, C1, and the bidirectional embedding/override/isolate marks. */
const UNSAFE_MULTILINE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_LINE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function visible(ch: string): string {
  return `<U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`;
}

/** One line of note text, safe to print: tabs become spaces, line breaks and controls visible. */
export function safeLine(text: string): string {
  return text.replace(/\t/g, ' ').replace(UNSAFE_LINE, visible);
}

/** Several lines (a note's body): CRLF becomes LF, other controls visible. */
export function safeBlock(text: string): string {
  return text.replace(/\r\n/g, '\n').replace(UNSAFE_MULTILINE, visible);
}

const segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : undefined;

function graphemes(text: string): string[] {
  return segmenter ? Array.from(segmenter.segment(text), (s) => s.segment) : Array.from(text);
}

/** East Asian wide and fullwidth ranges and pictographic emoji: two columns in a terminal. */
function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0x303e) || (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) || (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

function graphemeWidth(g: string): number {
  const cp = g.codePointAt(0) ?? 0;
  if (/^\p{M}/u.test(g) || cp === 0x200b || cp === 0x200c || cp === 0x200d || cp === 0xfeff) {
    return 0;
  }
  return isWide(cp) || g.includes('\ufe0f') ? 2 : 1;
}

/**
 * Printable ASCII only: one column a character, no segmenting needed. Most titles, ids and dates
 * are; Intl.Segmenter costs ~10 µs a call here, which made `candor list` of 10,000 notes take
 * over 4 s in width computations alone.
 */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Columns the text takes in a terminal (an approximation of wcwidth, good for titles). */
export function displayWidth(text: string): number {
  if (PRINTABLE_ASCII.test(text)) {
    return text.length;
  }
  let width = 0;
  for (const g of graphemes(text)) {
    width += graphemeWidth(g);
  }
  return width;
}

/** The text cut to `max` columns, ending with … when cut; never splits a character. */
export function truncate(text: string, max: number): string {
  if (displayWidth(text) <= max) {
    return text;
  }
  if (max <= 0) {
    return '';
  }
  if (PRINTABLE_ASCII.test(text)) {
    return `${text.slice(0, max - 1)}…`;
  }
  let out = '';
  let width = 0;
  for (const g of graphemes(text)) {
    const w = graphemeWidth(g);
    if (width + w > max - 1) {
      break;
    }
    out += g;
    width += w;
  }
  return `${out}…`;
}

export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}
