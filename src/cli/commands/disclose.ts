// `candor disclose <id>`: the message that owns up to a mistake, drafted from the note by the same
// core as the editor (the team's `.candor/disclosure.md` template, permalinks from origin), to
// paste into chat or a pull request, or pipe into mail.
import * as fs from 'fs';
import { draftDisclosure, fullMessage } from '../../core/disclosure/draftDisclosure';
import type { DisclosureFormat } from '../../core/disclosure/disclosureFormat';
import { TemplateError } from '../../core/disclosure/template';
import { hasErrors } from '../../core/noteFormat/noteModel';
import { originRemote } from '../../core/repository/permalinks';
import { resolveInside } from '../../core/repository/repoPaths';
import { choiceOption, positionalCount, stringOption, type CommandLine } from '../args';
import type { Command } from '../command';
import { DIR_OPTION } from '../commonOptions';
import { CliError, EXIT, type ExitCode } from '../exitCodes';
import { findNote } from '../findNote';
import type { Io } from '../io';
import { openRepo, scanNotes, warn, type RepoContext } from '../repoContext';

const NAME = 'disclose';
const FORMATS = ['markdown', 'text'] as const;
const TEMPLATE_FILE = '.candor/disclosure.md';

export const discloseCommand: Command = {
  name: NAME,
  summary: 'Draft the message that discloses a note\'s mistake (Markdown or plain text)',
  usage: 'candor disclose <id> [--format markdown|text] [--dir <folder>]',
  description: [
    'Prints a first-person message drafted from the note: subject, what happened in the author\'s words, what will ' +
      'change, and links (permalinks when origin is on GitHub, GitLab, Bitbucket or Azure DevOps). Uses the team\'s ' +
      `template ${TEMPLATE_FILE} when the repository has one. Anything that looks like a secret is masked.` +
      ' <id> is the note\'s id, its short id from "candor list", any unique start of its id, or the note file\'s path.',
  ],
  options: {
    format: { type: 'string', value: 'markdown|text', help: 'markdown (chat, pull requests; the default) or text (email)' },
    dir: DIR_OPTION,
  },
  examples: ['candor disclose 2026-11-21-flushed-the-production-cache | pbcopy', 'candor disclose 2026-11-21-flus --format text'],
  run,
};

async function run(line: CommandLine, io: Io): Promise<ExitCode> {
  positionalCount(NAME, line, 1, 1, 'the id of the note to disclose (candor list shows them)');
  const format = choiceOption<DisclosureFormat>(NAME, line.values, 'format', FORMATS, 'markdown');
  const ctx = openRepo(io, NAME, stringOption(line.values, 'dir'));
  const note = findNote(await scanNotes(io, ctx), io.cwd, line.positionals[0]);
  if (hasErrors(note)) {
    warn(io, `${note.note.id} has errors (candor check explains): the draft uses what could be read.`);
  }
  const remote = ctx.repoRoot ? await originRemote(ctx.git, ctx.root, ctx.settings.permalinkHosts) : undefined;
  const template = readTemplate(ctx);
  try {
    io.out(fullMessage(draftDisclosure(note.note, { format, remote, template, problems: note.problems }), format));
  } catch (err) {
    if (err instanceof TemplateError) {
      throw new CliError(`${TEMPLATE_FILE}:${err.line}: ${err.message}`, EXIT.noFolder);
    }
    throw err;
  }
  return EXIT.ok;
}

/** The team's template, when the repository has one (read only from inside the repository). */
function readTemplate(ctx: RepoContext): string | undefined {
  const file = resolveInside(ctx.root, TEMPLATE_FILE);
  if (!file) {
    return undefined;
  }
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
