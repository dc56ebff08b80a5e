// The notes of one incidents folder, kept in memory. A full scan happens once; after that a
// changed file is re-read on its own, so the cost of a change does not grow with the folder.
// With a cache (indexCache.ts), a scan reads only stat data for notes unchanged since the last
// session and parses just the others.
//
// File calls are synchronous, in slices of at most ~10 ms for bulk work (scan, reconcile), with
// the event loop free between slices. Measured (bench/README.md): each asynchronous call costs
// ~20 µs of main-thread time plus a hand-off to libuv's thread pool, so reading 10,000 notes with
// four async calls each took 3-4 times as long as the same calls made synchronously. Should one
// file take long (a network drive), the scan goes on asynchronously, and so do later updates, so
// the extension host is never held for long.
import * as fs from 'fs';
import * as path from 'path';
import { sameStamp, stampOf, cachedFields, type CachedNotes, type CacheRecord, type FileStamp, type IndexCache } from './indexCache';
import { type Note, type ParsedNote } from './noteModel';
import { noteBody, parseNote, parseNoteStart } from './noteParser';

export interface IndexedNote extends ParsedNote {
  /** Absolute path of the note file. */
  path: string;
  size: number;
  mtimeMs: number;
}

/** Notes above this size are listed as too large and never parsed. */
export const MAX_NOTE_BYTES = 1024 * 1024;
const READ_CONCURRENCY = 32;
/** Longest a run of synchronous file calls holds the event loop before yielding, in ms. */
const SLICE_MS = 10;
/** A single file taking this long means a slow file system: continue asynchronously. */
const SLOW_FILE_MS = 20;
/**
 * A file changed this soon after its timestamps may keep the same timestamps when changed again
 * (coarse clocks: FAT 2 s, HFS+ 1 s, ext4 a few ms), so its cached copy could go stale unseen.
 * Such notes are not cached; they are parsed again next time, as git does with "racy" entries.
 */
const RACY_MS = 3000;
const PROGRESS_INTERVAL_MS = 100;
/** Lets the first paint of the views happen before bodies are read in the background. */
const PREFETCH_DELAY_MS = 250;

export interface NoteIndexOptions {
  /** Where parsed notes are kept between sessions; without one, every scan parses every note. */
  cache?: IndexCache;
  /** Tests only: how recent a change must be to keep a note out of the cache (default 3 s; negative caches all). */
  racyMs?: number;
  /** Tests only: file calls slower than this switch a scan to asynchronous reading (default 20 ms). */
  slowFileMs?: number;
}

export interface ScanOptions {
  /** Called with 0 at the start, then at most every 100 ms as notes are read, and at the end. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Polled before each file. Once true, the scan stops reading: the index keeps the notes read so
   * far, nothing is cached, and scan resolves to false.
   */
  isCancelled?: () => boolean;
}

interface Freshness {
  stamp: FileStamp;
  /** Whether this note may be written to the cache (read without error, not racy). */
  cacheable: boolean;
}

interface ReadNote {
  note: IndexedNote;
  freshness: Freshness;
}

export function isNoteFileName(name: string): boolean {
  return name.toLowerCase().endsWith('.md') && name.toLowerCase() !== 'readme.md' && !name.startsWith('.');
}

export class NoteIndex {
  private entries = new Map<string, IndexedNote>();
  private freshness = new Map<string, Freshness>();
  private saving: Promise<unknown> = Promise.resolve();
  /** Set when a scan found file calls slow (a network drive): reads stay asynchronous. */
  private slowFileSystem = false;

  /** `dir` and a separator: a note's path is this plus its name (what path.join gives, cheaper). */
  private readonly prefix: string;

  constructor(readonly dir: string, private readonly options: NoteIndexOptions = {}) {
    this.prefix = path.join(dir, 'x').slice(0, -1);
  }

  private get racyMs(): number {
    return this.options.racyMs ?? RACY_MS;
  }

  list(): IndexedNote[] {
    return [...this.entries.values()];
  }

  get(file: string): IndexedNote | undefined {
    return this.entries.get(path.resolve(file));
  }

  /**
   * Reads every note in the folder: from the cache when a file's stamp matches, else from disk.
   * Resolves to false when cancelled. Writes the cache afterwards, without waiting for it.
   */
  async scan(options: ScanOptions = {}): Promise<boolean> {
    const cacheableBefore = Date.now() - this.racyMs;
    const [names, cached] = await Promise.all([this.noteNames(), this.options.cache?.load()]);
    const entries = new Map<string, IndexedNote>();
    const freshness = new Map<string, Freshness>();
    const progress = new Progress(names.length, options.onProgress);
    const useCache = cached !== undefined && cached.size > 0;
    let parsed = 0;
    const keep = (file: string, read: ReadNote | undefined) => {
      if (read) {
        entries.set(file, read.note);
        freshness.set(file, read.freshness);
      }
      progress.step();
    };

    // Synchronously, in slices, while the file system answers quickly.
    const timing = { ioMs: 0 };
    let next = 0;
    let slow = false;
    let cancelled = false;
    let sliceStart = Date.now();
    while (next < names.length && !slow) {
      if (options.isCancelled?.()) {
        cancelled = true;
        break;
      }
      const name = names[next++];
      const file = this.prefix + name;
      let read: ReadNote | null | undefined;
      let ioMs = 0;
      if (useCache) {
        const started = Date.now();
        const stat = statFileSync(file);
        ioMs = Date.now() - started;
        read = cachedNote(file, name, cached, stat);
      }
      if (read === undefined) {
        parsed++;
        read = readNoteSync(file, name, cacheableBefore, timing);
        ioMs += timing.ioMs;
      }
      slow = ioMs > (this.options.slowFileMs ?? SLOW_FILE_MS);
      keep(file, read ?? undefined);
      const now = Date.now();
      if (now - sliceStart >= SLICE_MS) {
        await yieldToEventLoop();
        sliceStart = Date.now();
      }
    }

    // Asynchronously, several at a time, once the file system turned out to be slow.
    const worker = async () => {
      while (next < names.length && !cancelled) {
        if (options.isCancelled?.()) {
          cancelled = true;
          return;
        }
        const name = names[next++];
        const file = this.prefix + name;
        let read = useCache ? await fromCache(file, name, cached) : undefined;
        if (read === undefined) {
          parsed++;
          read = await readNote(file, cacheableBefore);
        }
        keep(file, read ?? undefined);
      }
    };
    await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, names.length - next) }, worker));

    this.entries = entries;
    this.freshness = freshness;
    this.slowFileSystem = slow;
    progress.finish();
    if (cancelled) {
      return false;
    }
    if (parsed > 0 || (cached?.size ?? 0) !== entries.size) {
      this.saveCache();
    }
    if (parsed < entries.size) {
      this.prefetchBodies();
    }
    return true;
  }

  /** Re-reads one file after a change on disk; returns whether the index changed. */
  async update(file: string): Promise<boolean> {
    const abs = path.resolve(file);
    if (path.dirname(abs) !== path.resolve(this.dir) || !isNoteFileName(path.basename(abs))) {
      return false;
    }
    // One small file: read synchronously (its async calls cost more than the read) unless the
    // last scan found the file system slow.
    const cacheableBefore = Date.now() - this.racyMs;
    const read = this.slowFileSystem ? await readNote(abs, cacheableBefore) : readNoteSync(abs, path.basename(abs), cacheableBefore, { ioMs: 0 });
    if (!read) {
      this.freshness.delete(abs);
      return this.entries.delete(abs);
    }
    const old = this.freshness.get(abs);
    this.entries.set(abs, read.note);
    this.freshness.set(abs, read.freshness);
    return !old || !sameStamp(old.stamp, read.freshness.stamp);
  }

  /**
   * Brings the index in line with the folder by stat alone, re-reading only files whose stamp
   * (size, modification and change time, inode) changed: for changes no watcher reported (one
   * set up late, a missed event).
   */
  async reconcile(): Promise<boolean> {
    const names = await this.noteNames();
    const present = new Set(names.map((n) => this.prefix + n));
    let changed = false;
    for (const file of [...this.entries.keys()].filter((f) => !present.has(f))) {
      this.freshness.delete(file);
      changed = this.entries.delete(file) || changed;
    }
    // Stat data only, synchronously in slices (see the top of the file); re-reads go through update.
    let sliceStart = Date.now();
    for (const file of present) {
      const known = this.freshness.get(file);
      const stat = statFileSync(file);
      if (!known || !stat || !sameStamp(stampOf(stat), known.stamp)) {
        changed = (await this.update(file)) || changed;
      }
      if (Date.now() - sliceStart >= SLICE_MS) {
        await yieldToEventLoop();
        sliceStart = Date.now();
      }
    }
    if (changed) {
      this.saveCache();
    }
    return changed;
  }

  remove(file: string): boolean {
    this.freshness.delete(path.resolve(file));
    return this.entries.delete(path.resolve(file));
  }

  /** Resolves once the cache writes started so far have finished (for a CLI before it exits). */
  async whenCacheSaved(): Promise<void> {
    await this.saving;
  }

  /** The note files in the folder; a missing folder simply has none. */
  private async noteNames(): Promise<string[]> {
    try {
      return (await fs.promises.readdir(this.dir)).filter(isNoteFileName);
    } catch {
      return [];
    }
  }

  /**
   * Reads the bodies of notes that came from the cache in the background, in short slices, a
   * moment after the scan: a first text filter or group expansion then finds them in memory
   * instead of reading thousands of files at once. Unref'd, so a CLI need not wait for it.
   */
  private prefetchBodies(): void {
    const pending = [...this.entries.values()].filter((e) => hasLazyBody(e.note));
    let next = 0;
    const slice = () => {
      const started = Date.now();
      while (next < pending.length && Date.now() - started < SLICE_MS) {
        const entry = pending[next++];
        // A note replaced since (update, another scan) needs nothing.
        if (this.entries.get(entry.path) === entry) {
          loadBody(entry.note);
        }
      }
      if (next < pending.length) {
        // A timer, not setImmediate: an unref'd immediate runs only when something else wakes
        // the event loop, so the reading would crawl along with unrelated events.
        setTimeout(slice, 0).unref();
      }
    };
    setTimeout(slice, PREFETCH_DELAY_MS).unref();
  }

  private saveCache(): void {
    const cache = this.options.cache;
    if (!cache?.writable) {
      return;
    }
    // Queued behind the caller's own work: the cache serves the next session, not this one.
    this.saving = this.saving
      .then(() => new Promise((resolve) => setImmediate(resolve)))
      .then(() => cache.save(this.records()))
      .catch(() => undefined);
  }

  private records(): CacheRecord[] {
    const records: CacheRecord[] = [];
    for (const [file, entry] of this.entries) {
      const fresh = this.freshness.get(file);
      if (fresh?.cacheable) {
        records.push({ name: path.basename(file), stamp: fresh.stamp, parsed: { note: cachedFields(entry.note), problems: entry.problems, bodyLine: entry.bodyLine } });
      }
    }
    return records;
  }
}

/** Reads and parses one note; undefined when it is gone or is not a file. Never throws. */
export async function readIndexedNote(file: string): Promise<IndexedNote | undefined> {
  return (await readNote(file, 0))?.note;
}

/** A note from the cache when its file's stamp matches; null when the file is gone. */
async function fromCache(file: string, name: string, cached: CachedNotes): Promise<ReadNote | null | undefined> {
  return cachedNote(file, name, cached, await statFile(file));
}

function cachedNote(file: string, name: string, cached: CachedNotes, stat: fs.Stats | undefined): ReadNote | null | undefined {
  if (!stat || !stat.isFile()) {
    // Gone (or not a file) since the folder was listed; a read would say the same.
    return null;
  }
  const stamp = stampOf(stat);
  const parsed = cached.take(name, stamp);
  if (!parsed) {
    return undefined;
  }
  const note = withLazyBody(parsed.note, file);
  return { note: { path: file, size: stat.size, mtimeMs: stat.mtimeMs, note, problems: parsed.problems, bodyLine: parsed.bodyLine }, freshness: { stamp, cacheable: true } };
}

/**
 * A note from the cache gets its body from its file the first time something asks (a hover, a
 * task count, a text filter), one small synchronous read, then keeps it. Reading bodies up front
 * is what the cache is there to avoid (bench/README.md). Should the file have changed meanwhile,
 * this is its current body; the watcher or the next reconcile re-reads the whole note.
 */
function withLazyBody(fields: Omit<Note, 'body'>, file: string): Note {
  // Shared accessors and a hidden slot rather than two closures per note: measurably cheaper for
  // 10,000 notes, and the body still looks like any other field (enumerable, JSON, spread).
  Object.defineProperty(fields, LAZY_BODY, { value: { file, body: undefined } });
  return Object.defineProperty(fields as Note, 'body', { enumerable: true, configurable: true, get: lazyBodyGet, set: lazyBodySet });
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

function hasLazyBody(note: Note): boolean {
  const slot = (note as Partial<LazyNote>)[LAZY_BODY];
  return slot !== undefined && slot.body === undefined;
}

function loadBody(note: Note): number {
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
async function readNote(file: string, cacheableBefore: number): Promise<ReadNote | undefined> {
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
function readNoteSync(file: string, name: string, cacheableBefore: number, timing: { ioMs: number }): ReadNote | undefined {
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
      return { note: { path: file, size: stat.size, mtimeMs: stat.mtimeMs, note: parsed.note, problems: parsed.problems, bodyLine: parsed.bodyLine }, freshness: freshnessOf(stat, cacheableBefore) };
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

function freshnessOf(stat: fs.Stats, cacheableBefore: number): Freshness {
  return { stamp: stampOf(stat), cacheable: Math.max(stat.mtimeMs, stat.ctimeMs) < cacheableBefore };
}

/** The indexed note for a file's text (undefined: too large to read). */
function noteOf(file: string, stat: fs.Stats, text: string | undefined, cacheableBefore: number): ReadNote {
  const fileName = path.basename(file);
  const freshness = freshnessOf(stat, cacheableBefore);
  const base = { path: file, size: stat.size, mtimeMs: stat.mtimeMs };
  if (text === undefined) {
    const parsed = parseNote('', fileName);
    return {
      note: {
        ...base,
        note: parsed.note,
        bodyLine: 0,
        problems: [{ level: 'error', message: `The note is ${(stat.size / 1048576).toFixed(1)} MiB; notes over 1 MiB are not read.` }],
      },
      freshness,
    };
  }
  const parsed = parseNote(text, fileName);
  return { note: { ...base, note: parsed.note, problems: parsed.problems, bodyLine: parsed.bodyLine }, freshness };
}

function failed(file: string, stat: fs.Stats, err: unknown): ReadNote {
  const parsed = parseNote('', path.basename(file));
  return {
    note: {
      path: file, size: stat.size, mtimeMs: stat.mtimeMs,
      note: parsed.note, bodyLine: 0, problems: [{ level: 'error', message: `The note could not be read: ${(err as Error).message}` }],
    },
    // A failed read is not a fact about the file worth keeping.
    freshness: { stamp: stampOf(stat), cacheable: false },
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

function statFile(file: string): Promise<fs.Stats | undefined> {
  return call<fs.Stats>((cb) => fs.stat(file, cb)).catch(() => undefined);
}

function statFileSync(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function call<T>(start: (cb: (err: NodeJS.ErrnoException | null, value: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => start((err, value) => (err ? reject(err) : resolve(value))));
}

/** Progress for a person waiting: not more often than every 100 ms, and always the end. */
class Progress {
  private done = 0;
  private last = 0;

  constructor(private readonly total: number, private readonly report?: (done: number, total: number) => void) {
    this.report?.(0, total);
    this.last = Date.now();
  }

  step(): void {
    this.done++;
    if (this.report && Date.now() - this.last >= PROGRESS_INTERVAL_MS) {
      this.last = Date.now();
      this.report(this.done, this.total);
    }
  }

  finish(): void {
    this.report?.(this.done, this.total);
  }
}
