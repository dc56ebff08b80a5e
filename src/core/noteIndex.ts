// The notes of one incidents folder, kept in memory. A full scan happens once; after that a
// changed file is re-read on its own, so the cost of a change does not grow with the folder.
import * as fs from 'fs';
import * as path from 'path';
import { type ParsedNote } from './noteModel';
import { parseNote } from './noteParser';

export interface IndexedNote extends ParsedNote {
  /** Absolute path of the note file. */
  path: string;
  size: number;
  mtimeMs: number;
}

/** Notes above this size are listed as too large and never parsed. */
export const MAX_NOTE_BYTES = 1024 * 1024;
const READ_CONCURRENCY = 32;

export function isNoteFileName(name: string): boolean {
  return name.toLowerCase().endsWith('.md') && name.toLowerCase() !== 'readme.md' && !name.startsWith('.');
}

export class NoteIndex {
  private readonly entries = new Map<string, IndexedNote>();

  constructor(readonly dir: string) {}

  list(): IndexedNote[] {
    return [...this.entries.values()];
  }

  get(file: string): IndexedNote | undefined {
    return this.entries.get(path.resolve(file));
  }

  /** Reads every note in the folder. */
  async scan(): Promise<void> {
    const names = await this.noteNames();
    this.entries.clear();
    let next = 0;
    const worker = async () => {
      while (next < names.length) {
        const file = path.join(this.dir, names[next++]);
        const note = await readIndexedNote(file);
        if (note) {
          this.entries.set(file, note);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, names.length) }, worker));
  }

  /** Re-reads one file after a change on disk; returns whether the index changed. */
  async update(file: string): Promise<boolean> {
    const abs = path.resolve(file);
    if (path.dirname(abs) !== path.resolve(this.dir) || !isNoteFileName(path.basename(abs))) {
      return false;
    }
    const note = await readIndexedNote(abs);
    if (!note) {
      return this.entries.delete(abs);
    }
    const old = this.entries.get(abs);
    this.entries.set(abs, note);
    return !old || old.mtimeMs !== note.mtimeMs || old.size !== note.size;
  }

  /**
   * Brings the index in line with the folder by stat alone, re-reading only files whose size or
   * modification time changed: for changes no watcher reported (one set up late, a missed event).
   */
  async reconcile(): Promise<boolean> {
    const names = await this.noteNames();
    const present = new Set(names.map((n) => path.join(this.dir, n)));
    let changed = false;
    for (const file of [...this.entries.keys()].filter((f) => !present.has(f))) {
      changed = this.entries.delete(file) || changed;
    }
    for (const file of present) {
      const old = this.entries.get(file);
      const stat = await fs.promises.stat(file).catch(() => undefined);
      if (!old || !stat || stat.mtimeMs !== old.mtimeMs || stat.size !== old.size) {
        changed = (await this.update(file)) || changed;
      }
    }
    return changed;
  }

  /** The note files in the folder; a missing folder simply has none. */
  private async noteNames(): Promise<string[]> {
    try {
      return (await fs.promises.readdir(this.dir)).filter(isNoteFileName);
    } catch {
      return [];
    }
  }

  remove(file: string): boolean {
    return this.entries.delete(path.resolve(file));
  }
}

/** Reads and parses one note; undefined when it is gone or is not a file. Never throws. */
export async function readIndexedNote(file: string): Promise<IndexedNote | undefined> {
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(file);
  } catch {
    return undefined;
  }
  if (!stat.isFile()) {
    return undefined;
  }
  const base = { path: file, size: stat.size, mtimeMs: stat.mtimeMs };
  const fileName = path.basename(file);
  if (stat.size > MAX_NOTE_BYTES) {
    const parsed = parseNote('', fileName);
    return {
      ...base,
      note: parsed.note,
      bodyLine: 0,
      problems: [{ level: 'error', message: `The note is ${(stat.size / 1048576).toFixed(1)} MiB; notes over 1 MiB are not read.` }],
    };
  }
  let text: string;
  try {
    text = await fs.promises.readFile(file, 'utf8');
  } catch (err) {
    const parsed = parseNote('', fileName);
    return { ...base, note: parsed.note, bodyLine: 0, problems: [{ level: 'error', message: `The note could not be read: ${(err as Error).message}` }] };
  }
  return { ...base, ...parseNote(text, fileName) };
}
