// The branches a change is measured against when none is named: the remote's default branch, else
// a local main, else master. One list, so "your own new commits" (Log Mistake) and "this change"
// (candor review) always mean the same base.
export const BASE_BRANCHES = ['origin/HEAD', 'main', 'master'] as const;

/** Each base branch's full ref name. */
const BASE_REFS: Record<(typeof BASE_BRANCHES)[number], string> = {
  'origin/HEAD': 'refs/remotes/origin/HEAD',
  main: 'refs/heads/main',
  master: 'refs/heads/master',
};

/**
 * Arguments for `git rev-parse --symbolic-full-name` that list which base branches exist, in one
 * process with other questions: a `--glob` of each ref. A pattern without a glob character would
 * be read as a folder (`refs/heads/main/*`), so the last letter is written as a class.
 */
export function baseBranchGlobs(): string[] {
  return BASE_BRANCHES.map((b) => {
    const ref = BASE_REFS[b];
    return `--glob=${ref.slice(0, -1)}[${ref.slice(-1)}]`;
  });
}

/**
 * The first base branch that exists, from the lines `baseBranchGlobs` made rev-parse print (full
 * ref names; origin/HEAD prints as the branch it points to, refs/remotes/origin/…).
 */
export function firstBaseBranch(lines: readonly string[]): string | undefined {
  return BASE_BRANCHES.find((b) => (b === 'origin/HEAD' ? lines.some((l) => l.startsWith('refs/remotes/origin/')) : lines.includes(BASE_REFS[b])));
}
