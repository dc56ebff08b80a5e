// The Learnings view: notes grouped (by status unless chosen otherwise), filtered, newest first;
// each note expands to its linked files, commits and task items. Malformed notes stay listed
// under "Needs attention" and never hide the others.
import * as vscode from 'vscode';
import { describeFilter, groupNotes, matchesFilter, type GroupBy, type NoteFilter } from '../../core/noteGrouping';
import { findTaskItems } from '../../core/taskItems';
import type { NoteEntry, NotesService } from '../notes/notesService';
import type { LinkedCode } from '../code/linkedCode';
import type { FixCommits } from '../commits/fixCommits';
import { commitItem, fileItem, groupItem, noteItem, taskItem, type LearningsNode } from './learningsNodes';

type NoteNode = Extract<LearningsNode, { kind: 'note' }> & { groupKey: string };

export class LearningsTreeProvider implements vscode.TreeDataProvider<LearningsNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<LearningsNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;
  private filter: NoteFilter = {};

  constructor(private readonly notes: NotesService, private groupBy: GroupBy = 'status', private readonly linked?: LinkedCode, private readonly fixes?: FixCommits) {
    this.subscription = notes.onDidChange(() => this.changed.fire(undefined));
  }

  get grouping(): GroupBy {
    return this.groupBy;
  }

  get currentFilter(): NoteFilter {
    return this.filter;
  }

  setGroupBy(by: GroupBy): void {
    this.groupBy = by;
    this.refresh();
  }

  setFilter(filter: NoteFilter): void {
    this.filter = filter;
    this.refresh();
  }

  /** What the view shows as its description. */
  describe(): string | undefined {
    return describeFilter(this.filter);
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  getTreeItem(node: LearningsNode): vscode.TreeItem {
    switch (node.kind) {
      case 'group':
        return groupItem(node);
      case 'note':
        return noteItem(node.entry, (vscode.workspace.workspaceFolders?.length ?? 0) > 1, (node as NoteNode).groupKey ?? '', tasksOf(node.entry).length);
      case 'file':
        return fileItem(node);
      case 'commit':
        return commitItem(node);
      case 'task':
        return taskItem(node);
    }
  }

  async getChildren(node?: LearningsNode): Promise<LearningsNode[]> {
    if (!node) {
      const entries = (await this.notes.all()).filter((e) => matchesFilter(e.note.note, this.filter));
      return groupNotes(entries, this.groupBy, (e) => e.note).map((group) => ({ kind: 'group', group, by: this.groupBy }));
    }
    switch (node.kind) {
      case 'group':
        return node.group.items.map((entry): NoteNode => ({ kind: 'note', entry, groupKey: node.group.key }));
      case 'note': {
        const { files, commits } = node.entry.note.note;
        // Where each link is now (after edits, moves, renames); without it, as recorded.
        const [locations, trailerFixes] = await Promise.all([
          files.length > 0 ? this.linked?.locateNote(node.entry).catch(() => undefined) : undefined,
          this.fixes?.forNote(node.entry.folder.root, node.entry.note.note.id).catch(() => []) ?? [],
        ]);
        const recorded = new Set(commits.map((c) => c.sha));
        const unrecordedFixes = trailerFixes.filter((c) => !recorded.has(c.sha) && ![...recorded].some((r) => c.sha.startsWith(r)));
        return [
          ...files.map((file, index): LearningsNode => ({ kind: 'file', entry: node.entry, file, index, location: locations?.[index] })),
          ...commits.map((commit): LearningsNode => ({ kind: 'commit', entry: node.entry, commit })),
          ...unrecordedFixes.map((c): LearningsNode => ({ kind: 'commit', entry: node.entry, commit: { sha: c.sha, role: 'fixed', subject: c.subject }, fromTrailer: true })),
          ...tasksOf(node.entry).map((task, ordinal): LearningsNode => ({ kind: 'task', entry: node.entry, task, ordinal })),
        ];
      }
      default:
        return [];
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

/** Task items with their lines counted from the start of the note file. */
export function tasksOf(entry: NoteEntry) {
  return findTaskItems(entry.note.note.body).map((task) => ({ ...task, line: task.line + entry.note.bodyLine }));
}
