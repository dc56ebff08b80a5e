// `candor log`: the editor's Log Mistake from a terminal or a script. The core writes the note,
// so both write the same file: blame attribution, slug, collisions, anchors and all.
import * as fs from 'fs';
import * as path from 'path';
import type { FileToLink } from '../../core/git/captureContext';
import { isSeverity, logMistake, validateTag, validateTitle } from '../../core/noteWriting/logMistake';
import { SEVERITIES, type Severity } from '../../core/noteFormat/noteModel';
import { listOption, stringOption, type CommandLine } from '../args';
import type { Command } from '../command';
import { DIR_OPTION } from '../commonOptions';
import { CliError, EXIT, UsageError, type ExitCode } from '../exitCodes';
import type { Io } from '../io';
import { findNote } from '../findNote';
import { openRepo, relativeToCwd, scanNotes, warn, type RepoContext } from '../repoContext';

const NAME = 'log';

export const logCommand: Command = {
  name: NAME,
  summary: 'Write a new incident note (like Log Mistake in the editor) and print its path',
  usage: 'candor log --title <text> [options]',
  description: [
    'Writes <incidents folder>/<date>-<slug>.md, linked to the files and lines given, the branch, HEAD, and the commits ' +
      'that last changed those lines (git blame). Outside a git repository the note is still written, without git data. ' +
      'Prints the new note\'s path; warnings (an untracked file, an unknown commit…) go to stderr.',
  ],
  options: {
    title: { type: 'string', value: 'text', help: 'What went wrong, in a few words (required; one line, at most 200 characters)' },
    severity: { type: 'string', value: 'level', help: `${SEVERITIES.join(', ')}. Default: candor.defaultSeverity, else medium` },
    file: {
      type: 'string',
      multiple: true,
      value: 'path[:first[-last]]',
      help: 'Link a whole file, one line (path:12) or lines (path:12-18). Paths are relative to the current directory, like git\'s',
    },
    commit: { type: 'string', multiple: true, value: 'sha', help: 'Link a commit as related' },
    tag: { type: 'string', multiple: true, value: 'tag', help: 'Tag the note (repeat, or separate with commas): --tag cache --tag prod' },
    related: { type: 'string', multiple: true, value: 'id', help: 'An earlier note about the same mistake (repeatable); candor similar finds them' },
    'trying-to': { type: 'string', value: 'text', help: 'What was I trying to do?' },
    action: { type: 'string', value: 'text', help: 'What action did I take?' },
    outcome: { type: 'string', value: 'text', help: 'How did the result differ from what I expected?' },
    dir: DIR_OPTION,
  },
  examples: [
    'candor log --title "Flushed the production cache" --severity high --file src/cache.ts:12-18 --tag cache',
    'candor log --title "Deployed from a stale branch" --commit 619fb15 --outcome "Yesterday\'s fix was rolled back"',
  ],
  run,
};

async function run(line: CommandLine, io: Io): Promise<ExitCode> {
  if (line.positionals.length > 0) {
    throw new UsageError(NAME, `Unexpected argument "${line.positionals[0]}" (the title goes in --title).`);
  }
  const title = stringOption(line.values, 'title');
  const titleProblem = validateTitle(title);
  if (title === undefined || titleProblem) {
    throw new UsageError(NAME, title === undefined ? 'A title is required: --title "what went wrong".' : titleProblem!);
  }
  const ctx = openRepo(io, NAME, stringOption(line.values, 'dir'));
  if (fs.existsSync(ctx.incidentsDir) && !fs.statSync(ctx.incidentsDir).isDirectory()) {
    throw new CliError(`${relativeToCwd(ctx, ctx.incidentsDir)} is not a folder: notes cannot be written into it.`, EXIT.noFolder);
  }
  const severity = chooseSeverity(stringOption(line.values, 'severity'), ctx.settings.defaultSeverity, io);
  const tags = listOption(line.values, 'tag').flatMap((t) => t.split(',')).map((t) => t.trim()).filter(Boolean);
  const badTag = tags.map(validateTag).find(Boolean);
  if (badTag) {
    throw new UsageError(NAME, badTag);
  }
  const files = listOption(line.values, 'file').map((spec) => fileToLink(spec, io.cwd, ctx.root));
  const related = await relatedIds(listOption(line.values, 'related'), io, ctx);
  const result = await logMistake(ctx.git, {
    title,
    severity,
    tryingTo: stringOption(line.values, 'trying-to'),
    action: stringOption(line.values, 'action'),
    outcome: stringOption(line.values, 'outcome'),
    folder: ctx.root,
    incidentsDir: ctx.incidentsDir,
    files,
    commits: listOption(line.values, 'commit'),
    tags,
    related,
  });
  for (const message of result.context.warnings) {
    warn(io, message);
  }
  io.out(relativeToCwd(ctx, result.note.path));
  return EXIT.ok;
}

/** `--related` ids, each a note of the folder (by id or path, as other commands take them). */
async function relatedIds(given: string[], io: Io, ctx: RepoContext): Promise<string[]> {
  if (given.length === 0) {
    return [];
  }
  const notes = await scanNotes(io, ctx);
  return given.map((id) => findNote(notes, io.cwd, id).note.id);
}

function chooseSeverity(option: string | undefined, setting: string | undefined, io: Io): Severity {
  if (option !== undefined) {
    if (!isSeverity(option)) {
      throw new UsageError(NAME, `--severity "${option}" is not one of ${SEVERITIES.join(', ')}.`);
    }
    return option;
  }
  if (setting === undefined) {
    return 'medium';
  }
  if (!isSeverity(setting)) {
    warn(io, `candor.defaultSeverity "${setting}" is not one of ${SEVERITIES.join(', ')}: using medium.`);
    return 'medium';
  }
  return setting;
}

/**
 * `path`, `path:12` or `path:12-18`; a file whose own name ends in `:12` is taken as named. A file
 * outside the repository, or lines past the end of the file, are usage errors: nothing is written.
 */
export function fileToLink(spec: string, cwd: string, root?: string): FileToLink {
  const whole = path.resolve(cwd, spec);
  const match = /^(.+?):(\d+)(?:-(\d+))?$/.exec(spec);
  const absPath = match && !fs.existsSync(whole) ? path.resolve(cwd, match[1]) : whole;
  let stat: fs.Stats;
  try {
    stat = fs.statSync(absPath);
  } catch {
    throw new UsageError(NAME, `--file ${spec}: ${path.relative(cwd, absPath) || absPath} does not exist.`);
  }
  if (!stat.isFile()) {
    throw new UsageError(NAME, `--file ${spec}: not a file.`);
  }
  if (root !== undefined && !isInside(root, absPath)) {
    throw new UsageError(NAME, `--file ${spec}: ${absPath} is outside the repository (${root}); only its own files can be linked.`);
  }
  if (!match || absPath === whole) {
    return { absPath };
  }
  const startLine = Number(match[2]);
  const endLine = match[3] === undefined ? startLine : Number(match[3]);
  if (startLine < 1 || endLine < startLine) {
    throw new UsageError(NAME, `--file ${spec}: lines must be first-last with 1 <= first <= last.`);
  }
  const lineCount = countLines(absPath);
  if (endLine > lineCount) {
    throw new UsageError(NAME, `--file ${spec}: ${path.relative(cwd, absPath) || absPath} has ${lineCount} line${lineCount === 1 ? '' : 's'}; the range must end at ${lineCount} or before.`);
  }
  return { absPath, startLine, endLine };
}

/** Through symbolic links too: a link inside the repository to a file outside it is outside. */
function isInside(root: string, file: string): boolean {
  const real = (p: string) => {
    try {
      return fs.realpathSync(p);
    } catch {
      return path.resolve(p);
    }
  };
  const rel = path.relative(real(root), real(file));
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** Lines as an editor counts them: a final newline does not start one more line. */
function countLines(file: string): number {
  const text = fs.readFileSync(file, 'utf8');
  if (text === '') {
    return 0;
  }
  const breaks = text.split('\n').length - 1;
  return text.endsWith('\n') ? breaks : breaks + 1;
}
