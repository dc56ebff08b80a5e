// `candor list`: newest first, a table that fits the terminal, JSON for scripts, the filters.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { tempDir, TempRepo } from '../unit/helpers/tempRepo';
import { ensureBuilt, runCli, stdoutLines, writeNote, writeRaw } from './helpers/cli';
import { displayWidth } from '../../src/cli/terminalText';
import type { ListedNote } from '../../src/cli/commands/list';

const LONG_TITLE = 'Rotated the signing key in production before the new one reached every replica of the cache';

function repoWithNotes(): TempRepo {
  const repo = TempRepo.create();
  writeNote(repo.root, '2026-01-10-flushed-the-cache', { title: 'Flushed the cache', severity: 'high', tags: ['cache', 'Redis'], author: 'Ada <ada@example.com>' });
  writeNote(repo.root, '2026-03-02-rotated-the-key', { title: LONG_TITLE, severity: 'critical', status: 'mitigated', tags: ['security'] });
  writeNote(repo.root, '2026-02-14-typo-in-config', { title: 'Typo in config', severity: 'low', status: 'resolved' }, '## Learnings\n\nLint the YAML.\n');
  writeRaw(repo.root, '2026-02-20-broken.md', '---\ntitle: Broken\nstatus: done\n---\n');
  return repo;
}

describe('candor list', () => {
  before(ensureBuilt);

  it('prints a table of short ids, newest first, marking notes that cannot be read and values the file does not give', () => {
    const repo = repoWithNotes();
    const result = runCli(['list'], { cwd: repo.root });
    assert.strictEqual(result.code, 0, result.stderr);
    const out = stdoutLines(result);
    assert.match(out[0], /^ {3}ID +STATUS +SEVERITY +TITLE$/);
    const ids = out.slice(1, 5).map((l) => l.slice(3).split(/\s+/)[0]);
    assert.deepStrictEqual(ids, ['2026-03-02-rota', '2026-02-20-brok', '2026-02-14-typo', '2026-01-10-flus']);
    // The file's own status, marked invalid, and no severity: the default, marked as not in the file.
    assert.match(out[2], /^! {2}2026-02-20-brok +done \(!\) +medium \(\?\) +Broken$/);
    assert.match(out[1], /mitigated +critical +Rotated the signing key .* cache$/);
    assert.strictEqual(out[5], '4 notes, 1 that cannot be read in full (!): run candor check; (?) not in the file, the default is shown');
  });

  it('fits the terminal width, cutting titles with …', () => {
    const repo = repoWithNotes();
    const result = runCli(['list'], { cwd: repo.root, env: { COLUMNS: '72' } });
    const rows = stdoutLines(result).slice(0, 5);
    for (const row of rows) {
      assert.ok(displayWidth(row) <= 72, `${displayWidth(row)} columns: ${row}`);
    }
    assert.match(rows[1], /Rotated the si.*…$/);
    // Wide characters count double.
    writeNote(repo.root, '2026-04-01-wide', { title: '網站 '.repeat(30) });
    for (const row of stdoutLines(runCli(['list'], { cwd: repo.root, env: { COLUMNS: '70' } })).slice(0, 6)) {
      assert.ok(displayWidth(row) <= 70, `${displayWidth(row)} columns: ${row}`);
    }
  });

  it('prints JSON with the documented fields, paths relative to the repository root', () => {
    const repo = repoWithNotes();
    const result = runCli(['list', '--json'], { cwd: path.join(repo.root) });
    const notes = JSON.parse(result.stdout) as ListedNote[];
    assert.deepStrictEqual(notes.map((n) => n.id), ['2026-03-02-rotated-the-key', '2026-02-20-broken', '2026-02-14-typo-in-config', '2026-01-10-flushed-the-cache']);
    assert.deepStrictEqual(Object.keys(notes[3]), ['id', 'shortId', 'title', 'status', 'severity', 'occurred', 'author', 'tags', 'path', 'problems', 'invalid', 'responses']);
    assert.deepStrictEqual(notes[3], {
      id: '2026-01-10-flushed-the-cache', shortId: '2026-01-10-flus', title: 'Flushed the cache', status: 'open', severity: 'high', occurred: '2026-01-10T09:00:00Z',
      author: 'Ada <ada@example.com>', tags: ['cache', 'Redis'], path: 'incidents/2026-01-10-flushed-the-cache.md', problems: [], invalid: [], responses: 0,
    });
    assert.strictEqual(notes[1].author, null);
    // The file's own value, named invalid; never the default `open` as if the file said it.
    assert.strictEqual(notes[1].status, 'done');
    assert.deepStrictEqual(notes[1].invalid, ['status']);
    assert.ok(notes[1].problems.some((p) => p.level === 'error' && /status.*done/.test(p.message) && p.line === 3), JSON.stringify(notes[1].problems));
    // The same from a subdirectory.
    fs.mkdirSync(path.join(repo.root, 'src'));
    assert.deepStrictEqual(JSON.parse(runCli(['list', '--json'], { cwd: path.join(repo.root, 'src') }).stdout), notes);
  });

  it('filters by status, severity, tag and text; repeated or with commas', () => {
    const repo = repoWithNotes();
    const ids = (...args: string[]) => (JSON.parse(runCli(['list', '--json', ...args], { cwd: repo.root }).stdout) as ListedNote[]).map((n) => n.id);
    // `status: done` is no status at all: it matches no --status, not the default open.
    assert.deepStrictEqual(ids('--status', 'open'), ['2026-01-10-flushed-the-cache']);
    assert.deepStrictEqual(ids('--status', 'resolved', '--status', 'mitigated'), ['2026-03-02-rotated-the-key', '2026-02-14-typo-in-config']);
    assert.deepStrictEqual(ids('--severity', 'high,critical'), ['2026-03-02-rotated-the-key', '2026-01-10-flushed-the-cache']);
    assert.deepStrictEqual(ids('--tag', 'redis'), ['2026-01-10-flushed-the-cache']);
    assert.deepStrictEqual(ids('--text', 'lint yaml'), ['2026-02-14-typo-in-config']);
    assert.deepStrictEqual(ids('--status', 'open', '--severity', 'low'), []);
    assert.strictEqual(runCli(['list', '--status', 'open', '--severity', 'low'], { cwd: repo.root }).stdout, 'No notes.\n');
    const bad = runCli(['list', '--severity', 'huge'], { cwd: repo.root });
    assert.strictEqual(bad.code, 2);
    assert.match(bad.stderr, /--severity "huge" is not one of/);
  });

  it('exits 3 when there is no incidents folder, saying why', () => {
    const repo = TempRepo.create();
    const inRepo = runCli(['list'], { cwd: repo.root });
    assert.strictEqual(inRepo.code, 3);
    assert.match(inRepo.stderr, /No incidents folder: incidents does not exist\./);
    const outside = runCli(['list'], { cwd: tempDir() });
    assert.strictEqual(outside.code, 3);
    assert.match(outside.stderr, /Not in a git repository, and there is no incidents folder here \(incidents\)\./);
    // Outside a repository an incidents folder is still read: no git is needed to list.
    const plain = tempDir();
    writeNote(plain, '2026-01-01-plain', { title: 'Plain folder' });
    assert.match(runCli(['list'], { cwd: plain }).stdout, /2026-01-01-plai +open +medium +Plain folder/);
  });
});
