// A note's anchor text, split into what is matched against a file: the whole text, or for a long
// range (`makeAnchor` keeps 5 lines, `… N lines …`, 5 lines) a head and a tail with N lines between.
import { lineKey } from './fileText';
import { bigramsOf } from './similarity';

const GAP_LINE = /^… (\d+) lines …$/;
/** `makeAnchor` cuts lines at 200 characters (masking may shorten them): such lines match as prefixes. */
const MAYBE_CUT_LENGTH = 180;
const MASK = '[redacted]';
const KEEP_EACH_END = 5;
/** `makeAnchor` writes at most 12 lines of 200 characters: far larger anchors are not ours. */
const MAX_ANCHOR_CHARS = 64 * 1024;

export interface AnchorPart {
  keys: string[];
  grams: Uint32Array[];
  prefixOnly: boolean[];
  /** The part has masked secrets: compare it with the file's lines masked the same way. */
  masked: boolean;
  /** Every line is blank: nothing to find. */
  blank: boolean;
}

export type ParsedAnchor =
  | { form: 'full'; part: AnchorPart }
  | { form: 'long'; head: AnchorPart; tail: AnchorPart; gap: number };

export function parseAnchor(anchor: unknown): ParsedAnchor | undefined {
  if (typeof anchor !== 'string' || anchor.length === 0 || anchor.length > MAX_ANCHOR_CHARS) {
    return undefined;
  }
  const lines = anchor.split(/\r?\n/);
  const gap = lines.length === 2 * KEEP_EACH_END + 1 ? GAP_LINE.exec(lines[KEEP_EACH_END]) : null;
  if (gap) {
    const head = makePart(lines.slice(0, KEEP_EACH_END));
    const tail = makePart(lines.slice(KEEP_EACH_END + 1));
    return head.blank && tail.blank ? undefined : { form: 'long', head, tail, gap: Number(gap[1]) };
  }
  const part = makePart(lines);
  return part.blank ? undefined : { form: 'full', part };
}

/** How many lines the recorded range had according to the anchor. */
export function anchorLength(parsed: ParsedAnchor): number {
  return parsed.form === 'full' ? parsed.part.keys.length : parsed.head.keys.length + parsed.gap + parsed.tail.keys.length;
}

export function makePart(lines: string[]): AnchorPart {
  const keys = lines.map(lineKey);
  return {
    keys,
    grams: keys.map(bigramsOf),
    prefixOnly: lines.map((l) => l.length >= MAYBE_CUT_LENGTH),
    masked: lines.some((l) => l.includes(MASK)),
    blank: keys.every((k) => k === ''),
  };
}
