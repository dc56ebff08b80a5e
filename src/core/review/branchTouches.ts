// The Learnings view's "Only notes on files changed on this branch" filter, line-accurate: the
// notes whose linked lines this branch's change touches, by the same engine as `candor review`
// (base: where the branch forked from origin/HEAD, main or master; head: HEAD plus the working
// tree). A note on a changed file whose lines the change leaves alone is not shown.
import type { GitRunner } from '../git/gitRunner';
import type { IndexedNote } from '../noteIndex/noteFileRead';
import { reviewChanges } from './reviewChanges';
import { ReviewError } from './reviewRevisions';

export interface BranchTouches {
  /** Ids of the notes the change touches. */
  noteIds: Set<string>;
  /**
   * Set when there is no branch to measure against (no origin/HEAD, main or master sharing
   * history with HEAD, or a shallow clone without it): then only the uncommitted change counts.
   */
  fallback?: string;
}

export async function notesTouchedOnBranch(notes: readonly IndexedNote[], git: GitRunner, root: string, signal?: AbortSignal): Promise<BranchTouches> {
  const touchedIds = async (base?: string) => new Set((await reviewChanges(notes, git, root, { base, signal })).report.touched.map((t) => t.id));
  try {
    return { noteIds: await touchedIds() };
  } catch (err) {
    if (!(err instanceof ReviewError)) {
      throw err;
    }
    if (err.kind !== 'no-base' && err.kind !== 'shallow') {
      return { noteIds: new Set(), fallback: err.message };
    }
    try {
      return { noteIds: await touchedIds('HEAD'), fallback: `${err.message} Only uncommitted changes count.` };
    } catch (inner) {
      // No commit at all yet: nothing on this branch to touch a note.
      if (inner instanceof ReviewError) {
        return { noteIds: new Set(), fallback: inner.message };
      }
      throw inner;
    }
  }
}
