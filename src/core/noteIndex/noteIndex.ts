// The notes of one incidents folder, kept in memory. A full scan happens once; after that a
// changed file is re-read on its own, so the cost of a change does not grow with the folder.
// With a cache (indexCache.ts), a scan reads only stat data for notes unchanged since the last
// session and parses just the others: first every file's stat, then each note (see scan).
//
// File calls are synchronous, in slices of at most ~10 ms for bulk work (scan, reconcile), with
// the event loop free between slices. Measured (docs/performance.md): each asynchronous call costs
// ~20 µs of main-thread time plus a hand-off to libuv's thread pool, so reading 10,000 notes with
// four async calls each took 3-4 times as long as the same calls made synchronously. Should one
// file take long (a network drive), the scan goes on asynchronously, and so do later updates, so
// the extension host is never held for long.
import * as fs from 'fs';
import * as path from 'path';
import { sameStamp, stampOf } from './fileStamp';
import { cachedFields, type CachedNotes, type CacheRecord, type IndexCache } from './indexCache';
import { runAsync, runSync, statFile, type FileSteps } from './fileCalls';
import {
  freshnessOf, hasLazyBody, indexedNote, loadBody, readNote, withLazyBody, type Freshness, type IndexedNote, type ReadNote,
} from './noteFileRead';
import { SLICE_MS, yieldToEventLoop } from '../timeSlices';

const READ_CONCURRENCY = 32;
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
   *
   * With a cache, in two passes: first every file's stat, while the cache file is read on the
   * thread pool, then each note from the cache or, where its stamp changed, from its file. Taking
   * the stats before the cache is parsed measured 15-20 % faster at 10,000 notes than a stat per
   * note among the cached notes (docs/performance.md): the read overlaps the stats, and the stats
   * run while the heap is still small.
   */
  async scan(options: ScanOptions = {}): Promise<boolean> {
    const cacheableBefore = Date.now() - this.racyMs;
    const cache = this.options.cache;
    // Started first, so that reading the cache file overlaps listing the folder and the stats.
    const loading = cache?.present() ? cache.load() : undefined;
    const names = await this.noteNames();
    const run = new ScanRun(names, this.prefix, options, this.options.slowFileMs ?? SLOW_FILE_MS, loading ? 2 : 1);
    let fromCache: { cached: CachedNotes; stamps: (Freshness | null)[] } | undefined;
    if (loading) {
      const stamps: (Freshness | null)[] = new Array<Freshness | null>(names.length).fill(null);
      await run.forEachName((file) => statFile(file), (i, _file, stat) => {
        stamps[i] = stat?.isFile() ? freshnessOf(stat, true) : null;
      });
      const cached = await loading;
      fromCache = cached.size > 0 ? { cached, stamps } : undefined;
    }
    await run.forEachName(
      (file, name, i) => noteSteps(file, name, fromCache?.cached, fromCache?.stamps[i] ?? null, cacheableBefore, run),
      (_i, file, read) => run.keep(file, read),
    );

    this.entries = run.entries;
    this.freshness = run.freshness;
    this.slowFileSystem = run.slow;
    run.progress.finish();
    if (run.cancelled) {
      return false;
    }
    if (run.parsed > 0 || (fromCache?.cached.size ?? 0) !== run.entries.size) {
      this.saveCache();
    }
    // Notes from the cache and notes parsed now alike were read up to their front matter.
    this.prefetchBodies();
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
    const steps = readNote(abs, path.basename(abs), cacheableBefore);
    const read = this.slowFileSystem ? await runAsync(steps) : runSync(steps);
    if (!read) {
      this.freshness.delete(abs);
      return this.entries.delete(abs);
    }
    const old = this.freshness.get(abs);
    this.entries.set(abs, read.note);
    this.freshness.set(abs, read.freshness);
    return !old || !sameStamp(old, read.freshness);
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
      const stat = runSync(statFile(file));
      if (!known || !stat || !sameStamp(stampOf(stat), known)) {
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

  /**
   * The note files in the folder; a missing folder simply has none. The callback API: the first
   * use of fs.promises in a process loads its module, ~5 ms of a first scan here.
   */
  private noteNames(): Promise<string[]> {
    return new Promise((resolve) => fs.readdir(this.dir, (err, names) => resolve(err ? [] : names.filter(isNoteFileName))));
  }

  /**
   * Reads the bodies the scan left unread in the background, in short slices, a moment after the
   * scan: a first text filter or group expansion then finds them in memory instead of reading
   * thousands of files at once. Unref'd, so a CLI need not wait for it.
   */
  private prefetchBodies(): void {
    const pending = [...this.entries.values()].filter((e) => hasLazyBody(e.note));
    if (pending.length === 0) {
      return;
    }
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
        records.push({ name: path.basename(file), stamp: fresh, parsed: { note: cachedFields(entry.note), problems: entry.problems, bodyLine: entry.bodyLine } });
      }
    }
    return records;
  }
}

/**
 * One file of a scan, as file steps: from the cache when the stamp taken in the first pass
 * matches (null when the file was gone or not a file), else read and parsed.
 */
function* noteSteps(
  file: string, name: string, cached: CachedNotes | undefined, stamp: Freshness | null, cacheableBefore: number, run: ScanRun,
): FileSteps<ReadNote | null | undefined> {
  if (cached) {
    const note = cachedNote(file, name, cached, stamp);
    if (note !== undefined) {
      return note;
    }
  }
  run.parsed++;
  return yield* readNote(file, name, cacheableBefore);
}

function cachedNote(file: string, name: string, cached: CachedNotes, freshness: Freshness | null): ReadNote | null | undefined {
  if (!freshness) {
    // Gone (or not a file) since the folder was listed; a read would say the same.
    return null;
  }
  const parsed = cached.take(name, freshness);
  if (!parsed) {
    return undefined;
  }
  const note = withLazyBody(parsed.note, file);
  return { note: indexedNote(file, { note, problems: parsed.problems, bodyLine: parsed.bodyLine }), freshness };
}

/**
 * One scan's reading: every name, each through the same steps, once per pass. Synchronously, in
 * slices with the event loop free between them, while the file system answers quickly; once one
 * file took long (a network drive), asynchronously with up to 32 reads in flight, for the rest of
 * the scan. One loop serves both: the first reader switches mode and starts the others.
 */
class ScanRun {
  readonly entries = new Map<string, IndexedNote>();
  readonly freshness = new Map<string, Freshness>();
  readonly progress: Progress;
  /** How many notes were parsed rather than taken from the cache. */
  parsed = 0;
  slow = false;
  cancelled = false;
  private next = 0;
  private sliceStart = Date.now();
  private readonly timing = { ioMs: 0 };

  constructor(
    private readonly names: string[],
    private readonly prefix: string,
    private readonly options: ScanOptions,
    private readonly slowFileMs: number,
    passes: number,
  ) {
    this.progress = new Progress(names.length, passes, options.onProgress);
  }

  /** Runs `steps` for every name in order, handing each result to `done`; stops when cancelled. */
  async forEachName<T>(steps: (file: string, name: string, i: number) => FileSteps<T>, done: (i: number, file: string, result: T) => void): Promise<void> {
    this.next = 0;
    const others: Promise<void>[] = [];
    const reader = async (first: boolean): Promise<void> => {
      while (this.next < this.names.length && !this.cancelled) {
        if (this.options.isCancelled?.()) {
          this.cancelled = true;
          return;
        }
        const i = this.next++;
        const file = this.prefix + this.names[i];
        if (this.slow) {
          done(i, file, await runAsync(steps(file, this.names[i], i)));
          this.progress.step();
          continue;
        }
        done(i, file, runSync(steps(file, this.names[i], i), this.timing));
        this.progress.step();
        this.slow = this.timing.ioMs > this.slowFileMs;
        if (this.slow && first) {
          const count = Math.min(READ_CONCURRENCY - 1, this.names.length - this.next);
          others.push(...Array.from({ length: count }, () => reader(false)));
        } else if (Date.now() - this.sliceStart >= SLICE_MS) {
          await yieldToEventLoop();
          this.sliceStart = Date.now();
        }
      }
    };
    await reader(true);
    await Promise.all(others);
  }

  keep(file: string, read: ReadNote | null | undefined): void {
    if (read) {
      this.entries.set(file, read.note);
      this.freshness.set(file, read.freshness);
    }
  }
}

/**
 * Progress for a person waiting, in notes: not more often than every 100 ms, and always the end.
 * With two passes (stats, then notes) each file counts half a note per pass.
 */
class Progress {
  private steps = 0;
  private last = 0;

  constructor(private readonly total: number, private readonly passes: number, private readonly report?: (done: number, total: number) => void) {
    this.report?.(0, total);
    this.last = Date.now();
  }

  private get done(): number {
    return Math.floor(this.steps / this.passes);
  }

  step(): void {
    this.steps++;
    if (this.report && Date.now() - this.last >= PROGRESS_INTERVAL_MS) {
      this.last = Date.now();
      this.report(this.done, this.total);
    }
  }

  finish(): void {
    this.report?.(this.done, this.total);
  }
}
