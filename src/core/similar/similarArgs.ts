// What Find Similar may be asked about a draft, checked before anything is searched: the
// programmatic `{ text?, files?: [{ path, startLine?, endLine? }] }` and the CLI's
// `--file path:12-18`. Messages say what to fix; nothing is guessed from a bad value.
import { unsafePathReason } from '../repository/repoPaths';
import type { QueryFile } from './similarNotes';

export interface DraftQuery {
  text?: string;
  files?: QueryFile[];
}

const DRAFT_KEYS = new Set(['text', 'files']);
const MAX_TEXT = 100_000;
const MAX_FILES = 100;

/** The draft a script passed, or an Error saying what is wrong with it. */
export function readDraftQuery(value: unknown): DraftQuery {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error('Find Similar needs a note\'s Uri or { text?, files?: [{ path, startLine?, endLine? }] }.');
  }
  const unknown = Object.keys(value).filter((key) => !DRAFT_KEYS.has(key));
  if (unknown.length > 0) {
    throw new Error(`Find Similar does not know ${unknown.map((k) => `"${k}"`).join(', ')}: pass { text?, files? }.`);
  }
  const { text, files } = value as { text?: unknown; files?: unknown };
  if (text !== undefined && (typeof text !== 'string' || text.length > MAX_TEXT)) {
    throw new Error(`text must be text of at most ${MAX_TEXT} characters.`);
  }
  if (files !== undefined && (!Array.isArray(files) || files.length > MAX_FILES)) {
    throw new Error(`files must be a list of at most ${MAX_FILES} { path, startLine?, endLine? }.`);
  }
  const draft: DraftQuery = { text: text as string | undefined, files: (files as unknown[] | undefined)?.map(checkQueryFile) };
  if ((draft.text ?? '').trim() === '' && (draft.files ?? []).length === 0) {
    throw new Error('Give some text or at least one file to compare with.');
  }
  return draft;
}

/** One `{ path, startLine?, endLine? }`, checked: a safe relative path, line numbers in order. */
export function checkQueryFile(item: unknown): QueryFile {
  const { path, startLine, endLine } = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
  if (typeof path !== 'string' || path.trim() === '') {
    throw new Error('Each file needs a path relative to the repository.');
  }
  const unsafe = unsafePathReason(path);
  if (unsafe) {
    throw new Error(`The path "${path.slice(0, 200)}" ${unsafe}.`);
  }
  for (const [key, n] of [['startLine', startLine], ['endLine', endLine]] as const) {
    if (n !== undefined && (typeof n !== 'number' || !Number.isInteger(n) || n < 1)) {
      throw new Error(`${key} of ${path} must be a line number from 1.`);
    }
  }
  if (endLine !== undefined && startLine === undefined) {
    throw new Error(`endLine of ${path} needs a startLine.`);
  }
  if (typeof startLine === 'number' && typeof endLine === 'number' && endLine < startLine) {
    throw new Error(`endLine of ${path} is before its startLine.`);
  }
  return { path, startLine: startLine as number | undefined, endLine: endLine as number | undefined };
}

/** `lib/x.js`, `lib/x.js:12` or `lib/x.js:12-18`, as `--file` takes it, split (not yet checked). */
export function splitFileSpec(spec: string): QueryFile {
  const match = /^(.+?):(\d+)(?:-(\d+))?$/.exec(spec);
  return match
    ? { path: match[1], startLine: Number(match[2]), endLine: match[3] === undefined ? undefined : Number(match[3]) }
    : { path: spec };
}
