// Reading one note file, the index's unit of work. A note is read in one go (open, fstat, read,
// close) and only its front matter is decoded and parsed; the body is read again when first asked
// for. The read is written once, as file steps (fileCalls.ts): the synchronous reads (a scan's
// slices, an update) run them with runSync, the asynchronous ones (a slow file system,
// readIndexedNote) with runAsync, and both end in noteFromBytes. Never throws: a file that cannot
// be read is listed with the reason, one that is gone is undefined.
import * as fs from 'fs';
import * as path from 'path';
import { fileBytes, runAsync, runSync, type FileBytes, type FileSteps } from './fileCalls';
import { type FileStamp } from './fileStamp';
import { CLOSING_FENCE_BYTES } from '../noteFormat/frontMatter/frontMatter';
import { type Note, type ParsedNote } from '../noteFormat/noteModel';
import { noteBody, parseNote, parseNoteStart } from '../noteFormat/noteParser';

export interface IndexedNote extends ParsedNote {
  /** Absolute path of the note file. */
  path: string;
}

/** Notes above this size are listed as too large and never parsed. */
export const MAX_NOTE_BYTES = 1024 * 1024;

/** The stamp of the file a note was read from. */
export interface Freshness extends FileStamp {
  /** Whether this note may be written to the cache (read without error, not racy). */
  cacheable: boolean;
}

export interface ReadNote {
  note: IndexedNote;
  freshness: Freshness;
}

/** The index's entry for a parsed note. */
export function indexedNote(file: string, parsed: ParsedNote): IndexedNote {
  return { path: file, note: parsed.note, problems: parsed.problems, bodyLine: parsed.bodyLine };
}

/** A file's stamp, and whether the index may cache what it read with it. */
export function freshnessOf(stat: fs.Stats, cacheable: boolean): Freshness {
  return { size: stat.size, mtimeMs: stat.mtimeMs, ctimeMs: stat.ctimeMs, ino: stat.ino, cacheable };
}

/** Reads and parses one note; undefined when it is gone or is not a file. Never throws. */
export async function readIndexedNote(file: string): Promise<IndexedNote | undefined> {
  return (await runAsync(readNote(file, path.basename(file), 0)))?.note;
}

/**
 * A note from the cache gets its body from its file the first time something asks (a hover, a
 * task count, a text filter), one small synchronous read, then keeps it. Reading bodies up front
 * is what the cache is there to avoid (docs/performance.md). Should the file have changed meanwhile,
 * this is its current body; the watcher or the next reconcile re-reads the whole note.
 */
export function withLazyBody(fields: Omit<Note, 'body'>, file: string): Note {
  // Shared accessors and a hidden slot rather than two closures per note: measurably cheaper for
  // 10,000 notes, and the body still looks like any other field (enumerable, JSON, spread).
  Object.defineProperty(fields, LAZY_BODY, { value: { file, body: undefined } });
  return Object.defineProperty(fields as Note, 'body', LAZY_BODY_PROPERTY);
}

const LAZY_BODY = Symbol('lazyBody');
type LazyNote = Note & { [LAZY_BODY]: { file: string; body: string | undefined } };

function lazyBodyGet(this: LazyNote): string {
  const slot = this[LAZY_BODY];
  return (slot.body ??= readBodySync(slot.file));
}

function lazyBodySet(this: LazyNote, value: string): void {
  this[LAZY_BODY].body = value;
}

/** One descriptor for every note's body, not one per note. */
const LAZY_BODY_PROPERTY: PropertyDescriptor = Object.freeze({ enumerable: true, configurable: true, get: lazyBodyGet, set: lazyBodySet });

export function hasLazyBody(note: Note): boolean {
  const slot = (note as Partial<LazyNote>)[LAZY_BODY];
  return slot !== undefined && slot.body === undefined;
}

export function loadBody(note: Note): number {
  return note.body.length;
}

function readBodySync(file: string): string {
  const read = runSync(fileBytes(file, MAX_NOTE_BYTES));
  return read?.bytes ? noteBody(read.bytes.toString('utf8')) : '';
}

/**
 * Reads and parses one note, as file steps for runSync or runAsync (fileCalls.ts). The stamp
 * comes from the open file, so it describes the very bytes parsed even if the file is replaced
 * meanwhile. Only a file whose timestamps are older than `cacheableBefore` (a time before the
 * read started, less the racy window) may be cached.
 */
export function* readNote(file: string, name: string, cacheableBefore: number): FileSteps<ReadNote | undefined> {
  const read = yield* fileBytes(file, MAX_NOTE_BYTES);
  return read && noteFromBytes(file, name, read, cacheableBefore);
}

/**
 * The note in a file's bytes. Only the front matter is decoded and parsed; the body is read
 * again when first asked for, as for a note from the cache. What needs the whole text (a NUL
 * byte, a front matter that does not close) goes the ordinary way.
 */
function noteFromBytes(file: string, name: string, read: FileBytes, cacheableBefore: number): ReadNote {
  const { stat, bytes } = read;
  if (read.error !== undefined) {
    // A failed read is not a fact about the file worth keeping.
    return withProblem(file, stat, `The note could not be read: ${(read.error as Error).message}`, false);
  }
  if (bytes === undefined) {
    return withProblem(file, stat, `The note is ${(stat.size / 1048576).toFixed(1)} MiB; notes over 1 MiB are not read.`, isOld(stat, cacheableBefore));
  }
  const fenceLine = bytes.indexOf(CLOSING_FENCE_BYTES);
  const headEnd = fenceLine < 0 ? -1 : bytes.indexOf(10, fenceLine + CLOSING_FENCE_BYTES.length);
  if (headEnd >= 0 && bytes.indexOf(0) < 0) {
    const parsed = parseNoteStart(bytes.toString('utf8', 0, headEnd + 1), name, (fields) => withLazyBody(fields, file));
    if (parsed) {
      return { note: indexedNote(file, parsed), freshness: freshnessOf(stat, isOld(stat, cacheableBefore)) };
    }
  }
  return { note: indexedNote(file, parseNote(bytes.toString('utf8'), name)), freshness: freshnessOf(stat, isOld(stat, cacheableBefore)) };
}

function isOld(stat: fs.Stats, cacheableBefore: number): boolean {
  return Math.max(stat.mtimeMs, stat.ctimeMs) < cacheableBefore;
}

/** A note that could not be parsed: its defaults and one problem saying why. */
function withProblem(file: string, stat: fs.Stats, message: string, cacheable: boolean): ReadNote {
  const parsed = parseNote('', path.basename(file));
  return {
    note: indexedNote(file, { note: parsed.note, bodyLine: 0, problems: [{ level: 'error', message }] }),
    freshness: freshnessOf(stat, cacheable),
  };
}
