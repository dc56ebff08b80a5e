// Where responses live and how they are read and written: `<incidentsFolder>/<note-id>/responses/*.md`.
// The note index reads only `<incidentsFolder>/*.md`, so response files are never taken for notes;
// this small reader finds them beside it without changing the index.
import * as fs from 'fs';
import * as path from 'path';
import type { NoteProblem } from '../noteFormat/noteModel';
import {
  isResponseKind,
  NOTE_ID_PATTERN,
  parseResponse,
  renderResponse,
  RESPONSE_FILE_PATTERN,
  responseFileName,
  RESPONSE_KINDS,
  RESPONSES_FOLDER,
  type Response,
  type ResponseDraft,
} from './responseFormat';

/** A response as found on disk. */
export interface StoredResponse extends Response {
  /** Absolute path of the file. */
  path: string;
  problems: NoteProblem[];
}

/** Response files larger than this are not read (a response is a few lines). */
const MAX_RESPONSE_BYTES = 256 * 1024;
const MAX_COLLISIONS = 100;

export function responsesDir(incidentsDir: string, noteId: string): string {
  if (!NOTE_ID_PATTERN.test(noteId)) {
    throw new Error(`"${noteId}" is not a note id.`);
  }
  return path.join(incidentsDir, noteId, RESPONSES_FOLDER);
}

/** A note's responses, oldest first. A folder that does not exist means no responses. */
export async function listResponses(incidentsDir: string, noteId: string): Promise<StoredResponse[]> {
  if (!NOTE_ID_PATTERN.test(noteId)) {
    return [];
  }
  const dir = responsesDir(incidentsDir, noteId);
  let names: string[];
  try {
    names = await fs.promises.readdir(dir);
  } catch {
    return [];
  }
  const files = names.filter((n) => n.toLowerCase().endsWith('.md') && !n.startsWith('.')).sort();
  const read = await Promise.all(files.map((name) => readResponse(path.join(dir, name), noteId)));
  return read.sort((a, b) => a.date.localeCompare(b.date) || byName(a.path, b.path));
}

/**
 * Every note's responses, by the note id their folder names (whether or not that note exists:
 * `candor check` reports the ones without a note).
 */
export async function listAllResponses(incidentsDir: string): Promise<Map<string, StoredResponse[]>> {
  const found = new Map<string, StoredResponse[]>();
  let entries: fs.Dirent[];
  try {
    entries = await fs.promises.readdir(incidentsDir, { withFileTypes: true });
  } catch {
    return found;
  }
  const folders = entries.filter((e) => e.isDirectory() && NOTE_ID_PATTERN.test(e.name)).map((e) => e.name).sort();
  for (const id of folders) {
    const responses = await listResponses(incidentsDir, id);
    if (responses.length > 0) {
      found.set(id, responses);
    }
  }
  return found;
}

// `…-grace.md` before `…-grace-2.md`, as they were written.
function byName(a: string, b: string): number {
  const key = (p: string) => /^(.*?)(?:-(\d+))?\.md$/i.exec(path.basename(p)) ?? [p, p, '1'];
  const [ka, kb] = [key(a), key(b)];
  return ka[1].localeCompare(kb[1]) || Number(ka[2] ?? 1) - Number(kb[2] ?? 1);
}

async function readResponse(file: string, noteId: string): Promise<StoredResponse> {
  const problems: NoteProblem[] = [];
  if (!RESPONSE_FILE_PATTERN.test(path.basename(file))) {
    problems.push({ level: 'warning', message: 'A response file is named <YYYY-MM-DD>T<HHMMSS>Z-<author>.md.' });
  }
  try {
    const stat = await fs.promises.lstat(file);
    if (!stat.isFile()) {
      return unreadable(file, noteId, 'A response must be a plain file (not a link or folder): not read.');
    }
    if (stat.size > MAX_RESPONSE_BYTES) {
      return unreadable(file, noteId, `The file is ${Math.round(stat.size / 1024)} KiB; responses over ${MAX_RESPONSE_BYTES / 1024} KiB are not read.`);
    }
    const parsed = parseResponse(await fs.promises.readFile(file, 'utf8'), noteId);
    return { ...parsed.response, path: file, problems: [...problems, ...parsed.problems] };
  } catch (err) {
    return unreadable(file, noteId, `Cannot read the response: ${(err as Error).message}`);
  }
}

function unreadable(file: string, noteId: string, message: string): StoredResponse {
  return { note: noteId, kind: 'learning', date: '', text: '', path: file, problems: [{ level: 'error', message }] };
}

/** Why a draft cannot be written, or undefined when it can. */
export function draftProblem(draft: { kind?: unknown; text?: unknown }): string | undefined {
  if (!isResponseKind(draft.kind)) {
    return `The kind of a response is one of ${RESPONSE_KINDS.join(', ')}${draft.kind === undefined ? '' : `, not "${String(draft.kind)}"`}.`;
  }
  if (typeof draft.text !== 'string' || draft.text.trim() === '') {
    return 'A response needs some text.';
  }
  if (draft.text.length > MAX_RESPONSE_BYTES / 4) {
    return `A response is a few lines; this one is ${draft.text.length} characters.`;
  }
  return undefined;
}

/**
 * Writes a new response file, exclusively: an existing file is never overwritten (the same
 * person responding twice in one second gets -2). Returns its absolute path.
 */
export async function writeResponse(incidentsDir: string, noteId: string, draft: ResponseDraft): Promise<string> {
  const problem = draftProblem(draft);
  if (problem) {
    throw new Error(problem);
  }
  const dir = responsesDir(incidentsDir, noteId);
  await fs.promises.mkdir(dir, { recursive: true });
  const text = renderResponse(noteId, draft);
  for (let n = 1; n <= MAX_COLLISIONS; n++) {
    const target = path.join(dir, responseFileName(draft, n));
    try {
      await fs.promises.writeFile(target, text, { encoding: 'utf8', flag: 'wx' });
      return target;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw err;
      }
    }
  }
  throw new Error('Too many responses with the same time and author.');
}

/**
 * How many response files a note has, read synchronously for a tree item's description: one
 * directory listing, and a folder that does not exist (most notes) costs one failed lookup.
 */
export function countResponsesSync(incidentsDir: string, noteId: string): number {
  if (!NOTE_ID_PATTERN.test(noteId)) {
    return 0;
  }
  try {
    return fs.readdirSync(path.join(incidentsDir, noteId, RESPONSES_FOLDER)).filter((n) => n.toLowerCase().endsWith('.md') && !n.startsWith('.')).length;
  } catch {
    return 0;
  }
}
