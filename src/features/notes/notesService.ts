// The notes of every workspace folder, loaded on first use and kept current by a file watcher,
// including for edits made outside VS Code (a `git pull`, another editor).
import * as path from 'path';
import * as vscode from 'vscode';
import { NoteIndex, type IndexedNote } from '../../core/noteIndex';
import { findRepoRoot } from '../../core/repoRoot';
import { incidentsDir } from '../settings';

export interface FolderNotes {
  folder: vscode.WorkspaceFolder;
  index: NoteIndex;
  /** Linked paths are relative to this: the repository root, or the folder outside git. */
  root: string;
  /** Why the folder's notes cannot be read (a bad setting), if so. */
  problem?: string;
}

export interface NoteEntry {
  folder: FolderNotes;
  note: IndexedNote;
}

/** Several events for one file (create + change) arrive together; one re-read is enough. */
const SETTLE_MS = 40;
const CATCH_UP_MS = 1500;

export class NotesService implements vscode.Disposable {
  private folders: FolderNotes[] = [];
  private watchers: vscode.Disposable[] = [];
  private loading: Promise<void> | undefined;
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private catchUp: NodeJS.Timeout | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  /** Every note of every folder; the first call scans the incidents folders. */
  async all(): Promise<NoteEntry[]> {
    await this.load();
    return this.folders.flatMap((folder) => folder.index.list().map((note) => ({ folder, note })));
  }

  async folderNotes(): Promise<FolderNotes[]> {
    await this.load();
    return this.folders;
  }

  async find(file: vscode.Uri): Promise<NoteEntry | undefined> {
    await this.load();
    for (const folder of this.folders) {
      const note = folder.index.get(file.fsPath);
      if (note) {
        return { folder, note };
      }
    }
    return undefined;
  }

  /** Reads one file again now, without waiting for the watcher (after Candor itself wrote it). */
  async refreshFile(file: vscode.Uri): Promise<void> {
    await this.load();
    let changed = false;
    for (const folder of this.folders) {
      changed = (await folder.index.update(file.fsPath)) || changed;
    }
    if (changed) {
      this.changed.fire();
    }
  }

  /** Forgets everything: the next use scans again (folders or settings changed). */
  reset(): void {
    this.disposeWatchers();
    this.loading = undefined;
    this.folders = [];
    this.changed.fire();
  }

  private load(): Promise<void> {
    this.loading ??= this.scan();
    return this.loading;
  }

  private async scan(): Promise<void> {
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
    this.folders = folders.map((folder) => {
      const root = findRepoRoot(folder.uri.fsPath) ?? folder.uri.fsPath;
      try {
        return { folder, root, index: new NoteIndex(incidentsDir(folder)) };
      } catch (err) {
        return { folder, root, index: new NoteIndex(path.join(folder.uri.fsPath, 'incidents')), problem: (err as Error).message };
      }
    });
    for (const folder of this.folders.filter((f) => f.problem)) {
      void vscode.window.showWarningMessage(`Candor: ${folder.problem}`);
    }
    await Promise.all(this.folders.filter((f) => !f.problem).map((f) => f.index.scan()));
    for (const folder of this.folders.filter((f) => !f.problem)) {
      this.watch(folder);
    }
    // A watcher starts reporting a moment after it is created; catch up on what changed meanwhile.
    this.catchUp = setTimeout(() => void this.reconcile(), CATCH_UP_MS);
    // Whoever waits for notes without having asked (the overdue count, the badge) learns of them now.
    setTimeout(() => this.changed.fire(), 0);
  }

  private async reconcile(): Promise<void> {
    const results = await Promise.all(this.folders.filter((f) => !f.problem).map((f) => f.index.reconcile()));
    if (results.some(Boolean)) {
      this.changed.fire();
    }
  }

  private watch(folder: FolderNotes): void {
    // Relative to the workspace folder, which exists, rather than to the incidents folder, which
    // may not exist yet: a watcher on a missing folder would never see the first note.
    const relative = path.relative(folder.folder.uri.fsPath, folder.index.dir).split(path.sep).join('/');
    const pattern = new vscode.RelativePattern(folder.folder, `${escapeGlob(relative)}/*.md`);
    const watcher = vscode.workspace.createFileSystemWatcher(pattern);
    const onEvent = (uri: vscode.Uri) => this.schedule(folder, uri.fsPath);
    this.watchers.push(watcher, watcher.onDidCreate(onEvent), watcher.onDidChange(onEvent), watcher.onDidDelete(onEvent));
  }

  private schedule(folder: FolderNotes, file: string): void {
    clearTimeout(this.pending.get(file));
    this.pending.set(file, setTimeout(() => {
      this.pending.delete(file);
      void folder.index.update(file).then((changed) => {
        if (changed) {
          this.changed.fire();
        }
      });
    }, SETTLE_MS));
  }

  private disposeWatchers(): void {
    clearTimeout(this.catchUp);
    for (const timer of this.pending.values()) {
      clearTimeout(timer);
    }
    this.pending.clear();
    vscode.Disposable.from(...this.watchers).dispose();
    this.watchers = [];
  }

  dispose(): void {
    this.disposeWatchers();
    this.changed.dispose();
  }
}

/** Folder names may contain glob characters; bracket them so they match literally. */
function escapeGlob(text: string): string {
  return text.replace(/[[\]{}*?!]/g, (ch) => `[${ch}]`);
}
