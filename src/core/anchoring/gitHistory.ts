// What re-anchoring asks git, batched so a whole call costs a few processes whatever the number of
// links and commits: one `cat-file --batch-check` (which commits exist, which blobs the linked
// files had), one `cat-file --batch` (those blobs' text) and, only when linked files are gone,
// one `diff-tree --stdin` and one `diff --cached` (renames). Nothing from a note reaches git unvalidated: commits
// must be hex, paths are plain relative paths without line breaks, and blobs are asked for by id.
// None of these commands reads the working tree, so no filter or diff program of the repository runs.
import { randomBytes } from 'crypto';
import type { GitRunner } from '../git/gitRunner';
import { SHA_PATTERN } from '../noteFormat/noteModel';

export interface BlobInfo {
  oid: string;
  size: number;
}

/** Recorded blobs larger than this are not read: their links are located by text alone. */
const MAX_BLOB_BYTES = 32 * 1024 * 1024;
/** All blobs read in one call together. */
const MAX_TOTAL_BLOB_BYTES = 128 * 1024 * 1024;

/** A note's commit as git may be given it, or undefined. */
export function validCommit(commit: unknown): string | undefined {
  if (typeof commit !== 'string') {
    return undefined;
  }
  const lower = commit.toLowerCase();
  return SHA_PATTERN.test(lower) ? lower : undefined;
}

/** A path git may be given inside a `<commit>:<path>` name (one input line). */
function batchablePath(path: string): boolean {
  return path.length > 0 && !/[\r\n\0]/.test(path);
}

export class GitHistory {
  /** Git failed in a way that will not change within this call (untrusted, missing, no repository). */
  private off: boolean;
  private head: string | undefined;
  private readonly commits = new Map<string, string>();
  private readonly blobs = new Map<string, BlobInfo>();

  constructor(private readonly git: GitRunner | undefined, private readonly repoRoot: string, private readonly signal?: AbortSignal) {
    this.off = !git;
  }

  get usable(): boolean {
    return !this.off;
  }

  /** One process: records which commits exist (full ids) and the blob of each (commit, path). */
  async inspect(commits: string[], files: { commit: string; path: string }[]): Promise<void> {
    if (!this.git || this.off || commits.length === 0) {
      return;
    }
    const queries = [
      { name: 'HEAD^{commit}', commit: 'HEAD', path: undefined as string | undefined },
      ...commits.map((c) => ({ name: `${c}^{commit}`, commit: c, path: undefined as string | undefined })),
      ...files.filter((f) => batchablePath(f.path)).map((f) => ({ name: `${f.commit}:${f.path}`, commit: f.commit, path: f.path })),
    ];
    let output: string;
    try {
      output = await this.git.run(this.repoRoot, ['cat-file', '--batch-check=%(objectname) %(objecttype) %(objectsize)'], [], queries.map((q) => q.name).join('\n') + '\n', this.signal);
    } catch {
      this.off = true;
      return;
    }
    const lines = output.split('\n');
    queries.forEach((q, i) => {
      const found = /^([0-9a-f]{40,64}) ([a-z]+) (\d+)$/.exec(lines[i] ?? '');
      if (!found) {
        return;
      }
      if (q.commit === 'HEAD') {
        this.head = found[2] === 'commit' ? found[1] : undefined;
      } else if (q.path === undefined && found[2] === 'commit') {
        this.commits.set(q.commit, found[1]);
      } else if (q.path !== undefined && found[2] === 'blob') {
        this.blobs.set(`${q.commit}:${q.path}`, { oid: found[1], size: Number(found[3]) });
      }
    });
  }

  /** The full id of a commit found by `inspect`. */
  commit(commit: string): string | undefined {
    return this.commits.get(commit);
  }

  blob(commit: string, path: string): BlobInfo | undefined {
    return this.commits.has(commit) ? this.blobs.get(`${commit}:${path}`) : undefined;
  }

  /**
   * Files renamed between each commit and the index, committed or staged (`git mv`): per commit,
   * old path → new path. Two processes for any number of commits: `diff-tree --stdin` from the
   * commits to HEAD, then `diff --cached` from HEAD to the index. Empty where git fails.
   */
  async renames(commits: string[]): Promise<Map<string, Map<string, string>>> {
    const result = new Map<string, Map<string, string>>();
    const head = this.head;
    const known = commits.filter((c) => this.commits.has(c));
    if (!this.git || this.off || !head || known.length === 0) {
      return result;
    }
    const renameArgs = ['--no-ext-diff', '--no-textconv', '--no-color', '-M', '--name-status', '-z', '--diff-filter=R'];
    // A `--stdin` line `<a> <b>` is diffed from b to a and headed by a: `<commit> <HEAD>` gives
    // HEAD → commit under the commit's id, so each rename is read the other way round.
    const [committed, staged] = await Promise.all([
      this.git.run(this.repoRoot, ['diff-tree', '--stdin', '-r', ...renameArgs], [], known.map((c) => `${this.commits.get(c)} ${head}`).join('\n') + '\n', this.signal).catch(() => ''),
      this.git.run(this.repoRoot, ['diff', '--cached', ...renameArgs, head, '--'], [], undefined, this.signal).catch(() => ''),
    ]);
    const sinceCommit = new Map<string, Map<string, string>>();
    let current: Map<string, string> | undefined;
    const fields = committed.split('\0');
    for (let i = 0; i < fields.length; ) {
      if (/^[0-9a-f]{40,64}$/.test(fields[i])) {
        current = new Map();
        sinceCommit.set(fields[i], current);
        i += 1;
      } else if (/^[RC]\d*$/.test(fields[i]) && i + 2 < fields.length) {
        current?.set(fields[i + 2], fields[i + 1]);
        i += 3;
      } else {
        i += 1;
      }
    }
    const inIndex = parseRenames(staged);
    for (const commit of known) {
      const toHead = sinceCommit.get(this.commits.get(commit)!) ?? new Map<string, string>();
      const followed = new Map<string, string>();
      for (const [old, atHead] of toHead) {
        followed.set(old, inIndex.get(atHead) ?? atHead);
      }
      for (const [atHead, now] of inIndex) {
        if (!toHead.has(atHead) && ![...toHead.values()].includes(atHead)) {
          followed.set(atHead, now);
        }
      }
      result.set(commit, followed);
    }
    return result;
  }

  /** One process: the text of each blob (by id), skipping very large ones. */
  async readBlobs(oids: string[]): Promise<Map<string, string>> {
    const texts = new Map<string, string>();
    const sizes = new Map([...this.blobs.values()].map((b) => [b.oid, b.size]));
    let budget = MAX_TOTAL_BLOB_BYTES;
    const wanted = new Set([...new Set(oids)].filter((oid) => {
      const size = sizes.get(oid) ?? Infinity;
      if (size > MAX_BLOB_BYTES || size > budget) {
        return false;
      }
      budget -= size;
      return true;
    }));
    if (!this.git || this.off || wanted.size === 0) {
      return texts;
    }
    // Each blob is preceded by a header carrying a random marker, which no content can forge.
    const marker = `candor-${randomBytes(12).toString('hex')} `;
    let output: string;
    try {
      output = await this.git.run(this.repoRoot, ['cat-file', `--batch=${marker}%(objectname) %(objectsize)`], [], [...wanted].join('\n') + '\n', this.signal);
    } catch {
      return texts;
    }
    for (const chunk of output.split(marker).slice(1)) {
      const headerEnd = chunk.indexOf('\n');
      const oid = chunk.slice(0, headerEnd).split(' ')[0];
      const content = chunk.slice(headerEnd + 1);
      if (headerEnd > 0 && wanted.has(oid)) {
        texts.set(oid, content.endsWith('\n') ? content.slice(0, -1) : content);
      }
    }
    return texts;
  }
}

/** `--name-status -z` records of renames: old path → new path. */
function parseRenames(output: string): Map<string, string> {
  const found = new Map<string, string>();
  const fields = output.split('\0');
  for (let i = 0; i + 2 < fields.length; ) {
    if (/^[RC]\d*$/.test(fields[i])) {
      found.set(fields[i + 1], fields[i + 2]);
      i += 3;
    } else {
      i += 1;
    }
  }
  return found;
}
