// Small read-only questions to git used by the editor features. They live here, beside the other
// git calls, so the hostile-repository tests exercise every git command Candor starts.
import { SHA_PATTERN } from '../noteFormat/noteModel';
import { configValue, filterDriverNames } from './gitParsers';
import type { GitRunner } from './gitRunner';

/** HEAD's sha, or undefined in a repository with no commit yet. */
export async function headSha(git: GitRunner, root: string): Promise<string | undefined> {
  const out = await git.run(root, ['rev-parse', '--verify', '-q', 'HEAD']).catch(() => '');
  return out.trim() || undefined;
}

export async function userEmail(git: GitRunner, root: string): Promise<string | undefined> {
  const out = await git.run(root, ['config', '--get-regexp', '^user\\.email$']).catch(() => '');
  return configValue(out, 'user.email');
}

/** `git show` of a commit with its stat and patch, with no external diff or textconv program. */
export async function showCommit(git: GitRunner, root: string, sha: string): Promise<string> {
  if (!SHA_PATTERN.test(sha)) {
    throw new Error(`"${sha}" is not a commit sha.`);
  }
  return git.run(root, ['show', '--no-color', '--no-ext-diff', '--no-textconv', '--stat', '--patch', '--format=fuller', sha, '--']);
}

/**
 * `-c` overrides that empty every filter driver the repository's config names. Commands that read
 * working-tree files (status, blame) would otherwise run those programs on them.
 */
export async function filterOverrides(git: GitRunner, root: string): Promise<string[]> {
  const out = await git.run(root, ['config', '--get-regexp', '^filter\\..*\\.(clean|smudge|process)$']).catch(() => '');
  return overridesFor(filterDriverNames(out));
}

export function overridesFor(drivers: string[]): string[] {
  return drivers.flatMap((name) => [`filter.${name}.clean=`, `filter.${name}.smudge=`, `filter.${name}.process=`, `filter.${name}.required=false`]);
}
