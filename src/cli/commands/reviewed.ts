// `candor reviewed <id>…`: Mark as Reviewed from a terminal, after the learning review. Writes
// `reviewed: <time>` into each note through the same byte-preserving rewrite as the editor, so
// nothing else in the files changes; the next `candor digest` starts from that time.
import { NoteConflictError, updateNoteFile } from '../../core/noteWriting/safeNoteSave';
import { isoSeconds } from '../../core/noteWriting/newNoteFile';
import { parseDigestDate } from '../../core/digest/digestPeriod';
import { stringOption, type CommandLine } from '../args';
import type { Command } from '../command';
import { DIR_OPTION } from '../commonOptions';
import { CliError, EXIT, UsageError, type ExitCode } from '../exitCodes';
import { findNote } from '../findNote';
import type { Io } from '../io';
import { openRepo, relativeToCwd, scanNotes } from '../repoContext';

const NAME = 'reviewed';

export const reviewedCommand: Command = {
  name: NAME,
  summary: 'Mark notes as reviewed in a learning review (writes reviewed: <time>, nothing else)',
  usage: 'candor reviewed <id>… [--at <date>] [--dir <folder>]',
  description: [
    'Writes reviewed: <time> into each note named (by id, short id or path), as Mark as Reviewed does in the editor. ' +
      'Every other byte of the files stays as it was. "candor digest" then starts from the latest review. Prints the ' +
      'notes\' paths.',
    'Every id is checked before anything is written: exits 4 when no note has one of them, 1 when a note\'s front ' +
      'matter cannot be edited (the others are still marked).',
  ],
  options: {
    at: { type: 'string', value: 'date', help: 'The review\'s time (YYYY-MM-DD or ISO). Default: now' },
    dir: DIR_OPTION,
  },
  examples: ['candor reviewed 2026-11-21-flushed-the-production-cache', 'candor digest --format json | jq -r \'.notes[].id\' | xargs candor reviewed'],
  run,
};

async function run(line: CommandLine, io: Io): Promise<ExitCode> {
  if (line.positionals.length === 0) {
    throw new UsageError(NAME, 'Which notes? Give their ids (candor digest and candor list show them).');
  }
  const atText = stringOption(line.values, 'at');
  const at = atText === undefined ? new Date() : parseDigestDate(atText);
  if (!at) {
    throw new UsageError(NAME, `--at "${atText}" is not a date: use YYYY-MM-DD or an ISO date and time.`);
  }
  const ctx = openRepo(io, NAME, stringOption(line.values, 'dir'));
  const all = await scanNotes(io, ctx);
  const notes = [...new Map(line.positionals.map((wanted) => findNote(all, io.cwd, wanted)).map((n) => [n.path, n])).values()];
  const failed: string[] = [];
  for (const note of notes) {
    try {
      await updateNoteFile(note.path, [{ path: ['reviewed'], value: isoSeconds(at) }]);
      io.out(relativeToCwd(ctx, note.path));
    } catch (err) {
      const why = err instanceof NoteConflictError ? err.message : `its front matter cannot be edited: ${(err as Error).message.split('\n')[0]}`;
      failed.push(`${relativeToCwd(ctx, note.path)}: ${why}`);
    }
  }
  if (failed.length > 0) {
    throw new CliError(failed.join('\n'), EXIT.checkFailed, 'Run "candor check" to see what is wrong with the note.');
  }
  return EXIT.ok;
}
