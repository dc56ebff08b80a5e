// The anchor is the recorded lines' text, kept so the lines can be found again after the code
// moves. Long ranges keep their first and last lines only: enough to match, small enough to read.
import { maskSecrets } from '../secrets';

const MAX_LINES = 12;
const KEEP_EACH_END = 5;
const MAX_LINE_LENGTH = 200;

export function makeAnchor(lines: string[]): string | undefined {
  const rightTrimmed = lines.map((l) => l.replace(/\s+$/, ''));
  if (rightTrimmed.every((l) => l === '')) {
    return undefined;
  }
  // The common indentation is dropped: it says nothing about the code, and YAML needs an
  // explicit indentation header (`|2-`) for a block that starts with spaces.
  const indent = Math.min(...rightTrimmed.filter((l) => l !== '').map((l) => /^[ \t]*/.exec(l)![0].length));
  const trimmed = rightTrimmed.map((l) => l.slice(indent)).map((l) => (l.length > MAX_LINE_LENGTH ? l.slice(0, MAX_LINE_LENGTH) : l));
  const kept = trimmed.length <= MAX_LINES
    ? trimmed
    : [...trimmed.slice(0, KEEP_EACH_END), `… ${trimmed.length - 2 * KEEP_EACH_END} lines …`, ...trimmed.slice(-KEEP_EACH_END)];
  return maskSecrets(kept.join('\n'));
}

/** Lines `first`..`last` (1-based, inclusive) of a text, with any line break style. */
export function sliceLines(text: string, first: number, last: number): string[] {
  return text.split(/\r?\n/).slice(first - 1, last);
}
