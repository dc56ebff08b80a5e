// `candor respond <id> --kind help --text "…"`: a teammate's response to a note, written as its
// own file under the note's responses folder (merge-safe: one file per response).
import { checkBlameless } from '../../core/disclosure/blamelessCheck';
import { gitAuthor } from '../../core/responses/gitAuthor';
import { RESPONSE_KINDS, type ResponseKind } from '../../core/responses/responseFormat';
import { RESPONSE_BLAMELESS_RULES } from '../../core/responses/responseRules';
import { draftProblem, writeResponse } from '../../core/responses/responseStore';
import { stringOption, type CommandLine } from '../args';
import type { Command } from '../command';
import { DIR_OPTION } from '../commonOptions';
import { EXIT, UsageError, type ExitCode } from '../exitCodes';
import { findNote } from '../findNote';
import type { Io } from '../io';
import { openRepo, relativeToCwd, scanNotes, warn } from '../repoContext';
import { safeLine } from '../terminalText';

const NAME = 'respond';

export const respondCommand: Command = {
  name: NAME,
  summary: 'Respond to a note: thanks, an offer of help, a question or a learning',
  usage: 'candor respond <id> --kind thanks|help|question|learning --text <text> [--dir <folder>]',
  description: [
    'Writes the response as its own file, <incidents>/<id>/responses/<YYYY-MM-DD>T<HHMMSS>Z-<author>.md, with front matter ' +
      'note, kind, author (the git user) and date (UTC), then the text. One file per response, so two people responding on ' +
      'two branches never conflict. Prints the new file\'s path. Wording that blames is pointed out on stderr (advice, not a gate).' +
      ' <id> is the note\'s id, its short id from "candor list", any unique start of its id, or the note file\'s path.',
  ],
  options: {
    kind: { type: 'string', value: RESPONSE_KINDS.join('|'), help: 'What the response is' },
    text: { type: 'string', value: 'text', help: 'The response, a few lines' },
    dir: DIR_OPTION,
  },
  examples: [
    'candor respond 2026-11-21-flushed-the-production-cache --kind thanks --text "Thank you for telling us. What do you need from me?"',
    'candor respond 2026-11-21-flus --kind help --text "I can pair on the cache guard tomorrow."',
  ],
  run,
};

async function run(line: CommandLine, io: Io): Promise<ExitCode> {
  if (line.positionals.length !== 1) {
    throw new UsageError(NAME, line.positionals.length === 0 ? 'Which note? Give its id (candor list shows them).' : `Unexpected argument "${line.positionals[1]}".`);
  }
  const kind = stringOption(line.values, 'kind');
  const text = stringOption(line.values, 'text');
  if (kind === undefined) {
    throw new UsageError(NAME, `--kind is required: one of ${RESPONSE_KINDS.join(', ')}.`);
  }
  const problem = draftProblem({ kind, text });
  if (problem) {
    throw new UsageError(NAME, problem.replace(/^A response needs some text\.$/, '--text is required: a response needs some text.'));
  }
  const ctx = openRepo(io, NAME, stringOption(line.values, 'dir'));
  const note = findNote(await scanNotes(io, ctx), io.cwd, line.positionals[0]);
  const author = ctx.repoRoot ? await gitAuthor(ctx.git, ctx.root) : undefined;
  if (!author) {
    warn(io, 'git user.name and user.email are not set: the response is written without an author.');
  }
  for (const finding of checkBlameless(text as string, RESPONSE_BLAMELESS_RULES)) {
    warn(io, `"${safeLine((text as string).slice(finding.start, finding.end))}": ${finding.message}`);
  }
  const file = await writeResponse(ctx.incidentsDir, note.note.id, { kind: kind as ResponseKind, text: text as string, author, date: new Date() });
  io.out(relativeToCwd(ctx, file));
  return EXIT.ok;
}
