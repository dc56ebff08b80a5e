// `candor status <id> <status>`: Set Status from a terminal. Writes `status` (and `resolved:` with
// the time, for resolved) through the same byte-preserving rewrite as the editor, so nothing else
// in the file changes, and a concurrent edit of the same field is refused rather than lost.
import { isoSeconds } from '../../core/noteWriting/newNoteFile';
import { STATUSES, type Status } from '../../core/noteFormat/noteModel';
import { NoteConflictError, updateNoteFile } from '../../core/noteWriting/safeNoteSave';
import { stringOption, positionalCount, type CommandLine } from '../args';
import type { Command } from '../command';
import { DIR_OPTION } from '../commonOptions';
import { CliError, EXIT, UsageError, type ExitCode } from '../exitCodes';
import { findNote } from '../findNote';
import type { Io } from '../io';
import { openRepo, relativeToCwd, scanNotes } from '../repoContext';

const NAME = 'status';

export const statusCommand: Command = {
  name: NAME,
  summary: 'Change a note\'s status (open, mitigated, resolved), changing nothing else in the file',
  usage: 'candor status <id> <status> [--dir <folder>]',
  description: [
    `Writes status: <status> into the note (${STATUSES.join(', ')}); for resolved also resolved: <time>, as Set Status ` +
      'does in the editor. Every other byte of the file stays as it was. <id> is the note\'s id, its short id from ' +
      '"candor list", any unique start of its id, or its path. Prints the note\'s path.',
    'Exits 4 when no note has that id, 2 when <id> starts several notes\' ids (they are named), 1 when the note\'s front matter cannot be edited (fix what "candor check" reports first).',
  ],
  options: { dir: DIR_OPTION },
  examples: ['candor status 2026-11-21-flushed-the-production-cache resolved', 'candor status 2026-11-21-flus mitigated', 'candor status incidents/2026-11-21-flushed.md mitigated'],
  run,
};

async function run(line: CommandLine, io: Io): Promise<ExitCode> {
  positionalCount(NAME, line, 2, 2, 'the note\'s id and the new status (candor status <id> <status>)');
  const [wanted, status] = line.positionals;
  if (!(STATUSES as readonly string[]).includes(status)) {
    throw new UsageError(NAME, `"${status}" is not a status: use one of ${STATUSES.join(', ')}.`);
  }
  const ctx = openRepo(io, NAME, stringOption(line.values, 'dir'));
  const note = findNote(await scanNotes(io, ctx), io.cwd, wanted);
  const edits = [
    { path: ['status'], value: status as Status },
    ...(status === 'resolved' ? [{ path: ['resolved'], value: isoSeconds(new Date()) }] : []),
  ];
  try {
    await updateNoteFile(note.path, edits);
  } catch (err) {
    const why = err instanceof NoteConflictError ? err.message : `its front matter cannot be edited: ${(err as Error).message.split('\n')[0]}`;
    throw new CliError(`${relativeToCwd(ctx, note.path)}: ${why}`, EXIT.checkFailed, 'Run "candor check" to see what is wrong with the note.');
  }
  io.out(relativeToCwd(ctx, note.path));
  return EXIT.ok;
}
