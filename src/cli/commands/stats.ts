// `candor stats`: the figures a team learns from (counts, hotspots, time to disclose and to fix,
// follow-ups), computed by the same core as the editor's insights export.
import { gatherInsights, insightsMarkdown } from '../../core/insightsReport';
import { flag, stringOption, type CommandLine } from '../args';
import type { Command } from '../command';
import { DIR_OPTION, JSON_OPTION } from '../commonOptions';
import { EXIT, UsageError, type ExitCode } from '../exitCodes';
import type { Io } from '../io';
import { withProgress } from '../progress';
import { openRepo, scanNotes } from '../repoContext';

const NAME = 'stats';

export const statsCommand: Command = {
  name: NAME,
  summary: 'Insights over all notes: counts, hotspots, time to disclose and to fix',
  usage: 'candor stats [--json] [--dir <folder>]',
  description: [
    'Prints a Markdown report over the notes that can be read: by status, severity and month, the files and folders ' +
      'with most notes, recurring tags, follow-ups (open, overdue, done), and the median time from the introducing ' +
      'commit to the note and from the note to its fix (commits with an "Incident: <id>" trailer, or resolved). ' +
      'Time figures need git.',
  ],
  options: { json: JSON_OPTION, dir: DIR_OPTION },
  examples: ['candor stats', 'candor stats --json | jq .followUps'],
  run,
};

async function run(line: CommandLine, io: Io): Promise<ExitCode> {
  if (line.positionals.length > 0) {
    throw new UsageError(NAME, `Unexpected argument "${line.positionals[0]}".`);
  }
  const ctx = openRepo(io, NAME, stringOption(line.values, 'dir'));
  const notes = await scanNotes(io, ctx);
  const insights = await withProgress(io, 'Reading history', () => gatherInsights(notes, ctx.repoRoot ? ctx.git : undefined, ctx.root));
  io.out(flag(line.values, 'json') ? JSON.stringify(insights, null, 2) : insightsMarkdown(insights).replace(/\n+$/, ''));
  return EXIT.ok;
}
