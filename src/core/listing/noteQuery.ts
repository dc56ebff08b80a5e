// Which notes a listing shows, and in what order, for listings outside the Learnings view (the
// CLI's `list`). Text search is the view's own filter, so both find the same notes for the same
// words.
import { matchesFilter } from './noteGrouping';
import type { Note, Severity, Status } from '../noteFormat/noteModel';

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
