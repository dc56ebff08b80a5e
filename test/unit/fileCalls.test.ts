// The one description of a file read (fileCalls.ts), run both ways: runSync and runAsync must find
// the same stat, bytes and failures for every kind of path a note folder can hold, since the scan
// switches from one to the other on a slow disk and must not read a note differently when it does.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fileBytes, runAsync, runSync, statFile, type FileBytes } from '../../src/core/noteIndex/fileCalls';

function summary(read: FileBytes | undefined): unknown {
  return read && { size: read.stat.size, ino: read.stat.ino, bytes: read.bytes?.toString('utf8'), error: read.error !== undefined };
}

describe('file calls, run synchronously or asynchronously', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'candor-filecalls-'));
    fs.writeFileSync(path.join(dir, 'note.md'), '---\ntitle: a\n---\nbody\n');
    fs.writeFileSync(path.join(dir, 'empty.md'), '');
    fs.writeFileSync(path.join(dir, 'big.md'), 'x'.repeat(200));
    fs.mkdirSync(path.join(dir, 'folder.md'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('give the same result for a note, an empty file, one over the limit, a folder and a missing file', async () => {
    for (const name of ['note.md', 'empty.md', 'big.md', 'folder.md', 'missing.md']) {
      const file = path.join(dir, name);
      const sync = summary(runSync(fileBytes(file, 100)));
      const async = summary(await runAsync(fileBytes(file, 100)));
      assert.deepStrictEqual(async, sync, name);
    }
    assert.deepStrictEqual(summary(runSync(fileBytes(path.join(dir, 'note.md'), 100))), {
      size: 22, ino: fs.statSync(path.join(dir, 'note.md')).ino, bytes: '---\ntitle: a\n---\nbody\n', error: false,
    });
    assert.strictEqual(runSync(fileBytes(path.join(dir, 'folder.md'), 100)), undefined);
    assert.strictEqual(await runAsync(fileBytes(path.join(dir, 'missing.md'), 100)), undefined);
    assert.strictEqual((await runAsync(fileBytes(path.join(dir, 'big.md'), 100)))?.bytes, undefined);
  });

  it('report a file that cannot be opened with the reason, both ways', async function () {
    if (process.getuid?.() === 0) {
      this.skip(); // root opens anything
    }
    const file = path.join(dir, 'locked.md');
    fs.writeFileSync(file, 'x');
    fs.chmodSync(file, 0o000);
    try {
      const sync = runSync(fileBytes(file, 100));
      const async = await runAsync(fileBytes(file, 100));
      assert.ok(sync?.error && async?.error, 'an error, not undefined');
      assert.strictEqual(sync.stat.size, 1);
      assert.strictEqual(async.stat.size, 1);
    } finally {
      fs.chmodSync(file, 0o644);
    }
  });

  it('stat a missing file as undefined, never throwing', async () => {
    assert.strictEqual(runSync(statFile(path.join(dir, 'missing.md'))), undefined);
    assert.strictEqual(await runAsync(statFile(path.join(dir, 'missing.md'))), undefined);
    assert.strictEqual(runSync(statFile(path.join(dir, 'note.md')))?.size, 22);
  });

  it('count only the time spent in file calls as I/O', () => {
    const timing = { ioMs: -1 };
    function* slowAfterRead() {
      const read = yield* fileBytes(path.join(dir, 'note.md'), 100);
      const until = Date.now() + 120;
      while (Date.now() < until) {
        // Work after the read (a parse): not I/O.
      }
      return read;
    }
    runSync(slowAfterRead(), timing);
    assert.ok(timing.ioMs >= 0 && timing.ioMs < 100, `ioMs ${timing.ioMs}`);
  });
});
