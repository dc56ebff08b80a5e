// A note's related notes in the Learnings tree, both ways: the notes its `related` field names and
// the notes whose `related` field names it, each a child that opens that note.
import { RelatedIndex } from '../../core/similar/relatedNotes';
import type { NoteEntry } from '../notes/notesService';
import type { LearningsNode } from './learningsNodes';

export function relatedNodes(entry: NoteEntry): LearningsNode[] {
  const all = entry.folder.index.list();
  // Most notes name none and are named by none: no index is built for them.
  const id = entry.note.note.id;
  if ((entry.note.note.related ?? []).length === 0 && !all.some((n) => (n.note.related ?? []).includes(id))) {
    return [];
  }
  const links = new RelatedIndex(all, (n) => n.note).linksOf(entry.note.note);
  const other = (note: (typeof all)[number]): NoteEntry => ({ folder: entry.folder, note });
  return [
    ...links.names.map((n): LearningsNode => ({ kind: 'related', entry, other: other(n), direction: 'names' })),
    ...links.namedBy.map((n): LearningsNode => ({ kind: 'related', entry, other: other(n), direction: 'namedBy' })),
  ];
}
