import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { captureContext, DETACHED_BRANCH } from '../../src/core/git/captureContext';
import { GitRunner, GitUntrustedError } from '../../src/core/git/gitRunner';
import { lines, tempDir, TempRepo } from './helpers/tempRepo';

const trusted = () => new GitRunner({ isTrusted: () => true });

/** A history where lines 1-10 come from the first commit and 12-18 from the second. */
function cacheRepo(): { repo: TempRepo; first: string; second: string } {
  const repo = TempRepo.create();
  const first = repo.commit('Add cache', { 'src/cache.ts': lines(30, (n) => `export const line${n} = ${n};`) });
  const second = repo.commit('Tune cache TTL', {
    'src/cache.ts': lines(30, (n) => (n >= 12 && n <= 18 ? `export const ttl${n} = 0; // tuned` : `export const line${n} = ${n};`)),
  });
  return { repo, first, second };
}

describe('captureContext over real git repositories', () => {
  it('records root, HEAD, branch, author and the commit that introduced the lines', async () => {
    const { repo, second } = cacheRepo();
    const git = trusted();
    const ctx = await captureContext(git, { cwd: repo.root, files: [{ absPath: path.join(repo.root, 'src/cache.ts'), startLine: 12, endLine: 18 }], commits: [] });
    assert.strictEqual(ctx.repoRoot, repo.root);
    assert.strictEqual(ctx.head, second);
    assert.strictEqual(ctx.branch, 'main');
    assert.strictEqual(ctx.author, 'Ada Lovelace <ada@example.com>');
    assert.deepStrictEqual(ctx.commits, [{ sha: second, role: 'history', subject: 'Tune cache TTL' }]);
    assert.deepStrictEqual(ctx.files[0].lines, [12, 18]);
    assert.strictEqual(ctx.files[0].path, 'src/cache.ts');
    assert.strictEqual(ctx.files[0].commit, second);
    assert.match(ctx.files[0].anchor!, /^export const ttl12 = 0; \/\/ tuned\n/);
    assert.strictEqual(ctx.files[0].uncommitted, undefined);
    assert.deepStrictEqual(ctx.warnings, []);
    // rev-parse, config, status, blame; then merge-base (up to one per base ref) and rev-list for the user's own commits.
    assert.ok(git.processCount <= 8, `started ${git.processCount} git processes`);
  });

  it('lists every commit behind a range spanning two commits, most recent first', async () => {
    const { repo, first, second } = cacheRepo();
    const ctx = await captureContext(trusted(), { cwd: repo.root, files: [{ absPath: path.join(repo.root, 'src/cache.ts'), startLine: 9, endLine: 13 }], commits: [] });
    assert.deepStrictEqual(ctx.commits.map((c) => [c.sha, c.role, c.subject]), [[second, 'history', 'Tune cache TTL'], [first, 'history', 'Add cache']]);
  });

  it('blames unsaved editor text, not the file on disk', async () => {
    const { repo, first } = cacheRepo();
    const disk = repo.read('src/cache.ts');
    // Two lines inserted at the top in the editor: old line 1 is now line 3.
    const unsaved = 'import x from "y";\n\n' + disk;
    const ctx = await captureContext(trusted(), { cwd: repo.root, files: [{ absPath: path.join(repo.root, 'src/cache.ts'), startLine: 1, endLine: 3, unsavedText: unsaved }], commits: [] });
    assert.deepStrictEqual(ctx.commits.map((c) => c.sha), [first]);
    assert.strictEqual(ctx.files[0].uncommitted, 'unsaved');
    assert.match(ctx.warnings.join(), /unsaved changes/);
    assert.match(ctx.warnings.join(), /not committed yet/);
    assert.match(ctx.files[0].anchor!, /^import x from "y";\n\nexport const line1 = 1;$/);
  });

  it('marks modified and untracked files', async () => {
    const { repo } = cacheRepo();
    repo.write('src/cache.ts', repo.read('src/cache.ts') + 'export const extra = 1;\n');
    repo.write('src/new.ts', 'export const n = 1;\n');
    const ctx = await captureContext(trusted(), {
      cwd: repo.root,
      files: [{ absPath: path.join(repo.root, 'src/cache.ts'), startLine: 31, endLine: 31 }, { absPath: path.join(repo.root, 'src/new.ts'), startLine: 1, endLine: 1 }],
      commits: [],
    });
    assert.deepStrictEqual(ctx.files.map((f) => f.uncommitted), ['modified', 'untracked']);
    assert.deepStrictEqual(ctx.commits, []);
    assert.match(ctx.warnings.join('\n'), /src\/cache.ts lines 31-31 include changes that are not committed yet/);
    assert.match(ctx.warnings.join('\n'), /src\/new.ts is not tracked by git/);
  });

  it('handles spaces and non-ASCII characters in paths', async () => {
    const repo = TempRepo.create();
    const sha = repo.commit('Add naïve file', { 'src/dir with space/naïve fïle.ts': lines(5, (n) => `const v${n} = ${n};`) });
    const ctx = await captureContext(trusted(), { cwd: repo.root, files: [{ absPath: path.join(repo.root, 'src/dir with space/naïve fïle.ts'), startLine: 2, endLine: 4 }], commits: [] });
    assert.strictEqual(ctx.files[0].path, 'src/dir with space/naïve fïle.ts');
    assert.deepStrictEqual(ctx.commits.map((c) => c.sha), [sha]);
    assert.deepStrictEqual(ctx.warnings, []);
  });

  it('records a detached HEAD', async () => {
    const { repo, first } = cacheRepo();
    repo.git('checkout', '-q', '--detach', first);
    const ctx = await captureContext(trusted(), { cwd: repo.root, files: [], commits: [] });
    assert.strictEqual(ctx.head, first);
    assert.strictEqual(ctx.branch, DETACHED_BRANCH);
    assert.ok(ctx.detached);
    assert.match(ctx.warnings.join(), /detached/);
  });

  it('works in a repository with no commit yet', async () => {
    const repo = TempRepo.create();
    repo.write('a.ts', 'one\ntwo\n');
    const ctx = await captureContext(trusted(), { cwd: repo.root, files: [{ absPath: path.join(repo.root, 'a.ts'), startLine: 1, endLine: 2 }], commits: [] });
    assert.strictEqual(ctx.head, undefined);
    assert.strictEqual(ctx.branch, 'main');
    assert.deepStrictEqual(ctx.files[0].lines, [1, 2]);
    assert.strictEqual(ctx.files[0].anchor, 'one\ntwo');
    assert.match(ctx.warnings.join(), /no commit yet/);
  });

  it('works in a folder that is not a repository', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a.ts'), 'one\ntwo\nthree\n');
    const ctx = await captureContext(trusted(), { cwd: dir, files: [{ absPath: path.join(dir, 'a.ts'), startLine: 2, endLine: 3 }], commits: ['abcdef1'] });
    assert.strictEqual(ctx.repoRoot, undefined);
    assert.deepStrictEqual(ctx.files, [{ path: 'a.ts', lines: [2, 3], anchor: 'two\nthree' }]);
    assert.match(ctx.warnings.join('\n'), /Not a git repository/);
    assert.match(ctx.warnings.join('\n'), /Commits could not be linked without git/);
  });

  it('works without git installed', async () => {
    const { repo } = cacheRepo();
    const noGit = new GitRunner({ isTrusted: () => true, binary: 'candor-no-such-git' });
    const ctx = await captureContext(noGit, { cwd: repo.root, files: [{ absPath: path.join(repo.root, 'src/cache.ts'), startLine: 1, endLine: 1 }], commits: [] });
    assert.match(ctx.warnings.join(), /Git could not be started/);
    assert.deepStrictEqual(ctx.files[0].lines, [1, 1]);
  });

  it('starts no git process when the workspace is not trusted', async () => {
    const { repo } = cacheRepo();
    const untrusted = new GitRunner({ isTrusted: () => false });
    await assert.rejects(untrusted.run(repo.root, ['status']), GitUntrustedError);
    const ctx = await captureContext(untrusted, { cwd: repo.root, files: [], commits: [] });
    assert.strictEqual(untrusted.processCount, 0);
    assert.match(ctx.warnings.join(), /not trusted/);
  });

  it('links explicit commits as related, leaving out unknown and malformed ones', async () => {
    const { repo, first } = cacheRepo();
    const ctx = await captureContext(trusted(), { cwd: repo.root, files: [], commits: [first.slice(0, 10).toUpperCase(), 'deadbeefdeadbeef', '--output=/tmp/x', 'HEAD'] });
    assert.deepStrictEqual(ctx.commits, [{ sha: first, role: 'related', subject: 'Add cache' }]);
    assert.match(ctx.warnings.join('\n'), /deadbeefdeadbeef is not in this repository/);
    assert.match(ctx.warnings.join('\n'), /"--output=\/tmp\/x" is not a commit sha/);
    assert.match(ctx.warnings.join('\n'), /"HEAD" is not a commit sha/);
    assert.ok(!fs.existsSync('/tmp/x') || fs.statSync('/tmp/x').mtimeMs < Date.now() - 60_000);
  });

  it('cuts a range that runs past the end of the file', async () => {
    const { repo } = cacheRepo();
    const ctx = await captureContext(trusted(), { cwd: repo.root, files: [{ absPath: path.join(repo.root, 'src/cache.ts'), startLine: 29, endLine: 99 }], commits: [] });
    assert.deepStrictEqual(ctx.files[0].lines, [29, 31]);
    assert.match(ctx.warnings.join(), /was cut to fit/);
  });

  it('does not run filter programs named by the repository config', async () => {
    const { repo } = cacheRepo();
    const marker = path.join(tempDir(), 'filter-ran');
    repo.git('config', 'filter.evil.clean', `touch '${marker}'; cat`);
    repo.git('config', 'filter.evil.smudge', `touch '${marker}'; cat`);
    repo.git('config', 'core.fsmonitor', `touch '${marker}'; false`);
    repo.write('.gitattributes', '* filter=evil\n');
    // A changed mtime makes git re-read the file through the clean filter on status.
    repo.write('src/cache.ts', repo.read('src/cache.ts') + '// edited\n');
    await captureContext(trusted(), { cwd: repo.root, files: [{ absPath: path.join(repo.root, 'src/cache.ts'), startLine: 1, endLine: 2 }], commits: [] });
    assert.ok(!fs.existsSync(marker), 'a program from the repository config ran');
  });
});
