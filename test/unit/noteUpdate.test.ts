import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { NoteConflictError, updateNoteFile, updateNoteText } from '../../src/core/noteWriting/safeNoteSave';
import { tempDir } from './helpers/tempRepo';

const NOTE = '---\nid: 2026-01-01-x\ntitle: X   # keep\nstatus: open\nseverity: low\n---\n\n- [ ] one\n';

function noteFile(text = NOTE): string {
  const file = path.join(tempDir(), '2026-01-01-x.md');
  fs.writeFileSync(file, text);
  return file;
}

describe('updateNoteFile', () => {
  it('writes only the changed field, atomically, leaving no temporary file', async () => {
    const file = noteFile();
    const result = await updateNoteFile(file, [{ path: ['status'], value: 'resolved' }, { path: ['resolved'], value: '2026-01-02T00:00:00Z' }]);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), NOTE.replace('status: open', 'status: resolved').replace('severity: low\n', 'severity: low\nresolved: 2026-01-02T00:00:00Z\n'));
    assert.strictEqual(result.merged, false);
    assert.deepStrictEqual(fs.readdirSync(path.dirname(file)), ['2026-01-01-x.md']);
  });

  it('merges into a note someone else changed in another field', async () => {
    const file = noteFile();
    const seen = NOTE;
    fs.writeFileSync(file, NOTE.replace('severity: low', 'severity: high') + 'Added by a teammate.\n');
    const result = await updateNoteFile(file, [{ path: ['status'], value: 'mitigated' }], seen);
    assert.ok(result.merged);
    const text = fs.readFileSync(file, 'utf8');
    assert.match(text, /status: mitigated/);
    assert.match(text, /severity: high/);
    assert.match(text, /Added by a teammate\.\n$/);
  });

  it('refuses when someone else changed the same field, and writes nothing', async () => {
    const file = noteFile();
    const theirs = NOTE.replace('status: open', 'status: mitigated');
    fs.writeFileSync(file, theirs);
    await assert.rejects(updateNoteFile(file, [{ path: ['status'], value: 'resolved' }], NOTE), NoteConflictError);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), theirs);
  });

  it('edits body text through a transform with the same atomic write', async () => {
    const file = noteFile();
    await updateNoteText(file, (t) => t.replace('- [ ] one', '- [x] one'));
    assert.strictEqual(fs.readFileSync(file, 'utf8'), NOTE.replace('- [ ] one', '- [x] one'));
  });

  it('keeps the file mode', async function () {
    if (process.platform === 'win32') {
      this.skip();
    }
    const file = noteFile();
    fs.chmodSync(file, 0o640);
    await updateNoteFile(file, [{ path: ['status'], value: 'resolved' }]);
    assert.strictEqual(fs.statSync(file).mode & 0o777, 0o640);
  });
});
