// `candor check`: every note validated, for a pre-commit hook or CI. Reports what parseNote finds
// in each file, plus what only the repository can tell (linked files, commits) and the calendar
// (overdue follow-ups). One scan of the folder and one git process for all the shas.
import * as fs from 'fs';
import * as path from 'path';
import { localDay } from '../../core/noteFormat/followUps';
import { checkNotes, type CheckedNote } from '../../core/noteFormat/noteCheck';
import { checkResponses, type CheckedResponse } from '../../core/responses/responseCheck';
import { listAllResponses } from '../../core/responses/responseStore';
import type { NoteProblem } from '../../core/noteFormat/noteModel';
import { choiceOption, flag, positionalCount, stringOption, type CommandLine } from '../args';
import type { Command } from '../command';
import { DIR_OPTION } from '../commonOptions';
import { EXIT, type ExitCode } from '../exitCodes';
import type { Io } from '../io';
import { withProgress } from '../progress';
import { openRepo, relativeToCwd, relativeToRoot, scanNotes, warn, type RepoContext } from '../repoContext';
import { safeLine } from '../terminalText';
import { levelPaint } from './show';
import { wordingProblems, wordingRules } from '../wordingCheck';
import { WORDING_RULES } from '../../core/disclosure/wordingRules';
import { RESPONSE_ONLY_RULES } from '../../core/responses/responseRules';

const NAME = 'check';
const FORMATS = ['text', 'github'] as const;
type Format = (typeof FORMATS)[number];

export const checkCommand: Command = {
  name: NAME,
  summary: 'Validate every note (for pre-commit hooks and CI); exit 1 on errors',
  usage: 'candor check [--format text|github] [--strict] [--wording] [--dir <folder>]',
  description: [
    'Reads every note and reports: invalid front matter (YAML, field types, unknown status or severity, an id that does ' +
      'not match the file name, unsafe paths), linked files missing from the working tree or leading outside the ' +
      'repository, linked lines past the end of the file in the working tree, commit shas (head, commits, files\' commit) that are not in the repository, and open follow-ups ' +
      '(- [ ] … due:YYYY-MM-DD) past their date.',
    'Prints file:line: level: message per problem (paths relative to the current directory) and a summary. ' +
      'Exits 1 when there are errors, 0 otherwise (warnings alone pass).',
    'With --wording, also the blameless wording check of each note (blame on people, teams or tools, hidden actors, ' +
      'vagueness, minimising, excuses), with the team\'s candor.blameless.rules from .vscode/settings.json, and of each ' +
      'response (the same, plus hindsight such as "you should have…"). Its findings ' +
      'are warnings: they fail the check only with --strict.',
    'In a shallow clone, commits missing from it are warnings. Outside a git repository shas are not checked (a warning says so).',
  ],
  options: {
    format: { type: 'string', value: 'text|github', help: 'github: GitHub Actions annotations (::error file=…,line=…::…), paths relative to the repository root' },
    strict: { type: 'boolean', help: 'Warnings count as errors (overdue follow-ups, a missing status, an id that does not match…)' },
    wording: { type: 'boolean', help: 'Also check the wording of each note for blame and hedging (findings are warnings)' },
    dir: DIR_OPTION,
  },
  examples: ['candor check', 'candor check --strict --format github', 'candor check --wording --format github'],
  run,
};

async function run(line: CommandLine, io: Io): Promise<ExitCode> {
  positionalCount(NAME, line, 0, 0, 'nothing');
  const format = choiceOption<Format>(NAME, line.values, 'format', FORMATS, 'text');
  const strict = flag(line.values, 'strict');
  const ctx = openRepo(io, NAME, stringOption(line.values, 'dir'));
  // A repository with no notes yet has nothing wrong with them: a pre-commit hook must pass.
  if (!fs.existsSync(ctx.incidentsDir)) {
    io.out(`No incident notes in ${relativeToCwd(ctx, ctx.incidentsDir)}: nothing to check.`);
    return EXIT.ok;
  }
  const notes = await scanNotes(io, ctx);
  const report = await withProgress(io, 'Checking notes', () =>
    checkNotes(notes, { repoRoot: ctx.root, git: ctx.repoRoot ? ctx.git : undefined, today: localDay() }),
  );

  let checked = [...report.notes].sort((a, b) => a.note.path.localeCompare(b.note.path));
  if (flag(line.values, 'wording')) {
    const rules = wordingRules(ctx.settings.blamelessRules, ctx.settings.blamelessDisabledRules, (m) => warn(io, m));
    checked = checked.map((c) => ({ ...c, problems: [...c.problems, ...wordingProblems(c.note.path, rules)] }));
  }
  // Responses (<incidents>/<id>/responses/*.md) are checked beside the notes, never as notes.
  let responses = checkResponses(await listAllResponses(ctx.incidentsDir), new Set(notes.map((n) => n.note.id)));
  if (flag(line.values, 'wording')) {
    // A response is about someone else's mistake: the note rules plus "you should have…".
    const rules = wordingRules(ctx.settings.blamelessRules, ctx.settings.blamelessDisabledRules, () => undefined, [...WORDING_RULES, ...RESPONSE_ONLY_RULES]);
    responses = responses.map((r) => ({ ...r, problems: [...r.problems, ...wordingProblems(r.path, rules)] }));
  }
  const files = [...checked.map((c) => ({ path: c.note.path, problems: c.problems })), ...responses];
  let errors = 0;
  let warnings = 0;
  for (const { path: file, problems } of files) {
    for (const problem of problems) {
      const level = strict ? 'error' : problem.level;
      if (level === 'error') {
        errors++;
      } else {
        warnings++;
      }
      io.out(format === 'github' ? githubLine(ctx, file, problem, level) : textLine(io, ctx, file, problem, level));
    }
  }
  for (const message of report.skipped) {
    if (format === 'github') {
      io.out(`::warning::${escapeData(message)}`);
    } else {
      warn(io, message);
    }
  }
  io.out(summary(checked, errors, warnings, responses));
  return errors > 0 ? EXIT.checkFailed : EXIT.ok;
}

function textLine(io: Io, ctx: RepoContext, file: string, problem: NoteProblem, level: NoteProblem['level']): string {
  const column = (problem as { column?: number }).column;
  const where = `${relativeToCwd(ctx, file)}${problem.line !== undefined ? `:${problem.line}` : ''}${column !== undefined ? `:${column}` : ''}`;
  return `${io.paint.bold(where)}: ${levelPaint(io.paint, level)(level)}: ${safeLine(problem.message)}`;
}

/**
 * A workflow command GitHub turns into an annotation on the file. Its file is relative to the
 * repository root (the checkout), whatever directory the step runs in.
 */
function githubLine(ctx: RepoContext, file: string, problem: NoteProblem, level: NoteProblem['level']): string {
  const column = (problem as { column?: number }).column;
  const props = [
    `file=${escapeProperty(relativeToRoot(ctx, file))}`,
    ...(problem.line !== undefined ? [`line=${problem.line}`] : []),
    ...(column !== undefined ? [`col=${column}`] : []),
    'title=Candor',
  ];
  return `::${level} ${props.join(',')}::${escapeData(safeLine(problem.message))}`;
}

// GitHub's escaping for workflow commands: data may not hold % or line breaks; properties also
// not : or , (which would end them).
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function summary(notes: CheckedNote[], errors: number, warnings: number, responses: CheckedResponse[]): string {
  const files = new Set(notes.filter((n) => n.problems.length > 0).map((n) => path.basename(n.note.path))).size;
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const what = `${count(notes.length, 'note')}${responses.length > 0 ? ` and ${count(responses.length, 'response')}` : ''}`;
  const badResponses = responses.filter((r) => r.problems.length > 0).length;
  const where = `${count(files, 'note')}${badResponses > 0 ? ` and ${count(badResponses, 'response')}` : ''}`;
  if (errors === 0 && warnings === 0) {
    return `${what} checked: no problems.`;
  }
  return `${what} checked: ${count(errors, 'error')}, ${count(warnings, 'warning')} in ${where}.`;
}
