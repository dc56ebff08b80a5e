// A repository someone else wrote can name programs in its .git/config and .gitattributes that
// git would run (fsmonitor, pager, external diff, filters, textconv, hooks, signature checks…),
// and the environment can carry more (PAGER, EDITOR, GIT_SSH_COMMAND, GIT_EXTERNAL_DIFF). Every
// git-using feature of Candor runs here; none of those programs may run.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { locateLinks } from '../../src/core/anchoring/locateLinks';
import { notesTouchedOnBranch } from '../../src/core/review/branchTouches';
import { captureContext, recentCommits, resolveCommits } from '../../src/core/git/captureContext';
import { followUpChanges } from '../../src/core/digest/followUpDates';
import { GitRunner } from '../../src/core/git/gitRunner';
import { headSha, showCommit, userEmail } from '../../src/core/git/repoQueries';
import { logMistake } from '../../src/core/noteWriting/logMistake';
import { originRemote } from '../../src/core/repository/permalinks';
import { lines, tempDir, TempRepo } from './helpers/tempRepo';

const TRAPPED_ENV = ['PAGER', 'GIT_PAGER', 'EDITOR', 'VISUAL', 'GIT_EDITOR', 'GIT_SSH_COMMAND', 'GIT_SSH', 'GIT_EXTERNAL_DIFF', 'GIT_ASKPASS', 'SSH_ASKPASS'];

/** A repository whose config, attributes and hooks all point at a script that leaves a marker. */
function trappedRepo(): { repo: TempRepo; markers: string; first: string; second: string } {
  const markers = tempDir('candor-markers-');
  const trap = path.join(tempDir('candor-trap-'), 'trap.sh');
  fs.writeFileSync(trap, `#!/bin/sh\ntouch "${markers}/$(basename "$0")-$1-$$"\ncat >/dev/null 2>&1 &\nexit 0\n`, { mode: 0o755 });
  const repo = TempRepo.create();
  const first = repo.commit('Add cache', { 'src/cache.ts': lines(30, (n) => `export const v${n} = ${n};`), 'README.md': '# r\n' });
  const second = repo.commit('Tune cache TTL', { 'src/cache.ts': lines(30, (n) => (n >= 12 && n <= 18 ? `export const ttl${n} = 0;` : `export const v${n} = ${n};`)) });
  // A staged rename, made before the traps are set (git mv itself would trigger them).
  repo.git('mv', 'README.md', 'README-renamed.md');
  const hooks = path.join(repo.root, '.git', 'evil-hooks');
  fs.mkdirSync(hooks);
  for (const hook of ['post-index-change', 'post-checkout', 'reference-transaction', 'pre-commit', 'post-rewrite', 'fsmonitor-watchman']) {
    fs.copyFileSync(trap, path.join(hooks, hook));
    fs.chmodSync(path.join(hooks, hook), 0o755);
  }
  const config: [string, string][] = [
    ['core.fsmonitor', `${trap} fsmonitor`],
    ['core.pager', `${trap} pager`],
    ['pager.log', `${trap} pagerlog`],
    ['pager.show', `${trap} pagershow`],
    ['diff.external', `${trap} diffexternal`],
    ['core.sshCommand', `${trap} ssh`],
    ['core.askPass', `${trap} askpass`],
    ['core.editor', `${trap} editor`],
    ['sequence.editor', `${trap} seqeditor`],
    ['core.hooksPath', hooks],
    ['core.alternateRefsCommand', `${trap} altrefs`],
    ['core.gitProxy', `${trap} proxy`],
    ['credential.helper', `!${trap} credential`],
    ['gpg.program', `${trap} gpg`],
    ['log.showSignature', 'true'],
    ['filter.evil.clean', `${trap} clean`],
    ['filter.evil.smudge', `${trap} smudge`],
    ['filter.evil.required', 'true'],
    ['diff.evil.textconv', `${trap} textconv`],
    ['diff.evil.command', `${trap} diffdriver`],
    ['protocol.ext.allow', 'always'],
    ['remote.origin.url', `ext::${trap} ext %S`],
  ];
  for (const [key, value] of config) {
    repo.git('config', key, value);
  }
  repo.write('.gitattributes', '* filter=evil diff=evil\n');
  // Changed files, written after the traps, so git must read them (and so run filters) again.
  repo.write('src/cache.ts', repo.read('src/cache.ts').replace('export const v1 = 1;', '// edited\nexport const v1 = 1;'));
  repo.write('src/untracked.ts', 'export const u = 1;\n');
  assert.deepStrictEqual(fs.readdirSync(markers), [], 'setting up ran nothing');
  return { repo, markers, first, second };
}

function withTrappedEnv<T>(trap: string, run: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(TRAPPED_ENV.map((k) => [k, process.env[k]]));
  for (const key of TRAPPED_ENV) {
    process.env[key] = `${trap} env-${key}`;
  }
  return run().finally(() => {
    for (const key of TRAPPED_ENV) {
      if (saved[key] === undefined) {
        delete process.env[key];
      } else {
        process.env[key] = saved[key];
      }
    }
  });
}

describe('a hostile repository', () => {
  it('has live traps: plain git commands run them (the control)', () => {
    const { repo, markers } = trappedRepo();
    execFileSync('git', ['status'], { cwd: repo.root, stdio: 'ignore' });
    execFileSync('git', ['diff', 'HEAD'], { cwd: repo.root, stdio: 'ignore', env: { ...process.env, GIT_PAGER: '' } });
    assert.ok(fs.readdirSync(markers).length > 0, 'the trap did not fire for plain git: this test would prove nothing');
  });

  it('runs none of its programs for any git-using feature of Candor', async () => {
    const { repo, markers, first, second } = trappedRepo();
    const trap = path.join(path.dirname(markers), 'unused');
    const git = new GitRunner({ isTrusted: () => true });
    await withTrappedEnv(trap, async () => {
      await captureContext(git, {
        cwd: repo.root,
        files: [
          { absPath: path.join(repo.root, 'src/cache.ts'), startLine: 12, endLine: 18 },
          { absPath: path.join(repo.root, 'src/cache.ts'), startLine: 1, endLine: 2, unsavedText: 'a\nb\n' + repo.read('src/cache.ts') },
          { absPath: path.join(repo.root, 'src/untracked.ts'), startLine: 1, endLine: 1 },
        ],
        commits: [first.slice(0, 8), 'deadbeef'],
      });
      await logMistake(git, { title: 'Hostile', severity: 'low', folder: repo.root, incidentsDir: path.join(repo.root, 'incidents'), files: [{ absPath: path.join(repo.root, 'src/cache.ts'), startLine: 13 }], commits: [second] });
      await resolveCommits(git, repo.root, [first, second], []);
      await recentCommits(git, repo.root, 5);
      await notesTouchedOnBranch([], git, repo.root);
      await locateLinks([
        { path: 'src/cache.ts', lines: [12, 18], commit: first, anchor: 'export const v12 = 12;' },
        { path: 'README.md', commit: first },
        { path: 'src/cache.ts', lines: [1, 1], commit: second, anchor: 'export const v1 = 1;' },
      ], { git, repoRoot: repo.root });
      await originRemote(git, repo.root);
      await headSha(git, repo.root);
      await userEmail(git, repo.root);
      await showCommit(git, repo.root, second);
      const changes = await followUpChanges(git, repo.root, path.join(repo.root, 'src'), { since: new Date(0), until: new Date(Date.now() + 3600_000) });
      assert.ok(changes?.added.get('src/cache.ts')?.has('// edited'), 'the digest read the history and the working tree');
    });
    assert.ok(git.processCount >= 15, `only ${git.processCount} git processes ran`);
    assert.deepStrictEqual(fs.readdirSync(markers), [], 'a program named by the repository or the environment ran');
  });
});
