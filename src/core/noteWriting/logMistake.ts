// Log Mistake, without an editor: validate, capture the context, write the note. The VS Code
// command and the CLI both call this, so both write the same note.
import * as path from 'path';
import { captureContext, type CapturedContext, type FileToLink } from '../git/captureContext';
import type { GitRunner } from '../git/gitRunner';
import { SEVERITIES, type Severity } from '../noteFormat/noteModel';
import { noteIdProblem } from '../similar/relatedNotes';
import { createNoteFile, type CreatedNote } from './newNoteFile';

export interface LogMistakeInput {
  title: string;
  severity: Severity;
  tryingTo?: string;
  action?: string;
  outcome?: string;
  occurred?: Date;
  /** The workspace folder: where git is asked and relative paths start. */
  folder: string;
  /** Absolute folder the note is written into. */
  incidentsDir: string;
  files: FileToLink[];
  commits: string[];
  /** Checked with validateTag; kept in the order given, without repeats. */
  tags?: string[];
  /** Ids of earlier notes about the same mistake; each checked with noteIdProblem. */
  related?: string[];
}

export interface LogMistakeResult {
  note: CreatedNote;
  context: CapturedContext;
}

export const MAX_TITLE_LENGTH = 200;

/** Why a tag cannot be recorded, or undefined: one word (letters, digits, `-`, `_`, `/`, `.`). */
export function validateTag(tag: unknown): string | undefined {
  if (typeof tag !== 'string' || !/^[\p{L}\p{N}][\p{L}\p{N}_./-]{0,49}$/u.test(tag)) {
    return `The tag "${String(tag).slice(0, 60)}" must be one word of letters, digits, -, _, / or . (at most 50 characters).`;
  }
  return undefined;
}

/** Why a title cannot be used, or undefined when it can. */
export function validateTitle(title: unknown): string | undefined {
  if (typeof title !== 'string' || title.trim() === '') {
    return 'A title is required: say in a few words what went wrong.';
  }
  if (/[\r\n]/.test(title)) {
    return 'The title must fit on one line.';
  }
  if (title.length > MAX_TITLE_LENGTH) {
    return `The title is ${title.length} characters long; shorten it to at most ${MAX_TITLE_LENGTH}.`;
  }
  return undefined;
}

export function isSeverity(value: unknown): value is Severity {
  return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value);
}

/**
 * The incidents folder for a workspace folder. The setting may come from the repository's own
 * `.vscode/settings.json`, so it must stay inside the folder.
 */
export function resolveIncidentsDir(folder: string, setting: string | undefined): string {
  const relative = (setting ?? '').trim() || 'incidents';
  const resolved = path.resolve(folder, relative);
  const rel = path.relative(folder, resolved);
  if (path.isAbsolute(relative) || rel.startsWith('..') || path.isAbsolute(rel)) {
    throw new Error(`candor.incidentsFolder "${relative}" must be a folder inside the workspace folder.`);
  }
  return resolved;
}

export async function logMistake(git: GitRunner, input: LogMistakeInput, now = new Date()): Promise<LogMistakeResult> {
  const problem = validateTitle(input.title);
  if (problem) {
    throw new Error(problem);
  }
  if (!isSeverity(input.severity)) {
    throw new Error(`Unknown severity "${String(input.severity)}"; expected one of ${SEVERITIES.join(', ')}.`);
  }
  const badTag = (input.tags ?? []).map(validateTag).find(Boolean);
  if (badTag) {
    throw new Error(badTag);
  }
  const badRelated = (input.related ?? []).find((id) => noteIdProblem(id));
  if (badRelated !== undefined) {
    throw new Error(`related: ${noteIdProblem(badRelated)}.`);
  }
  const context = await captureContext(git, { cwd: input.folder, files: input.files, commits: input.commits });
  const note = await createNoteFile(input.incidentsDir, {
    title: input.title,
    severity: input.severity,
    author: context.author,
    occurred: input.occurred ?? now,
    logged: now,
    branch: context.branch,
    head: context.head,
    commits: context.commits,
    files: context.files,
    tags: [...new Set(input.tags ?? [])],
    related: [...new Set(input.related ?? [])],
    sections: { tryingTo: input.tryingTo, action: input.action, outcome: input.outcome },
  });
  return { note, context };
}
