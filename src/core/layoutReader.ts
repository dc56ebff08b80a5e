// Reads a note's front matter when it is laid out exactly as Candor writes it (renderNote, Set
// Status, the link commands): `key: value` lines, `commits:` and `files:` as indented block lists,
// `lines` and `tags` as one-line flow lists, an `anchor` as a `|` literal. The index reads every
// note on its first scan; through this one pass over the characters a note costs a fraction of
// the general route (fastYaml.ts into a plain object, then the field checks of noteParser.ts).
//
// The rule that keeps this safe: it fills the note only when the general route would give the
// same fields and no problem at all. Anything else (a blank line, a quote with an escape other
// than `\\` or `\"`, a repeated key, a nested field of a team's own, a value the checks would
// refuse, any unusual character) gives up, and the general route reads the note, reports and
// explains. Comment lines, comments after a plain value and one-line fields of a team's own are
// read, as people add them by hand. The differential test
// (test/unit/layoutReader.test.ts) holds the two routes to that.
import { RESERVED_KEYS, UNUSUAL_RANGES, isPlainString } from './fastYaml';
import { CommitLink, FileLink, keptList } from './plainConstructors';
import { unsafePathReason } from './repoPaths';
import {
  COMMIT_ROLES, SEVERITIES, STATUSES, SHA_PATTERN, isDateTime,
  type LinkedCommit, type LinkedFile, type Note,
} from './noteModel';

/**
 * Thrown to give up; never escapes. A plain object: no stack to capture. Thrown in place rather
 * than by a helper: a call the JIT has never seen made (the first note that gives up at that
 * point) sends the compiled reader back to be compiled again, where a throw does not.
 */
const NOT_SURE = { notSure: true };

// What the fast readers leave to `yaml`: controls (a carriage return too, unless it ends a line),
// C1, the line and paragraph separators, BOM, non-characters. Never in what Candor writes. Every
// character of a front matter that is not part of its fixed structure (fences, keys, `: `, the
// indentation, `- `, brackets) is in some value, comment or literal and goes through a check:
// the pass over a plain value's characters (scalar), or one of the searches below. That is
// cheaper than a separate pass over the whole front matter.
// fastYaml's ranges, plus tab, line feed and carriage return, which no single-line piece holds.
const UNUSUAL = `\\t\\n\\r${UNUSUAL_RANGES}`;
/** In a comment: anything unusual. */
const UNUSUAL_CHAR = new RegExp(`[${UNUSUAL}]`);
/** In a literal, whose lines are joined with line feeds and may hold tabs: a carriage return, or anything else unusual. */
const LITERAL_TROUBLE = new RegExp(`[\\r${UNUSUAL_RANGES}]`);
/** In a quoted scalar, what this reader leaves alone: anything unusual, a quote (`''` escapes one), a backslash in "...". */
const SINGLE_QUOTED_TROUBLE = new RegExp(`['${UNUSUAL}]`);
const DOUBLE_QUOTED_TROUBLE = new RegExp(`["\\\\${UNUSUAL}]`);
/** A tag as the writer lists it unquoted: letters, digits and `_ . / -`, and non-ASCII but the unusual. */
const TAG = /^[A-Za-z0-9_\u00a0-\u2027\u202a-\ufefe\uff00-\ufffd][A-Za-z0-9_.\/\u00a0-\u2027\u202a-\ufefe\uff00-\ufffd-]*$/;

/** The characters YAML's non-string plain words (numbers, null, booleans, .inf, .nan) are made of. */
const NON_STRING_CHARS = new Uint8Array(128);
for (const ch of '0123456789abcdefABCDEF+-.~xonultrsiNULTRSI') {
  NON_STRING_CHARS[ch.charCodeAt(0)] = 1;
}

const SPACE = 32;
const CR = 13;
const DASH = 45;
const COLON = 58;
const BACKSLASH = 92;
const HASH = 35;
const SINGLE_QUOTE = 39;
const DOUBLE_QUOTE = 34;
const BAR = 124;

/** Where the keys of a block list's items sit, as the writer indents them (`  - key:`). */
const ITEM_KEY_INDENT = 4;

// Top-level keys, one bit each, to refuse a repeated key (the `yaml` package reports it).
const TOP_KEYS = ['id', 'title', 'status', 'severity', 'author', 'occurred', 'logged', 'branch', 'head', 'resolved', 'commits', 'files', 'tags'];
const COMMIT_KEYS = ['sha', 'role', 'subject'];
const FILE_KEYS = ['path', 'lines', 'commit', 'anchor', 'uncommitted'];

/**
 * Fills `note` (every field but the body, as defaultFields left it) from the front matter at the
 * start of `text` and returns the 0-based line where the body starts, or -1 when not sure: then
 * `note` is untouched. `text` is the note's text or its start up to and including the line
 * break after the closing fence. As for parseNoteStart, the caller must have found no NUL byte
 * in the whole file: past the front matter, this reader does not look.
 */
export function readLayout(text: string, note: Omit<Note, 'body'>): number {
  try {
    return new LayoutReader(text).read(note);
  } catch {
    // NOT_SURE, or a bug here: either way the general route still reads the note.
    return -1;
  }
}

class LayoutReader {
  /** Where the next line starts. */
  private pos = 0;
  /** The current line: its start, its end (before `\r\n` or `\n`) and the offset after it. */
  private start = 0;
  private end = 0;
  private lines = 0;

  constructor(private readonly src: string) {}

  read(note: Omit<Note, 'body'>): number {
    this.nextLine();
    if (!this.isFence()) {
      throw NOT_SURE;
    }
    let seen = 0;
    let id: string | undefined;
    let title: string | undefined;
    let status: string | undefined;
    let severity: string | undefined;
    let author: string | undefined;
    let occurred: string | undefined;
    let logged: string | undefined;
    let branch: string | undefined;
    let head: string | undefined;
    let resolved: string | undefined;
    // defaultFields' empty lists, kept where the note has none of its own.
    let commits: LinkedCommit[] = note.commits;
    let files: LinkedFile[] = note.files;
    let tags: string[] = note.tags;
    let others: string[] | undefined;
    for (;;) {
      this.nextLine();
      if (this.isFence()) {
        break;
      }
      if (this.src.charCodeAt(this.start) === HASH) {
        // A comment line between fields.
        if (UNUSUAL_CHAR.test(this.src.slice(this.start, this.end))) {
          throw NOT_SURE;
        }
        continue;
      }
      const colon = this.keyEnd(this.start);
      const key = keyIndex(TOP_KEYS, this.src, this.start, colon);
      if (key < 0) {
        this.otherKey(colon, others ??= []);
        continue;
      }
      if ((seen & (1 << key)) !== 0) {
        throw NOT_SURE;
      }
      seen |= 1 << key;
      if (key === 10 || key === 11) {
        // commits, files: `[]` or a block list on the lines that follow.
        if (colon + 1 === this.end) {
          if (key === 10) {
            commits = this.blockList(() => this.commit());
          } else {
            files = this.blockList(() => this.file());
          }
        } else if (!this.isEmptyFlow(colon)) {
          throw NOT_SURE;
        }
        continue;
      }
      const at = this.valueStart(colon);
      if (key === 12) {
        tags = this.tags(at);
        continue;
      }
      const value = this.scalar(at);
      switch (key) {
        case 0: id = value; break;
        case 1: title = value; break;
        case 2: status = value; break;
        case 3: severity = value; break;
        case 4: author = value; break;
        case 5: occurred = value; break;
        case 6: logged = value; break;
        case 7: branch = value; break;
        case 8: head = value; break;
        default: resolved = value;
      }
    }
    // What the field checks would report as a problem: let them.
    const statusIndex = status === undefined ? -1 : (STATUSES as readonly string[]).indexOf(status);
    const severityIndex = severity === undefined ? -1 : (SEVERITIES as readonly string[]).indexOf(severity);
    if ((id !== undefined && id !== note.id)
      || title === undefined || title.trim() === ''
      || statusIndex < 0 || severityIndex < 0
      || !isTimeOrAbsent(occurred) || !isTimeOrAbsent(logged) || !isTimeOrAbsent(resolved)
      || (head !== undefined && !SHA_PATTERN.test(head))) {
      throw NOT_SURE;
    }
    // The same fields in the same order as noteParser's readFields, so both give one shape.
    note.title = title;
    // The vocabulary's own strings rather than copies read from the text: one string fewer each
    // for every note an index keeps.
    note.status = STATUSES[statusIndex];
    note.severity = SEVERITIES[severityIndex];
    note.author = author;
    note.occurred = occurred;
    note.logged = logged;
    note.branch = branch;
    note.head = head;
    note.resolved = resolved;
    note.commits = commits;
    note.files = files;
    note.tags = tags;
    return this.lines;
  }

  /**
   * A key notes do not use (a team's own field): ignored by the field checks, so only read to
   * be sure it is one-line text or a list of words, as `yaml` would read it without complaint.
   */
  private otherKey(colon: number, others: string[]): void {
    const key = this.src.slice(this.start, colon);
    // Keys `yaml` reads as something else than their text (null, booleans) are left to it.
    if (RESERVED_KEYS.has(key) || others.includes(key)) {
      throw NOT_SURE;
    }
    others.push(key);
    const at = this.valueStart(colon);
    if (this.src.charCodeAt(at) === 91) {
      this.tags(at);
    } else {
      this.scalar(at);
    }
  }

  /** Moves to the next line; a text that ends before a line break is not ours. */
  private nextLine(): void {
    const { src } = this;
    const nl = src.indexOf('\n', this.pos);
    if (nl < 0) {
      throw NOT_SURE;
    }
    this.start = this.pos;
    // One subtraction either way: a branch first taken by the first CRLF note, after the JIT
    // compiled this, would send the compiled code back for recompiling.
    this.end = nl - (nl > this.pos && src.charCodeAt(nl - 1) === CR ? 1 : 0);
    this.pos = nl + 1;
    this.lines++;
  }

  /** Puts the current line back, for the caller to read again. */
  private unread(): void {
    this.pos = this.start;
    this.lines--;
  }

  private isFence(): boolean {
    return this.end - this.start === 3 && this.src.startsWith('---', this.start);
  }

  /** The offset of the `:` after a lowercase key at `p`. */
  private keyEnd(p: number): number {
    const { src } = this;
    let i = p;
    for (let ch = src.charCodeAt(i); ch >= 97 && ch <= 122; ch = src.charCodeAt(++i)) {
      // A lowercase key.
    }
    if (i === p || i >= this.end || src.charCodeAt(i) !== COLON) {
      throw NOT_SURE;
    }
    return i;
  }

  /** After `key:`: one space, then the value, which must start right there. */
  private valueStart(colon: number): number {
    const at = colon + 2;
    if (at >= this.end || this.src.charCodeAt(colon + 1) !== SPACE || this.src.charCodeAt(at) === SPACE) {
      throw NOT_SURE;
    }
    return at;
  }

  /** Whether the value after `key:` is exactly `[]`. */
  private isEmptyFlow(colon: number): boolean {
    return this.end - colon === 4 && this.src.startsWith(' []', colon + 1);
  }

  /**
   * A one-line scalar from `p` to the end of the line: plain, or quoted without escapes (a
   * double-quoted one with `\\` or `\"` goes to unescapeSimple).
   *
   * Quoted and plain values share one pass, and what differs is computed for both: the JIT
   * compiles this after the first notes, and code it has never seen run (the first quoted title
   * after that, with its own calls and arithmetic) would send it back to be compiled again.
   */
  private scalar(p: number): string {
    const { src, end } = this;
    const first = src.charCodeAt(p);
    const quote = first === SINGLE_QUOTE || first === DOUBLE_QUOTE ? first : 0;
    const inner = p + 1;
    const last = end - 1;
    const closed = inner <= last && src.charCodeAt(last) === first;
    let from = p;
    let stop = end;
    if (quote !== 0) {
      if (!closed) {
        throw NOT_SURE;
      }
      from = inner;
      stop = last;
    } else if (!isPlainStart(first)) {
      throw NOT_SURE;
    }
    // One pass over the characters: what YAML reads differently, where a comment starts, and
    // whether the text could be one of YAML's non-string words at all (most values show a
    // character no number, null or boolean has, and need no further test). Inside quotes only
    // the unusual characters, the quote itself (`''` escapes one) and a backslash matter.
    let surelyText = quote !== 0;
    let comment = false;
    for (let i = from; i < stop; i++) {
      const ch = src.charCodeAt(i);
      if (ch >= 0x7f) {
        if (isUnusualAbove7e(ch)) {
          throw NOT_SURE;
        }
        surelyText = true;
      } else if (ch === quote) {
        throw NOT_SURE;
      } else if (ch === BACKSLASH && quote === DOUBLE_QUOTE) {
        return unescapeSimple(src.slice(from, stop));
      } else if (ch <= SPACE) {
        // A control character or a tab; in a plain value a space at the end or before `#` (a
        // comment).
        if (ch !== SPACE || (quote === 0 && i + 1 === end)) {
          throw NOT_SURE;
        }
        if (quote === 0 && src.charCodeAt(i + 1) === HASH) {
          stop = i;
          comment = true;
          break;
        }
        surelyText = true;
      } else if (ch === COLON && quote === 0) {
        // `: ` or a final `:`: a map where a scalar was expected.
        if (i + 1 === end || src.charCodeAt(i + 1) === SPACE) {
          throw NOT_SURE;
        }
        surelyText = true;
      } else if (!surelyText && NON_STRING_CHARS[ch] === 0) {
        surelyText = true;
      }
    }
    if (comment) {
      if (UNUSUAL_CHAR.test(src.slice(stop, end))) {
        throw NOT_SURE;
      }
      while (stop > p && src.charCodeAt(stop - 1) === SPACE) {
        stop--;
      }
    }
    const text = src.slice(from, stop);
    if (quote === 0 && (text === '' || (!surelyText && !isPlainString(text)))) {
      throw NOT_SURE;
    }
    return text;
  }

  /** `[a, 'b', "c"]` or `[]`: one-line words as the writer lists them, each read as text. */
  private tags(p: number): string[] {
    const { src, end } = this;
    const close = end - 1;
    if (src.charCodeAt(p) !== 91 || src.charCodeAt(close) !== 93) {
      throw NOT_SURE;
    }
    const out: string[] = [];
    if (close === p + 1) {
      return keptList(out);
    }
    let i = p + 1;
    for (;;) {
      const first = src.charCodeAt(i);
      let tag: string;
      let next: number;
      if (first === SINGLE_QUOTE || first === DOUBLE_QUOTE) {
        next = src.indexOf(first === SINGLE_QUOTE ? "'" : '"', i + 1) + 1;
        if (next <= 0 || next > close) {
          throw NOT_SURE;
        }
        tag = src.slice(i + 1, next - 1);
        if ((first === SINGLE_QUOTE ? SINGLE_QUOTED_TROUBLE : DOUBLE_QUOTED_TROUBLE).test(tag)) {
          throw NOT_SURE;
        }
      } else {
        const comma = src.indexOf(', ', i);
        next = comma >= 0 && comma < close ? comma : close;
        tag = src.slice(i, next);
        if (!TAG.test(tag) || !isPlainString(tag)) {
          throw NOT_SURE;
        }
      }
      out.push(tag);
      if (next === close) {
        return keptList(out);
      }
      if (src.charCodeAt(next) !== 44 || src.charCodeAt(next + 1) !== SPACE) {
        throw NOT_SURE;
      }
      i = next + 2;
    }
  }

  /** `[first, last]`: two line numbers, the first not after the last. */
  private lineRange(p: number): [number, number] {
    const { src, end } = this;
    if (src.charCodeAt(p) !== 91 || src.charCodeAt(end - 1) !== 93) {
      throw NOT_SURE;
    }
    const comma = src.indexOf(', ', p);
    if (comma < 0 || comma > end) {
      throw NOT_SURE;
    }
    const first = lineNumber(src, p + 1, comma);
    const last = lineNumber(src, comma + 2, end - 1);
    if (first > last) {
      throw NOT_SURE;
    }
    return Array.of(first, last) as [number, number];
  }

  /**
   * The items of a block list under `commits:` or `files:`: each `  - key: value` followed by
   * `    key: value` lines. Ends before the next top-level line.
   */
  private blockList<T>(item: () => T): T[] {
    const out: T[] = [];
    this.nextLine();
    if (!this.src.startsWith('  - ', this.start)) {
      // `commits:` with nothing under it, or an item laid out differently.
      throw NOT_SURE;
    }
    while (this.src.startsWith('  - ', this.start)) {
      out.push(item());
    }
    if (this.src.charCodeAt(this.start) === SPACE) {
      throw NOT_SURE;
    }
    this.unread();
    return keptList(out);
  }

  /**
   * The keys of one list item, from its `- ` line on: calls `take` with each key's index and the
   * offset of its value, and leaves the reader on the first line after the item.
   */
  private itemKeys(keys: string[], take: (key: number, at: number) => void): void {
    let seen = 0;
    let p = this.start + ITEM_KEY_INDENT;
    for (;;) {
      const colon = this.keyEnd(p);
      const key = keyIndex(keys, this.src, p, colon);
      if (key < 0 || (seen & (1 << key)) !== 0) {
        throw NOT_SURE;
      }
      seen |= 1 << key;
      take(key, colon);
      // `take` may have read further lines (a literal); it leaves the reader on the next one.
      if (!this.src.startsWith('    ', this.start) || this.src.charCodeAt(this.start + ITEM_KEY_INDENT) === SPACE) {
        return;
      }
      p = this.start + ITEM_KEY_INDENT;
    }
  }

  private commit(): LinkedCommit {
    let sha: string | undefined;
    let role: string | undefined;
    let subject: string | undefined;
    this.itemKeys(COMMIT_KEYS, (key, colon) => {
      const value = this.scalar(this.valueStart(colon));
      if (key === 0) {
        sha = value;
      } else if (key === 1) {
        role = value;
      } else {
        subject = value;
      }
      this.nextLine();
    });
    const roleIndex = role === undefined ? -1 : (COMMIT_ROLES as readonly string[]).indexOf(role);
    if (sha === undefined || !SHA_PATTERN.test(sha) || roleIndex < 0) {
      throw NOT_SURE;
    }
    return new CommitLink(sha, COMMIT_ROLES[roleIndex], subject);
  }

  private file(): LinkedFile {
    let linked: string | undefined;
    let lines: [number, number] | undefined;
    let commit: string | undefined;
    let anchor: string | undefined;
    let uncommitted: string | undefined;
    this.itemKeys(FILE_KEYS, (key, colon) => {
      if (key === 3 && colon + 2 < this.end && this.src.charCodeAt(colon + 2) === BAR) {
        anchor = this.literal(this.valueStart(colon));
        return;
      }
      const at = this.valueStart(colon);
      switch (key) {
        case 0: linked = this.scalar(at); break;
        case 1: lines = this.lineRange(at); break;
        case 2: commit = this.scalar(at); break;
        case 3: anchor = this.scalar(at); break;
        default: uncommitted = this.scalar(at);
      }
      this.nextLine();
    });
    if (linked === undefined || linked.trim() === '' || unsafePathReason(linked) !== undefined || (commit !== undefined && !SHA_PATTERN.test(commit))) {
      throw NOT_SURE;
    }
    const known = uncommitted === 'modified' || uncommitted === 'untracked' || uncommitted === 'unsaved' ? uncommitted : undefined;
    return new FileLink(linked, lines, commit, anchor, known);
  }

  /**
   * A `|` literal as an item's value (`|`, `|-`, `|2`, `|2-`, `|-2`): its lines, less their
   * indentation, joined. Blank lines after the last text line, and `|+`, have chomping rules left
   * to the general route. Leaves the reader on the line after it.
   */
  private literal(p: number): string {
    const { src } = this;
    let strip = false;
    let explicit = 0;
    for (let i = p + 1; i < this.end; i++) {
      const ch = src.charCodeAt(i);
      // Computed for `-` too: arithmetic first run after the JIT compiled this (the first `|2`)
      // would send it back to be compiled again.
      const digit = ch - 48;
      if (ch === DASH && !strip) {
        strip = true;
      } else if (digit >= 1 && digit <= 9 && explicit === 0) {
        explicit = digit;
      } else {
        throw NOT_SURE;
      }
    }
    // Given, or taken from the first line with text (then no blank line before it may be longer).
    let contentIndent = explicit === 0 ? -1 : ITEM_KEY_INDENT + explicit;
    let longestLeadingBlank = 0;
    // Joined once at the end: one flat string to keep rather than a chain of concatenations,
    // each a string object of its own, for every anchor an index holds.
    const lines: string[] = [];
    /** Blank lines since the last text line, as offsets: start, end, start, end... */
    const blanks: number[] = [];
    for (;;) {
      this.nextLine();
      const { start, end } = this;
      let ind = start;
      while (ind < end && src.charCodeAt(ind) === SPACE) {
        ind++;
      }
      if (ind === end) {
        blanks.push(start, end);
        if (lines.length === 0) {
          longestLeadingBlank = Math.max(longestLeadingBlank, end - start);
        }
        continue;
      }
      if (contentIndent < 0) {
        contentIndent = ind - start;
        if (contentIndent <= ITEM_KEY_INDENT || longestLeadingBlank > contentIndent) {
          throw NOT_SURE;
        }
      }
      if (ind - start < contentIndent) {
        if (lines.length === 0 || blanks.length > 0) {
          throw NOT_SURE;
        }
        break;
      }
      // Spaces beyond the indentation are a blank line's content.
      for (let b = 0; b < blanks.length; b += 2) {
        lines.push(blanks[b + 1] - blanks[b] > contentIndent ? src.slice(blanks[b] + contentIndent, blanks[b + 1]) : '');
      }
      blanks.length = 0;
      lines.push(src.slice(start + contentIndent, end));
    }
    const text = lines.join('\n');
    if (LITERAL_TROUBLE.test(text)) {
      throw NOT_SURE;
    }
    return strip ? text : `${text}\n`;
  }
}

/**
 * The inside of a "..." scalar with the escapes the writer uses for a path or a quote (`\\`,
 * `\"`); any other escape, a bare quote or a tab is left to the general route.
 */
function unescapeSimple(text: string): string {
  let out = '';
  let from = 0;
  for (let slash = text.indexOf('\\'); slash >= 0; slash = text.indexOf('\\', from)) {
    const escaped = text.charCodeAt(slash + 1);
    const before = text.slice(from, slash);
    if ((escaped !== BACKSLASH && escaped !== DOUBLE_QUOTE) || DOUBLE_QUOTED_TROUBLE.test(before)) {
      throw NOT_SURE;
    }
    out += before + text[slash + 1];
    from = slash + 2;
  }
  const rest = text.slice(from);
  if (DOUBLE_QUOTED_TROUBLE.test(rest)) {
    throw NOT_SURE;
  }
  return out + rest;
}

/** From U+007F on, what the fast readers leave to `yaml`: UNUSUAL_RANGES, as a test for the character loop of scalar. */
function isUnusualAbove7e(ch: number): boolean {
  return ch <= 0x9f || ch === 0x2028 || ch === 0x2029 || ch === 0xfeff || ch === 0xfffe || ch === 0xffff;
}

/** The index of the key between `p` and `colon` in `keys`, or -1. */
function keyIndex(keys: string[], src: string, p: number, colon: number): number {
  const length = colon - p;
  for (let k = 0; k < keys.length; k++) {
    if (keys[k].length === length && src.startsWith(keys[k], p)) {
      return k;
    }
  }
  return -1;
}

function isTimeOrAbsent(value: string | undefined): boolean {
  return value === undefined || isDateTime(value);
}

/** A line number as the writer puts it: digits, no sign, no leading zero, well inside 2^53. */
function lineNumber(src: string, from: number, to: number): number {
  if (to <= from || to - from > 15 || src.charCodeAt(from) === 48) {
    throw NOT_SURE;
  }
  let n = 0;
  for (let i = from; i < to; i++) {
    const digit = src.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) {
      throw NOT_SURE;
    }
    n = n * 10 + digit;
  }
  return n;
}

/** A plain scalar may start with none of YAML's indicators (nor a space). */
function isPlainStart(ch: number): boolean {
  switch (ch) {
    case SPACE: case DASH: case 63 /* ? */: case COLON: case 44 /* , */: case 91 /* [ */: case 93 /* ] */:
    case 123 /* { */: case 125 /* } */: case HASH: case 38 /* & */: case 42 /* * */: case 33 /* ! */:
    case BAR: case 62 /* > */: case SINGLE_QUOTE: case DOUBLE_QUOTE: case 37 /* % */: case 64 /* @ */: case 96 /* ` */:
      return false;
    default:
      return true;
  }
}
