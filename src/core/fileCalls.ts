// Node's callback file API as promises, for the reads the index makes by the thousand. Not
// fs.promises: for small files its FileHandle bookkeeping costs more than the read itself, and
// its readFile reads in 512 KiB pieces, each a round trip through the event loop.
import * as fs from 'fs';

/** A callback-style fs call as a promise. */
export function fsCall<T>(start: (cb: (err: NodeJS.ErrnoException | null, value: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => start((err, value) => (err ? reject(err) : resolve(value))));
}

/** The first `size` bytes of the open file `fd` (fewer if it shrank), in one new buffer. */
export async function readOpenFile(fd: number, size: number): Promise<Buffer> {
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
