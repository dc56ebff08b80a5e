// `candor similar <id> | --text "…" [--file path:12-18]… [--json]`: the past notes most like a
// note or a draft, best first, each with why (the same lines after re-anchoring, the same
// introducing commit, the same file, shared tags, similar words) — as Find Similar in the editor.
import * as path from 'path';
import { toRepoRelative } from '../../core/repository/repoPaths';
import { checkQueryFile, splitFileSpec } from '../../core/similar/similarArgs';
import { describeMatch, findSimilar, queryOfNote, type QueryFile, type SimilarQuery } from '../../core/similar/similarNotes';
import { flag, listOption, stringOption, type CommandLine } from '../args';
import type { Command } from '../command';
import { DIR_OPTION, JSON_OPTION } from '../commonOptions';
import { EXIT, UsageError, type ExitCode } from '../exitCodes';
import { findNote } from '../findNote';
import type { Io } from '../io';
import { openRepo, scanNotes, type RepoContext } from '../repoContext';
import { safeLine } from '../terminalText';

const NAME = 'similar';

export const similarCommand: Command = {
  name: NAME,
  summary: 'Past notes like a note or a draft, best first, with why',
  usage: 'candor similar <id> | --text <text> [--file <path[:first[-last]]>]... [--json] [--dir <folder>]',
  description: [
    'Ranks the notes most like the note <id> (its title, three answers, linked lines, introducing commits and tags), or like ' +
      'a draft given as --text and --file. Each match says why: same lines (the linked lines, found where they are now), ' +
      'same commit <sha>, same file <path>, tags: <tags>, similar words, marked related. At most 10.',
    'With --json: an array of { id, title, score, reasons }, best first.',
  ],
  options: {
    text: { type: 'string', value: 'text', help: 'A draft: what went wrong, in your words' },
    file: {
      type: 'string',
      multiple: true,
      value: 'path[:first[-last]]',
      help: 'A draft\'s place in the code, as it is now (repeatable). Paths are relative to the current directory, like git\'s',
    },
    json: JSON_OPTION,
    dir: DIR_OPTION,
  },
  examples: [
    'candor similar 2026-11-21-flushed-the-production-cache',
    'candor similar --text "flushed the cache" --file src/cache.ts:12-18 --json',
  ],
  run,
};

async function run(line: CommandLine, io: Io): Promise<ExitCode> {
  const text = stringOption(line.values, 'text');
  const specs = listOption(line.values, 'file');
  if (line.positionals.length > 1) {
    throw new UsageError(NAME, `Unexpected argument "${line.positionals[1]}".`);
  }
  const byNote = line.positionals.length === 1;
  if (byNote && (text !== undefined || specs.length > 0)) {
    throw new UsageError(NAME, 'Give a note id, or a draft (--text, --file), not both.');
  }
  if (!byNote && (text ?? '').trim() === '' && specs.length === 0) {
    throw new UsageError(NAME, 'Which note? Give its id (candor list shows them), or a draft with --text and --file.');
  }
  const ctx = openRepo(io, NAME, stringOption(line.values, 'dir'));
  const files = specs.map((spec) => queryFile(ctx, spec));
  const notes = await scanNotes(io, ctx);
  const query: SimilarQuery = byNote ? queryOfNote(findNote(notes, io.cwd, line.positionals[0]).note) : { title: text, files };
  const matches = await findSimilar(notes, query, { repoRoot: ctx.root, git: ctx.repoRoot ? ctx.git : undefined });
  if (flag(line.values, 'json')) {
    io.out(JSON.stringify(matches, null, 2));
    return EXIT.ok;
  }
  if (matches.length === 0) {
    io.out('No similar notes.');
    return EXIT.ok;
  }
  const byId = new Map(notes.map((n) => [n.note.id, n.note]));
  for (const match of matches) {
    io.out(`${io.paint.bold(match.score.toFixed(1).padStart(5))}  ${safeLine(describeMatch(match, byId.get(match.id)))}`);
    io.out(`       ${io.paint.dim(match.id)}`);
  }
  return EXIT.ok;
}

/** `--file` relative to the current directory, as a repository-relative place; outside is a usage error. */
function queryFile(ctx: RepoContext, spec: string): QueryFile {
  const split = splitFileSpec(spec);
  const rel = toRepoRelative(ctx.root, path.resolve(ctx.cwd, split.path));
  if (rel === undefined) {
    throw new UsageError(NAME, `--file ${spec}: the path is outside the repository (${ctx.root}).`);
  }
  try {
    return checkQueryFile({ ...split, path: rel });
  } catch (err) {
    throw new UsageError(NAME, `--file ${spec}: ${(err as Error).message}`);
  }
}
