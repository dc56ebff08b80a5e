// `|` block literals for the strict front matter reader (frontMatterReader.ts): the multi-line
// text notes keep in their front matter. The header (`|`, `|-`, `|+`, an indentation digit), the
// content's indentation, and the chomping of trailing blank lines exactly as `yaml` does them;
// an empty literal or unusual leading blank lines are "not sure" and left to `yaml`.

import { DASH, FrontMatterLines, notSure, PLUS, SPACE } from './frontMatterLines';

type Chomping = 'clip' | 'strip' | 'keep';

/** The header after `|` at `p` on line `l`: chomping and an explicit indentation (0: none). */
function literalHeader(lines: FrontMatterLines, p: number, l: number): { chomp: Chomping; explicit: number } {
  const { src } = lines;
  const end = lines.ends[l];
  let chomp: Chomping = 'clip';
  let explicit = 0;
  let i = p + 1;
  for (let n = 0; n < 2 && i < end; n++) {
    const ch = src.charCodeAt(i);
    if ((ch === DASH || ch === PLUS) && chomp === 'clip') {
      chomp = ch === DASH ? 'strip' : 'keep';
      i++;
    } else if (ch >= 49 && ch <= 57 && explicit === 0) {
      explicit = ch - 48;
      i++;
    } else {
      break;
    }
  }
  if (i < end && src.charCodeAt(i) !== SPACE) {
    // Text after the header, a tab, or a repeated indicator: not ours.
    notSure();
  }
  lines.endOfLineOrBlank(i, end);
  return { chomp, explicit };
}

/** Where the content after line `l` is indented: given, or taken from its first line with text. */
function contentIndentAfter(lines: FrontMatterLines, l: number, indent: number, explicit: number): number {
  let contentIndent = indent + explicit;
  let longestLeadingBlank = 0;
  let k = l + 1;
  for (; k < lines.count; k++) {
    if (lines.isBlank(k)) {
      longestLeadingBlank = Math.max(longestLeadingBlank, lines.ends[k] - lines.starts[k]);
      continue;
    }
    if (explicit === 0) {
      contentIndent = lines.indentOf(k);
    }
    break;
  }
  if (k >= lines.count || lines.indentOf(k) < contentIndent || contentIndent <= indent) {
    // An empty block scalar: rare, and its chomping rules are easy to get wrong.
    notSure();
  }
  if (explicit === 0 && longestLeadingBlank > contentIndent) {
    notSure();
  }
  return contentIndent;
}

/** A `|`, `|-` or `|+` block literal at `p` on line `l`, the value of a map key at column `indent`. */
export function blockLiteral(lines: FrontMatterLines, p: number, l: number, indent: number): string {
  const { src } = lines;
  const { chomp, explicit } = literalHeader(lines, p, l);
  const contentIndent = contentIndentAfter(lines, l, indent, explicit);
  const texts: string[] = [];
  // For each line, its length when it is blank (spaces only), -1 when it has text.
  const blankLengths: number[] = [];
  let lastText = -1;
  let firstIndent = -1;
  let k = l + 1;
  for (; k < lines.count; k++) {
    const start = lines.starts[k];
    const length = lines.ends[k] - start;
    const ind = lines.indentOf(k);
    if (ind === length) {
      // A blank line: spaces beyond the indentation are content.
      texts.push(length > contentIndent ? src.slice(start + contentIndent, lines.ends[k]) : '');
      blankLengths.push(length);
      continue;
    }
    if (ind < contentIndent) {
      break;
    }
    if (firstIndent < 0) {
      firstIndent = ind;
    }
    texts.push(src.slice(start + contentIndent, lines.ends[k]));
    blankLengths.push(-1);
    lastText = texts.length - 1;
  }
  lines.line = k;
  return chomped(texts, blankLengths, lastText, firstIndent, chomp);
}

/** The literal's text from its lines, trailing blank lines kept or dropped as `yaml` does. */
function chomped(texts: string[], blankLengths: number[], lastText: number, firstIndent: number, chomp: Chomping): string {
  if (chomp === 'keep') {
    // Keep: every trailing blank line is a line break (with its spaces beyond the indentation).
    return `${texts.join('\n')}\n`;
  }
  // Strip and clip drop trailing blank lines, except that `yaml` keeps them (and those before)
  // when one is longer than the first text line's indentation: match it.
  let keep = lastText + 1;
  for (let j = texts.length - 1; j > lastText; j--) {
    if (blankLengths[j] > firstIndent) {
      keep = j + 1;
      break;
    }
  }
  texts.length = keep;
  const text = texts.join('\n');
  return chomp === 'strip' ? text : `${text}\n`;
}
