// Reads a note file into the model. Notes come from a repository someone else may have written:
// nothing here throws on bad input; every defect becomes a problem attached to the note.
import { readYaml } from './frontMatter/frontMatterYaml';
import { defaultFields, FIELD_ENTRIES, type FieldSpec, type NoteFieldKey } from './noteFields';
import { splitFrontMatter, type FrontMatterSplit } from './frontMatter/frontMatter';
import { unsafePathReason } from '../repository/repoPaths';
import { noteIdProblem } from '../similar/relatedNotes';
import {
  COMMIT_ROLES, FULL_SHA_PATTERN, SHA_PATTERN, isDateTime,
  type CommitRole, type LinkedCommit, type LinkedFile, type Note, type NoteProblem, type ParsedNote,
} from './noteModel';

/**
 * Changes whenever parseNote can return something different for the same text (a new field, a
 * new problem, a different message). The index cache stores parsed notes and drops them when
 * this differs, so a newer Candor never shows what an older parser made of a file.
 */
export const NOTE_PARSER_VERSION = 4;

/**
 * The body parseNote gives for `text`, without parsing the front matter: for a note whose fields
 * came from the index cache and whose body is read only when asked for. Keep in step with
 * parseNote (a unit test compares them).
 */
export function noteBody(text: string): string {
  if (text.includes('\u0000')) {
    return '';
  }
  return splitFrontMatter(text)?.body ?? text;
}

export function parseNote(text: string, fileName: string): ParsedNote {
  const problems: NoteProblem[] = [];
  const note = defaultFields(fileName) as Note;
  note.body = '';

  if (text.includes('\u0000')) {
    problems.push({ level: 'error', message: 'The file contains NUL bytes: it is not a text note.' });
    return { note, problems, bodyLine: 0 };
  }
  const split = splitFrontMatter(text);
  if (!split) {
    problems.push({ level: 'error', message: 'No front matter: a note starts with a line `---`, its YAML fields, and another `---`.', line: 1 });
    note.body = text;
    return { note, problems, bodyLine: 0 };
  }
  note.body = split.body;
  return readFields(note, split, countLineBreaks(text, split.bodyStart), problems);
}

/**
 * parseNote from the start of a file only, for a reader that leaves the body for later (the
 * index decodes just the front matter's bytes, a quarter of a typical note). `head` must be the
 * file's text cut just after a line break, or all of it: then the first closing fence found in
 * it is the file's own, since every line of `head` and the character after it read as in the
 * whole text. The caller must have found no NUL byte in the whole file (such a file is no note).
 * Undefined when `head` holds no complete front matter: parse the whole text instead. The note's
 * body is what `withBody` gives (noteBody reads the real one); all else is what parseNote returns
 * for the whole file.
 */
export function parseNoteStart(head: string, fileName: string, withBody: (fields: Omit<Note, 'body'>) => Note): ParsedNote | undefined {
  if (head.includes('\u0000')) {
    return undefined;
  }
  // No body yet: `withBody` adds it once every other field is set.
  const fields = defaultFields(fileName);
  const split = splitFrontMatter(head);
  if (!split) {
    return undefined;
  }
  const parsed = readFields(fields as Note, split, countLineBreaks(head, split.bodyStart), []);
  parsed.note = withBody(parsed.note);
  return parsed;
}

/** Fills `note` from the front matter of `split`. */
function readFields(note: Note, split: FrontMatterSplit, bodyLine: number, problems: NoteProblem[]): ParsedNote {
  const { id } = note;

  const data = readYaml(split.yaml, split.firstLine, problems);
  if (!data) {
    return { note, problems, bodyLine };
  }
  const fields = new FieldReader(data, problems, lineOf(split.yaml, split.firstLine));
  const values = note as unknown as Record<string, unknown>;
  // Every field of the table, in its order: a value read replaces the default.
  for (const [key, spec] of FIELD_ENTRIES) {
    const value = readField(fields, key, spec, id, problems);
    if (value !== undefined) {
      values[key] = value;
    }
  }
  return { note, problems, bodyLine };
}

/** One field's value as its table entry says to read and check it; undefined keeps the default. */
function readField(fields: FieldReader, key: NoteFieldKey, spec: FieldSpec, id: string, problems: NoteProblem[]): unknown {
  switch (spec.check) {
    case 'id': {
      const declared = fields.string(key);
      if (declared !== undefined && declared !== id) {
        problems.push({ level: 'warning', message: `id "${declared}" does not match the file name "${id}".`, line: fields.line(key), field: key });
      }
      return undefined;
    }
    case 'title':
      return fields.string(key, true);
    case 'text':
      return fields.string(key);
    case 'choice':
      return fields.oneOf(key, spec.choices ?? [], spec.default ?? '');
    case 'timestamp':
      return fields.timestamp(key);
    case 'sha':
      return fields.sha(key);
    case 'commits':
      return fields.list(key, (item, where) => readCommit(item, where, problems, () => fields.line(key), key));
    case 'files':
      return fields.list(key, (item, where) => readFile(item, where, problems, () => fields.line(key), key));
    case 'tags':
      return fields.list(key, (item, where) => {
        if (typeof item === 'string' || typeof item === 'number') {
          return String(item);
        }
        problems.push({ level: 'warning', message: `${where} must be a text tag.`, line: fields.line(key), field: key });
        return undefined;
      });
    case 'noteIds':
      return fields.list(key, (item, where) => {
        const reason = noteIdProblem(item);
        if (reason) {
          problems.push({ level: 'warning', message: `${where} ${reason}; it is ignored.`, line: fields.line(key) });
          return undefined;
        }
        return String(item);
      });
  }
}

/** Line breaks before `end`: the 0-based line where `end` is. */
function countLineBreaks(text: string, end: number): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) {
    count++;
  }
  return count;
}

/** Finds the line of a top-level key, so problems point at it. */
function lineOf(yaml: string, firstLine: number): (key: string) => number | undefined {
  // Split only when a problem needs a line: most notes have none.
  let lines: string[] | undefined;
  return (key) => {
    lines ??= yaml.split(/\r?\n/);
    const index = lines.findIndex((l) => l.startsWith(`${key}:`));
    return index >= 0 ? index + firstLine : undefined;
  };
}

class FieldReader {
  constructor(
    private readonly data: Record<string, unknown>,
    private readonly problems: NoteProblem[],
    readonly line: (key: string) => number | undefined,
  ) {}

  private problem(level: NoteProblem['level'], key: string, message: string, value?: unknown): void {
    const problem: NoteProblem = { level, message, line: this.line(key), field: key };
    if (value !== undefined) {
      problem.value = rawText(value);
    }
    this.problems.push(problem);
  }

  string(key: string, required = false): string | undefined {
    const value = this.data[key];
    if (value === undefined || value === null) {
      if (required) {
        this.problem('error', key, `\`${key}\` is missing.`);
      }
      return undefined;
    }
    if (typeof value !== 'string') {
      this.problem('error', key, `\`${key}\` must be text, not ${kind(value)}.`, value);
      return undefined;
    }
    if (required && value.trim() === '') {
      this.problem('error', key, `\`${key}\` is empty.`, value);
      return undefined;
    }
    return value;
  }

  oneOf(key: string, allowed: readonly string[], fallback: string): string {
    const value = this.data[key];
    if (value === undefined || value === null) {
      this.problem('warning', key, `\`${key}\` is missing; taken as "${fallback}".`);
      return fallback;
    }
    if (typeof value !== 'string' || !allowed.includes(value)) {
      this.problem('error', key, `\`${key}\` is "${String(value)}"; expected one of ${allowed.join(', ')}.`, value);
      return fallback;
    }
    return value;
  }

  timestamp(key: string): string | undefined {
    const value = this.string(key);
    if (value !== undefined && !isDateTime(value)) {
      this.problem('error', key, `\`${key}\` is not a date and time: "${value}".`, value);
      return undefined;
    }
    return value;
  }

  sha(key: string): string | undefined {
    const value = this.string(key);
    if (value !== undefined && !FULL_SHA_PATTERN.test(value) && !SHA_PATTERN.test(value)) {
      this.problem('error', key, `\`${key}\` is not a commit sha: "${value}".`, value);
      return undefined;
    }
    return value;
  }

  list<T>(key: string, read: (item: unknown, where: string) => T | undefined): T[] {
    const value = this.data[key];
    if (value === undefined || value === null) {
      return [];
    }
    if (!Array.isArray(value)) {
      this.problem('error', key, `\`${key}\` must be a list, not ${kind(value)}.`);
      return [];
    }
    const out: T[] = [];
    value.forEach((item, i) => {
      const read1 = read(item, `${key}[${i}]`);
      if (read1 !== undefined) {
        out.push(read1);
      }
    });
    return out;
  }
}

// `lineOf` is a function so that the YAML is split into lines only when there is a problem.
function readCommit(item: unknown, where: string, all: NoteProblem[], lineOf: () => number | undefined, field: string): LinkedCommit | undefined {
  const problems = { push: (p: NoteProblem) => all.push({ ...p, field }) };
  if (!isRecord(item)) {
    problems.push({ level: 'error', message: `${where} must have \`sha\` and \`role\`.`, line: lineOf() });
    return undefined;
  }
  const sha = item.sha;
  if (typeof sha !== 'string' || !SHA_PATTERN.test(sha)) {
    problems.push({ level: 'error', message: `${where}.sha is not a commit sha: "${String(sha)}".`, line: lineOf() });
    return undefined;
  }
  let role: CommitRole = 'related';
  if (typeof item.role === 'string' && (COMMIT_ROLES as readonly string[]).includes(item.role)) {
    role = item.role as CommitRole;
  } else {
    problems.push({ level: 'warning', message: `${where}.role "${String(item.role)}" is not one of ${COMMIT_ROLES.join(', ')}; taken as related.`, line: lineOf() });
  }
  return { sha, role, subject: typeof item.subject === 'string' ? item.subject : undefined };
}

function readFile(item: unknown, where: string, all: NoteProblem[], lineOf: () => number | undefined, field: string): LinkedFile | undefined {
  const problems = { push: (p: NoteProblem) => all.push({ ...p, field }) };
  if (!isRecord(item) || typeof item.path !== 'string' || item.path.trim() === '') {
    problems.push({ level: 'error', message: `${where} must have a \`path\`.`, line: lineOf() });
    return undefined;
  }
  const unsafe = unsafePathReason(item.path);
  if (unsafe) {
    problems.push({ level: 'error', message: `${where}.path "${item.path}" ${unsafe}; it is never opened.`, line: lineOf() });
    return undefined;
  }
  const file: LinkedFile = { path: item.path };
  if (item.lines !== undefined && item.lines !== null) {
    const lines = item.lines;
    if (Array.isArray(lines) && lines.length === 2 && lines.every((n) => Number.isInteger(n) && n >= 1) && lines[0] <= lines[1]) {
      file.lines = [lines[0], lines[1]];
    } else {
      problems.push({ level: 'error', message: `${where}.lines must be [first, last], 1-based line numbers.`, line: lineOf() });
    }
  }
  if (typeof item.commit === 'string' && SHA_PATTERN.test(item.commit)) {
    file.commit = item.commit;
  } else if (item.commit !== undefined && item.commit !== null) {
    problems.push({ level: 'error', message: `${where}.commit is not a commit sha: "${String(item.commit)}".`, line: lineOf() });
  }
  if (typeof item.anchor === 'string') {
    file.anchor = item.anchor;
  }
  if (item.uncommitted === 'modified' || item.uncommitted === 'untracked' || item.uncommitted === 'unsaved') {
    file.uncommitted = item.uncommitted;
  }
  return file;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function kind(value: unknown): string {
  if (Array.isArray(value)) {
    return 'a list';
  }
  if (value === null) {
    return 'empty';
  }
  return typeof value === 'object' ? 'a set of fields' : `a ${typeof value}`;
}

/** A value from the file as one line of text: strings as they are, anything else as JSON. */
function rawText(value: unknown): string {
  if (typeof value === 'string') {
    return value;
  }
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > MAX_RAW ? `${text.slice(0, MAX_RAW - 1)}…` : text;
}

/** A non-text value is shown cut to this many characters: a whole nested map says nothing. */
const MAX_RAW = 40;
