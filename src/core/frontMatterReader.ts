// A strict reader for the small part of YAML that notes use: what renderNote writes and the
// usual hand edits. Parsing with the `yaml` package costs about 20 times reading the file, and
// the index parses every note, so the common case is read here and anything else is handed
// back ("not sure") for the `yaml` package to read, report and explain.
//
// The rule that keeps this safe: whenever this returns a value, it is the value `yaml` would
// return (parseDocument + toJS, YAML 1.2 core schema, as parseNote calls it). The subset: block
// maps, block sequences (of maps or scalars), one-line flow sequences of scalars, one-line plain,
// single- and double-quoted scalars, `|` literals (with `-`/`+` and an indentation digit),
// comments, CRLF. Anything else (anchors, aliases, tags, flow maps, folded `>` scalars,
// multi-line plain or quoted scalars, quoted or unusual keys, tabs for indentation, directives,
// document markers, deep nesting, odd control characters) returns undefined. The differential
// test (test/unit/frontMatterReader.test.ts) compares both readers on writer output, hand edits and a
// fuzz set.
//
// Two mistakes people make by hand are reported here, exactly as `yaml` reports them, when the
// rest of the document is within the subset: a key given twice in a map (a merge often does it)
// and a flow list `[` left open at the end of a top-level line. `yaml` takes about a millisecond
// per such note, as long as a hundred well-formed ones take here.

import { COMMIT_LINK_KEYS, FILE_LINK_KEYS, NOTE_FIELDS } from './noteFields';

/** A `yaml` error as parseNote reports it: the first line of its message, and its 1-based line. */
export interface StrictYamlError {
  message: string;
  line: number;
}

/**
 * What the reader found: the document's top-level map, or null for an empty document; or, when
 * `errors` is set, the errors `yaml` gives for it (then `value` means nothing).
 */
export interface StrictYamlResult {
  value: Record<string, unknown> | null;
  errors?: StrictYamlError[];
}

/** Thrown inside the reader to give up; never escapes. A plain object: no stack to capture. */
const NOT_SURE = { notSure: true };

/** Notes are a few levels deep; anything deeper is unusual enough to leave to `yaml`. */
const MAX_DEPTH = 16;
/** YAML limits implicit keys to 1024 characters; note keys are short, so stay far below. */
const MAX_KEY_LENGTH = 128;

// Characters the YAML spec does not allow raw (C0 and C1 controls, DEL, BOM, non-characters) and
// the line and paragraph separators whose handling differs between versions, plus a carriage
// return that is not part of CRLF. The `yaml` package deals with these in its own ways; leave them
// to it. Two tests rather than one alternation, and a regular expression rather than a loop over
// the characters: both measured faster.
const UNUSUAL_RANGES = '\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x9f\\u2028\\u2029\\ufeff\\ufffe\\uffff';
const UNUSUAL_CHARS = new RegExp(`[${UNUSUAL_RANGES}]`);
const LONE_CR = /\r(?!\n)/;

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

// The YAML 1.2 core schema, in the order `yaml` tries its tags (the first that matches wins).
const NULL_RE = /^(?:~|[Nn]ull|NULL)$/;
const BOOL_RE = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT_RE = /^0o[0-7]+$/;
const INT_RE = /^[-+]?[0-9]+$/;
const INT_HEX_RE = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN_RE = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP_RE = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT_RE = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
/** Only text that starts like a number or a special word can be anything but a string. */
const MAYBE_NOT_STRING = /^[-+.0-9~nNtTfF]/;

const DOUBLE_QUOTE_ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
  N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029', ' ': ' ', '"': '"', '/': '/', '\\': '\\', '\t': '\t',
};

const SPACE = 32;
const TAB = 9;
const HASH = 35;
const COLON = 58;
const DASH = 45;
const PLUS = 43;

/**
 * Reads `src` if it is within the subset; undefined means "not sure, ask `yaml`". Never throws.
 * `src` is the text between the front matter fences, so it ends with a line break.
 */
export function readStrictYaml(src: string): StrictYamlResult | undefined {
  if (src.length > 0 && src.charCodeAt(src.length - 1) !== 10) {
    return undefined;
  }
  if (UNUSUAL_CHARS.test(src) || (src.includes('\r') && LONE_CR.test(src))) {
    return undefined;
  }
  try {
    const reader = new Reader(src);
    const value = reader.document();
    return reader.errors.length > 0 ? { value, errors: reader.errors } : { value };
  } catch (err) {
    if (err === NOT_SURE) {
      return undefined;
    }
    // A bug here must not cost a note: the `yaml` package still reads it.
    return undefined;
  }
}

/** Resolves a plain scalar as the YAML 1.2 core schema does in `yaml`. */
function resolvePlain(text: string): unknown {
  if (!MAYBE_NOT_STRING.test(text)) {
    return text;
  }
  if (NULL_RE.test(text)) {
    return null;
  }
  if (BOOL_RE.test(text)) {
    return text[0] === 't' || text[0] === 'T';
  }
  if (INT_OCT_RE.test(text)) {
    return parseInt(text.substring(2), 8);
  }
  if (INT_RE.test(text)) {
    return parseInt(text, 10);
  }
  if (INT_HEX_RE.test(text)) {
    return parseInt(text.substring(2), 16);
  }
  if (FLOAT_NAN_RE.test(text)) {
    return text.slice(-3).toLowerCase() === 'nan' ? NaN : text[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  if (FLOAT_EXP_RE.test(text) || FLOAT_RE.test(text)) {
    return parseFloat(text);
  }
  return text;
}

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

/** What flowSeq gives for a list still open at the end of its line. */
const UNCLOSED: unknown[] = [];
const UNCLOSED_FLOW = 'Flow sequence in block collection must be sufficiently indented and end with a ]';

function notSure(): never {
  throw NOT_SURE;
}

class Reader {
  /** Offset where each line starts, and where its text ends (before `\r\n` or `\n`). */
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  /** The next line to look at. */
  private line = 0;
  /** The errors `yaml` reports for what was read (in document order, as `yaml` lists them). */
  readonly errors: StrictYamlError[] = [];

  constructor(private readonly src: string) {
    let start = 0;
    while (start < src.length) {
      const nl = src.indexOf('\n', start);
      this.starts.push(start);
      this.ends.push(nl > start && src.charCodeAt(nl - 1) === 13 ? nl - 1 : nl);
      start = nl + 1;
    }
  }

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

  /** The next line at or after `from` that is neither blank nor a comment; -1 at the end. */
  private nextContent(from: number): number {
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

  private indentOf(l: number): number {
    let p = this.starts[l];
    while (this.src.charCodeAt(p) === SPACE) {
      p++;
    }
    return p - this.starts[l];
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
        l = this.nextContent(this.line);
        if (l < 0) {
          break;
        }
        const ind = this.indentOf(l);
        if (ind < indent) {
          break;
        }
        if (ind > indent) {
          // A continuation line (a multi-line plain scalar) or a mistake: either way, not ours.
          notSure();
        }
        at = this.starts[l] + ind;
      }
      this.line = l;
      const colon = this.keyEnd(at, this.ends[l]);
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

  /** Offset of the `:` ending a simple key at `p` (`[A-Za-z_][A-Za-z0-9_-]*`), or -1. */
  private keyEnd(p: number, end: number): number {
    const { src } = this;
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

  /** A block sequence whose `-` sit at column `indent`; `compact` when it shares its key's column. */
  private seq(indent: number, depth: number, compact: boolean): unknown[] {
    if (depth > MAX_DEPTH) {
      notSure();
    }
    const { src } = this;
    const out: unknown[] = [];
    for (;;) {
      const l = this.nextContent(this.line);
      if (l < 0) {
        break;
      }
      const ind = this.indentOf(l);
      if (ind < indent) {
        break;
      }
      if (ind > indent) {
        notSure();
      }
      const dash = this.starts[l] + ind;
      const end = this.ends[l];
      if (src.charCodeAt(dash) !== DASH || (dash + 1 < end && src.charCodeAt(dash + 1) !== SPACE)) {
        if (compact) {
          // The next key of the map that holds this sequence.
          break;
        }
        notSure();
      }
      this.line = l;
      let p = dash + 1;
      while (p < end && src.charCodeAt(p) === SPACE) {
        p++;
      }
      if (p < end && src.charCodeAt(p) === TAB) {
        notSure();
      }
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
      if (this.keyEnd(p, end) >= 0) {
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
    let p = pos;
    while (p < end && src.charCodeAt(p) === SPACE) {
      p++;
    }
    if (p < end && src.charCodeAt(p) === TAB) {
      notSure();
    }
    if (p === end || src.charCodeAt(p) === HASH) {
      this.line = l + 1;
      if (!inMap) {
        notSure();
      }
      return this.nested(indent, depth);
    }
    const ch = src[p];
    let result: unknown;
    switch (ch) {
      case '|':
        if (!inMap) {
          notSure();
        }
        return this.literal(p, l, indent);
      case '[':
        result = this.flowSeq(p, end);
        if (result === UNCLOSED) {
          // Only in the top-level map: deeper, `yaml` may go on to find more (measured with
          // the fuzz set), and that is left to it.
          if (!inMap || indent !== 0 || depth !== 1) {
            notSure();
          }
          this.unclosedFlow(l, indent);
        }
        break;
      case "'":
      case '"': {
        const [text, after] = ch === "'" ? this.singleQuoted(p, end) : this.doubleQuoted(p, end);
        this.endOfLine(after, end);
        result = text;
        break;
      }
      case '>': case '{': case '&': case '*': case '!': case '%': case '@': case '`': case ',': case ']': case '}':
        notSure();
        break;
      case '-': case '?': case ':':
        if (p + 1 === end || src.charCodeAt(p + 1) === SPACE || src.charCodeAt(p + 1) === TAB) {
          notSure();
        }
        result = this.plain(p, end);
        break;
      default:
        result = this.plain(p, end);
    }
    this.line = l + 1;
    return result;
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

  /** A plain scalar on one line, up to a comment. */
  private plain(p: number, end: number): unknown {
    const { src } = this;
    let stop = end;
    for (let i = p; i < end; i++) {
      const ch = src.charCodeAt(i);
      if (ch === HASH) {
        const before = src.charCodeAt(i - 1);
        if (before === SPACE || before === TAB) {
          stop = i;
          break;
        }
      } else if (ch === COLON) {
        const after = i + 1 < end ? src.charCodeAt(i + 1) : SPACE;
        if (after === SPACE || after === TAB) {
          // `a: b: c` or a trailing `:`: a mapping where a scalar was expected.
          notSure();
        }
      }
    }
    while (stop > p && (src.charCodeAt(stop - 1) === SPACE || src.charCodeAt(stop - 1) === TAB)) {
      stop--;
    }
    return resolvePlain(src.slice(p, stop));
  }

  /** After a quoted scalar or a flow sequence: only spaces and a comment may follow. */
  private endOfLine(p: number, end: number): void {
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

  /** `'...'` on one line; returns the text and the offset after the closing quote. */
  private singleQuoted(p: number, end: number): [string, number] {
    const { src } = this;
    let out = '';
    let from = p + 1;
    for (;;) {
      const q = src.indexOf("'", from);
      if (q < 0 || q >= end) {
        notSure();
      }
      out += src.slice(from, q);
      if (q + 1 < end && src.charCodeAt(q + 1) === 39) {
        out += "'";
        from = q + 2;
        continue;
      }
      return [out, q + 1];
    }
  }

  /** `"..."` on one line, with the escapes YAML defines; anything else is not ours. */
  private doubleQuoted(p: number, end: number): [string, number] {
    const { src } = this;
    let out = '';
    let from = p + 1;
    let i = from;
    while (i < end) {
      const ch = src.charCodeAt(i);
      if (ch === 34) {
        return [out + src.slice(from, i), i + 1];
      }
      if (ch !== 92) {
        i++;
        continue;
      }
      out += src.slice(from, i);
      if (i + 1 >= end) {
        // An escaped line break: a multi-line scalar.
        notSure();
      }
      const esc = src[i + 1];
      const simple = DOUBLE_QUOTE_ESCAPES[esc];
      if (simple !== undefined && Object.prototype.hasOwnProperty.call(DOUBLE_QUOTE_ESCAPES, esc)) {
        out += simple;
        i += 2;
      } else if (esc === 'x' || esc === 'u' || esc === 'U') {
        const length = esc === 'x' ? 2 : esc === 'u' ? 4 : 8;
        const hex = src.slice(i + 2, i + 2 + length);
        if (i + 2 + length > end || !/^[0-9a-fA-F]+$/.test(hex) || hex.length !== length) {
          notSure();
        }
        const code = parseInt(hex, 16);
        if (code > 0x10ffff) {
          notSure();
        }
        out += String.fromCodePoint(code);
        i += 2 + length;
      } else {
        notSure();
      }
      from = i;
    }
    return notSure();
  }

  /** `[a, 'b', 12]` on one line, scalars only. */
  private flowSeq(p: number, end: number): unknown[] {
    const { src } = this;
    const out: unknown[] = [];
    let i = this.skipSpaces(p + 1, end);
    if (i < end && src.charCodeAt(i) === 93) {
      this.endOfLine(i + 1, end);
      return out;
    }
    for (;;) {
      if (i >= end) {
        // The line ends after `[` or a comma.
        return UNCLOSED;
      }
      const ch = src[i];
      if (ch === "'" || ch === '"') {
        const [text, after] = ch === "'" ? this.singleQuoted(i, end) : this.doubleQuoted(i, end);
        out.push(text);
        i = after;
      } else {
        const start = i;
        const first = src[i];
        if ('&*!|>%@`,[]{}#'.includes(first) || ('-?:'.includes(first) && !this.flowSafe(i + 1, end))) {
          notSure();
        }
        while (i < end) {
          const c = src[i];
          if (c === ',' || c === ']') {
            break;
          }
          // What would make this a map, a nested collection or a comment.
          if (c === '[' || c === '{' || c === '}' || c === '\t' || (c === '#' && src[i - 1] === ' ') || (c === ':' && !this.flowSafe(i + 1, end))) {
            notSure();
          }
          i++;
        }
        let stop = i;
        while (stop > start && src.charCodeAt(stop - 1) === SPACE) {
          stop--;
        }
        out.push(resolvePlain(src.slice(start, stop)));
      }
      i = this.skipSpaces(i, end);
      if (i >= end) {
        // The line ends after an item.
        return UNCLOSED;
      }
      if (src.charCodeAt(i) === 93) {
        this.endOfLine(i + 1, end);
        return out;
      }
      if (src.charCodeAt(i) !== 44) {
        notSure();
      }
      i = this.skipSpaces(i + 1, end);
      if (i < end && src.charCodeAt(i) === 93) {
        // A trailing comma is valid YAML, but rare enough to leave to `yaml`.
        notSure();
      }
    }
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
      this.errors.push({ message: `${UNCLOSED_FLOW} at line ${this.starts.length + 1}, column 1:`, line: this.starts.length + 1 });
      return;
    }
    const ind = this.indentOf(next);
    if (ind > indent) {
      notSure();
    }
    this.errors.push({ message: `${UNCLOSED_FLOW} at line ${next + 1}, column ${ind + 1}:`, line: next + 1 });
  }

  /** Whether the character at `p` can follow `-`, `?` or `:` inside a flow plain scalar. */
  private flowSafe(p: number, end: number): boolean {
    return p < end && !' \t,[]{}'.includes(this.src[p]);
  }

  private skipSpaces(p: number, end: number): number {
    let i = p;
    while (i < end && this.src.charCodeAt(i) === SPACE) {
      i++;
    }
    if (i < end && this.src.charCodeAt(i) === TAB) {
      notSure();
    }
    return i;
  }

  /** A `|`, `|-` or `|+` block literal (with an optional indentation digit) as a map value. */
  private literal(p: number, l: number, indent: number): string {
    const { src } = this;
    const end = this.ends[l];
    let chomp: 'clip' | 'strip' | 'keep' = 'clip';
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
    this.endOfLineOrBlank(i, end);

    // Where the content is indented: given, or taken from the first line with text.
    let contentIndent = indent + explicit;
    let longestLeadingBlank = 0;
    let k = l + 1;
    for (; k < this.starts.length; k++) {
      const length = this.ends[k] - this.starts[k];
      const ind = this.indentOf(k);
      if (ind === length) {
        longestLeadingBlank = Math.max(longestLeadingBlank, length);
        continue;
      }
      if (explicit === 0) {
        contentIndent = ind;
      }
      break;
    }
    if (k >= this.starts.length || this.indentOf(k) < contentIndent || contentIndent <= indent) {
      // An empty block scalar: rare, and its chomping rules are easy to get wrong.
      notSure();
    }
    if (explicit === 0 && longestLeadingBlank > contentIndent) {
      notSure();
    }

    const lines: string[] = [];
    // For each line, its length when it is blank (spaces only), -1 when it has text.
    const blankLengths: number[] = [];
    let lastText = -1;
    let firstIndent = -1;
    for (k = l + 1; k < this.starts.length; k++) {
      const start = this.starts[k];
      const length = this.ends[k] - start;
      const ind = this.indentOf(k);
      if (ind === length) {
        // A blank line: spaces beyond the indentation are content.
        lines.push(length > contentIndent ? src.slice(start + contentIndent, this.ends[k]) : '');
        blankLengths.push(length);
        continue;
      }
      if (ind < contentIndent) {
        break;
      }
      if (firstIndent < 0) {
        firstIndent = ind;
      }
      lines.push(src.slice(start + contentIndent, this.ends[k]));
      blankLengths.push(-1);
      lastText = lines.length - 1;
    }
    this.line = k;
    if (chomp === 'keep') {
      // Keep: every trailing blank line is a line break (with its spaces beyond the indentation).
      return `${lines.join('\n')}\n`;
    }
    // Strip and clip drop trailing blank lines, except that `yaml` keeps them (and those before)
    // when one is longer than the first text line's indentation: match it.
    let keep = lastText + 1;
    for (let j = lines.length - 1; j > lastText; j--) {
      if (blankLengths[j] > firstIndent) {
        keep = j + 1;
        break;
      }
    }
    lines.length = keep;
    const text = lines.join('\n');
    return chomp === 'strip' ? text : `${text}\n`;
  }

  /** After a block scalar header: nothing, or spaces and a comment. */
  private endOfLineOrBlank(p: number, end: number): void {
    const i = this.skipSpaces(p, end);
    if (i < end && (this.src.charCodeAt(i) !== HASH || i === p)) {
      notSure();
    }
  }
}
