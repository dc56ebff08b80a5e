// Reading one note file, the index's unit of work. A note is read in one go (open, fstat, read,
// close) and only its front matter is decoded and parsed; the body is read again when first asked
// for. Never throws: a file that cannot be read is listed with the reason, one that is gone is
// undefined.
import * as fs from 'fs';
import * as path from 'path';
import { type FileStamp } from './indexCache';
import { type Note, type ParsedNote } from './noteModel';
import { noteBody, parseNote, parseNoteStart } from './noteParser';
import { FreshnessRecord, plain } from './plainConstructors';

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

// Kept by the thousand by an index: made by constructors, not literals (plainConstructors.ts).
export const IndexEntry = plain(function (this: IndexedNote, path: string, parsed: ParsedNote) {
  this.path = path;
  this.note = parsed.note;
  this.problems = parsed.problems;
  this.bodyLine = parsed.bodyLine;
});

const LazyBodySlot = plain(function (this: { file: string; body: string | undefined }, file: string) {
  this.file = file;
  this.body = undefined;
});

/** Reads and parses one note; undefined when it is gone or is not a file. Never throws. */
export async function readIndexedNote(file: string): Promise<IndexedNote | undefined> {
  return (await readNote(file, 0))?.note;
}

/**
 * A note from the cache gets its body from its file the first time something asks (a hover, a
 * task count, a text filter), one small synchronous read, then keeps it. Reading bodies up front
 * is what the cache is there to avoid (bench/README.md). Should the file have changed meanwhile,
 * this is its current body; the watcher or the next reconcile re-reads the whole note.
 */
export function withLazyBody(fields: Omit<Note, 'body'>, file: string): Note {
  // Shared accessors and a hidden slot rather than two closures per note: measurably cheaper for
  // 10,000 notes, and the body still looks like any other field (enumerable, JSON, spread).
  Object.defineProperty(fields, LAZY_BODY, { value: new LazyBodySlot(file) });
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
  let fd: number;
  try {
    fd = fs.openSync(file, READ_FLAGS);
  } catch {
    return '';
  }
  try {
    const stat = fs.fstatSync(fd);
    return stat.isFile() && stat.size <= MAX_NOTE_BYTES ? noteBody(readBytesSync(fd, stat.size).toString('utf8')) : '';
  } catch {
    return '';
  } finally {
    try {
      fs.closeSync(fd);
    } catch {
      // Nothing to do about a failed close of a file only read.
    }
  }
}

// A FIFO named like a note would block an ordinary open; non-blocking makes it fail fast instead.
const READ_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

/**
 * Reads and parses one note. The stamp comes from the open file, so it describes the very bytes
 * parsed even if the file is replaced meanwhile. Only a file whose timestamps are older than
 * `cacheableBefore` (a time before the read started, less the racy window) may be cached.
 * The callback API, not fs.promises: for small files its FileHandle bookkeeping costs more than
 * the read itself.
 */
export async function readNote(file: string, cacheableBefore: number): Promise<ReadNote | undefined> {
  let fd: number;
  try {
    fd = await call<number>((cb) => fs.open(file, READ_FLAGS, cb));
  } catch (err) {
    // Present but unreadable (permissions): listed with the reason, never hidden.
    const stat = await statFile(file);
    return stat?.isFile() ? failed(file, stat, err) : undefined;
  }
  try {
    const stat = await call<fs.Stats>((cb) => fs.fstat(fd, cb));
    if (!stat.isFile()) {
      return undefined;
    }
    let text: string | undefined;
    if (stat.size <= MAX_NOTE_BYTES) {
      try {
        text = await readAll(fd, stat.size);
      } catch (err) {
        return failed(file, stat, err);
      }
    }
    return noteOf(file, stat, text, cacheableBefore);
  } catch {
    return undefined;
  } finally {
    fs.close(fd, () => undefined);
  }
}

/**
 * readNote, synchronously: for the slices of a bulk scan. `timing.ioMs` gets the time spent in
 * file calls alone, so that a slow parse (the first malformed note loads the `yaml` package) is
 * not mistaken for a slow file system.
 */
export function readNoteSync(file: string, name: string, cacheableBefore: number, timing: { ioMs: number }): ReadNote | undefined {
  const started = Date.now();
  let fd: number;
  try {
    fd = fs.openSync(file, READ_FLAGS);
  } catch (err) {
    const stat = statFileSync(file);
    timing.ioMs = Date.now() - started;
    return stat?.isFile() ? failed(file, stat, err) : undefined;
  }
  let stat: fs.Stats;
  let bytes: Buffer | undefined;
  try {
    stat = fs.fstatSync(fd);
    if (!stat.isFile()) {
      return undefined;
    }
    if (stat.size <= MAX_NOTE_BYTES) {
      try {
        bytes = readBytesSync(fd, stat.size);
      } catch (err) {
        return failed(file, stat, err);
      }
    }
  } catch {
    return undefined;
  } finally {
    try {
      fs.closeSync(fd);
    } catch {
      // Nothing to do about a failed close of a file only read.
    }
    timing.ioMs = Date.now() - started;
  }
  if (bytes === undefined) {
    return noteOf(file, stat, undefined, cacheableBefore);
  }
  // Only the front matter is decoded and parsed; the body is read again when first asked for,
  // as for a note from the cache. What needs the whole text (a NUL byte, a front matter that
  // does not close) goes the ordinary way.
  const fenceLine = bytes.indexOf(CLOSING_FENCE);
  const headEnd = fenceLine < 0 ? -1 : bytes.indexOf(10, fenceLine + CLOSING_FENCE.length);
  if (headEnd >= 0 && bytes.indexOf(0) < 0) {
    const parsed = parseNoteStart(bytes.toString('utf8', 0, headEnd + 1), name, (fields) => withLazyBody(fields, file));
    if (parsed) {
      return readOf(file, stat, parsed, cacheableBefore);
    }
  }
  return noteOf(file, stat, bytes.toString('utf8'), cacheableBefore);
}

/** The usual closing fence, searched for in bytes: any cut after a line break past it will do. */
const CLOSING_FENCE = Buffer.from('\n---');

/**
 * One buffer for every synchronous read, grown as needed: a scan reads thousands of small files
 * one after another and keeps none of their bytes, so a buffer per file would be garbage.
 */
let readBuffer = Buffer.allocUnsafe(64 * 1024);

/** The file's bytes (as many as fstat reported, fewer if it shrank), valid until the next read. */
function readBytesSync(fd: number, size: number): Buffer {
  if (readBuffer.length < size) {
    readBuffer = Buffer.allocUnsafe(Math.max(size, readBuffer.length * 2));
  }
  let filled = 0;
  while (filled < size) {
    const n = fs.readSync(fd, readBuffer, filled, size - filled, filled);
    if (n === 0) {
      break;
    }
    filled += n;
  }
  return readBuffer.subarray(0, filled);
}

/** The index's entry for a parsed note and the stat of the file it was read from. */
function readOf(file: string, stat: fs.Stats, parsed: ParsedNote, cacheableBefore: number): ReadNote {
  return {
    note: new IndexEntry(file, parsed),
    freshness: new FreshnessRecord(stat, Math.max(stat.mtimeMs, stat.ctimeMs) < cacheableBefore),
  };
}

/** The indexed note for a file's text (undefined: too large to read). */
function noteOf(file: string, stat: fs.Stats, text: string | undefined, cacheableBefore: number): ReadNote {
  const fileName = path.basename(file);
  if (text === undefined) {
    const parsed = parseNote('', fileName);
    return readOf(file, stat, {
      note: parsed.note,
      bodyLine: 0,
      problems: [{ level: 'error', message: `The note is ${(stat.size / 1048576).toFixed(1)} MiB; notes over 1 MiB are not read.` }],
    }, cacheableBefore);
  }
  return readOf(file, stat, parseNote(text, fileName), cacheableBefore);
}

function failed(file: string, stat: fs.Stats, err: unknown): ReadNote {
  const parsed = parseNote('', path.basename(file));
  return {
    note: new IndexEntry(file, { note: parsed.note, bodyLine: 0, problems: [{ level: 'error', message: `The note could not be read: ${(err as Error).message}` }] }),
    // A failed read is not a fact about the file worth keeping.
    freshness: new FreshnessRecord(stat, false),
  };
}

/** The `size` bytes fstat reported (fewer if the file shrank), decoded as UTF-8 like readFile. */
async function readAll(fd: number, size: number): Promise<string> {
  const buffer = Buffer.allocUnsafe(size);
  let filled = 0;
  while (filled < size) {
    const n = await call<number>((cb) => fs.read(fd, buffer, filled, size - filled, filled, cb));
    if (n === 0) {
      break;
    }
    filled += n;
  }
  return buffer.toString('utf8', 0, filled);
}

export function statFile(file: string): Promise<fs.Stats | undefined> {
  return call<fs.Stats>((cb) => fs.stat(file, cb)).catch(() => undefined);
}

export function statFileSync(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

function call<T>(start: (cb: (err: NodeJS.ErrnoException | null, value: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => start((err, value) => (err ? reject(err) : resolve(value))));
}
