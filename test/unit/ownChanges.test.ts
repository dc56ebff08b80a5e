// Which blamed commits are recorded as `introduced`: only the person's own, not yet in the base;
// everything else git blame returns is the lines' `history`. Real repositories, two authors.
import * as assert from 'assert';
import * as path from 'path';
import { captureContext } from '../../src/core/git/captureContext';
import { baseBranchGlobs, firstBaseBranch } from '../../src/core/git/baseBranches';
import { GitRunner } from '../../src/core/git/gitRunner';
import { lines, TempRepo } from './helpers/tempRepo';

const git = new GitRunner({ isTrusted: () => true });
const file = (n: number, changed: Record<number, string>) => lines(30, (i) => changed[i] ?? `export const line${i} = ${i};`);

/** Grace wrote the file on main; Ada (the current user) branched and changed lines 12-13. */
function twoAuthors(): { repo: TempRepo; grace: string; ada: string } {
  const repo = TempRepo.create();
  repo.git('config', 'user.name', 'Grace Hopper');
  repo.git('config', 'user.email', 'grace@example.com');
  const grace = repo.commit('Add cache', { 'src/cache.ts': file(30, {}) });
  repo.git('config', 'user.name', 'Ada Lovelace');
  repo.git('config', 'user.email', 'Ada@Example.com');
  repo.git('checkout', '-q', '-b', 'ttl');
  const ada = repo.commit('Tune cache TTL', { 'src/cache.ts': file(30, { 12: 'export const ttl = 0;', 13: 'export const ttl2 = 0;' }) });
  return { repo, grace, ada };
}

async function roles(repo: TempRepo, first: number, last: number): Promise<[string, string][]> {
  const ctx = await captureContext(git, { cwd: repo.root, files: [{ absPath: path.join(repo.root, 'src/cache.ts'), startLine: first, endLine: last }], commits: [] });
  return ctx.commits.map((c) => [c.sha, c.role]);
}

describe('introduced or history: the commits behind the linked lines', () => {
  it('marks the current user\'s own commit on the branch introduced (email in any case), another author\'s history', async () => {
    const { repo, grace, ada } = twoAuthors();
    assert.deepStrictEqual(await roles(repo, 10, 14), [[ada, 'introduced'], [grace, 'history']]);
  });

  it('once the branch is merged into main, the person\'s commit is shared history too', async () => {
    const { repo, ada } = twoAuthors();
    repo.git('checkout', '-q', 'main');
    repo.git('merge', '-q', '--ff-only', 'ttl');
    assert.deepStrictEqual(await roles(repo, 12, 12), [[ada, 'history']]);
  });

  it('uses origin/HEAD as the base when there is one: unpushed own commits on main are introduced', async () => {
    const { repo, grace } = twoAuthors();
    repo.git('checkout', '-q', 'main');
    // origin/HEAD → origin/main at Grace's commit, as after a clone.
    repo.git('update-ref', 'refs/remotes/origin/main', grace);
    repo.git('symbolic-ref', 'refs/remotes/origin/HEAD', 'refs/remotes/origin/main');
    const mine = repo.commit('Shorten the TTL on main', { 'src/cache.ts': file(30, { 20: 'export const ttl = 1;' }) });
    assert.deepStrictEqual(await roles(repo, 19, 20), [[mine, 'introduced'], [grace, 'history']]);
  });

  it('learns which base branches exist with the top level: five git processes for one range', async () => {
    const { repo, ada } = twoAuthors();
    const counted = new GitRunner({ isTrusted: () => true });
    const ctx = await captureContext(counted, { cwd: repo.root, files: [{ absPath: path.join(repo.root, 'src/cache.ts'), startLine: 12, endLine: 12 }], commits: [] });
    assert.deepStrictEqual(ctx.commits.map((c) => [c.sha, c.role]), [[ada, 'introduced']]);
    // rev-parse (top level and base branches) with config, status, blame, rev-list.
    assert.strictEqual(counted.processCount, 5);
    assert.deepStrictEqual(baseBranchGlobs(), ['--glob=refs/remotes/origin/HEA[D]', '--glob=refs/heads/mai[n]', '--glob=refs/heads/maste[r]']);
    assert.strictEqual(firstBaseBranch(['refs/remotes/origin/trunk', 'refs/heads/main']), 'origin/HEAD');
    assert.strictEqual(firstBaseBranch(['refs/heads/master', 'refs/heads/main']), 'main');
    assert.strictEqual(firstBaseBranch([]), undefined);
  });

  it('with none of the base branches, the person\'s own commits all count', async () => {
    const { repo, ada } = twoAuthors();
    repo.git('branch', '-m', 'main', 'trunk');
    assert.deepStrictEqual(await roles(repo, 12, 12), [[ada, 'introduced']]);
  });

  it('another author\'s commit on the same branch is history, not the person\'s', async () => {
    const { repo, ada } = twoAuthors();
    repo.git('config', 'user.email', 'grace@example.com');
    assert.deepStrictEqual((await roles(repo, 12, 12)), [[ada, 'history']]);
  });
});
