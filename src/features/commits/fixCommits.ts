// Commits that name a note in an `Incident: <id>` trailer, per repository. The search is one
// bounded `git log --grep`, cached until HEAD moves (the reflog's mtime tells, without git).
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { GitRunner } from '../../core/git/gitRunner';
import { findIncidentTrailers, type TrailerCommit } from '../../core/git/trailers';

const FALLBACK_TTL_MS = 60_000;

interface CacheEntry {
  stamp: string;
  result: Promise<Map<string, TrailerCommit[]>>;
}

export class FixCommits {
  private readonly cache = new Map<string, CacheEntry>();

  constructor(private readonly git: GitRunner) {}

  /** The trailer commits for a note id; empty in an untrusted workspace (no git there). */
  async forNote(root: string, id: string): Promise<TrailerCommit[]> {
    if (!vscode.workspace.isTrusted) {
      return [];
    }
    const stamp = headStamp(root);
    let entry = this.cache.get(root);
    if (!entry || entry.stamp !== stamp) {
      entry = { stamp, result: findIncidentTrailers(this.git, root).catch(() => new Map()) };
      this.cache.set(root, entry);
    }
    return (await entry.result).get(id) ?? [];
  }

  clear(): void {
    this.cache.clear();
  }
}

/** Changes whenever a commit is made or HEAD moves; a time bucket where there is no reflog. */
function headStamp(root: string): string {
  try {
    const stat = fs.statSync(path.join(root, '.git', 'logs', 'HEAD'));
    return `${stat.mtimeMs}:${stat.size}`;
  } catch {
    return `t${Math.floor(Date.now() / FALLBACK_TTL_MS)}`;
  }
}
