// When each follow-up last changed, so a digest can say which were opened and which were ticked
// in its period. A task item carries no date of its own; git does: `git blame` gives the time of
// the change that last touched each line — the line's addition for an open item, its tick for a
// done one. Lines not committed yet are dated now, as git blame dates them.
import * as fs from 'fs';
import * as path from 'path';
import type { GitRunner } from '../git/gitRunner';
import { filterOverrides } from '../git/repoQueries';

/** 1-based line → author time (ms since the epoch) of the change that last touched it. */
export type LineTimes = Map<number, number>;

const HEADER = /^([0-9a-f]{40}) \d+ (\d+)(?: \d+)?$/;

/**
 * Line times of each note file (absolute paths), read with one `git blame` per file. A file git
 * does not know (untracked, outside the repository) or cannot blame is left out: the caller then
 * dates its items by the note. The file's current text is passed on stdin, so no filter or
 * textconv program of the repository runs on it.
 */
export async function followUpLineTimes(git: GitRunner, root: string, files: { path: string; text: string }[], signal?: AbortSignal): Promise<Map<string, LineTimes>> {
  const found = new Map<string, LineTimes>();
  if (files.length === 0) {
    return found;
  }
  const overrides = await filterOverrides(git, root).catch(() => []);
  for (const file of files) {
    signal?.throwIfAborted();
    const rel = path.relative(root, file.path).split(path.sep).join('/');
    if (rel.startsWith('../') || path.isAbsolute(rel)) {
      continue;
    }
    try {
      const out = await git.run(root, ['blame', '--porcelain', '--no-textconv', '--contents', '-', '--', rel], overrides, file.text, signal);
      found.set(file.path, parseLineTimes(out));
    } catch {
      // Untracked, or not in HEAD yet: dated by the note instead.
    }
  }
  return found;
}

/** `git blame --porcelain` → final line → author time in ms. */
export function parseLineTimes(porcelain: string): LineTimes {
  const times = new Map<number, number>();
  const commitTimes = new Map<string, number>();
  let sha: string | undefined;
  let line = 0;
  for (const row of porcelain.split('\n')) {
    const header = HEADER.exec(row);
    if (header) {
      sha = header[1];
      line = Number(header[2]);
      continue;
    }
    if (row.startsWith('author-time ') && sha) {
      commitTimes.set(sha, Number(row.slice('author-time '.length)) * 1000);
    } else if (row.startsWith('\t') && sha) {
      const time = commitTimes.get(sha);
      if (time !== undefined) {
        times.set(line, time);
      }
    }
  }
  return times;
}

/** Whether a note file changed on disk at or after `since`: one that did not has no line from the period. */
export function changedSince(file: string, since: Date): boolean {
  try {
    return fs.statSync(file).mtimeMs >= since.getTime() - 1000;
  } catch {
    return false;
  }
}
