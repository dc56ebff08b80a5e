// Which of the commits behind the linked lines are clearly the person's own, recent work: authored
// with their git user.email and not yet in the base the branch grew from. Only those are recorded
// as `introduced`; the rest of git blame's answer is the lines' `history`, which may be years of
// other people's work and must not be named as the cause in a note meant to own a mistake.
import { BASE_BRANCHES } from './baseBranches';
import type { GitRunner } from './gitRunner';

/** The base: where HEAD forked from the first of BASE_BRANCHES that shares history with it. */
export async function findBase(git: GitRunner, repoRoot: string): Promise<string | undefined> {
  for (const ref of BASE_BRANCHES) {
    try {
      const base = (await git.run(repoRoot, ['merge-base', 'HEAD', `${ref}^{commit}`, '--'])).trim();
      if (/^[0-9a-f]{40,64}$/.test(base)) {
        return base;
      }
    } catch {
      // No such ref, or no common history: try the next.
    }
  }
  return undefined;
}

/**
 * The shas, among `candidates`, authored by `email` (any case) and not reachable from the base.
 * No email: none (whose they are cannot be told). No base at all (a repository with none of the
 * refs): the person's own commits all count, since none were shared yet.
 */
export async function ownRecentCommits(
  git: GitRunner, repoRoot: string, candidates: readonly { sha: string; authorMail?: string }[], email: string | undefined,
): Promise<Set<string>> {
  const wanted = email?.trim().toLowerCase();
  if (!wanted) {
    return new Set();
  }
  const own = [...new Set(candidates.filter((c) => c.authorMail?.trim().toLowerCase() === wanted).map((c) => c.sha))];
  if (own.length === 0) {
    return new Set();
  }
  const base = await findBase(git, repoRoot);
  if (!base) {
    return new Set(own);
  }
  try {
    // Commits reachable from the candidates but not from the base: the walk stops at the base.
    const out = await git.run(repoRoot, ['rev-list', ...own, '--not', base, '--']);
    const unshared = new Set(out.split('\n').map((l) => l.trim()).filter(Boolean));
    return new Set(own.filter((sha) => unshared.has(sha)));
  } catch {
    return new Set();
  }
}
