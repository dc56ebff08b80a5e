// `candor digest`: the learning-review digest of a period (default: since the last review, else
// 14 days) as a Markdown meeting document or as JSON, from the same core as the editor's Show Digest.
import { buildDigest } from '../../core/digest/buildDigest';
import { digestJson } from '../../core/digest/digestModel';
import { digestMarkdown } from '../../core/digest/digestMarkdown';
import { parseDigestDate } from '../../core/digest/digestPeriod';
import { choiceOption, flag, positionalCount, stringOption, type CommandLine } from '../args';
import type { Command } from '../command';
import { DIR_OPTION } from '../commonOptions';
import { CliError, EXIT, UsageError, type ExitCode } from '../exitCodes';
import type { Io } from '../io';
import { withProgress } from '../progress';
import { openRepo, relativeToCwd, scanNotes } from '../repoContext';

const NAME = 'digest';
const FORMATS = ['markdown', 'json'] as const;

export const digestCommand: Command = {
  name: NAME,
  summary: 'A digest for the team\'s learning review: new notes, responses, follow-ups, patterns',
  usage: 'candor digest [--since <date>] [--until <date>] [--format markdown|json] [--dir <folder>]',
  description: [
    'Prints what the team should go over in its learning review, framed by the three questions (What was I ' +
      'trying to do? What action did I take? How did the result differ from what I expected?): the notes logged in ' +
      'the period with their answers, Learnings and responses; responses to earlier notes; follow-ups opened, done ' +
      'and overdue, with owners; notes resolved; tags and places that keep coming back; notes that turn one year old.',
    'The period starts at --since, else at the latest "reviewed:" time among the notes (written by Mark as Reviewed ' +
      'or "candor reviewed"), else 14 days back; it ends now (or at --until). A date is YYYY-MM-DD (from the start of ' +
      'that day, local time) or an ISO date and time. Follow-ups are dated by the git history of their lines when git is available.',
    'JSON: { since, until, notes: [{ id, title, severity, status, learnings, responses: [{ kind, author, date, text }] }], ' +
      'followUps: { opened, done, overdue } (each [{ note, line, text, owner, due, sentence }]), resolved: [ids], ' +
      'recurringTags: [{ tag, count }], anniversaries: [ids] }. Secrets are masked as in disclosures.',
    'Exits 2 on a bad date or format, 3 when there is no incidents folder or no note in it.',
  ],
  options: {
    since: { type: 'string', value: 'date', help: 'Start of the period. Default: the last review, else 14 days ago' },
    until: { type: 'string', value: 'date', help: 'End of the period. Default: now' },
    format: { type: 'string', value: 'markdown|json', help: 'What to print. Default: markdown' },
    json: { type: 'boolean', help: 'Same as --format json' },
    dir: DIR_OPTION,
  },
  examples: ['candor digest', 'candor digest --since 2026-11-01 > review.md', 'candor digest --format json | jq \'.followUps.overdue\''],
  run,
};

async function run(line: CommandLine, io: Io): Promise<ExitCode> {
  positionalCount(NAME, line, 0, 0, 'nothing');
  const format = flag(line.values, 'json') ? 'json' : choiceOption(NAME, line.values, 'format', FORMATS, 'markdown');
  const since = dateOption(line, 'since');
  const until = dateOption(line, 'until');
  if (since && until && since.getTime() > until.getTime()) {
    throw new UsageError(NAME, `--since ${stringOption(line.values, 'since')} is after --until ${stringOption(line.values, 'until')}.`);
  }
  if (since && !until && since.getTime() > Date.now()) {
    throw new UsageError(NAME, `--since ${stringOption(line.values, 'since')} is in the future.`);
  }
  const ctx = openRepo(io, NAME, stringOption(line.values, 'dir'));
  const notes = await scanNotes(io, ctx);
  if (notes.length === 0) {
    throw new CliError(`No notes in ${relativeToCwd(ctx, ctx.incidentsDir)} yet: nothing to review.`, EXIT.noFolder, 'Log a mistake with "candor log --title …".');
  }
  const digest = await withProgress(io, 'Reading follow-ups', () =>
    buildDigest({ notes, incidentsDir: ctx.incidentsDir, git: ctx.repoRoot ? ctx.git : undefined, root: ctx.repoRoot ?? ctx.root, since, until }));
  io.out(format === 'json' ? JSON.stringify(digestJson(digest), null, 2) : digestMarkdown(digest).replace(/\n+$/, ''));
  return EXIT.ok;
}

function dateOption(line: CommandLine, name: 'since' | 'until'): Date | undefined {
  const text = stringOption(line.values, name);
  if (text === undefined) {
    return undefined;
  }
  const date = parseDigestDate(text);
  if (!date) {
    throw new UsageError(NAME, `--${name} "${text}" is not a date: use YYYY-MM-DD or an ISO date and time (2026-11-21T09:00:00Z).`);
  }
  return date;
}
