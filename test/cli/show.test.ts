// `candor show`: one note, its linked lines where they are now, follow-ups, problems, text.
import * as assert from 'assert';
import { lines, TempRepo } from '../unit/helpers/tempRepo';
import { ensureBuilt, runCli, writeNote, writeRaw } from './helpers/cli';

const CACHE = lines(30, (n) => `export const v${n} = ${n};`);

function loggedRepo(): { repo: TempRepo; id: string } {
  const repo = TempRepo.create();
  repo.commit('Add cache', { 'src/cache.ts': CACHE, 'src/old.ts': 'gone soon\n' });
  const logged = runCli(['log', '--title', 'Flushed the cache', '--file', 'src/cache.ts:12-18', '--file', 'src/old.ts:1'], { cwd: repo.root });
  assert.strictEqual(logged.code, 0, logged.stderr);
  return { repo, id: logged.stdout.trim().replace(/^incidents\/|\.md$/g, '') };
}

describe('candor show', () => {
  before(ensureBuilt);

  it('shows the fields, linked files at their recorded lines, commits and the text', () => {
    const { repo, id } = loggedRepo();
    const result = runCli(['show', id], { cwd: repo.root });
    assert.strictEqual(result.code, 0, result.stderr);
    const out = result.stdout;
    assert.match(out, /^Flushed the cache\n/);
    assert.match(out, new RegExp(`\\n${id}\\n`));
    assert.match(out, /\n {2}Status +open\n {2}Severity +medium\n {2}Author +Ada Lovelace <ada@example\.com>\n/);
    assert.match(out, new RegExp(`\\n {2}File +incidents/${id}\\.md\\n`));
    assert.match(out, /\nLinked files\n {2}NOW +STATUS\n {2}src\/cache\.ts:12-18 +exact\n {2}src\/old\.ts:1 +exact\n/);
    assert.match(out, /\nCommits\n {2}[0-9a-f]{7} {2}history {5}Add cache\n/);
    assert.match(out, /## What I was trying to do\n\n## What I did\n/);
  });

  it('reports CURRENT line numbers after the file was edited, and orphaned links with their reason', () => {
    const { repo, id } = loggedRepo();
    // Three lines inserted above, not committed; the other file deleted and committed.
    repo.write('src/cache.ts', `// one\n// two\n// three\n${CACHE}`);
    repo.git('rm', '-q', 'src/old.ts');
    repo.git('commit', '-q', '-m', 'Remove old');
    const result = runCli(['show', id], { cwd: repo.root });
    assert.strictEqual(result.code, 0, result.stderr);
    assert.match(result.stdout, /\n {2}src\/cache\.ts:15-21 +moved +src\/cache\.ts:12-18\s*\n/);
    assert.match(result.stdout, /\n {2}— +orphaned +src\/old\.ts:1 +src\/old\.ts no longer exists\n/);
    // Committed, and moved again: still found.
    repo.commit('Header', { 'src/cache.ts': `// one\n// two\n// three\n// four\n${CACHE}` });
    assert.match(runCli(['show', id], { cwd: repo.root }).stdout, /\n {2}src\/cache\.ts:16-22 +moved +src\/cache\.ts:12-18/);
  });

  it('lists follow-ups with overdue ones marked, and the note\'s problems', () => {
    const repo = TempRepo.create();
    writeRaw(repo.root, '2026-01-05-follow-ups.md', [
      '---', 'id: 2026-01-05-follow-ups', 'title: Follow-ups', 'status: open', '---', '', '## Prevention', '',
      '- [ ] Add a guard @ada due:2000-01-01', '- [ ] Write the runbook due:2999-12-31', '- [x] Page the team due:2000-01-01', '',
    ].join('\n'));
    const result = runCli(['show', '2026-01-05-follow-ups'], { cwd: repo.root });
    assert.strictEqual(result.code, 0, result.stderr);
    assert.match(result.stdout, /\nFollow-ups\n {2}\[ \] Add a guard @ada due:2000-01-01 {2}overdue since 2000-01-01 {2}line 9\n {2}\[ \] Write the runbook due:2999-12-31 {2}line 10\n {2}\[x\] Page the team due:2000-01-01 {2}line 11\n/);
    assert.match(result.stdout, /\nProblems\n {2}warning: `severity` is missing; taken as "medium"\.\n/);
  });

  it('finds a note by its file path too', () => {
    const { repo, id } = loggedRepo();
    const result = runCli(['show', `../incidents/${id}.md`], { cwd: `${repo.root}/src` });
    assert.strictEqual(result.code, 0, result.stderr);
    assert.match(result.stdout, /^Flushed the cache\n/);
  });

  it('exits 4 for an unknown id, suggesting the closest ids', () => {
    const repo = TempRepo.create();
    for (const [id, title] of [['2026-01-10-flushed-the-cache', 'a'], ['2026-01-11-flushed-the-queue', 'b'], ['2026-05-01-typo', 'c']]) {
      writeNote(repo.root, id, { title });
    }
    const typo = runCli(['show', '2026-01-10-flushed-teh-cache'], { cwd: repo.root });
    assert.strictEqual(typo.code, 4);
    assert.strictEqual(typo.stdout, '');
    assert.strictEqual(typo.stderr, 'candor: No note 2026-01-10-flushed-teh-cache. Did you mean: 2026-01-10-flushed-the-cache, 2026-01-11-flushed-the-queue?\n');
    const part = runCli(['show', 'flushed'], { cwd: repo.root });
    assert.strictEqual(part.code, 4);
    assert.match(part.stderr, /Did you mean: 2026-01-10-flushed-the-cache, 2026-01-11-flushed-the-queue\?/);
    const none = runCli(['show', 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz'], { cwd: repo.root });
    assert.strictEqual(none.code, 4);
    assert.match(none.stderr, /No note z+\.\n"candor list" shows the ids\./);
    const missing = runCli(['show'], { cwd: repo.root });
    assert.strictEqual(missing.code, 2);
    assert.match(missing.stderr, /Missing the id of the note to show/);
  });

  it('never passes escape sequences or bidirectional controls from a note to the terminal', () => {
    const repo = TempRepo.create();
    writeNote(repo.root, '2026-01-01-hostile', { title: 'Evil \u001b]0;pwned\u0007 title \u202eesrever' }, 'Body \u001b[2J cleared?\n');
    for (const args of [['show', '2026-01-01-hostile'], ['list'], ['check']]) {
      const result = runCli(args, { cwd: repo.root });
      assert.ok(!/[\u001b\u0007\u202e]/.test(result.stdout), `${args[0]}: ${JSON.stringify(result.stdout)}`);
    }
    const shown = runCli(['show', '2026-01-01-hostile'], { cwd: repo.root }).stdout;
    assert.match(shown, /^Evil <U\+001B>\]0;pwned<U\+0007> title <U\+202E>esrever\n/);
    assert.match(shown, /Body <U\+001B>\[2J cleared\?/);
  });
});
