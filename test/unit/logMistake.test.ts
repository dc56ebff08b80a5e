import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { GitRunner } from '../../src/core/git/gitRunner';
import { logMistake, resolveIncidentsDir, validateTitle } from '../../src/core/noteWriting/logMistake';
import { parseNote } from '../../src/core/noteFormat/noteParser';
import { lines, TempRepo } from './helpers/tempRepo';

describe('logMistake (core)', () => {
  it('writes a note linked to the file, lines, branch, HEAD and introducing commit', async () => {
    const repo = TempRepo.create();
    repo.commit('Add cache', { 'src/cache.ts': lines(20, (n) => `const a${n} = ${n};`) });
    const tuned = repo.commit('Tune cache TTL', { 'src/cache.ts': lines(20, (n) => (n === 12 ? 'const ttl = 0;' : `const a${n} = ${n};`)) });
    const now = new Date('2026-11-21T10:40:12Z');
    const result = await logMistake(new GitRunner({ isTrusted: () => true }), {
      title: 'Flushed the production cache',
      severity: 'high',
      tryingTo: 'Clear one stale key',
      action: 'Ran FLUSHALL on prod',
      outcome: 'Every key was gone',
      occurred: new Date('2026-11-21T10:32:00Z'),
      folder: repo.root,
      incidentsDir: path.join(repo.root, 'incidents'),
      files: [{ absPath: path.join(repo.root, 'src/cache.ts'), startLine: 12, endLine: 12 }],
      commits: [],
    }, now);
    assert.strictEqual(result.note.path, path.join(repo.root, 'incidents', '2026-11-21-flushed-the-production-cache.md'));
    const parsed = parseNote(fs.readFileSync(result.note.path, 'utf8'), path.basename(result.note.path));
    assert.deepStrictEqual(parsed.problems, []);
    const note = parsed.note;
    assert.strictEqual(note.id, '2026-11-21-flushed-the-production-cache');
    assert.strictEqual(note.author, 'Ada Lovelace <ada@example.com>');
    assert.strictEqual(note.occurred, '2026-11-21T10:32:00Z');
    assert.strictEqual(note.logged, '2026-11-21T10:40:12Z');
    assert.strictEqual(note.branch, 'main');
    assert.strictEqual(note.head, tuned);
    assert.deepStrictEqual(note.commits, [{ sha: tuned, role: 'history', subject: 'Tune cache TTL' }]);
    assert.deepStrictEqual(note.files, [{ path: 'src/cache.ts', lines: [12, 12], commit: tuned, anchor: 'const ttl = 0;' }]);
    assert.match(note.body, /## What I was trying to do\n\nClear one stale key\n\n## What I did\n\nRan FLUSHALL on prod\n\n## What happened instead\n\nEvery key was gone\n\n## Impact\n/);
  });

  it('validates the title and severity before touching anything', async () => {
    const repo = TempRepo.create();
    const input = { title: '  ', severity: 'high' as const, folder: repo.root, incidentsDir: path.join(repo.root, 'incidents'), files: [], commits: [] };
    await assert.rejects(logMistake(new GitRunner({ isTrusted: () => true }), input), /title is required/);
    await assert.rejects(logMistake(new GitRunner({ isTrusted: () => true }), { ...input, title: 'x', severity: 'huge' as never }), /Unknown severity/);
    assert.ok(!fs.existsSync(path.join(repo.root, 'incidents')));
    assert.match(validateTitle('a\nb')!, /one line/);
    assert.strictEqual(validateTitle('Fine'), undefined);
  });

  it('keeps the incidents folder inside the workspace folder', () => {
    assert.strictEqual(resolveIncidentsDir('/ws', 'notes/incidents'), path.resolve('/ws/notes/incidents'));
    assert.strictEqual(resolveIncidentsDir('/ws', ''), path.resolve('/ws/incidents'));
    assert.throws(() => resolveIncidentsDir('/ws', '../elsewhere'), /inside the workspace folder/);
    assert.throws(() => resolveIncidentsDir('/ws', '/etc'), /inside the workspace folder/);
  });
});
