// `candor status`: Set Status from a terminal, changing nothing else in the file.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { TempRepo } from '../unit/helpers/tempRepo';
import { ensureBuilt, runCli, writeNote, writeRaw } from './helpers/cli';

describe('candor status', () => {
  before(ensureBuilt);

  it('writes status and, for resolved, the time; every other byte stays', () => {
    const repo = TempRepo.create();
    const file = writeNote(repo.root, '2026-11-21-flushed', { title: 'Flushed', tags: ['cache'] }, '## Learnings\n\nKeep   this   spacing.\n');
    const before = fs.readFileSync(file, 'utf8');
    const result = runCli(['status', '2026-11-21-flushed', 'resolved'], { cwd: repo.root });
    assert.strictEqual(result.code, 0, result.stderr);
    assert.strictEqual(result.stdout, 'incidents/2026-11-21-flushed.md\n');
    const after = fs.readFileSync(file, 'utf8');
    assert.match(after, /^status: resolved$/m);
    assert.match(after, /^resolved: \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/m);
    const unchanged = (text: string) => text.split('\n').filter((l) => !/^(status|resolved):/.test(l)).join('\n');
    assert.strictEqual(unchanged(after), unchanged(before));
  });

  it('refuses an unknown status or note, and a missing argument, writing nothing', () => {
    const repo = TempRepo.create();
    const file = writeNote(repo.root, '2026-11-21-flushed', { title: 'Flushed' });
    const before = fs.readFileSync(file, 'utf8');
    const bad = runCli(['status', '2026-11-21-flushed', 'done'], { cwd: repo.root });
    assert.strictEqual(bad.code, 2);
    assert.match(bad.stderr, /"done" is not a status: use one of open, mitigated, resolved/);
    assert.strictEqual(runCli(['status', '2026-11-21-flushed'], { cwd: repo.root }).code, 2);
    const unknown = runCli(['status', '2026-11-21-flushd', 'resolved'], { cwd: repo.root });
    assert.strictEqual(unknown.code, 4);
    assert.match(unknown.stderr, /Did you mean: 2026-11-21-flushed/);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), before);
  });

  it('says why when the front matter cannot be edited, and leaves the file alone', () => {
    const repo = TempRepo.create();
    const text = '---\nid: 2026-11-21-broken\ntitle: [unclosed\nstatus: open\n---\n\nBody\n';
    writeRaw(repo.root, '2026-11-21-broken.md', text);
    const result = runCli(['status', path.join('incidents', '2026-11-21-broken.md'), 'resolved'], { cwd: repo.root });
    assert.strictEqual(result.code, 1, result.stderr);
    assert.match(result.stderr, /cannot be edited/);
    assert.strictEqual(fs.readFileSync(path.join(repo.root, 'incidents', '2026-11-21-broken.md'), 'utf8'), text);
  });
});
