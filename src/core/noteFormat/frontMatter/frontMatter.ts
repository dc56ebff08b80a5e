// Splits a note into its YAML front matter and Markdown body without interpreting either, so the
// writer can change one part and keep every byte of the other.

export interface FrontMatterSplit {
  /** The YAML between the fences, as in the file. */
  yaml: string;
  /** Offset of `yaml` in the text (after any BOM and the opening fence). */
  yamlStart: number;
  /** Offset just past the closing fence's line break: where the body begins. */
  bodyStart: number;
  /** 1-based line of the first YAML line, to turn parser positions into file lines. */
  firstLine: number;
  body: string;
  /** The file's line break, kept when the note is rewritten. */
  eol: '\n' | '\r\n';
}

const OPEN_FENCE = /^\uFEFF?---[ \t]*\r?\n/;
const CLOSE_FENCE = /^(?:---|\.\.\.)[ \t]*$/m;

export function splitFrontMatter(text: string): FrontMatterSplit | undefined {
  const open = OPEN_FENCE.exec(text);
  if (!open) {
    return undefined;
  }
  const yamlStart = open[0].length;
  const rest = text.slice(yamlStart);
  // An empty front matter closes on the very next line.
  const close = CLOSE_FENCE.exec(rest);
  if (!close) {
    return undefined;
  }
  const yamlEnd = yamlStart + close.index;
  let bodyStart = yamlEnd + close[0].length;
  if (text.startsWith('\r\n', bodyStart)) {
    bodyStart += 2;
  } else if (text.startsWith('\n', bodyStart)) {
    bodyStart += 1;
  }
  return {
    yaml: text.slice(yamlStart, yamlEnd),
    yamlStart,
    bodyStart,
    firstLine: 2,
    body: text.slice(bodyStart),
    eol: open[0].endsWith('\r\n') ? '\r\n' : '\n',
  };
}

/**
 * The 0-based line where the body starts, for code that works on a note's lines (sections,
 * follow-ups): after a closing `---` or `...` line when the first line is `---`, else 0.
 */
export function bodyStartLine(lines: readonly string[]): number {
  if (lines[0]?.replace(/^\uFEFF/, '') !== '---') {
    return 0;
  }
  return lines.findIndex((l, i) => i > 0 && (l === '---' || l === '...')) + 1;
}

/**
 * The usual closing fence, to search for in a file's bytes: a cut at a line break past it holds
 * the whole front matter (noteFileRead.ts decodes only that much).
 */
export const CLOSING_FENCE_BYTES = Buffer.from('\n---');
