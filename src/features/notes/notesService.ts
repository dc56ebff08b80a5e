// The notes of every workspace folder, loaded on first use and kept current by a file watcher,
// including for edits made outside VS Code (a `git pull`, another editor).
import * as path from 'path';
import * as vscode from 'vscode';
import { openIndexCache } from '../../core/noteIndex/indexCache';
import { NoteIndex } from '../../core/noteIndex/noteIndex';
import type { IndexedNote } from '../../core/noteIndex/noteFileRead';
import { findRepoRoot } from '../../core/repository/repoRoot';
import { runLongWork } from '../longWork';
import { incidentsDir } from '../settings';

export interface FolderNotes {
  folder: vscode.WorkspaceFolder;
  index: NoteIndex;
  /** Linked paths are relative to this: the repository root, or the folder outside git. */
  root: string;
  /** Why the folder's notes cannot be read (a bad setting), if so. */
  problem?: string;
}

/** Which note files changed (absolute paths); their new versions, if any, are in the index. */
export interface NotesChange {
  files: string[];
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
  /** Bumped by reset: a scan from before it stops reading. */
  private generation = 0;
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private catchUp: NodeJS.Timeout | undefined;
  private stoppedAt: { read: number; total: number } | undefined;
  private readonly changed = new vscode.EventEmitter<NotesChange | undefined>();
  /** Fires with the changed files when only they changed, with undefined when anything may have. */
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
    return this.loadedEntry(file.fsPath);
  }

  /** Whether a document is (or would be) a note: a Markdown file directly in an incidents folder. */
  async isNoteDocument(doc: vscode.TextDocument): Promise<boolean> {
    if (doc.uri.scheme !== 'file' || doc.languageId !== 'markdown') {
      return false;
    }
    await this.load();
    const dir = path.dirname(path.resolve(doc.uri.fsPath));
    return this.folders.some((f) => path.resolve(f.index.dir) === dir);
  }

  /** Reads one file again now, without waiting for the watcher (after Candor itself wrote it). */
  async refreshFile(file: vscode.Uri): Promise<void> {
    await this.load();
    let changed = false;
    for (const folder of this.folders) {
      changed = (await folder.index.update(file.fsPath)) || changed;
    }
    if (changed) {
      this.changed.fire({ files: [path.resolve(file.fsPath)] });
    }
  }

  /** The entry of a note file, when the notes are loaded (no scan, no await: for change handlers). */
  loadedEntry(file: string): NoteEntry | undefined {
    for (const folder of this.folders) {
      const note = folder.index.get(file);
      if (note) {
        return { folder, note };
      }
    }
    return undefined;
  }

  /**
   * Set when the person cancelled the first reading of the notes: how many were read of how many.
   * The views show those; Refresh reads them all.
   */
  get stopped(): { read: number; total: number } | undefined {
    return this.stoppedAt;
  }

  private async offerFullRead(stopped: { read: number; total: number }): Promise<void> {
    const readAll = vscode.l10n.t('Read All');
    const choice = await vscode.window.showInformationMessage(
      vscode.l10n.t('Candor stopped reading notes: {0} of {1} are shown.', stopped.read, stopped.total), readAll);
    if (choice === readAll && this.stoppedAt === stopped) {
      this.reset();
    }
  }

  /** Forgets everything: the next use scans again (folders or settings changed). */
  reset(): void {
    this.stoppedAt = undefined;
    this.generation++;
    this.disposeWatchers();
    this.loading = undefined;
    this.folders = [];
    this.changed.fire(undefined);
  }

  private load(): Promise<void> {
    this.loading ??= this.scan();
    return this.loading;
  }

  private async scan(): Promise<void> {
    const generation = this.generation;
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
    // Writing the cache is writing: only in a trusted workspace, checked at each write.
    const writable = () => vscode.workspace.isTrusted;
    this.folders = folders.map((folder) => {
      const root = findRepoRoot(folder.uri.fsPath) ?? folder.uri.fsPath;
      try {
        const dir = incidentsDir(folder);
        return { folder, root, index: new NoteIndex(dir, { cache: openIndexCache(root, dir, { writable }) }) };
      } catch (err) {
        return { folder, root, index: new NoteIndex(path.join(folder.uri.fsPath, 'incidents')), problem: (err as Error).message };
      }
    });
    for (const folder of this.folders.filter((f) => f.problem)) {
      void vscode.window.showWarningMessage(`Candor: ${folder.problem}`);
    }
    const readable = this.folders.filter((f) => !f.problem);
    const counts = readable.map(() => ({ done: 0, total: 0 }));
    const scanned = await runLongWork(vscode.l10n.t('Candor: reading notes'), (progress) => Promise.all(readable.map((f, i) => f.index.scan({
      isCancelled: () => generation !== this.generation || progress.signal.aborted,
      onProgress: (done, total) => {
        counts[i] = { done, total };
        progress.report(counts.reduce((n, c) => n + c.done, 0), counts.reduce((n, c) => n + c.total, 0));
      },
    }))));
    if (generation !== this.generation) {
      // Reset while scanning: the next use scans again with the new folders or settings.
      return;
    }
    for (const folder of readable) {
      this.watch(folder);
    }
    const read = readable.reduce((n, f) => n + f.index.list().length, 0);
    const total = counts.reduce((n, c) => n + c.total, 0);
    if (scanned.cancelled && read < total) {
      // The person stopped it: keep what was read and say so; no catch-up, which would read the rest.
      this.stoppedAt = { read, total };
      void this.offerFullRead(this.stoppedAt);
    } else {
      // A watcher starts reporting a moment after it is created; catch up on what changed meanwhile.
      this.catchUp = setTimeout(() => void this.reconcile(), CATCH_UP_MS);
    }
    // Whoever waits for notes without having asked (the overdue count, the badge) learns of them now.
    setTimeout(() => this.changed.fire(undefined), 0);
  }

  private async reconcile(): Promise<void> {
    const results = await Promise.all(this.folders.filter((f) => !f.problem).map((f) => f.index.reconcile()));
    if (results.some(Boolean)) {
      this.changed.fire(undefined);
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
          this.changed.fire({ files: [path.resolve(file)] });
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
