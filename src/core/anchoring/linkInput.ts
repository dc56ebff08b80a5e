// A link as read from a note, checked before anything is done with it. Notes can come from a
// hostile repository: any field may be missing, of the wrong type or crafted.
import * as path from 'path';
import type { LinkedFile } from '../noteFormat/noteModel';
import { unsafePathReason } from '../repository/repoPaths';
import { parseAnchor, type ParsedAnchor } from './anchorParts';
import { validCommit } from './gitHistory';

/** Line numbers beyond this are not a real file's. */
const MAX_LINE = 100_000_000;

export interface LinkInput {
  /** The path as recorded, returned for orphaned links. */
  recordedPath: string;
  /** Why the link cannot be located at all. */
  problem?: string;
  /** Normalised repo-relative path with forward slashes. */
  path: string;
  lines?: [number, number];
  /** Lower-case hex, safe to give git. */
  commit?: string;
  anchor?: ParsedAnchor;
  /** The lines were recorded from text that differed from `commit`. */
  uncommitted: boolean;
}

export function readLink(link: LinkedFile | undefined): LinkInput {
  const raw: Partial<Record<keyof LinkedFile, unknown>> = typeof link === 'object' && link !== null ? link : {};
  const recordedPath = typeof raw.path === 'string' ? raw.path : '';
  const input: LinkInput = { recordedPath, path: '', uncommitted: raw.uncommitted !== undefined };
  const checked = checkPath(raw.path);
  if ('problem' in checked) {
    return { ...input, problem: checked.problem };
  }
  input.path = checked.path;
  if (raw.lines !== undefined) {
    const lines = raw.lines;
    if (!Array.isArray(lines) || lines.length !== 2 || !lines.every((n) => Number.isSafeInteger(n) && n >= 1 && n <= MAX_LINE) || lines[0] > lines[1]) {
      return { ...input, problem: `The linked lines of ${input.path} are not a valid range` };
    }
    input.lines = [lines[0], lines[1]];
  }
  input.commit = validCommit(raw.commit);
  input.anchor = parseAnchor(raw.anchor);
  return input;
}

/** A relative path inside the repository, or why not. */
export function checkPath(raw: unknown): { path: string } | { problem: string } {
  if (typeof raw !== 'string' || raw.trim() === '') {
    return { problem: 'The link has no file path' };
  }
  const unsafe = unsafePathReason(raw);
  if (unsafe) {
    return { problem: `The linked path ${quote(raw)} ${unsafe}` };
  }
  const normal = path.posix.normalize(raw.replace(/\\/g, '/')).replace(/^(\.\/)+/, '').replace(/\/+$/, '');
  if (normal === '' || normal === '.') {
    return { problem: `The linked path ${quote(raw)} is not a file` };
  }
  return { path: normal };
}

/** A path for a message: quoted, control characters escaped, not too long. */
export function quote(value: string): string {
  const shown = value.length > 120 ? `${value.slice(0, 117)}…` : value;
  return JSON.stringify(shown);
}
