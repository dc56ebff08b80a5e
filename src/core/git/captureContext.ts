// What Log Mistake records about where a mistake happened: the repository, HEAD, the branch, the
// author, the linked files and lines, and the commits that last changed those lines.
// Missing pieces (no git, no repository, no commit yet, an untracked file) never stop a note
// from being written: each becomes a warning the person is shown.
import * as fs from 'fs';
import { makeAnchor, sliceLines } from '../anchoring/recordedAnchor';
import { SHA_PATTERN, type LinkedCommit, type LinkedFile } from '../noteFormat/noteModel';
import { realpathOfDeepestExisting, toRepoRelative } from '../repository/repoPaths';
import { GitMissingError, GitUntrustedError, type GitRunner } from './gitRunner';
import { baseBranchGlobs, firstBaseBranch } from './baseBranches';
import { ownRecentCommits } from './ownChanges';
import { overridesFor } from './repoQueries';
import {
  configValue, filterDriverNames, LOG_FORMAT, parseBlamePorcelain, parseLog, parseStatusV2,
  type BlameCommit, type LogEntry, type StatusSummary,
} from './gitParsers';

export interface FileToLink {
  absPath: string;
  /** 1-based, inclusive. Both absent: the whole file. */
  startLine?: number;
  endLine?: number;
  /** The editor's text when it has unsaved changes: lines are taken from it, not from disk. */
  unsavedText?: string;
}

export interface CaptureRequest {
  /** Where to look for the repository: the workspace folder. */
  cwd: string;
  files: FileToLink[];
  /** Commits to link as `related`. */
  commits: string[];
}

export interface CapturedContext {
  repoRoot?: string;
  head?: string;
  branch?: string;
  detached: boolean;
  author?: string;
  files: LinkedFile[];
  commits: LinkedCommit[];
  warnings: string[];
}

/** Above this size a file's text is not read for the anchor: the link is kept, the anchor is not. */
const MAX_ANCHOR_SOURCE_BYTES = 8 * 1024 * 1024;
export const DETACHED_BRANCH = '(detached)';

export async function captureContext(git: GitRunner, request: CaptureRequest): Promise<CapturedContext> {
  const context: CapturedContext = { detached: false, files: [], commits: [], warnings: [] };
  const [rootResult, configResult] = await Promise.allSettled([
    // The top level, and which base branches exist (for ownRecentCommits), in one process.
    git.run(request.cwd, ['rev-parse', '--show-toplevel', '--symbolic-full-name', ...baseBranchGlobs()]),
    git.run(request.cwd, ['config', '--get-regexp', '^(user\\.(name|email)|filter\\..*\\.(clean|smudge|process))$']),
  ]);

  const [topLevel, ...refs] = rootResult.status === 'fulfilled' ? rootResult.value.split('\n').map((l) => l.trim()).filter(Boolean) : [];
  if (rootResult.status === 'rejected' || !topLevel) {
    context.warnings.push(gitProblem(rootResult.status === 'rejected' ? rootResult.reason : new Error('git did not name the repository\'s top level.')));
    linkWithoutGit(request, context);
    return context;
  }
  const repoRoot = realpath(topLevel);
  context.repoRoot = repoRoot;
  const config = configResult.status === 'fulfilled' ? configResult.value : '';
  context.author = formatAuthor(configValue(config, 'user.name'), configValue(config, 'user.email'));
  if (!context.author) {
    context.warnings.push('git user.name and user.email are not set: no author recorded.');
  }
  // A repository can name filter programs that git would run on the files we ask about.
  const overrides = overridesFor(filterDriverNames(config));

  const targets = request.files.map((f) => ({ file: f, rel: toRepoRelative(repoRoot, realpath(f.absPath)) }));
  for (const t of targets.filter((t) => t.rel === undefined)) {
    context.warnings.push(`${t.file.absPath} is outside the repository: not linked.`);
  }
  const inside = targets.filter((t): t is { file: FileToLink; rel: string } => t.rel !== undefined);

  const status = parseStatusV2(await git.run(repoRoot, [
    'status', '--porcelain=v2', '--branch', '-z', '--untracked-files=all', '--ignored=matching', '--ignore-submodules=all',
    // With no file to ask about, a pathspec that matches nothing keeps status from scanning the tree.
    '--', ...(inside.length > 0 ? inside.map((t) => t.rel) : ['.git']),
  ], overrides));
  context.head = status.head;
  context.detached = status.detached;
  context.branch = status.detached ? DETACHED_BRANCH : status.branch;
  if (!status.head) {
    context.warnings.push('The repository has no commit yet: no HEAD or introducing commit recorded.');
  } else if (status.detached) {
    context.warnings.push(`HEAD is detached at ${status.head.slice(0, 7)}: branch recorded as ${DETACHED_BRANCH}.`);
  }

  const introduced: BlameCommit[] = [];
  for (const { file, rel } of inside) {
    const linked = await linkFile(git, repoRoot, rel, file, status, overrides, introduced, context.warnings);
    if (linked) {
      context.files.push(linked);
    }
  }
  // Blame's commits are the lines' history; only the person's own recent ones introduced the
  // mistake (see ownChanges). The most recent change first: it is the likeliest cause.
  const own = await ownRecentCommits(git, repoRoot, introduced, configValue(config, 'user.email'), firstBaseBranch(refs));
  const seen = new Set<string>();
  for (const c of introduced.sort((a, b) => (b.committerTime ?? 0) - (a.committerTime ?? 0))) {
    if (!seen.has(c.sha)) {
      seen.add(c.sha);
      context.commits.push({ sha: c.sha, role: own.has(c.sha) ? 'introduced' : 'history', subject: c.summary });
    }
  }
  for (const entry of await resolveCommits(git, repoRoot, request.commits, context.warnings)) {
    if (!seen.has(entry.sha)) {
      seen.add(entry.sha);
      context.commits.push({ sha: entry.sha, role: 'related', subject: entry.subject });
    }
  }
  return context;
}

async function linkFile(
  git: GitRunner, repoRoot: string, rel: string, file: FileToLink, status: StatusSummary,
  overrides: string[], introduced: BlameCommit[], warnings: string[],
): Promise<LinkedFile | undefined> {
  const linked: LinkedFile = { path: rel };
  const state = status.entries.get(rel);
  if (file.unsavedText !== undefined) {
    linked.uncommitted = 'unsaved';
    warnings.push(`${rel} has unsaved changes: the lines are recorded as they are in the editor.`);
  } else if (state === 'untracked' || state === 'ignored') {
    linked.uncommitted = 'untracked';
  } else if (state === 'modified') {
    linked.uncommitted = 'modified';
  }
  if (status.head) {
    linked.commit = status.head;
  }
  const text = file.unsavedText ?? readText(file.absPath);
  if (file.startLine === undefined) {
    return linked;
  }
  const lineCount = text === undefined ? undefined : text.split(/\r?\n/).length;
  let first = Math.max(1, Math.floor(file.startLine));
  let last = Math.max(first, Math.floor(file.endLine ?? file.startLine));
  if (lineCount !== undefined && last > lineCount) {
    warnings.push(`${rel} has ${lineCount} lines: the range ${first}-${last} was cut to fit.`);
    last = lineCount;
    first = Math.min(first, last);
  }
  linked.lines = [first, last];
  if (text !== undefined) {
    linked.anchor = makeAnchor(sliceLines(text, first, last));
  }

  if (!status.head) {
    return linked;
  }
  if (state === 'untracked' || state === 'ignored') {
    warnings.push(`${rel} is not tracked by git: no commit introduced these lines.`);
    return linked;
  }
  const args = ['blame', '--porcelain', '--no-textconv', '-L', `${first},${last}`];
  if (file.unsavedText !== undefined) {
    args.push('--contents', '-');
  }
  try {
    const blame = parseBlamePorcelain(await git.run(repoRoot, [...args, '--', rel], overrides, file.unsavedText));
    introduced.push(...blame.commits);
    if (blame.uncommitted) {
      warnings.push(`${rel} lines ${first}-${last} include changes that are not committed yet.`);
    }
  } catch (err) {
    warnings.push(`Could not find the commits behind ${rel} lines ${first}-${last}: ${messageOf(err)}`);
  }
  return linked;
}

/** Resolves shas given by a person or a script; unknown or malformed ones are left out with a warning. */
export async function resolveCommits(git: GitRunner, cwd: string, shas: string[], warnings: string[]): Promise<LogEntry[]> {
  const valid: string[] = [];
  for (const raw of shas) {
    const sha = String(raw).trim().toLowerCase();
    if (SHA_PATTERN.test(sha)) {
      valid.push(sha);
    } else {
      warnings.push(`"${String(raw).slice(0, 60)}" is not a commit sha (7 to 40 hex digits): not linked.`);
    }
  }
  if (valid.length === 0) {
    return [];
  }
  const lookup = (list: string[]) => git.run(cwd, ['log', '--no-walk=unsorted', LOG_FORMAT, ...list, '--']).then(parseLog);
  try {
    return await lookup(valid);
  } catch {
    // One unknown sha fails the whole call: find which, one by one (rare, so the cost is fine).
    const found: LogEntry[] = [];
    for (const sha of valid) {
      try {
        found.push(...(await lookup([sha])));
      } catch {
        warnings.push(`Commit ${sha} is not in this repository: not linked.`);
      }
    }
    return found;
  }
}

export async function recentCommits(git: GitRunner, cwd: string, count = 30): Promise<LogEntry[]> {
  return parseLog(await git.run(cwd, ['log', `-n${Math.max(1, Math.min(count, 500))}`, LOG_FORMAT, '--']));
}

/** Without git, files are still linked (relative to the folder) with their lines and anchors. */
function linkWithoutGit(request: CaptureRequest, context: CapturedContext): void {
  const root = realpath(request.cwd);
  for (const file of request.files) {
    const rel = toRepoRelative(root, realpath(file.absPath));
    if (rel === undefined) {
      context.warnings.push(`${file.absPath} is outside the workspace folder: not linked.`);
      continue;
    }
    const linked: LinkedFile = { path: rel };
    if (file.startLine !== undefined) {
      const text = file.unsavedText ?? readText(file.absPath);
      const first = Math.max(1, file.startLine);
      const last = Math.max(first, file.endLine ?? first);
      linked.lines = [first, last];
      if (text !== undefined) {
        linked.anchor = makeAnchor(sliceLines(text, first, last));
      }
    }
    context.files.push(linked);
  }
  if (request.commits.length > 0) {
    context.warnings.push('Commits could not be linked without git.');
  }
}

function gitProblem(err: unknown): string {
  if (err instanceof GitUntrustedError) {
    return 'The workspace is not trusted: git was not run, so no branch, commit or author is recorded.';
  }
  if (err instanceof GitMissingError) {
    return `${err.message} No branch, commit or author is recorded.`;
  }
  const message = messageOf(err);
  if (/not a git repository/i.test(message)) {
    return 'Not a git repository: no branch, commit or author is recorded.';
  }
  if (/dubious ownership/i.test(message)) {
    return 'Git refuses this repository because another user owns it (safe.directory): no branch, commit or author is recorded.';
  }
  return `Git failed (${message}): no branch, commit or author is recorded.`;
}

function formatAuthor(name: string | undefined, email: string | undefined): string | undefined {
  if (!name && !email) {
    return undefined;
  }
  return [name, email ? `<${email}>` : undefined].filter(Boolean).join(' ');
}

function readText(absPath: string): string | undefined {
  try {
    const stat = fs.statSync(absPath);
    if (!stat.isFile() || stat.size > MAX_ANCHOR_SOURCE_BYTES) {
      return undefined;
    }
    const text = fs.readFileSync(absPath, 'utf8');
    return text.includes('\u0000') ? undefined : text;
  } catch {
    return undefined;
  }
}

/** The real path, resolving the deepest folder that exists (a file may not exist yet). */
function realpath(p: string): string {
  return realpathOfDeepestExisting(p) ?? p;
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message.split('\n')[0] : String(err);
}
