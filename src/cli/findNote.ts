// The note a command names: by its id (the file name without .md), its short id (as `candor list`
// shows it), any prefix of exactly one id, or the note file's path. The lookup is the core's
// (shortIds); this turns its outcomes into the CLI's exit codes.
import * as path from 'path';
import type { IndexedNote } from '../core/noteIndex/noteFileRead';
import { lookUpNoteId, shortIds } from '../core/listing/shortIds';
import { CliError, EXIT } from './exitCodes';
import { closestMatches } from './suggest';
import { safeLine } from './terminalText';

/** An ambiguous prefix names at most this many candidates; more say how many. */
const MAX_CANDIDATES = 8;

export function findNote(notes: readonly IndexedNote[], cwd: string, wanted: string): IndexedNote {
  const ids = notes.map((n) => n.note.id);
  const byId = (id: string) => notes.find((n) => n.note.id === id)!;
  const exact = notes.find((n) => n.note.id === wanted || n.note.id === wanted.replace(/\.md$/i, ''));
  if (exact) {
    return exact;
  }
  // A path before a prefix: `incidents/2026-…md` names one file, whatever the other ids are.
  const asPath = path.resolve(cwd, wanted);
  const byPath = notes.find((n) => path.resolve(n.path) === asPath);
  if (byPath) {
    return byPath;
  }
  const found = lookUpNoteId(ids, wanted);
  if (found.kind === 'found') {
    return byId(found.id);
  }
  if (found.kind === 'ambiguous') {
    const shorts = shortIds(ids);
    const named = found.candidates.slice(0, MAX_CANDIDATES).map((id) => shorts.get(id) ?? id);
    const more = found.candidates.length - named.length;
    throw new CliError(
      `"${safeLine(wanted)}" is the start of ${found.candidates.length} notes: ${named.join(', ')}${more > 0 ? ` and ${more} more` : ''}.`,
      EXIT.usage,
      'Give more of the id (candor list shows each note\'s short id).',
    );
  }
  const suggestions = closestMatches(wanted, ids);
  throw new CliError(
    `No note ${safeLine(wanted)}.${suggestions.length > 0 ? ` Did you mean: ${suggestions.join(', ')}?` : ''}`,
    EXIT.unknownNote,
    suggestions.length > 0 ? undefined : '"candor list" shows the ids.',
  );
}
