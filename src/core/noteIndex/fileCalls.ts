// How the index reads files: once, as a sequence of file calls (open, fstat, read, close), run
// either synchronously or asynchronously. A scan reads thousands of small notes synchronously in
// slices (each async call costs ~20 µs of main-thread time plus a hand-off to the thread pool,
// docs/performance.md) and switches to asynchronous reads on a slow disk; the index cache is read
// asynchronously. Writing each read as a generator of calls, driven by runSync or runAsync, keeps
// one version of its logic: sync and async differ only in how the bytes arrive.
// Not fs.promises: for small files its FileHandle bookkeeping costs more than the read itself, and
// its readFile reads in 512 KiB pieces, each a round trip through the event loop.
import * as fs from 'fs';

/** One file call, as a read describes it; a driver makes it. */
export type FileCall =
  | { call: 'open'; file: string }
  | { call: 'stat'; file: string }
  | { call: 'fstat'; fd: number }
  | { call: 'read'; fd: number; size: number }
  | { call: 'close'; fd: number };

/** A read written as the file calls it makes; each yield gets the call's result, or its error thrown. */
export type FileSteps<T> = Generator<FileCall, T, unknown>;

// A FIFO named like a note would block an ordinary open; non-blocking makes it fail fast instead.
const READ_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

export function* openFile(file: string): FileSteps<number> {
  return (yield { call: 'open', file }) as number;
}

/** The file's stat, or undefined when it is gone or cannot be stat'ed (never throws). */
export function* statFile(file: string): FileSteps<fs.Stats | undefined> {
  return (yield { call: 'stat', file }) as fs.Stats | undefined;
}

function* fstatFile(fd: number): FileSteps<fs.Stats> {
  return (yield { call: 'fstat', fd }) as fs.Stats;
}

/** The first `size` bytes of the open file (fewer if it shrank). Synchronously they are in a shared buffer, valid until the next read. */
function* readOpen(fd: number, size: number): FileSteps<Buffer> {
  return (yield { call: 'read', fd, size }) as Buffer;
}

function* closeFile(fd: number): FileSteps<void> {
  yield { call: 'close', fd };
}

/** What a read of a file found: its stat and its bytes, or why they could not be read. */
export interface FileBytes {
  stat: fs.Stats;
  /** Undefined when the file is over the size limit or could not be read. */
  bytes?: Buffer;
  /** Set when the file is there but could not be read (permissions). */
  error?: unknown;
}

/**
 * A file's stat and bytes (open, fstat, read, close): undefined when it is gone or not a file;
 * no bytes when it is over `maxBytes`. The stat comes from the open file, so it describes the
 * very bytes read even if the file is replaced meanwhile.
 */
export function* fileBytes(file: string, maxBytes: number): FileSteps<FileBytes | undefined> {
  let fd: number;
  try {
    fd = yield* openFile(file);
  } catch (error) {
    // Present but unreadable (permissions): reported with the reason, never hidden.
    const stat = yield* statFile(file);
    return stat?.isFile() ? { stat, error } : undefined;
  }
  try {
    const stat = yield* fstatFile(fd);
    if (!stat.isFile()) {
      return undefined;
    }
    if (stat.size > maxBytes) {
      return { stat };
    }
    try {
      return { stat, bytes: yield* readOpen(fd, stat.size) };
    } catch (error) {
      return { stat, error };
    }
  } catch {
    return undefined;
  } finally {
    yield* closeFile(fd);
  }
}

/**
 * Runs `steps` with synchronous file calls. `timing.ioMs`, when given, gets the time spent in the
 * file calls alone, so that a slow parse (the first malformed note loads the `yaml` package) is
 * not mistaken for a slow file system.
 */
export function runSync<T>(steps: FileSteps<T>, timing?: { ioMs: number }): T {
  let ioMs = 0;
  let next = steps.next();
  while (!next.done) {
    const callStarted = timing ? Date.now() : 0;
    let result: unknown;
    let failed = false;
    try {
      result = callSync(next.value);
    } catch (error) {
      failed = true;
      result = error;
    }
    if (timing) {
      ioMs += Date.now() - callStarted;
    }
    next = failed ? steps.throw(result) : steps.next(result);
  }
  if (timing) {
    timing.ioMs = ioMs;
  }
  return next.value;
}

/** Runs `steps` with asynchronous file calls (each read into a buffer of its own). */
export async function runAsync<T>(steps: FileSteps<T>): Promise<T> {
  let next = steps.next();
  while (!next.done) {
    let result: unknown;
    let failed = false;
    try {
      result = await callAsync(next.value);
    } catch (error) {
      failed = true;
      result = error;
    }
    next = failed ? steps.throw(result) : steps.next(result);
  }
  return next.value;
}

function callSync(c: FileCall): unknown {
  switch (c.call) {
    case 'open':
      return fs.openSync(c.file, READ_FLAGS);
    case 'stat':
      try {
        return fs.statSync(c.file, { throwIfNoEntry: false });
      } catch {
        return undefined;
      }
    case 'fstat':
      return fs.fstatSync(c.fd);
    case 'read':
      return readSync(c.fd, c.size);
    case 'close':
      try {
        fs.closeSync(c.fd);
      } catch {
        // Nothing to do about a failed close of a file only read.
      }
      return undefined;
  }
}

function callAsync(c: FileCall): Promise<unknown> | undefined {
  switch (c.call) {
    case 'open':
      return fsCall<number>((cb) => fs.open(c.file, READ_FLAGS, cb));
    case 'stat':
      return fsCall<fs.Stats>((cb) => fs.stat(c.file, cb)).catch(() => undefined);
    case 'fstat':
      return fsCall<fs.Stats>((cb) => fs.fstat(c.fd, cb));
    case 'read':
      return readAsync(c.fd, c.size);
    case 'close':
      // Not waited for: nothing depends on it, and a failed close of a file only read is harmless.
      fs.close(c.fd, () => undefined);
      return undefined;
  }
}

/** A callback-style fs call as a promise. */
export function fsCall<T>(start: (cb: (err: NodeJS.ErrnoException | null, value: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => start((err, value) => (err ? reject(err) : resolve(value))));
}

/**
 * One buffer for every synchronous read, grown as needed: a scan reads thousands of small files
 * one after another and keeps none of their bytes, so a buffer per file would be garbage.
 */
let sharedBuffer = Buffer.allocUnsafe(64 * 1024);

function readSync(fd: number, size: number): Buffer {
  if (sharedBuffer.length < size) {
    sharedBuffer = Buffer.allocUnsafe(Math.max(size, sharedBuffer.length * 2));
  }
  let filled = 0;
  while (filled < size) {
    const n = fs.readSync(fd, sharedBuffer, filled, size - filled, filled);
    if (n === 0) {
      break;
    }
    filled += n;
  }
  return sharedBuffer.subarray(0, filled);
}

async function readAsync(fd: number, size: number): Promise<Buffer> {
  const buffer = Buffer.allocUnsafe(size);
  let filled = 0;
  while (filled < size) {
    const n = await fsCall<number>((cb) => fs.read(fd, buffer, filled, size - filled, filled, cb));
    if (n === 0) {
      break;
    }
    filled += n;
  }
  return buffer.subarray(0, filled);
}
