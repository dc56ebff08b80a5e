// The note a command names: by its id (the file name without .md), or by the note file's path.
import * as path from 'path';
import type { IndexedNote } from '../core/noteFileRead';
import { CliError, EXIT } from './exitCodes';
import { closestMatches } from './suggest';
import { safeLine } from './terminalText';

export function findNote(notes: readonly IndexedNote[], cwd: string, wanted: string): IndexedNote {
  const byId = notes.find((n) => n.note.id === wanted || n.note.id === wanted.replace(/\.md$/i, ''));
  if (byId) {
    return byId;
  }
  const asPath = path.resolve(cwd, wanted);
  const byPath = notes.find((n) => path.resolve(n.path) === asPath);
  if (byPath) {
    return byPath;
  }
  const suggestions = closestMatches(wanted, notes.map((n) => n.note.id));
  throw new CliError(
    `No note ${safeLine(wanted)}.${suggestions.length > 0 ? ` Did you mean: ${suggestions.join(', ')}?` : ''}`,
    EXIT.unknownNote,
    suggestions.length > 0 ? undefined : '"candor list" shows the ids.',
  );
}
