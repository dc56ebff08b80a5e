// Where a command works: the repository that holds the current directory (found by its `.git`,
// like the editor, so reading notes needs no git), its incidents folder, and a git runner.
import * as fs from 'fs';
import * as path from 'path';
import { GitRunner } from '../core/git/gitRunner';
import { resolveIncidentsDir } from '../core/noteWriting/logMistake';
import { openIndexCache } from '../core/noteIndex/indexCache';
import { NoteIndex } from '../core/noteIndex/noteIndex';
import type { IndexedNote } from '../core/noteIndex/noteFileRead';
import { findRepoRoot } from '../core/repository/repoRoot';
import { CliError, EXIT, UsageError } from './exitCodes';
import type { Io } from './io';
import { withProgress } from './progress';
import { readWorkspaceSettings, SETTINGS_FILE, type WorkspaceSettings } from './workspaceSettings';

export interface RepoContext {
  cwd: string;
  /** The repository root, or undefined outside a repository. */
  repoRoot: string | undefined;
  /** Where linked paths start and settings are read: the repository root, else the current directory (as the editor uses its workspace folder). */
  root: string;
  incidentsDir: string;
  settings: WorkspaceSettings;
  git: GitRunner;
}

/**
 * The CLI runs git the way git itself runs: where the person runs it, on the repository they
 * chose by being in it. There is no Workspace Trust to consult, so every call is trusted; git's
 * own protections (safe.directory) and GitRunner's config overrides still apply.
 */
export function cliGit(): GitRunner {
  // One runner per run, so CANDOR_DEBUG can say how many git processes a command started.
  shared ??= new GitRunner({ isTrusted: () => true });
  return shared;
}

let shared: GitRunner | undefined;

export function gitProcessCount(): number {
  return shared?.processCount ?? 0;
}

export function openRepo(io: Io, command: string, dirOption: string | undefined): RepoContext {
  const repoRoot = findRepoRoot(io.cwd);
  const root = repoRoot ?? io.cwd;
  const settings = readWorkspaceSettings(root, (message) => warn(io, message));
  return { cwd: io.cwd, repoRoot, root, incidentsDir: incidentsDir(command, root, dirOption, settings), settings, git: cliGit() };
}

function incidentsDir(command: string, root: string, dirOption: string | undefined, settings: WorkspaceSettings): string {
  if (dirOption !== undefined) {
    // Like git's paths, --dir is relative to where the command runs; it must still stay inside.
    const rel = path.relative(root, path.resolve(dirOption)) || '.';
    try {
      return resolveIncidentsDir(root, rel);
    } catch {
      throw new UsageError(command, `--dir ${dirOption} is outside ${root}: the incidents folder must be inside the repository.`);
    }
  }
  try {
    return resolveIncidentsDir(root, settings.incidentsFolder);
  } catch (err) {
    throw new CliError(`${(err as Error).message} (from ${SETTINGS_FILE})`, EXIT.noFolder);
  }
}

/** Fails with exit code 3 when there is no incidents folder to read. */
export function requireIncidentsFolder(ctx: RepoContext): void {
  let isDir = false;
  try {
    isDir = fs.statSync(ctx.incidentsDir).isDirectory();
  } catch {
    isDir = false;
  }
  if (isDir) {
    return;
  }
  const shown = relativeToCwd(ctx, ctx.incidentsDir);
  throw new CliError(
    ctx.repoRoot
      ? `No incidents folder: ${shown} does not exist.`
      : `Not in a git repository, and there is no incidents folder here (${shown}).`,
    EXIT.noFolder,
    'Log a mistake with "candor log --title …", or pass --dir <folder>.',
  );
}

/** Every note in the folder: one scan, with a progress line on a terminal when it takes a while. */
export async function scanNotes(io: Io, ctx: RepoContext): Promise<IndexedNote[]> {
  requireIncidentsFolder(ctx);
  // The same cache as the editor's (under .git/candor): a warm start reads only what changed.
  const cache = ctx.repoRoot ? openIndexCache(ctx.repoRoot, ctx.incidentsDir, { writable: () => true }) : undefined;
  const index = new NoteIndex(ctx.incidentsDir, { cache });
  await withProgress(io, 'Reading notes', () => index.scan());
  await index.whenCacheSaved();
  return index.list();
}

/** A path to show: relative to the current directory, like git prints them. */
export function relativeToCwd(ctx: { cwd: string }, abs: string): string {
  const rel = path.relative(ctx.cwd, abs);
  return (rel === '' ? '.' : rel).split(path.sep).join('/');
}

/** Relative to the repository root with forward slashes: stable whoever runs the command, where. */
export function relativeToRoot(ctx: { root: string }, abs: string): string {
  return path.relative(ctx.root, abs).split(path.sep).join('/');
}

export function warn(io: Io, message: string): void {
  io.err(`${io.errPaint.yellow('candor: warning:')} ${message}`);
}
