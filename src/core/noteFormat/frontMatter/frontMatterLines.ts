// The lines of a front matter document as the strict reader (frontMatterReader.ts) walks them:
// where each line starts and ends, its indentation, the next line with content, and the one way
// the reader gives up ("not sure, ask `yaml`"). Shared by the block, flow and literal readers.

/** Thrown inside the reader to give up; never escapes. A plain object: no stack to capture. */
export const NOT_SURE = { notSure: true };

export function notSure(): never {
  throw NOT_SURE;
}

export const SPACE = 32;
export const TAB = 9;
export const HASH = 35;
export const COLON = 58;
export const DASH = 45;
export const PLUS = 43;

/** The line table and a cursor over it: `line` is the next line the reader looks at. */
export class FrontMatterLines {
  /** Offset where each line starts, and where its text ends (before `\r\n` or `\n`). */
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  /** The next line to look at. */
  line = 0;

  constructor(readonly src: string) {
    let start = 0;
    while (start < src.length) {
      const nl = src.indexOf('\n', start);
      this.starts.push(start);
      this.ends.push(nl > start && src.charCodeAt(nl - 1) === 13 ? nl - 1 : nl);
      start = nl + 1;
    }
  }

  get count(): number {
    return this.starts.length;
  }

  /** The next line at or after `from` that is neither blank nor a comment; -1 at the end. */
  nextContent(from: number): number {
    const { src } = this;
    for (let l = from; l < this.starts.length; l++) {
      let p = this.starts[l];
      const end = this.ends[l];
      while (p < end && src.charCodeAt(p) === SPACE) {
        p++;
      }
      if (p === end) {
        continue;
      }
      const ch = src.charCodeAt(p);
      if (ch === TAB) {
        notSure();
      }
      if (ch !== HASH) {
        return l;
      }
    }
    return -1;
  }

  /**
   * The next line with content that belongs to a block at column `indent`: -1 when there is
   * none or it is less indented (the block ended). A line indented further is a continuation
   * (a multi-line plain scalar) or a mistake: either way, not ours.
   */
  nextInBlock(indent: number): number {
    const l = this.nextContent(this.line);
    if (l < 0) {
      return -1;
    }
    const ind = this.indentOf(l);
    if (ind < indent) {
      return -1;
    }
    if (ind > indent) {
      notSure();
    }
    return l;
  }

  indentOf(l: number): number {
    let p = this.starts[l];
    while (this.src.charCodeAt(p) === SPACE) {
      p++;
    }
    return p - this.starts[l];
  }

  /** Whether line `l` holds only spaces. */
  isBlank(l: number): boolean {
    return this.indentOf(l) === this.ends[l] - this.starts[l];
  }

  skipSpaces(p: number, end: number): number {
    let i = p;
    while (i < end && this.src.charCodeAt(i) === SPACE) {
      i++;
    }
    if (i < end && this.src.charCodeAt(i) === TAB) {
      notSure();
    }
    return i;
  }

  /** After a quoted scalar or a flow sequence: only spaces and a comment may follow. */
  endOfLine(p: number, end: number): void {
    let i = p;
    while (i < end && this.src.charCodeAt(i) === SPACE) {
      i++;
    }
    if (i === end) {
      return;
    }
    if (this.src.charCodeAt(i) !== HASH || i === p) {
      notSure();
    }
  }

  /** After a block scalar header: nothing, or spaces and a comment. */
  endOfLineOrBlank(p: number, end: number): void {
    const i = this.skipSpaces(p, end);
    if (i < end && (this.src.charCodeAt(i) !== HASH || i === p)) {
      notSure();
    }
  }
}
