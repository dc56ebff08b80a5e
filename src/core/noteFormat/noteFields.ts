// The note format's front-matter fields, described once. Reading and checking (noteParser), the
// fields the index cache keeps (indexCache), the keys the strict reader knows (frontMatterReader)
// and the fields a new note is written with (noteWriting/newNoteFile) all derive from this table. Adding a
// field: one entry here (the compiler insists on one for every field of Note), plus its tests;
// test/unit/noteFields.test.ts fails when a place that must know a field does not.
import { SEVERITIES, STATUSES, type Note, type NoteProblem } from './noteModel';

/** Every field of a note but its body (the Markdown after the front matter). */
export type NoteFieldKey = Exclude<keyof Note, 'body'>;

/**
 * How a field's value is read and checked (noteParser's FieldReader):
 * - `id`: text that should match the file name (a warning if not); the file name wins;
 * - `title`: required, non-empty text (an error if missing or empty);
 * - `text`: optional text;
 * - `choice`: one of `choices`; missing is a warning, anything else an error, both give the default;
 * - `timestamp`: optional date and time (isDateTime);
 * - `sha`: optional commit sha, abbreviated or full;
 * - `commits`, `files`, `tags`: lists whose items are checked one by one; bad items are dropped;
 * - `noteIds`: a list of other notes' ids; an item that cannot be an id is a warning, dropped.
 */
export type FieldCheck = 'id' | 'title' | 'text' | 'choice' | 'timestamp' | 'sha' | 'commits' | 'files' | 'tags' | 'noteIds';

export interface FieldSpec {
  check: FieldCheck;
  /** The allowed values of a `choice` field. */
  choices?: readonly string[];
  /**
   * The value when the front matter does not give a usable one. `fromFileName` for the id and
   * the title; a fresh empty list for the lists; otherwise the value itself (undefined: absent).
   */
  default: 'fromFileName' | 'emptyList' | string | undefined;
  /** Whether the index cache keeps the field (the id is the file's name, never stored). */
  cached: boolean;
  /** Whether a new note is written with the field (renderNote), in the table's order. */
  written: boolean;
  /** Written as a one-line flow list (`tags: [a, b]`). */
  flow?: boolean;
}

/** The fields, in the order they are read (and their problems reported) and written. */
export const NOTE_FIELDS = {
  id: { check: 'id', default: 'fromFileName', cached: false, written: true },
  title: { check: 'title', default: 'fromFileName', cached: true, written: true },
  status: { check: 'choice', choices: STATUSES, default: 'open', cached: true, written: true },
  severity: { check: 'choice', choices: SEVERITIES, default: 'medium', cached: true, written: true },
  author: { check: 'text', default: undefined, cached: true, written: true },
  occurred: { check: 'timestamp', default: undefined, cached: true, written: true },
  logged: { check: 'timestamp', default: undefined, cached: true, written: true },
  branch: { check: 'text', default: undefined, cached: true, written: true },
  head: { check: 'sha', default: undefined, cached: true, written: true },
  // Set by Set Status when the note is resolved (noteWriting/safeNoteSave), never by a new note.
  resolved: { check: 'timestamp', default: undefined, cached: true, written: false },
  // Set by Mark as Reviewed when the team went over the note in a learning review (the digest's period starts there).
  reviewed: { check: 'timestamp', default: undefined, cached: true, written: false },
  commits: { check: 'commits', default: 'emptyList', cached: true, written: true },
  files: { check: 'files', default: 'emptyList', cached: true, written: true },
  tags: { check: 'tags', default: 'emptyList', cached: true, written: true, flow: true },
  // Written only when the new note names related notes (renderNote leaves an empty list out).
  related: { check: 'noteIds', default: 'emptyList', cached: true, written: true, flow: true },
} as const satisfies Record<NoteFieldKey, FieldSpec>;

/** The table as a list of [key, spec], in its order. */
export const FIELD_ENTRIES = Object.entries(NOTE_FIELDS) as [NoteFieldKey, FieldSpec][];

/** The fields the index cache keeps. */
export const CACHED_FIELDS: readonly NoteFieldKey[] = FIELD_ENTRIES.filter(([, spec]) => spec.cached).map(([key]) => key);

/** The fields a new note is written with, in order. */
export const WRITTEN_FIELDS: readonly NoteFieldKey[] = FIELD_ENTRIES.filter(([, spec]) => spec.written).map(([key]) => key);

/** The keys inside a linked commit and a linked file, as readCommit and readFile read them. */
export const COMMIT_LINK_KEYS = ['sha', 'role', 'subject'] as const;
export const FILE_LINK_KEYS = ['path', 'lines', 'commit', 'anchor', 'uncommitted'] as const;

/** What a note named `fileName` is before its front matter says otherwise: every field but the body. */
export function defaultFields(fileName: string): Omit<Note, 'body'> {
  const id = fileName.replace(/\.md$/i, '');
  const fields: Record<string, unknown> = {};
  for (const [key, spec] of FIELD_ENTRIES) {
    fields[key] = spec.default === 'fromFileName' ? id : spec.default === 'emptyList' ? [] : spec.default;
  }
  return fields as unknown as Omit<Note, 'body'>;
}

/**
 * Where a field's value in the note comes from, for showing it honestly:
 * - `valid`: the file says it;
 * - `invalid`: the file says something that is not a valid value: the problem's `value` holds it,
 *   and the note holds the default in its place;
 * - `missing`: the file does not say it; the note holds the default (a warning for status and
 *   severity);
 * - `unread`: the front matter could not be read at all (no front matter, invalid YAML): every
 *   field holds its default.
 */
export type ValueState = 'valid' | 'invalid' | 'missing' | 'unread';

type Parsed = { note: Omit<Note, 'body'>; problems: readonly NoteProblem[] };

export function valueState(parsed: Parsed, key: NoteFieldKey): ValueState {
  // Problems with the front matter as a whole carry no field: no field was read after them.
  if (parsed.problems.some((p) => p.level === 'error' && p.field === undefined)) {
    return 'unread';
  }
  const problems = parsed.problems.filter((p) => p.field === key);
  if (problems.length === 0) {
    return 'valid';
  }
  // A single value's problem carries the file's value, unless there is none (missing); a list's
  // problems are about items, which were dropped.
  const list = ['commits', 'files', 'tags'].includes(NOTE_FIELDS[key].check);
  return list || problems.some((p) => p.value !== undefined) ? 'invalid' : 'missing';
}

/** How each state is marked after the value, and what stands for a value that could not be read. */
export interface ValueMarks {
  invalid: string;
  missing: string;
  unread: string;
}

export const WORDED_MARKS: ValueMarks = { invalid: ' (invalid)', missing: ' (not set)', unread: 'unknown (unreadable)' };

/**
 * A field's value for showing: what the file says, marked when it is not a valid value. The file's
 * own text for an invalid value (`opne (invalid)`), the default marked as such when the file does
 * not give one (`medium (not set)`), never the default as if the file said it.
 */
export function shownValue(parsed: Parsed, key: NoteFieldKey, marks: ValueMarks = WORDED_MARKS): string {
  const state = valueState(parsed, key);
  const value = parsed.note[key];
  switch (state) {
    case 'unread':
      // Only a field with a default is shown at all: an optional one was simply not read.
      return value === undefined ? '' : marks.unread;
    case 'invalid': {
      const raw = parsed.problems.find((p) => p.field === key)?.value;
      return `${raw ?? String(value ?? '')}${marks.invalid}`;
    }
    case 'missing':
      return value === undefined ? '' : `${String(value)}${marks.missing}`;
    default:
      return String(value ?? '');
  }
}

/** The file's own text for an invalid value, else the note's value (for JSON, with `invalidFields`). */
export function fileValue(parsed: Parsed, key: NoteFieldKey): unknown {
  const problem = parsed.problems.find((p) => p.field === key && p.value !== undefined);
  return problem && valueState(parsed, key) === 'invalid' ? problem.value : parsed.note[key];
}

/**
 * Of `keys`, those whose value in the note is not one the file validly gives and should: an
 * invalid value, a missing required one (the title), or any value of an unreadable front matter.
 * A missing status or severity is not listed: the format makes it the default (with a warning).
 */
export function invalidFields(parsed: Parsed, keys: readonly NoteFieldKey[]): NoteFieldKey[] {
  return keys.filter((key) => {
    const state = valueState(parsed, key);
    if (state === 'unread') {
      return parsed.note[key] !== undefined;
    }
    return state !== 'valid' && parsed.problems.some((p) => p.field === key && p.level === 'error');
  });
}

/** Several fields as shown, joined as the editor joins them: `high · opne (invalid)`. */
export function shownValues(parsed: Parsed, keys: readonly NoteFieldKey[], marks: ValueMarks = WORDED_MARKS): string {
  return keys.map((key) => shownValue(parsed, key, marks)).join(' · ');
}

/**
 * What the Learnings tree shows after the date of a note with errors: its status and severity
 * when one of them is what is wrong (`opne (invalid) · high`); undefined when neither is (the
 * tree then says "malformed", and its tooltip why).
 */
export function brokenNoteValues(parsed: Parsed, marks: ValueMarks = WORDED_MARKS): string | undefined {
  const invalid = valueState(parsed, 'status') === 'invalid' || valueState(parsed, 'severity') === 'invalid';
  return invalid ? shownValues(parsed, ['status', 'severity'], marks) : undefined;
}
