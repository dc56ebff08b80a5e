// The block structure of front matter for the strict reader (frontMatterReader.ts): block maps
// with simple keys, block sequences of maps or scalars, and what a value after `key:` or `- ` may
// be (delegating scalars, flow sequences and `|` literals to their own files). Also gives the two
// hand-made mistakes `yaml` reports that this reader reports the same way: a repeated key, and a
// flow list left open at the end of a top-level line.

import { FrontMatterLines, COLON, DASH, HASH, notSure, SPACE, TAB } from './frontMatterLines';
import { flowSequence, UNCLOSED } from './frontMatterFlow';
import { blockLiteral } from './frontMatterLiteral';
import { doubleQuoted, plainScalar, singleQuoted } from './frontMatterScalars';
import { COMMIT_LINK_KEYS, FILE_LINK_KEYS, NOTE_FIELDS } from '../noteFields';

/** A `yaml` error as parseNote reports it: the first line of its message, and its 1-based line. */
export interface StrictYamlError {
  message: string;
  line: number;
}

/** Notes are a few levels deep; anything deeper is unusual enough to leave to `yaml`. */
const MAX_DEPTH = 16;
/** YAML limits implicit keys to 1024 characters; note keys are short, so stay far below. */
const MAX_KEY_LENGTH = 128;

// Plain words the core schema reads as null or booleans: as keys, `yaml` would stringify them
// back; simpler to let it. `__proto__` would set the prototype on a plain object.
const RESERVED_KEYS: ReadonlySet<string> = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE', '__proto__']);

// The keys notes use, by length. Matching them in place avoids making (and hashing) a new string
// per key: the constants are interned once, which makes building the objects cheaper too.
// The keys come from the field table (noteFields.ts).
const KNOWN_KEYS: readonly string[] = [...Object.keys(NOTE_FIELDS), ...COMMIT_LINK_KEYS, ...FILE_LINK_KEYS];
const KNOWN_BY_LENGTH: string[][] = [];
for (const key of KNOWN_KEYS) {
  (KNOWN_BY_LENGTH[key.length] ??= []).push(key);
}

const UNCLOSED_FLOW = 'Flow sequence in block collection must be sufficiently indented and end with a ]';

function knownKey(src: string, at: number, length: number): string | undefined {
  const candidates = KNOWN_BY_LENGTH[length];
  if (candidates) {
    for (const key of candidates) {
      if (src.startsWith(key, at)) {
        return key;
      }
    }
  }
  return undefined;
}

/** Offset of the `:` ending a simple key at `p` (`[A-Za-z_][A-Za-z0-9_-]*`), or -1. */
function keyEnd(src: string, p: number, end: number): number {
  const first = src.charCodeAt(p);
  if (!((first >= 65 && first <= 90) || (first >= 97 && first <= 122) || first === 95)) {
    return -1;
  }
  let i = p + 1;
  while (i < end) {
    const ch = src.charCodeAt(i);
    if ((ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122) || (ch >= 48 && ch <= 57) || ch === 95 || ch === DASH) {
      i++;
      continue;
    }
    break;
  }
  if (i >= end || src.charCodeAt(i) !== COLON || i - p > MAX_KEY_LENGTH) {
    return -1;
  }
  if (i + 1 < end && src.charCodeAt(i + 1) !== SPACE) {
    return -1;
  }
  return i;
}

export class BlockReader extends FrontMatterLines {
  /** The errors `yaml` reports for what was read (in document order, as `yaml` lists them). */
  readonly errors: StrictYamlError[] = [];

  document(): Record<string, unknown> | null {
    const first = this.nextContent(0);
    if (first < 0) {
      return null;
    }
    if (this.indentOf(first) !== 0) {
      notSure();
    }
    this.line = first;
    const map = this.map(0, 1, undefined);
    if (this.nextContent(this.line) >= 0) {
      notSure();
    }
    return map;
  }

  /**
   * A block map whose keys sit at column `indent`. With `firstAt`, the first key is on the
   * current line at that offset (a map that starts after `- `).
   */
  private map(indent: number, depth: number, firstAt: number | undefined): Record<string, unknown> {
    if (depth > MAX_DEPTH) {
      notSure();
    }
    const out: Record<string, unknown> = {};
    let at = firstAt;
    /** The line of the entry before and the offset of its `:` (-1: it took more than one line). */
    let lineBefore = -1;
    let colonBefore = -1;
    for (;;) {
      let l = this.line;
      if (at === undefined) {
        l = this.nextInBlock(indent);
        if (l < 0) {
          break;
        }
        at = this.starts[l] + indent;
      }
      this.line = l;
      const colon = keyEnd(this.src, at, this.ends[l]);
      if (colon < 0) {
        notSure();
      }
      const known = knownKey(this.src, at, colon - at);
      const key = known ?? this.src.slice(at, colon);
      if (known === undefined && RESERVED_KEYS.has(key)) {
        notSure();
      }
      if (Object.prototype.hasOwnProperty.call(out, key)) {
        // A key given twice. `yaml` reports it where the entry before it ends, which is where
        // this key starts only when that entry is a one-line value right above it (after an
        // empty value, a block or a comment, it is elsewhere): that case is reported here.
        if (lineBefore !== l - 1 || !this.isOneLineValue(colonBefore, lineBefore)) {
          notSure();
        }
        this.errors.push({ message: `Map keys must be unique at line ${l + 1}, column ${at - this.starts[l] + 1}:`, line: l + 1 });
      }
      out[key] = this.value(colon + 1, l, indent, depth, true);
      lineBefore = this.line === l + 1 ? l : -1;
      colonBefore = colon;
      at = undefined;
    }
    return out;
  }

  /**
   * Whether the entry whose `:` is at `colon` on line `l` has its value on that line, with no
   * comment: asked only when the next key repeats an earlier one.
   */
  private isOneLineValue(colon: number, l: number): boolean {
    const rest = this.src.slice(colon + 1, this.ends[l]);
    return rest.trim() !== '' && !rest.includes('#');
  }

  /** A block sequence whose `-` sit at column `indent`; `compact` when it shares its key's column. */
  private seq(indent: number, depth: number, compact: boolean): unknown[] {
    if (depth > MAX_DEPTH) {
      notSure();
    }
    const { src } = this;
    const out: unknown[] = [];
    for (;;) {
      const l = this.nextInBlock(indent);
      if (l < 0) {
        break;
      }
      const dash = this.starts[l] + indent;
      const end = this.ends[l];
      if (src.charCodeAt(dash) !== DASH || (dash + 1 < end && src.charCodeAt(dash + 1) !== SPACE)) {
        if (compact) {
          // The next key of the map that holds this sequence.
          break;
        }
        notSure();
      }
      this.line = l;
      const p = this.skipSpaces(dash + 1, end);
      if (p === end || src.charCodeAt(p) === HASH) {
        // `-` alone is null, unless a nested block follows: that form is left to `yaml`.
        const next = this.nextContent(l + 1);
        if (next >= 0 && this.indentOf(next) > indent) {
          notSure();
        }
        out.push(null);
        this.line = l + 1;
        continue;
      }
      if (src.charCodeAt(p) === DASH && (p + 1 === end || src.charCodeAt(p + 1) === SPACE)) {
        notSure();
      }
      if (keyEnd(src, p, end) >= 0) {
        out.push(this.map(p - this.starts[l], depth + 1, p));
      } else {
        out.push(this.value(dash + 1, l, indent, depth, false));
      }
    }
    return out;
  }

  /**
   * The value after `key:` or `- ` (from `pos` on line `l`, whose parent block is at column
   * `indent`); leaves `this.line` on the line after it.
   */
  private value(pos: number, l: number, indent: number, depth: number, inMap: boolean): unknown {
    const { src } = this;
    const end = this.ends[l];
    const p = this.skipSpaces(pos, end);
    if (p === end || src.charCodeAt(p) === HASH) {
      this.line = l + 1;
      if (!inMap) {
        notSure();
      }
      return this.nested(indent, depth);
    }
    if (src[p] === '|') {
      if (!inMap) {
        notSure();
      }
      return blockLiteral(this, p, l, indent);
    }
    const result = this.oneLineValue(p, l, indent, depth, inMap);
    this.line = l + 1;
    return result;
  }

  /** A value that ends on its line: a flow sequence, a quoted or a plain scalar. */
  private oneLineValue(p: number, l: number, indent: number, depth: number, inMap: boolean): unknown {
    const { src } = this;
    const end = this.ends[l];
    const ch = src[p];
    switch (ch) {
      case '[': {
        const result = flowSequence(this, p, end);
        if (result === UNCLOSED) {
          // Only in the top-level map: deeper, `yaml` may go on to find more (measured with
          // the fuzz set), and that is left to it.
          if (!inMap || indent !== 0 || depth !== 1) {
            notSure();
          }
          this.unclosedFlow(l, indent);
        }
        return result;
      }
      case "'":
      case '"': {
        const [text, after] = ch === "'" ? singleQuoted(src, p, end) : doubleQuoted(src, p, end);
        this.endOfLine(after, end);
        return text;
      }
      case '>': case '{': case '&': case '*': case '!': case '%': case '@': case '`': case ',': case ']': case '}':
        return notSure();
      case '-': case '?': case ':':
        if (p + 1 === end || src.charCodeAt(p + 1) === SPACE || src.charCodeAt(p + 1) === TAB) {
          notSure();
        }
        return plainScalar(src, p, end);
      default:
        return plainScalar(src, p, end);
    }
  }

  /** What follows `key:` with nothing after it: a nested map or sequence, or null. */
  private nested(indent: number, depth: number): unknown {
    const next = this.nextContent(this.line);
    if (next < 0) {
      return null;
    }
    const ind = this.indentOf(next);
    const at = this.starts[next] + ind;
    const isDash = this.src.charCodeAt(at) === DASH && (at + 1 === this.ends[next] || this.src.charCodeAt(at + 1) === SPACE);
    if (ind > indent) {
      return isDash ? this.seq(ind, depth + 1, false) : this.map(ind, depth + 1, undefined);
    }
    if (ind === indent && isDash) {
      return this.seq(ind, depth + 1, true);
    }
    return null;
  }

  /**
   * A flow list left open at the end of line `l`, the value of a top-level key. `yaml` ends it
   * where the next line with content starts, if that is not indented, and reports that place
   * (the end of the text if there is none); an indented line would continue the list, which is
   * left to `yaml`.
   */
  private unclosedFlow(l: number, indent: number): void {
    const next = this.nextContent(l + 1);
    if (next < 0) {
      this.errors.push({ message: `${UNCLOSED_FLOW} at line ${this.count + 1}, column 1:`, line: this.count + 1 });
      return;
    }
    const ind = this.indentOf(next);
    if (ind > indent) {
      notSure();
    }
    this.errors.push({ message: `${UNCLOSED_FLOW} at line ${next + 1}, column ${ind + 1}:`, line: next + 1 });
  }
}
