// `candor review`: which learnings a change touches, line by line, for a pull request, CI, a
// pre-push hook or a person before they push. Advice by default (exit 0); --fail-on makes it a gate.
import { originRemote } from '../../core/repository/permalinks';
import { DEFAULT_CONTEXT, reviewChanges, type ReviewOutcome, type TouchedLearning } from '../../core/review/reviewChanges';
import { reviewAnnotations, reviewMarkdown, reviewSarif, shown } from '../../core/review/reviewRender';
import { ReviewError } from '../../core/review/reviewRevisions';
import { NOTE_FIELDS } from '../../core/noteFormat/noteFields';
import { SEVERITIES, type Severity } from '../../core/noteFormat/noteModel';
import { choiceOption, stringOption, type CommandLine } from '../args';
import type { Command } from '../command';
import { DIR_OPTION } from '../commonOptions';
import { CliError, EXIT, UsageError, type ExitCode } from '../exitCodes';
import type { Io } from '../io';
import { withProgress } from '../progress';
import { openRepo, scanNotes, warn, type RepoContext } from '../repoContext';
import { displayWidth, safeBlock, safeLine, truncate } from '../terminalText';
import { cliVersion } from '../version';
import { severityPaint, statusPaint } from './list';

const NAME = 'review';
const FORMATS = ['text', 'markdown', 'github', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

export const reviewCommand: Command = {
  name: NAME,
  summary: 'Show which learnings a change touches, line by line (for pull requests, CI and hooks)',
  usage: 'candor review [<base>] [--head <rev>] [--context <n>] [--format text|markdown|github|json|sarif] [--fail-on <severity>]',
  description: [
    'Compares <base> (default: the merge base of HEAD with origin/HEAD, else main, else master) with --head ' +
      '(default: HEAD plus the staged and unstaged changes in the working tree; with --head, just that commit).',
    'Every linked range of a note on a changed file is placed at the base with the editor\'s re-anchoring, then ' +
      'compared with the diff: a hunk that modifies, deletes or inserts within --context lines (default 3) of it touches it. ' +
      'Renamed files keep their links.',
    'Formats: text; markdown (one pull-request comment, with permalinks at the head commit); github (::warning annotations ' +
      'on the changed lines); json ({ base, head, touched: [...] }); sarif (SARIF 2.1.0, for code scanning).',
    'Exits 0 (advice, not a gate) unless --fail-on <severity> is given and a touched note has that severity or worse (exit 1). ' +
      'A bad revision exits 2; a shallow clone without the base, no base branch or no incidents folder exits 3.',
  ],
  options: {
    head: { type: 'string', value: 'rev', help: 'Review this commit instead of HEAD plus the working tree' },
    context: { type: 'string', value: 'n', help: `Lines around a linked range within which a change touches it (default ${DEFAULT_CONTEXT})` },
    format: { type: 'string', value: 'text|markdown|github|json|sarif', help: 'Output format (default text)' },
    'fail-on': { type: 'string', value: 'severity', help: `Exit 1 when a touched note has this severity or worse: ${SEVERITIES.join(', ')}` },
    dir: DIR_OPTION,
  },
  examples: [
    'candor review',
    'candor review origin/main --head HEAD --format github',
    'candor review main --format markdown > comment.md',
    'candor review --fail-on high',
  ],
  run,
};

async function run(line: CommandLine, io: Io): Promise<ExitCode> {
  if (line.positionals.length > 1) {
    throw new UsageError(NAME, `Unexpected argument "${line.positionals[1]}".`);
  }
  const format = choiceOption<Format>(NAME, line.values, 'format', FORMATS, 'text');
  const failOn = stringOption(line.values, 'fail-on');
  if (failOn !== undefined && !(SEVERITIES as readonly string[]).includes(failOn)) {
    throw new UsageError(NAME, `--fail-on "${failOn}" is not one of ${SEVERITIES.join(', ')}.`);
  }
  const context = contextOption(stringOption(line.values, 'context'));
  const ctx = openRepo(io, NAME, stringOption(line.values, 'dir'));
  if (!ctx.repoRoot) {
    throw new CliError('Not in a git repository: a review compares two revisions.', EXIT.noFolder);
  }
  const notes = await scanNotes(io, ctx);
  if (notes.length === 0) {
    // Not an error: a CI job in a repository that has logged nothing yet must pass.
    warn(io, 'there are no notes yet in the incidents folder: no learning can be touched.');
  }
  let outcome: ReviewOutcome;
  try {
    outcome = await withProgress(io, 'Reviewing the change', () =>
      reviewChanges(notes, ctx.git, ctx.root, { base: line.positionals[0], head: stringOption(line.values, 'head'), context }),
    );
  } catch (err) {
    if (err instanceof ReviewError) {
      throw new CliError(err.message, err.kind === 'bad-ref' ? EXIT.usage : EXIT.noFolder, err.hint);
    }
    throw err;
  }
  await print(io, ctx, format, outcome);
  const worst = failOn === undefined ? -1 : SEVERITIES.indexOf(failOn as Severity);
  // A missing or invalid severity counts as the format's default, as `candor check` says.
  const severityOf = (t: TouchedLearning) => (t.invalid.includes('severity') || t.notSet.includes('severity') ? NOTE_FIELDS.severity.default : t.severity);
  const failing = worst >= 0 && outcome.report.touched.some((t) => SEVERITIES.indexOf(severityOf(t) as Severity) >= worst);
  return failing ? EXIT.checkFailed : EXIT.ok;
}

function contextOption(raw: string | undefined): number {
  if (raw === undefined) {
    return DEFAULT_CONTEXT;
  }
  const n = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(n) || n > 10_000) {
    throw new UsageError(NAME, `--context "${raw}" is not a number of lines (0 or more).`);
  }
  return n;
}

async function print(io: Io, ctx: RepoContext, format: Format, outcome: ReviewOutcome): Promise<void> {
  const { report } = outcome;
  switch (format) {
    case 'json':
      io.out(JSON.stringify(report, null, 2));
      return;
    case 'sarif':
      io.out(JSON.stringify(reviewSarif(report, cliVersion()), null, 2));
      return;
    case 'github':
      reviewAnnotations(report).forEach((l) => io.out(l));
      return;
    case 'markdown':
      io.out(reviewMarkdown(report, await originRemote(ctx.git, ctx.root, ctx.settings.permalinkHosts)).replace(/\n$/, ''));
      return;
    default:
      printText(io, outcome);
  }
}

function printText(io: Io, outcome: ReviewOutcome): void {
  const { report } = outcome;
  const p = io.paint;
  const against = `${report.base.slice(0, 7)}..${outcome.workingTree ? `${report.head.slice(0, 7)} + working tree` : report.head.slice(0, 7)}`;
  if (report.touched.length === 0) {
    io.out(`No learning touched by this change (${against}).`);
  } else {
    const ids = new Set(report.touched.map((t) => t.id)).size;
    io.out(p.bold(`This change touches ${ids} learning${ids === 1 ? '' : 's'} (${against}):`));
  }
  for (const t of report.touched) {
    io.out('');
    io.out(`${p.bold(`${safeLine(t.file)}:${t.lines[0]}-${t.lines[1]}`)} ${p.dim(`(changed ${t.changed[0]}-${t.changed[1]})`)}`);
    // As the note file has them: an invalid value marked, a missing one marked as the default.
    const severity = safeLine(shown(t, 'severity'));
    const status = safeLine(shown(t, 'status'));
    // The title gives up its width so that the line fits the terminal.
    const values = `${severity} · ${status}`;
    const room = io.columns === undefined ? Infinity : Math.max(12, io.columns - 4 - displayWidth(values));
    io.out(`  ${p.bold(truncate(safeLine(t.title), room))}  ${severityPaint(p, severity)(severity)} · ${statusPaint(p, status)(status)}`);
    if (t.learnings) {
      safeBlock(t.learnings).split('\n').forEach((l) => io.out(`    ${l}`.trimEnd()));
    }
    for (const f of t.openFollowUps) {
      io.out(`  [ ] ${safeLine(f)}`);
    }
    io.out(`  ${p.dim(safeLine(t.note))}`);
  }
  for (const message of outcome.unplaced) {
    warn(io, `not placed at the base: ${safeLine(message)}`);
  }
}
