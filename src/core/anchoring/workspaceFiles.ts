// The linked files as they are now: an editor's unsaved text when there is one, otherwise the
// file on disk, read only through `resolveInside` so a hostile note cannot make us read outside
// the repository. Each path is looked at once per call.
import * as fs from 'fs';
import { resolveInside } from '../repository/repoPaths';
import { FileText } from './fileText';

/** Files larger than this are not searched for their anchors (git's mapping is used alone). */
export const SEARCH_LIMIT_BYTES = 5 * 1024 * 1024;
/** Files larger than this are not read at all. */
const READ_LIMIT_BYTES = 32 * 1024 * 1024;

export type FileState =
  | { state: 'file' }
  | { state: 'missing' }
  | { state: 'problem'; reason: string };

export type CurrentText = { file: FileText; bytes: number } | { problem: string };

interface Entry {
  state: FileState;
  abs?: string;
  size?: number;
  buffer?: string;
  text?: CurrentText;
}

export class WorkspaceFiles {
  private readonly entries = new Map<string, Entry>();
  private readonly rootReadable: boolean;

  constructor(private readonly root: string, private readonly currentText?: (path: string) => string | undefined, private readonly onlyGivenText = false) {
    this.rootReadable = isDirectory(root);
  }

  /** Whether `path` (repo-relative, already checked by `unsafePathReason`) is a file now. */
  state(path: string): FileState {
    return this.entry(path).state;
  }

  text(path: string): CurrentText {
    const entry = this.entry(path);
    entry.text ??= this.load(path, entry);
    return entry.text;
  }

  private entry(path: string): Entry {
    let entry = this.entries.get(path);
    if (!entry) {
      entry = this.look(path);
      this.entries.set(path, entry);
    }
    return entry;
  }

  private look(path: string): Entry {
    const buffer = this.buffer(path);
    if (buffer !== undefined) {
      return { state: { state: 'file' }, buffer };
    }
    if (this.onlyGivenText) {
      return { state: { state: 'missing' } };
    }
    if (!this.rootReadable) {
      return { state: { state: 'problem', reason: `The repository folder cannot be read, so ${path} cannot be checked` } };
    }
    const abs = resolveInside(this.root, path);
    if (!abs) {
      return { state: { state: 'problem', reason: `${path} leads outside the repository` } };
    }
    let stat: fs.Stats;
    try {
      stat = fs.statSync(abs);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      return code === 'ENOENT' || code === 'ENOTDIR'
        ? { state: { state: 'missing' } }
        : { state: { state: 'problem', reason: `${path} cannot be read (${code ?? 'error'})` } };
    }
    if (!stat.isFile()) {
      return { state: { state: 'problem', reason: `${path} is not a file` } };
    }
    return { state: { state: 'file' }, abs, size: stat.size };
  }

  private buffer(path: string): string | undefined {
    try {
      const text = this.currentText?.(path);
      return typeof text === 'string' ? text : undefined;
    } catch {
      return undefined;
    }
  }

  private load(path: string, entry: Entry): CurrentText {
    if (entry.state.state === 'problem') {
      return { problem: entry.state.reason };
    }
    if (entry.state.state === 'missing') {
      return { problem: `${path} no longer exists` };
    }
    let text = entry.buffer;
    const bytes = text !== undefined ? Buffer.byteLength(text) : entry.size ?? 0;
    if (bytes > READ_LIMIT_BYTES) {
      return { problem: `${path} is too large to follow its lines (${megabytes(bytes)} MB)` };
    }
    if (text === undefined) {
      try {
        text = fs.readFileSync(entry.abs!, 'utf8');
      } catch (err) {
        return { problem: `${path} cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})` };
      }
    }
    if (text.includes('\u0000')) {
      return { problem: `${path} is not a text file` };
    }
    return { file: new FileText(text), bytes };
  }
}

export function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1);
}

function isDirectory(dir: string): boolean {
  try {
    return typeof dir === 'string' && fs.statSync(dir).isDirectory();
  } catch {
    return false;
  }
}
