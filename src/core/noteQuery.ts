// Which notes a listing shows, and in what order, for listings outside the Learnings view (the
// CLI's `list`). Text search is the view's own filter, so both find the same notes for the same
// words.
import { matchesFilter } from './noteGrouping';
import type { Note, Severity, Status } from './noteModel';

export interface NoteQuery {
  /** Any of these statuses; empty or absent: any status. */
  statuses?: readonly Status[];
  severities?: readonly Severity[];
  /** Any of these tags, compared without case (people type `K8s` and `k8s`). */
  tags?: readonly string[];
  /** Words that must all appear in the title, tags or body. */
  text?: string;
}

export function matchesQuery(note: Note, query: NoteQuery): boolean {
  if (query.statuses?.length && !query.statuses.includes(note.status)) {
    return false;
  }
  if (query.severities?.length && !query.severities.includes(note.severity)) {
    return false;
  }
  if (query.tags?.length) {
    const wanted = new Set(query.tags.map((t) => t.toLowerCase()));
    if (!note.tags.some((t) => wanted.has(t.toLowerCase()))) {
      return false;
    }
  }
  return matchesFilter(note, { text: query.text });
}

/**
 * When a note happened, for ordering: `occurred`, else `logged`, else the date its id starts
 * with, then the id so the order is stable. Sorting these strings sorts the notes by time.
 */
export function noteTimeKey(note: Note): string {
  const when = Date.parse(note.occurred ?? note.logged ?? '');
  return `${Number.isNaN(when) ? note.id.slice(0, 10) : new Date(when).toISOString()} ${note.id}`;
}

export function newestFirst<T>(items: readonly T[], noteOf: (item: T) => Note): T[] {
  // Keys computed once per note, not per comparison.
  return items
    .map((item) => ({ item, key: noteTimeKey(noteOf(item)) }))
    .sort((a, b) => (a.key < b.key ? 1 : a.key > b.key ? -1 : 0))
    .map((x) => x.item);
}
