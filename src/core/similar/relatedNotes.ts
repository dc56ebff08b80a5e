// The `related` field read both ways: the notes a note names as related, and the notes that name
// it. The Learnings tree shows both under a note; `candor check` reports a named id that is no
// note of the folder. A note naming itself, or a note twice, counts once and never loops.
import type { Note } from '../noteFormat/noteModel';

export interface RelatedLinks<T> {
  /** Notes this one names in its `related` field, in the field's order. */
  names: T[];
  /** Notes whose `related` field names this one (and that it does not name itself). */
  namedBy: T[];
  /** Ids in the field that are no note of the folder. */
  missing: string[];
}

/** Looks up related notes among `all` (one folder's notes); `noteOf` reads an entry's note. */
export class RelatedIndex<T> {
  private readonly byId = new Map<string, T>();
  private readonly naming = new Map<string, T[]>();

  constructor(all: readonly T[], private readonly noteOf: (entry: T) => Note) {
    for (const entry of all) {
      this.byId.set(noteOf(entry).id, entry);
    }
    for (const entry of all) {
      const id = noteOf(entry).id;
      for (const named of new Set(noteOf(entry).related ?? [])) {
        if (named !== id) {
          this.naming.set(named, [...(this.naming.get(named) ?? []), entry]);
        }
      }
    }
  }

  linksOf(note: Note): RelatedLinks<T> {
    const ids = [...new Set(note.related ?? [])].filter((id) => id !== note.id);
    const names = ids.map((id) => this.byId.get(id)).filter((e): e is T => e !== undefined);
    const named = new Set(ids);
    const namedBy = (this.naming.get(note.id) ?? []).filter((e) => !named.has(this.noteOf(e).id));
    return { names, namedBy, missing: ids.filter((id) => !this.byId.has(id)) };
  }
}

/** Why `value` cannot be a note's id (a file name in the incidents folder, without `.md`), or undefined. */
export function noteIdProblem(value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') {
    return 'must be a note id (text)';
  }
  const id = String(value);
  if (id.trim() === '' || id.length > 200 || /[/\\\u0000-\u001f]/.test(id) || id.startsWith('.') || id !== id.trim()) {
    return `"${id.slice(0, 60)}" is not a note id (a file name in the incidents folder, without .md)`;
  }
  return undefined;
}
