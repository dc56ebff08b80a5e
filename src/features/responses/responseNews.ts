// New responses to the person's own notes: which notes have responses they have not seen yet,
// shown as a badge on the note (a file decoration, in the Learnings tree and the explorer) and
// counted for the view's badge. "Mine" compares the note's author with the git user; what was
// seen is remembered per note in the workspace state. Git runs only in a trusted workspace, so an
// untrusted one has no news.
import * as path from 'path';
import * as vscode from 'vscode';
import type { GitRunner } from '../../core/git/gitRunner';
import { gitAuthor } from '../../core/responses/gitAuthor';
import { newResponses } from '../../core/responses/responseNews';
import { countResponsesSync, listResponses } from '../../core/responses/responseStore';
import type { NoteEntry, NotesService } from '../notes/notesService';

/** workspaceState: note key → the response file names the author has seen. */
const SEEN_KEY = 'candor.responses.seen';

export class ResponseNews implements vscode.FileDecorationProvider, vscode.Disposable {
  /** Note path (resolved) → how many of its responses are new. */
  private counts = new Map<string, number>();
  private readonly authors = new Map<string, Promise<string | undefined>>();
  private readonly decorationsChanged = new vscode.EventEmitter<vscode.Uri[]>();
  readonly onDidChangeFileDecorations = this.decorationsChanged.event;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires after an update that changed which notes have new responses, or how many. */
  readonly onDidChange = this.changed.event;
  private running: Promise<boolean> | undefined;
  private again = false;

  constructor(private readonly notes: NotesService, private readonly git: GitRunner, private readonly state: vscode.Memento) {}

  /** How many responses to this note (its file path) are new to its author. */
  countFor(notePath: string): number {
    return this.counts.get(path.resolve(notePath)) ?? 0;
  }

  get total(): number {
    return [...this.counts.values()].reduce((n, c) => n + c, 0);
  }

  /** Notes with new responses, by path, most first. */
  get notePaths(): string[] {
    return [...this.counts.entries()].sort((a, b) => b[1] - a[1]).map(([p]) => p);
  }

  /**
   * Reads again which responses are new. Calls that come while one runs are folded into one more
   * run after it. Resolves to whether anything changed.
   */
  update(): Promise<boolean> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      let changed = false;
      do {
        this.again = false;
        changed = (await this.compute()) || changed;
      } while (this.again);
      return changed;
    })().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** The author has seen every response of this note as it is now. */
  async markSeen(entry: NoteEntry): Promise<void> {
    const id = entry.note.note.id;
    if (this.countFor(entry.note.path) === 0) {
      return;
    }
    const names = (await listResponses(entry.folder.index.dir, id)).map((r) => path.basename(r.path));
    const seen = { ...this.seen(), [noteKey(entry)]: names };
    await this.state.update(SEEN_KEY, seen);
    await this.update();
  }

  /** Forgets the git user (the workspace folders changed). */
  forgetAuthors(): void {
    this.authors.clear();
  }

  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    const count = uri.scheme === 'file' ? this.countFor(uri.fsPath) : 0;
    if (count === 0) {
      return undefined;
    }
    const tooltip = count === 1 ? vscode.l10n.t('1 new response') : vscode.l10n.t('{0} new responses', count);
    // A badge holds two characters at most.
    return new vscode.FileDecoration(count > 9 ? '9+' : String(count), tooltip, new vscode.ThemeColor('charts.blue'));
  }

  private seen(): Record<string, string[]> {
    const value = this.state.get<unknown>(SEEN_KEY);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, string[]>) : {};
  }

  private async compute(): Promise<boolean> {
    const next = new Map<string, number>();
    if (vscode.workspace.isTrusted) {
      const seen = this.seen();
      for (const entry of await this.notes.all()) {
        const { id, author } = entry.note.note;
        if (!author || countResponsesSync(entry.folder.index.dir, id) === 0) {
          continue;
        }
        const me = await this.author(entry.folder.root);
        const names = seen[noteKey(entry)];
        const fresh = newResponses(await listResponses(entry.folder.index.dir, id), author, me, new Set(Array.isArray(names) ? names : []));
        if (fresh.length > 0) {
          next.set(path.resolve(entry.note.path), fresh.length);
        }
      }
    }
    const differ = [...new Set([...this.counts.keys(), ...next.keys()])].filter((p) => this.counts.get(p) !== next.get(p));
    this.counts = next;
    if (differ.length > 0) {
      this.decorationsChanged.fire(differ.map((p) => vscode.Uri.file(p)));
      this.changed.fire();
    }
    return differ.length > 0;
  }

  private author(root: string): Promise<string | undefined> {
    let found = this.authors.get(root);
    if (!found) {
      found = gitAuthor(this.git, root).catch(() => undefined);
      this.authors.set(root, found);
    }
    return found;
  }

  dispose(): void {
    this.decorationsChanged.dispose();
    this.changed.dispose();
  }
}

/** A note's key in the seen map: its workspace folder and id (two folders may reuse an id). */
function noteKey(entry: NoteEntry): string {
  return `${entry.folder.folder.name}/${entry.note.note.id}`;
}
