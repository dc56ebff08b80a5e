// Review Changes: the learnings the working tree's change touches (against the branch's base),
// as a group at the top of the Learnings view and a status bar item while there are any. Called
// by a script or another extension with `{ base?: string }`, it returns the same object as
// `candor review --format json` and shows nothing. Once run from the palette or the Source Control
// title bar, it runs again (quietly, debounced) when a file of that folder is saved, so the group
// and the status bar count follow the change while it touches learnings.
import * as path from 'path';
import * as vscode from 'vscode';
import type { GitRunner } from '../../core/git/gitRunner';
import { reviewChanges, type ReviewReport } from '../../core/review/reviewChanges';
import { ReviewError } from '../../core/review/reviewRevisions';
import { TOUCHED_KEY } from '../learnings/learningsNodes';
import type { LearningsTreeProvider } from '../learnings/learningsTree';
import type { NoteGroup } from '../../core/listing/noteGrouping';
import type { FolderNotes, NoteEntry, NotesService } from '../notes/notesService';
import { explainUntrusted, UntrustedWorkspaceError } from '../workspaceTrust';

const REFRESH_DELAY_MS = 800;

export class ReviewChangesCommand implements vscode.Disposable {
  private readonly status = vscode.window.createStatusBarItem('candor.reviewChanges', vscode.StatusBarAlignment.Left, 50);
  /** The folder a person reviewed from the UI: saves in it refresh the review. */
  private live: FolderNotes | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly saved: vscode.Disposable;
  /** The group this command last put in the tree: when someone else replaced it, saves stop reviewing. */
  private shownGroup: NoteGroup<NoteEntry> | undefined;

  constructor(private readonly notes: NotesService, private readonly git: GitRunner, private readonly tree: LearningsTreeProvider) {
    this.status.name = vscode.l10n.t('Candor: learnings touched by your changes');
    this.status.command = { command: 'candor.learnings.focus', title: vscode.l10n.t('Show Learnings') };
    this.saved = vscode.workspace.onDidSaveTextDocument((doc) => this.onSave(doc.uri));
  }

  private onSave(uri: vscode.Uri): void {
    const live = this.live;
    if (!live || uri.scheme !== 'file' || path.relative(live.root, uri.fsPath).startsWith('..')) {
      return;
    }
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(live), REFRESH_DELAY_MS);
  }

  /** The same review again, with no message and no focus: the group and the count follow the change. */
  private async refresh(folder: FolderNotes): Promise<void> {
    if (!vscode.workspace.isTrusted || this.live !== folder) {
      return;
    }
    if (this.tree.touchedGroup !== this.shownGroup) {
      this.live = undefined;
      return;
    }
    try {
      const { report } = await reviewChanges(folder.index.list(), this.git, folder.root, {});
      if (this.live === folder) {
        this.show(report, (await this.notes.all()).filter((e) => e.folder === folder), true);
      }
    } catch {
      // A refresh that cannot run (a rebase in progress, git gone) leaves the last review shown.
    }
  }

  /** `arg` is `{ base?: string }` from a script, a SourceControl from the Source Control title bar, or nothing from the palette. */
  async run(arg?: unknown): Promise<ReviewReport | undefined> {
    const programmatic = isProgrammatic(arg);
    if (!vscode.workspace.isTrusted) {
      if (programmatic) {
        throw new UntrustedWorkspaceError(vscode.l10n.t('run git to review changes'));
      }
      await explainUntrusted(new UntrustedWorkspaceError(vscode.l10n.t('run git to review changes')));
      return undefined;
    }
    const base = programmatic && typeof (arg as { base?: unknown }).base === 'string' ? (arg as { base: string }).base : undefined;
    const folders = await this.notes.folderNotes();
    const folder = folderFor(arg, folders) ?? folders[0];
    if (!folder) {
      if (programmatic) {
        throw new Error('No workspace folder to review.');
      }
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a folder to review its changes.'));
      return undefined;
    }
    if (programmatic) {
      return (await reviewChanges(folder.index.list(), this.git, folder.root, { base })).report;
    }
    try {
      const { report } = await vscode.window.withProgress({ location: vscode.ProgressLocation.SourceControl }, () => reviewChanges(folder.index.list(), this.git, folder.root, {}));
      this.live = folder;
      this.show(report, (await this.notes.all()).filter((e) => e.folder === folder));
      return report;
    } catch (err) {
      if (err instanceof ReviewError) {
        void vscode.window.showWarningMessage(err.hint ? `${err.message} ${err.hint}` : err.message);
        return undefined;
      }
      throw err;
    }
  }

  private show(report: ReviewReport, entries: NoteEntry[], quiet = false): void {
    const root = entries[0]?.folder.root;
    const touchedNotes = new Set(report.touched.map((t) => t.note));
    const items = entries.filter((e) => root !== undefined && touchedNotes.has(relative(root, e.note.path)));
    if (items.length === 0) {
      this.status.hide();
      if (quiet) {
        // The change no longer touches anything: the group goes rather than standing empty.
        this.setGroup(undefined);
        return;
      }
      this.setGroup({ key: TOUCHED_KEY, label: vscode.l10n.t('Touched by your changes'), items });
      void vscode.window.showInformationMessage(vscode.l10n.t('Your changes touch no code linked to a learning.'));
      return;
    }
    this.setGroup({ key: TOUCHED_KEY, label: vscode.l10n.t('Touched by your changes'), items });
    this.status.text = `$(git-compare) ${items.length === 1 ? vscode.l10n.t('1 learning touched') : vscode.l10n.t('{0} learnings touched', items.length)}`;
    this.status.tooltip = vscode.l10n.t('Your changes touch code linked to past mistakes: see Touched by your changes in the Learnings view.');
    this.status.show();
    if (!quiet) {
      void vscode.commands.executeCommand('candor.learnings.focus');
    }
  }

  private setGroup(group: NoteGroup<NoteEntry> | undefined): void {
    this.shownGroup = group;
    this.tree.setTouched(group);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.saved.dispose();
    this.status.dispose();
  }
}

/** A plain object from a script (`{}` or `{ base }`), not the SourceControl the title bar passes. */
function isProgrammatic(arg: unknown): boolean {
  return typeof arg === 'object' && arg !== null && !('rootUri' in arg) && Object.keys(arg).every((k) => k === 'base');
}

function folderFor<T extends { root: string }>(arg: unknown, folders: T[]): T | undefined {
  const rootUri = typeof arg === 'object' && arg !== null && 'rootUri' in arg ? (arg as { rootUri?: vscode.Uri }).rootUri : undefined;
  return rootUri ? folders.find((f) => f.root === rootUri.fsPath) : undefined;
}

function relative(root: string, abs: string): string {
  return path.relative(root, abs).split(path.sep).join('/');
}
