// Keeps responses current and tells the note's author about new ones. A file watcher on
// `<incidentsFolder>/*/responses/*.md` per workspace folder (responses that arrive by git pull or
// from another window; the notes' own watcher sees only `<incidentsFolder>/*.md`, so no event is
// handled twice), the view's badge, "seen" when the author expands or selects the note, and at
// most once a day a message (setting `candor.responses.notify`).
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { localDay } from '../../core/noteFormat/followUps';
import type { LearningsNode } from '../learnings/learningsNodes';
import type { LearningsView } from '../learnings/learningsView';
import type { NotesService } from '../notes/notesService';
import type { ResponseNews } from './responseNews';

/** A pull brings many files at once; one update for all of them. */
const SETTLE_MS = 150;
/** A new watcher reports only after a moment: look once more then for responses that came meanwhile. */
const CATCH_UP_MS = 1500;
/** globalState: the local day the last message was shown (once a day across windows). */
const NOTIFIED_KEY = 'candor.responses.notifiedOn';

export class ResponseAlerts implements vscode.Disposable {
  private watchers: vscode.Disposable[] = [];
  private watchedKey = '';
  private timer: NodeJS.Timeout | undefined;
  private catchUp: NodeJS.Timeout | undefined;
  private readonly subscriptions: vscode.Disposable[];
  /** Messages shown this session (tests read it; a person sees at most one a day). */
  notices: string[] = [];

  constructor(private readonly notes: NotesService, private readonly news: ResponseNews, private readonly learnings: LearningsView, private readonly global: vscode.Memento) {
    const view = learnings.view;
    this.subscriptions = [
      notes.onDidChange(() => {
        // Cheap when nothing changed (the folders are loaded; one existsSync per folder).
        void this.watch();
        void news.update();
      }),
      news.onDidChange(() => {
        learnings.provider.redraw();
        void learnings.showNewResponses(news.total);
        void this.maybeNotify();
      }),
      view.onDidExpandElement((e) => this.seen(e.element)),
      view.onDidChangeSelection((e) => e.selection.forEach((node) => this.seen(node))),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.changed()),
      // A safety net for a missed file event (a folder created while the watcher was starting):
      // look again when the person comes back to the window or opens the view.
      vscode.window.onDidChangeWindowState((e) => e.focused && this.changed()),
      view.onDidChangeVisibility((e) => e.visible && this.changed()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => news.forgetAuthors()),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('candor.responses.notify') && void this.maybeNotify()),
    ];
    learnings.provider.newResponses = (notePath) => news.countFor(notePath);
  }

  /**
   * A response was written or arrived: one update of what is new and one redraw of the tree,
   * however many events came (Candor's own write and the watcher's event for it among them).
   */
  changed(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      void this.news.update().then((changed) => {
        // A change of the news redraws the tree itself (onDidChange); otherwise redraw here.
        if (!changed) {
          this.learnings.provider.redraw();
        }
      });
    }, SETTLE_MS);
  }

  private async watch(): Promise<void> {
    const folders = (await this.notes.folderNotes()).filter((f) => !f.problem).map((f) => ({ folder: f, exists: fs.existsSync(f.index.dir) }));
    const key = folders.map(({ folder, exists }) => `${folder.folder.uri.toString()}|${folder.index.dir}|${exists}`).join('\n');
    if (key === this.watchedKey) {
      return;
    }
    this.watchedKey = key;
    vscode.Disposable.from(...this.watchers).dispose();
    this.watchers = folders.flatMap(({ folder, exists }) => {
      // Based on the incidents folder once it exists: a watch of its own, not one more pattern on
      // the workspace folder's watch, whose file events the server may serve for one pattern only.
      // Before it exists, relative to the workspace folder, as the notes' watcher does.
      const relative = path.relative(folder.folder.uri.fsPath, folder.index.dir).split(path.sep).join('/');
      const pattern = exists
        ? new vscode.RelativePattern(vscode.Uri.file(folder.index.dir), '*/responses/*.md')
        : new vscode.RelativePattern(folder.folder, `${escapeGlob(relative)}/*/responses/*.md`);
      const watcher = vscode.workspace.createFileSystemWatcher(pattern);
      const onEvent = () => this.changed();
      return [watcher, watcher.onDidCreate(onEvent), watcher.onDidChange(onEvent), watcher.onDidDelete(onEvent)];
    });
    clearTimeout(this.catchUp);
    this.catchUp = setTimeout(() => this.changed(), CATCH_UP_MS);
  }

  private seen(node: LearningsNode): void {
    if (node.kind === 'note' || node.kind === 'response') {
      void this.news.markSeen(node.entry);
    }
  }

  private async maybeNotify(): Promise<void> {
    const count = this.news.total;
    const today = localDay();
    if (count === 0 || !vscode.workspace.getConfiguration('candor').get<boolean>('responses.notify', true) || this.global.get(NOTIFIED_KEY) === today) {
      return;
    }
    await this.global.update(NOTIFIED_KEY, today);
    const message = count === 1 ? vscode.l10n.t('1 new response to your notes') : vscode.l10n.t('{0} new responses to your notes', count);
    this.notices.push(message);
    const show = vscode.l10n.t('Show');
    if ((await vscode.window.showInformationMessage(message, show)) === show) {
      await this.reveal();
    }
  }

  /** Opens the Learnings view on the notes with new responses, expanded: they are seen now. */
  async reveal(): Promise<void> {
    await vscode.commands.executeCommand('candor.learnings.focus');
    const nodes = (await Promise.all(this.news.notePaths.map((p) => this.learnings.provider.noteNode(p)))).filter((n): n is LearningsNode => n !== undefined);
    for (const [i, node] of nodes.entries()) {
      await this.learnings.view.reveal(node, { expand: true, select: i === 0, focus: i === 0 });
      this.seen(node);
    }
  }

  dispose(): void {
    clearTimeout(this.timer);
    clearTimeout(this.catchUp);
    vscode.Disposable.from(...this.watchers, ...this.subscriptions).dispose();
  }
}

/** Folder names may contain glob characters; bracket them so they match literally. */
function escapeGlob(text: string): string {
  return text.replace(/[[\]{}*?!]/g, (ch) => `[${ch}]`);
}
