// Which two revisions a review compares, and the diff between them. The base defaults to where
// the branch forked (merge base of HEAD with origin/HEAD, else main, else master); the head is
// HEAD plus the working tree (staged and unstaged) unless a commit is named.
import { BASE_BRANCHES } from '../git/baseBranches';
import type { GitRunner } from '../git/gitRunner';
import { filterOverrides } from '../git/repoQueries';
import { parseDiff, type FileChange } from './diffHunks';

export type ReviewErrorKind = 'bad-ref' | 'no-base' | 'shallow' | 'no-repository';

/** A review that cannot run, with a sentence for the person and what kind of failure it is. */
export class ReviewError extends Error {
  constructor(message: string, readonly kind: ReviewErrorKind, readonly hint?: string) {
    super(message);
    this.name = 'ReviewError';
  }
}

export interface Revisions {
  base: string;
  head: string;
  /** The head is HEAD plus the working tree. */
  workingTree: boolean;
}

const SHALLOW_HINT = 'Fetch the history the base needs: `git fetch --unshallow`, or `fetch-depth: 0` in actions/checkout.';

export async function resolveRevisions(git: GitRunner, root: string, base: string | undefined, head: string | undefined, signal?: AbortSignal): Promise<Revisions> {
  for (const [name, value] of [['base', base], ['--head', head]] as const) {
    if (value !== undefined && (value === '' || value.startsWith('-') || /[\0\n\r]/.test(value))) {
      throw new ReviewError(`The ${name} "${value}" is not a revision.`, 'bad-ref');
    }
  }
  const headSha = await commitOf(git, root, head ?? 'HEAD', signal);
  if (!headSha) {
    throw head === undefined
      ? new ReviewError('HEAD is not a commit yet: there is nothing to review.', 'no-base')
      : await missing(git, root, `--head ${head}`);
  }
  if (base !== undefined) {
    const sha = await commitOf(git, root, base, signal);
    if (!sha) {
      throw await missing(git, root, base);
    }
    return { base: sha, head: headSha, workingTree: head === undefined };
  }
  for (const candidate of BASE_BRANCHES) {
    if (!(await commitOf(git, root, candidate, signal))) {
      continue;
    }
    const mergeBase = (await git.run(root, ['merge-base', headSha, candidate], [], undefined, signal).catch(() => '')).trim();
    if (mergeBase) {
      return { base: mergeBase, head: headSha, workingTree: head === undefined };
    }
    if (await isShallow(git, root)) {
      throw new ReviewError(`This clone is shallow and does not reach the merge base of HEAD and ${candidate}.`, 'shallow', SHALLOW_HINT);
    }
    throw new ReviewError(`HEAD and ${candidate} have no common history.`, 'no-base', 'Name the base: candor review <base>.');
  }
  throw new ReviewError('No base to compare with: none of origin/HEAD, main or master exists.', 'no-base', 'Name the base: candor review <base>.');
}

async function commitOf(git: GitRunner, root: string, rev: string, signal?: AbortSignal): Promise<string | undefined> {
  const out = await git.run(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`], [], undefined, signal).catch(() => '');
  const sha = out.trim();
  return /^[0-9a-f]{40,64}$/.test(sha) ? sha : undefined;
}

async function isShallow(git: GitRunner, root: string): Promise<boolean> {
  return (await git.run(root, ['rev-parse', '--is-shallow-repository']).catch(() => '')).trim() === 'true';
}

async function missing(git: GitRunner, root: string, rev: string): Promise<ReviewError> {
  if (await isShallow(git, root)) {
    return new ReviewError(`${rev} is not in this shallow clone.`, 'shallow', SHALLOW_HINT);
  }
  return new ReviewError(`${rev} is not a commit in this repository.`, 'bad-ref');
}

/** The diff from base to head (or to the working tree), renames followed, no context lines. */
export async function diffChanges(git: GitRunner, root: string, revisions: Revisions, signal?: AbortSignal): Promise<FileChange[]> {
  const args = [
    'diff', '--no-ext-diff', '--no-textconv', '--no-color', '-M', '--unified=0', '--ignore-submodules=all',
    '--src-prefix=a/', '--dst-prefix=b/', revisions.base, ...(revisions.workingTree ? [] : [revisions.head]), '--',
  ];
  // Against the working tree git may run the repository's clean filters: those are neutralised.
  const overrides = revisions.workingTree ? await filterOverrides(git, root) : [];
  const output = await git.run(root, args, ['core.quotePath=false', 'diff.mnemonicPrefix=false', 'diff.relative=false', ...overrides], undefined, signal);
  return parseDiff(output);
}
