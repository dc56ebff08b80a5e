// The re-anchoring API: where a note's linked lines are now, and how sure we are.
import type { GitRunner } from '../git/gitRunner';

export type AnchorStatus = 'exact' | 'moved' | 'edited' | 'orphaned';

export interface AnchorLocation {
  /**
   * exact: same path and lines, text unchanged (whitespace aside); moved: found at other lines or
   * another path, text the same modulo whitespace; edited: found, text changed slightly;
   * orphaned: not found.
   */
  status: AnchorStatus;
  /** Current repo-relative path (follows renames); the recorded path when orphaned. */
  path: string;
  /** Current 1-based inclusive range; absent when orphaned or for whole-file links. */
  lines?: [number, number];
  /** A sentence for a person; always set for orphaned and edited. */
  reason?: string;
}

export interface LocateOptions {
  /** Absent or untrusted: text-only search (no git process). */
  git?: GitRunner;
  repoRoot: string;
  /** Current text of files by repo-relative path, e.g. unsaved editor buffers; otherwise read from disk. */
  currentText?: (path: string) => string | undefined;
  /** Files come only from `currentText` (a path it has no text for is missing), never from disk: placing links in another revision, as `candor review` does at its base. */
  onlyGivenText?: boolean;
  /** Aborted when a person cancels: git processes are killed and locateLinks rejects. */
  signal?: AbortSignal;
}
