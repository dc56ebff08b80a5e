// `candor site`: a static, searchable site of the learnings of this repository or of several
// (an organisation-wide site), for people who do not open the editor. Built by the core's
// buildSite; this file only reads the command line and says where the site went.
import * as fs from 'fs';
import * as path from 'path';
import { resolveIncidentsDir } from '../../core/noteWriting/logMistake';
import { findRepoRoot } from '../../core/repository/repoRoot';
import { buildSite, SiteError } from '../../core/site/buildSite';
import type { SiteRepoInput } from '../../core/site/siteSources';
import { listOption, stringOption, type CommandLine } from '../args';
import type { Command } from '../command';
import { CliError, EXIT, UsageError, type ExitCode } from '../exitCodes';
import type { Io } from '../io';
import { withProgress } from '../progress';
import { cliGit, openRepo, relativeToCwd, requireIncidentsFolder, warn } from '../repoContext';
import { readWorkspaceSettings } from '../workspaceSettings';

const NAME = 'site';

export const siteCommand: Command = {
  name: NAME,
  summary: 'Build a static, searchable site of the learnings of one or many repositories',
  usage: 'candor site [--out <dir>] [--title <text>] [--base-url <url>] [--exclude-tag <tag>]… [<repository>…]',
  description: [
    'Writes a self-contained site (index with search and filters, a page per note, insights, hotspots and an Atom ' +
      'feed) from the current repository, or from every repository path given, with a repository facet on every page. ' +
      'It needs no server and no network: open index.html from disk, or publish the folder on any static host.',
    'Note bodies are rendered as Markdown and sanitised; secrets are masked as in disclosures. Rebuilding with no note ' +
      'changed gives byte-identical files. The output folder must be new, empty, or a site built before (it is replaced).',
  ],
  options: {
    out: { type: 'string', value: 'dir', help: 'Where to write the site. Default: candor-site' },
    title: { type: 'string', value: 'text', help: 'The site title. Default: Learnings' },
    'base-url': { type: 'string', value: 'url', help: 'Where the site will be published, for the feed\'s absolute links (pages link relatively)' },
    'exclude-tag': { type: 'string', multiple: true, value: 'tag', help: 'Leave out notes with this tag (repeatable), e.g. private' },
  },
  examples: ['candor site', 'candor site --out public --base-url https://acme.github.io/learnings/ --exclude-tag private', 'candor site --title "Acme learnings" ../api ../web ../infra'],
  run,
};

async function run(line: CommandLine, io: Io): Promise<ExitCode> {
  const baseUrl = stringOption(line.values, 'base-url');
  if (baseUrl !== undefined && !/^https?:\/\/[^\s]+$/i.test(baseUrl)) {
    throw new UsageError(NAME, `--base-url "${baseUrl}" is not an http(s) URL.`);
  }
  const out = path.resolve(io.cwd, stringOption(line.values, 'out') ?? 'candor-site');
  const repos = line.positionals.length === 0 ? [currentRepo(io)] : line.positionals.map((p) => repoAt(io, p));
  const git = cliGit();
  try {
    const result = await withProgress(io, 'Building the site', () =>
      buildSite(repos, git, { out, title: stringOption(line.values, 'title'), baseUrl, excludeTags: listOption(line.values, 'exclude-tag') }));
    io.out(`Built ${result.pages} pages from ${result.notes} ${result.notes === 1 ? 'note' : 'notes'} into ${relativeToCwd(io, result.out)}/`);
  } catch (err) {
    if (err instanceof SiteError) {
      throw new UsageError(NAME, err.message);
    }
    throw err;
  }
  return EXIT.ok;
}

function currentRepo(io: Io): SiteRepoInput {
  const ctx = openRepo(io, NAME, undefined);
  requireIncidentsFolder(ctx);
  return { root: ctx.root, incidentsDir: ctx.incidentsDir };
}

/** A repository path from the command line: its root, and its incidents folder from its own settings. */
function repoAt(io: Io, given: string): SiteRepoInput {
  const abs = path.resolve(io.cwd, given);
  if (!fs.existsSync(abs) || !fs.statSync(abs).isDirectory()) {
    throw new UsageError(NAME, `${given} is not a folder.`);
  }
  const root = findRepoRoot(abs) ?? abs;
  const settings = readWorkspaceSettings(root, (message) => warn(io, message));
  let incidentsDir: string;
  try {
    incidentsDir = resolveIncidentsDir(root, settings.incidentsFolder);
  } catch (err) {
    throw new CliError(`${given}: ${(err as Error).message}`, EXIT.noFolder);
  }
  if (!fs.existsSync(incidentsDir)) {
    throw new CliError(`${given}: no incidents folder (${relativeToCwd(io, incidentsDir)} does not exist).`, EXIT.noFolder);
  }
  return { root, incidentsDir };
}
