// When each follow-up last changed, so a digest can say which were opened and which were ticked in
// its period. A task item carries no date of its own; git does. One `git log -p` over the
// incidents folder for the period gives every line added (or rewritten — a tick rewrites the line)
// and when; `git diff HEAD` adds the changes not committed yet, dated now. A task line found among
// them changed in the period; a tracked line not found did not. Three git processes however many
// notes (blaming each note took one process per note: 50 s for 300 notes on a loaded machine).
import * as path from 'path';
import type { GitRunner } from '../git/gitRunner';
import { filterOverrides } from '../git/repoQueries';

export interface FollowUpChanges {
  /** Repository-relative paths of the note files git tracks (others are dated by their note). */
  tracked: Set<string>;
  /** Repository-relative path → line text → when it was last added in the period (ms). */
  added: Map<string, Map<string, number>>;
}

const DIFF_OPTIONS = ['--no-color', '--no-ext-diff', '--no-textconv', '-U0', '--no-renames'];

/** The lines of the folder's files that changed in the period; undefined when git cannot say. */
export async function followUpChanges(git: GitRunner, root: string, dir: string, period: { since: Date; until: Date }, signal?: AbortSignal): Promise<FollowUpChanges | undefined> {
  const rel = path.relative(root, dir).split(path.sep).join('/') || '.';
  if (rel.startsWith('../') || path.isAbsolute(rel)) {
    return undefined;
  }
  const quoted = ['-c', 'core.quotePath=false'];
  let tracked: string;
  try {
    tracked = await git.run(root, [...quoted, 'ls-files', '-z', '--', rel], [], undefined, signal);
  } catch {
    return undefined;
  }
  const changes: FollowUpChanges = { tracked: new Set(tracked.split('\0').filter(Boolean)), added: new Map() };
  // --since filters by committer time, never earlier than the author time each line is dated by.
  const log = await git.run(root, [
    ...quoted, 'log', `--since=${period.since.toISOString()}`, '--format=%x1e%at', '-p', ...DIFF_OPTIONS, '--', rel,
  ], [], undefined, signal).catch(() => '');
  addLines(changes.added, log, period);
  const now = Date.now();
  if (now >= period.since.getTime() && now <= period.until.getTime()) {
    // The working tree is read, so the repository's filter programs are switched off.
    const overrides = await filterOverrides(git, root).catch(() => []);
    const diff = await git.run(root, [...quoted, 'diff', 'HEAD', ...DIFF_OPTIONS, '--', rel], overrides, undefined, signal).catch(() => '');
    addLines(changes.added, `\u001e${Math.floor(now / 1000)}\n${diff}`, period);
  }
  return changes;
}

/**
 * Reads `git log -p -U0` (records starting `\x1e<author time>`) into the lines each file gained,
 * keeping the latest time of each line in the period. Hunk headers give how many lines follow, so a
 * line that itself starts with `+++` is never taken for a file header.
 */
export function addLines(added: Map<string, Map<string, number>>, patch: string, period: { since: Date; until: Date }): void {
  let time = NaN;
  let file: string | undefined;
  let oldLeft = 0;
  let newLeft = 0;
  for (const raw of patch.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (oldLeft > 0 || newLeft > 0) {
      if (line.startsWith('+') && newLeft > 0) {
        newLeft--;
        const ms = time * 1000;
        if (file && ms >= period.since.getTime() && ms <= period.until.getTime()) {
          const lines = added.get(file) ?? new Map<string, number>();
          lines.set(line.slice(1), Math.max(lines.get(line.slice(1)) ?? 0, ms));
          added.set(file, lines);
        }
      } else if (line.startsWith('-') && oldLeft > 0) {
        oldLeft--;
      }
      continue;
    }
    if (line.startsWith('\u001e')) {
      time = Number(line.slice(1));
    } else if (line.startsWith('+++ ')) {
      const name = line.slice(4);
      file = name.startsWith('b/') ? name.slice(2) : undefined;
    } else {
      const hunk = /^@@ -\d+(?:,(\d+))? \+\d+(?:,(\d+))? @@/.exec(line);
      if (hunk) {
        oldLeft = hunk[1] === undefined ? 1 : Number(hunk[1]);
        newLeft = hunk[2] === undefined ? 1 : Number(hunk[2]);
      }
    }
  }
}
