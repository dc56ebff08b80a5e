// `candor stats`: the figures a team learns from (counts, hotspots, time to disclose and to fix,
// follow-ups), computed by the same core as the editor's insights export.
import { gatherInsights, insightsMarkdown } from '../../core/insights/insightsReport';
import { flag, positionalCount, stringOption, type CommandLine } from '../args';
import type { Command } from '../command';
import { DIR_OPTION, JSON_OPTION } from '../commonOptions';
import { EXIT, type ExitCode } from '../exitCodes';
import type { Io } from '../io';
import { withProgress } from '../progress';
import { displayWidth } from '../terminalText';
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
  positionalCount(NAME, line, 0, 0, 'nothing');
  const ctx = openRepo(io, NAME, stringOption(line.values, 'dir'));
  const notes = await scanNotes(io, ctx);
  const insights = await withProgress(io, 'Reading history', () => gatherInsights(notes, ctx.repoRoot ? ctx.git : undefined, ctx.root));
  io.out(flag(line.values, 'json') ? JSON.stringify(insights, null, 2) : fitMarkdown(insightsMarkdown(insights).replace(/\n+$/, ''), io.columns));
  return EXIT.ok;
}

/**
 * The report's prose and list items wrapped to the terminal (a list item's next lines indented
 * under its text, which Markdown reads as the same item). Tables and headings are left whole:
 * their rows cannot wrap in Markdown, and they are narrow (bars are at most 20 columns).
 */
function fitMarkdown(markdown: string, width: number | undefined): string {
  if (width === undefined) {
    return markdown;
  }
  return markdown
    .split('\n')
    .flatMap((l) => (displayWidth(l) <= width || /^\s*(?:\||#)/.test(l) ? [l] : wrapItem(l, width)))
    .join('\n');
}

function wrapItem(line: string, width: number): string[] {
  const indent = /^(\s*(?:[-*] |\d+\. )?)/.exec(line)?.[1] ?? '';
  const hang = ' '.repeat(indent.length);
  const lines: string[] = [];
  let current = indent;
  let empty = true;
  for (const word of line.slice(indent.length).split(' ').filter(Boolean)) {
    if (!empty && displayWidth(current) + 1 + displayWidth(word) > width) {
      lines.push(current);
      current = `${hang}${word}`;
    } else {
      current = empty ? `${current}${word}` : `${current} ${word}`;
    }
    empty = false;
  }
  return [...lines, current];
}
