// One-line flow sequences of scalars (`[a, 'b', 12]`) for the strict front matter reader
// (frontMatterReader.ts), the form notes use for short lists. A list left open at the end of its
// line is reported back (UNCLOSED) so the block reader can give `yaml`'s error for it; nested
// collections, maps and trailing commas are "not sure" and left to `yaml`.

import { FrontMatterLines, notSure, SPACE } from './frontMatterLines';
import { doubleQuoted, resolvePlain, singleQuoted } from './frontMatterScalars';

/** What flowSequence gives for a list still open at the end of its line. */
export const UNCLOSED: unknown[] = [];

/** Whether the character at `p` can follow `-`, `?` or `:` inside a flow plain scalar. */
function flowSafe(src: string, p: number, end: number): boolean {
  return p < end && !' \t,[]{}'.includes(src[p]);
}

/** A plain scalar inside a flow sequence, from `i` up to `,` or `]`; returns it and where it stopped. */
function flowPlain(src: string, i: number, end: number): [unknown, number] {
  const start = i;
  const first = src[i];
  if ('&*!|>%@`,[]{}#'.includes(first) || ('-?:'.includes(first) && !flowSafe(src, i + 1, end))) {
    notSure();
  }
  while (i < end) {
    const c = src[i];
    if (c === ',' || c === ']') {
      break;
    }
    // What would make this a map, a nested collection or a comment.
    if (c === '[' || c === '{' || c === '}' || c === '\t' || (c === '#' && src[i - 1] === ' ') || (c === ':' && !flowSafe(src, i + 1, end))) {
      notSure();
    }
    i++;
  }
  let stop = i;
  while (stop > start && src.charCodeAt(stop - 1) === SPACE) {
    stop--;
  }
  return [resolvePlain(src.slice(start, stop)), i];
}

/** `[a, 'b', 12]` from `p` (the `[`) on one line, scalars only; UNCLOSED when the line ends first. */
export function flowSequence(lines: FrontMatterLines, p: number, end: number): unknown[] {
  const { src } = lines;
  const out: unknown[] = [];
  let i = lines.skipSpaces(p + 1, end);
  if (i < end && src.charCodeAt(i) === 93) {
    lines.endOfLine(i + 1, end);
    return out;
  }
  for (;;) {
    if (i >= end) {
      // The line ends after `[` or a comma.
      return UNCLOSED;
    }
    const ch = src[i];
    let item: unknown;
    [item, i] = ch === "'" ? singleQuoted(src, i, end) : ch === '"' ? doubleQuoted(src, i, end) : flowPlain(src, i, end);
    out.push(item);
    i = lines.skipSpaces(i, end);
    if (i >= end) {
      // The line ends after an item.
      return UNCLOSED;
    }
    if (src.charCodeAt(i) === 93) {
      lines.endOfLine(i + 1, end);
      return out;
    }
    if (src.charCodeAt(i) !== 44) {
      notSure();
    }
    i = lines.skipSpaces(i + 1, end);
    if (i < end && src.charCodeAt(i) === 93) {
      // A trailing comma is valid YAML, but rare enough to leave to `yaml`.
      notSure();
    }
  }
}
