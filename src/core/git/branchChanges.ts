// The files this branch changed: against the branch it forked from (the remote's default branch,
// else a local main/master), plus uncommitted and untracked files.
import type { GitRunner } from './gitRunner';
import { filterOverrides } from './repoQueries';

const BASE_CANDIDATES = ['origin/HEAD', 'origin/main', 'origin/master', 'main', 'master'];

export async function filesChangedOnBranch(git: GitRunner, repoRoot: string): Promise<Set<string>> {
  const files = new Set<string>();
  const refs = await git.run(repoRoot, ['for-each-ref', '--format=%(refname:short)', 'refs/heads/main', 'refs/heads/master', 'refs/remotes/origin']).catch(() => '');
  const known = new Set(refs.split('\n').map((r) => r.trim()).filter(Boolean));
  // `origin/HEAD` is listed as `origin` by for-each-ref's short form.
  if (known.has('origin')) {
    known.add('origin/HEAD');
  }
  const base = BASE_CANDIDATES.find((c) => known.has(c));
  if (base) {
    const committed = await git.run(repoRoot, ['diff', '--no-ext-diff', '--no-textconv', '--name-only', '-z', `${base}...HEAD`, '--']).catch(() => '');
    committed.split('\u0000').filter(Boolean).forEach((f) => files.add(f));
  }
  const status = await git.run(repoRoot, ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--ignore-submodules=all'], await filterOverrides(git, repoRoot)).catch(() => '');
  const records = status.split('\u0000');
  for (let i = 0; i < records.length; i++) {
    const record = records[i];
    if (record.length > 3) {
      files.add(record.slice(3));
      if (record[0] === 'R' || record[0] === 'C') {
        i++; // the original path of a rename follows
      }
    }
  }
  return files;
}
