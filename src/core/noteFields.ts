// The note format's front-matter fields, described once. Reading and checking (noteParser), the
// fields the index cache keeps (indexCache), the keys the strict reader knows (frontMatterReader)
// and the fields a new note is written with (noteWriter) all derive from this table. Adding a
// field: one entry here (the compiler insists on one for every field of Note), plus its tests;
// test/unit/noteFields.test.ts fails when a place that must know a field does not.
import { SEVERITIES, STATUSES, type Note } from './noteModel';

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
  // Set by Set Status when the note is resolved (noteUpdate), never by a new note.
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
