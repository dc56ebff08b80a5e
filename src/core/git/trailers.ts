// Fix commits that name a note in an `Incident: <id>` trailer: found with one bounded
// `git log --grep`, so a fix is linked without anyone editing the note.
import { SHA_PATTERN } from '../noteFormat/noteModel';
import type { GitRunner } from './gitRunner';

export interface TrailerCommit {
  sha: string;
  subject: string;
  /** Committer time, seconds since the epoch. */
  time: number;
}

/** How far back to look: enough for years of a busy repository, bounded so it stays quick. */
export const TRAILER_SEARCH_LIMIT = 5000;

/** Note id → the commits whose message carries `Incident: <id>`, newest first. */
export async function findIncidentTrailers(git: GitRunner, root: string, limit = TRAILER_SEARCH_LIMIT, signal?: AbortSignal): Promise<Map<string, TrailerCommit[]>> {
  const out = await git.run(root, [
    'log', `-n${limit}`, '--extended-regexp', '--regexp-ignore-case', '--grep=^incident:[[:space:]]',
    '--format=%H%x1f%s%x1f%ct%x1f%(trailers:key=Incident,valueonly,separator=%x1d)%x1e', '--',
  ], [], undefined, signal).catch(() => '');
  const byId = new Map<string, TrailerCommit[]>();
  for (const record of out.split('\u001e')) {
    const [sha, subject, time, ids] = record.replace(/^\n/, '').split('\u001f');
    if (!sha || !SHA_PATTERN.test(sha)) {
      continue;
    }
    for (const id of (ids ?? '').split('\u001d').map((s) => s.trim()).filter(Boolean)) {
      const list = byId.get(id) ?? [];
      list.push({ sha, subject: subject ?? '', time: Number(time) });
      byId.set(id, list);
    }
  }
  return byId;
}

/** Commit times for shas recorded in notes; unknown shas are left out. One git process. */
export async function commitTimes(git: GitRunner, root: string, shas: string[], signal?: AbortSignal): Promise<Map<string, number>> {
  const valid = [...new Set(shas.filter((s) => SHA_PATTERN.test(s)))];
  const times = new Map<string, number>();
  if (valid.length === 0) {
    return times;
  }
  // `--stdin` takes any number of revisions; `--ignore-missing` skips the unknown ones.
  const out = await git.run(root, ['log', '--no-walk=unsorted', '--ignore-missing', '--stdin', '--format=%H %ct'], [], valid.join('\n') + '\n', signal).catch(() => '');
  for (const line of out.split('\n')) {
    const [sha, time] = line.trim().split(' ');
    if (sha && time) {
      times.set(sha, Number(time));
      // Notes may record abbreviated shas: answer for those too.
      for (const short of valid.filter((v) => v.length < 40 && sha.startsWith(v))) {
        times.set(short, Number(time));
      }
    }
  }
  return times;
}

/** Appends the trailer to a commit message, once, after a blank line as git expects. */
export function withIncidentTrailer(message: string, id: string): string {
  const trailer = `Incident: ${id}`;
  if (message.split(/\r?\n/).some((l) => l.trim().toLowerCase() === trailer.toLowerCase())) {
    return message;
  }
  const trimmed = message.replace(/\s+$/, '');
  if (trimmed === '') {
    return `\n\n${trailer}`;
  }
  // Join an existing trailer block; otherwise start one after a blank line.
  const lastLine = trimmed.split(/\r?\n/).pop() ?? '';
  return /^[\w-]+: /.test(lastLine) && trimmed.includes('\n\n') ? `${trimmed}\n${trailer}` : `${trimmed}\n\n${trailer}`;
}
