// The Learnings view's own commands and state: grouping (remembered per workspace), filtering,
// the badge of open notes, ticking task items, and the note context menu.
import * as vscode from 'vscode';
import { userEmail } from '../../core/git/repoQueries';
import type { GitRunner } from '../../core/git/gitRunner';
import { GROUP_BY, type GroupBy, type NoteFilter } from '../../core/listing/noteGrouping';
import { notesTouchedOnBranch } from '../../core/review/branchTouches';
import { findTaskItems, setTaskDone } from '../../core/noteFormat/taskItems';
import { reportCommandError, type NoteEditor } from '../notes/noteEdits';
import type { NotesService } from '../notes/notesService';
import type { LinkedCode } from '../code/linkedCode';
import type { FixCommits } from '../commits/fixCommits';
import { explainUntrusted, UntrustedWorkspaceError } from '../workspaceTrust';
import { scriptArgument } from '../commandArgs';
import type { LearningsNode } from './learningsNodes';
import { LearningsTreeProvider } from './learningsTree';

const GROUP_BY_KEY = 'candor.groupBy';

// A function, not a table: translations are looked up when the list is shown, not at load.
function groupLabel(by: GroupBy): string {
  switch (by) {
    case 'status':
      return vscode.l10n.t('Status');
    case 'severity':
      return vscode.l10n.t('Severity');
    case 'tag':
      return vscode.l10n.t('Tag');
    case 'file':
      return vscode.l10n.t('Linked file');
    case 'month':
      return vscode.l10n.t('Month');
    case 'author':
      return vscode.l10n.t('Author');
  }
}

export class LearningsView implements vscode.Disposable {
  readonly provider: LearningsTreeProvider;
  readonly view: vscode.TreeView<LearningsNode>;
  private readonly disposables: vscode.Disposable[] = [];
  /** Responses to the person's own notes not seen yet: while there are any, they take the badge. */
  private newResponses = 0;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly notes: NotesService,
    private readonly editor: NoteEditor,
    private readonly git: GitRunner,
    linked: LinkedCode,
    fixes: FixCommits,
  ) {
    const saved = context.workspaceState.get<string>(GROUP_BY_KEY);
    this.provider = new LearningsTreeProvider(notes, isGroupBy(saved) ? saved : 'status', linked, fixes);
    // Several notes can be selected: Mark as Reviewed takes them all; other commands act on the one clicked.
    this.view = vscode.window.createTreeView('candor.learnings', { treeDataProvider: this.provider, showCollapseAll: true, canSelectMany: true });
    this.disposables.push(
      this.provider,
      this.view,
      this.view.onDidChangeCheckboxState((e) => this.onCheckboxes(e)),
      notes.onDidChange(() => {
        void this.updateBadge();
        this.showMessage();
      }),
      this.view.onDidChangeVisibility((e) => e.visible && void this.updateBadge()),
      // From the title bar VS Code passes the selected item: that means "ask", as from the palette.
      vscode.commands.registerCommand('candor.groupBy', (by?: unknown) => this.chooseGroupBy(scriptArgument(by))),
      vscode.commands.registerCommand('candor.filter', (filter?: unknown) => this.chooseFilter(scriptArgument(filter))),
      vscode.commands.registerCommand('candor.clearFilter', () => this.applyFilter({})),
    );
    void vscode.commands.executeCommand('setContext', 'candor.groupBy', this.provider.grouping);
  }

  /**
   * The view's message: after a cancelled first reading, that it shows only part of the notes;
   * with a filter, the filter (the description beside the title is cut at the default width).
   */
  private showMessage(): void {
    const stopped = this.notes.stopped;
    const filter = this.provider.describe();
    const parts = [
      stopped ? vscode.l10n.t('Showing {0} of {1} notes: reading was cancelled. Refresh to read them all.', stopped.read, stopped.total) : undefined,
      filter ? vscode.l10n.t('{0}. The title bar\'s Clear Filter shows all notes.', filter) : undefined,
    ].filter((p): p is string => p !== undefined);
    this.view.message = parts.length > 0 ? parts.join(' ') : undefined;
  }

  private async chooseGroupBy(by?: unknown): Promise<void> {
    let choice: GroupBy | undefined = isGroupBy(by) ? by : undefined;
    if (by !== undefined && !choice) {
      throw new Error(vscode.l10n.t('candor.groupBy takes one of {0}, not "{1}".', GROUP_BY.join(', '), String(by)));
    }
    if (!choice) {
      const picked = await vscode.window.showQuickPick(
        GROUP_BY.map((g) => ({ label: groupLabel(g), description: g === this.provider.grouping ? vscode.l10n.t('current') : undefined, value: g })),
        { title: vscode.l10n.t('Group Learnings by') },
      );
      choice = picked?.value;
    }
    if (choice) {
      this.provider.setGroupBy(choice);
      await this.context.workspaceState.update(GROUP_BY_KEY, choice);
      await vscode.commands.executeCommand('setContext', 'candor.groupBy', choice);
    }
  }

  /**
   * Interactive: free text, then optional toggles. Programmatic: a string (free text) or
   * `{ text?, onlyMine?, onlyChangedOnBranch? }`.
   */
  private async chooseFilter(arg?: unknown): Promise<void> {
    if (typeof arg === 'string') {
      return this.applyFilter({ text: arg.trim() || undefined });
    }
    if (typeof arg === 'object' && arg !== null) {
      const { text, onlyMine, onlyChangedOnBranch } = arg as { text?: string; onlyMine?: boolean; onlyChangedOnBranch?: boolean };
      return this.applyFilter(await this.buildFilter(typeof text === 'string' ? text : undefined, onlyMine === true, onlyChangedOnBranch === true, true));
    }
    const current = this.provider.currentFilter;
    const text = await vscode.window.showInputBox({
      title: vscode.l10n.t('Filter Learnings (1/2)'),
      prompt: vscode.l10n.t('Words to find in titles, tags and note text (empty for none)'),
      value: current.text ?? '',
    });
    if (text === undefined) {
      return;
    }
    const mine = { label: vscode.l10n.t('Only mine'), description: vscode.l10n.t('notes whose author is your git user.email'), picked: current.authorEmail !== undefined };
    const branch = {
      label: vscode.l10n.t('Only notes on files changed on this branch'),
      description: vscode.l10n.t('whose linked lines the change touches'),
      picked: current.touchedNoteIds !== undefined,
    };
    const toggles = await vscode.window.showQuickPick([mine, branch], { title: vscode.l10n.t('Filter Learnings (2/2)'), canPickMany: true, placeHolder: vscode.l10n.t('Enter to apply') });
    if (toggles === undefined) {
      return;
    }
    try {
      await this.applyFilter(await this.buildFilter(text, toggles.includes(mine), toggles.includes(branch)));
    } catch (err) {
      if (err instanceof UntrustedWorkspaceError) {
        await explainUntrusted(err);
      } else {
        throw err;
      }
    }
  }

  private async buildFilter(text: string | undefined, onlyMine: boolean, onlyBranch: boolean, quiet = false): Promise<NoteFilter> {
    const filter: NoteFilter = { text: text?.trim() || undefined };
    if (!onlyMine && !onlyBranch) {
      return filter;
    }
    if (!vscode.workspace.isTrusted) {
      throw new UntrustedWorkspaceError(vscode.l10n.t('run git to filter notes'));
    }
    const folders = await this.notes.folderNotes();
    if (onlyMine) {
      filter.authorEmail = (await userEmail(this.git, folders[0]?.root ?? process.cwd())) ?? '';
    }
    if (onlyBranch) {
      // Line-accurate, by the review engine: a note shows when this branch's change touches its linked lines.
      const ids = new Set<string>();
      for (const folder of folders) {
        const touches = await notesTouchedOnBranch(folder.index.list(), this.git, folder.root);
        touches.noteIds.forEach((id) => ids.add(id));
        if (touches.fallback && !quiet) {
          void vscode.window.showInformationMessage(touches.fallback);
        }
      }
      filter.touchedNoteIds = ids;
    }
    return filter;
  }

  private async applyFilter(filter: NoteFilter): Promise<void> {
    this.provider.setFilter(filter);
    this.view.description = this.provider.describe();
    this.showMessage();
    await vscode.commands.executeCommand('setContext', 'candor.filtered', this.view.description !== undefined);
  }

  /** Set by the responses feature when the count of new responses to the person's notes changes. */
  showNewResponses(count: number): Promise<void> {
    this.newResponses = count;
    return this.updateBadge();
  }

  private async updateBadge(): Promise<void> {
    const open = (await this.notes.all()).filter((e) => e.note.note.status === 'open' && !e.note.problems.some((p) => p.level === 'error')).length;
    const openText = open === 1 ? vscode.l10n.t('1 open note') : vscode.l10n.t('{0} open notes', open);
    const fresh = this.newResponses;
    if (fresh > 0) {
      const freshText = fresh === 1 ? vscode.l10n.t('1 new response to your notes') : vscode.l10n.t('{0} new responses to your notes', fresh);
      this.view.badge = { value: fresh, tooltip: open > 0 ? `${freshText} · ${openText}` : freshText };
      return;
    }
    this.view.badge = open > 0 ? { value: open, tooltip: openText } : undefined;
  }

  private async onCheckboxes(event: vscode.TreeCheckboxChangeEvent<LearningsNode>): Promise<void> {
    for (const [node, state] of event.items) {
      if (node.kind === 'task') {
        await this.setTaskDone(node, state === vscode.TreeItemCheckboxState.Checked);
      }
    }
  }

  /** Ticks or unticks a task item: exactly one character of the note changes. */
  async setTaskDone(node: Extract<LearningsNode, { kind: 'task' }>, done: boolean): Promise<void> {
    const uri = vscode.Uri.file(node.entry.note.path);
    try {
      await this.editor.transform(uri, (text) => {
        // Find the item again in the current text: by position among the items, checked by its text.
        const items = findTaskItems(text);
        const item = items[node.ordinal]?.text === node.task.text ? items[node.ordinal] : items.find((i) => i.text === node.task.text);
        if (!item) {
          throw new Error(vscode.l10n.t('The task "{0}" is no longer in the note.', node.task.text));
        }
        return setTaskDone(text, item, done);
      });
    } catch (err) {
      this.provider.refresh();
      await reportCommandError(err, uri);
    }
  }


  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}

function isGroupBy(value: unknown): value is GroupBy {
  return typeof value === 'string' && (GROUP_BY as readonly string[]).includes(value);
}
