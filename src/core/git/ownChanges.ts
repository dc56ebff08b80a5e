// Which of the commits behind the linked lines are clearly the person's own, recent work: authored
// with their git user.email and not yet in the base the branch grew from. Only those are recorded
// as `introduced`; the rest of git blame's answer is the lines' `history`, which may be years of
// other people's work and must not be named as the cause in a note meant to own a mistake.
import type { GitRunner } from './gitRunner';

/**
 * The shas, among `candidates`, authored by `email` (any case) and not in `base` (a branch, the
 * first of BASE_BRANCHES that exists; Log Mistake learns it with its first git call). No email:
 * none (whose they are cannot be told). No base at all (a repository with none of the branches):
 * the person's own commits all count, since none were shared yet. Blamed commits are HEAD's
 * history, so "not reachable from the base" is "not yet where HEAD forked from it", asked in one
 * process; a base with no history in common excludes nothing.
 */
export async function ownRecentCommits(
  git: GitRunner, repoRoot: string, candidates: readonly { sha: string; authorMail?: string }[], email: string | undefined, base: string | undefined,
): Promise<Set<string>> {
  const wanted = email?.trim().toLowerCase();
  if (!wanted) {
    return new Set();
  }
  const own = [...new Set(candidates.filter((c) => c.authorMail?.trim().toLowerCase() === wanted).map((c) => c.sha))];
  if (own.length === 0) {
    return new Set();
  }
  if (!base) {
    return new Set(own);
  }
  try {
    const out = await git.run(repoRoot, ['rev-list', ...own, '--not', `${base}^{commit}`, '--']);
    const unshared = new Set(out.split('\n').map((l) => l.trim()).filter(Boolean));
    return new Set(own.filter((sha) => unshared.has(sha)));
  } catch {
    return new Set();
  }
}
