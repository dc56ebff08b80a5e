// Rewrites a note on disk without ever losing someone else's text. The new text is written to a
// temporary file and renamed over the note (readers see the old or the new file, never half of
// one). If the note changed on disk since the caller read it (another editor, a `git pull`), the
// change is re-applied to what is there now when it touches other fields, and refused with a
// NoteConflictError when someone else changed the same field.
import * as fs from 'fs';
import * as path from 'path';
import { yamlLib } from '../libraries';
import { splitFrontMatter } from '../noteFormat/frontMatter/frontMatter';
import { YAML_LIMITS } from '../noteFormat/frontMatter/frontMatterYaml';
import { setField, type FieldPath, type FieldValue } from './noteRewriter';

export interface FieldEdit {
  path: FieldPath;
  value: FieldValue | null;
}

export class NoteConflictError extends Error {
  constructor(readonly file: string, readonly fields: string[]) {
    super(`${path.basename(file)} was changed on disk since it was read, in ${fields.join(', ')}; nothing was written.`);
    this.name = 'NoteConflictError';
  }
}

export interface NoteUpdateResult {
  text: string;
  /** True when the note had changed since `seen` and the edit was merged into the newer text. */
  merged: boolean;
}

/** Applies field edits to a note's text (pure). */
export function applyFieldEdits(text: string, edits: FieldEdit[]): string {
  return edits.reduce((next, edit) => setField(next, edit.path, edit.value), text);
}

/**
 * Applies `edits` to the note at `file`. `seen` is the text the caller based its decision on
 * (for example the version shown in the tree); without it, the current file is the base.
 */
export async function updateNoteFile(file: string, edits: FieldEdit[], seen?: string): Promise<NoteUpdateResult> {
  const current = await fs.promises.readFile(file, 'utf8');
  let merged = false;
  if (seen !== undefined && seen !== current) {
    const clashes = edits.filter((e) => valueAt(seen, e.path) !== valueAt(current, e.path)).map((e) => e.path.join('.'));
    if (clashes.length > 0) {
      throw new NoteConflictError(file, clashes);
    }
    merged = true;
  }
  const next = applyFieldEdits(current, edits);
  await writeAtomically(file, next, current);
  return { text: next, merged };
}

/** Applies a text transform (for body edits such as ticking a task item) with the same safety. */
export async function updateNoteText(file: string, transform: (current: string) => string, seen?: string): Promise<NoteUpdateResult> {
  const current = await fs.promises.readFile(file, 'utf8');
  const next = transform(current);
  await writeAtomically(file, next, current);
  return { text: next, merged: seen !== undefined && seen !== current };
}

/**
 * Writes through a temporary file in the same folder and renames it into place. Just before the
 * rename the file is read again: if it changed in the meantime, nothing is replaced.
 */
export async function writeAtomically(file: string, text: string, expected: string): Promise<void> {
  const temp = path.join(path.dirname(file), `.candor-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.tmp`);
  try {
    const stat = await fs.promises.stat(file);
    await fs.promises.writeFile(temp, text, { encoding: 'utf8', mode: stat.mode });
    if ((await fs.promises.readFile(file, 'utf8')) !== expected) {
      throw new NoteConflictError(file, ['the file']);
    }
    await fs.promises.rename(temp, file);
  } finally {
    await fs.promises.rm(temp, { force: true });
  }
}

/** A field's value as JSON, to compare two versions of a note; undefined when absent or unreadable. */
function valueAt(text: string, fieldPath: FieldPath): string | undefined {
  const split = splitFrontMatter(text);
  if (!split) {
    return undefined;
  }
  try {
    // toJS (with aliases refused) rather than the node API, so a hostile note cannot expand.
    let value: unknown = yamlLib().parseDocument(split.yaml, YAML_LIMITS).toJS(YAML_LIMITS);
    for (const key of fieldPath) {
      value = typeof value === 'object' && value !== null ? (value as Record<string | number, unknown>)[key] : undefined;
    }
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}
