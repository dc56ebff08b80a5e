// The Learnings view: notes grouped by status, newest first; each note expands to its linked
// files and commits. Malformed notes stay listed under "Needs attention" and never hide others.
import * as vscode from 'vscode';
import { hasErrors, STATUSES, type Note } from '../../core/noteModel';
import type { NoteEntry, NotesService } from '../notes/notesService';
import { commitItem, fileItem, groupItem, noteItem, type GroupKey, type LearningsNode } from './learningsNodes';

export class LearningsTreeProvider implements vscode.TreeDataProvider<LearningsNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<LearningsNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly notes: NotesService) {
    this.subscription = notes.onDidChange(() => this.changed.fire(undefined));
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  getTreeItem(node: LearningsNode): vscode.TreeItem {
    switch (node.kind) {
      case 'group':
        return groupItem(node);
      case 'note':
        return noteItem(node.entry, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
      case 'file':
        return fileItem(node);
      case 'commit':
        return commitItem(node);
    }
  }

  async getChildren(node?: LearningsNode): Promise<LearningsNode[]> {
    if (!node) {
      return groupByStatus(await this.notes.all());
    }
    switch (node.kind) {
      case 'group':
        return node.entries.map((entry) => ({ kind: 'note', entry }));
      case 'note': {
        const { files, commits } = node.entry.note.note;
        return [
          ...files.map((file, index): LearningsNode => ({ kind: 'file', entry: node.entry, file, index })),
          ...commits.map((commit): LearningsNode => ({ kind: 'commit', entry: node.entry, commit })),
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

/** Groups in a fixed order, empty ones left out; no notes at all gives no groups (the welcome view). */
export function groupByStatus(entries: NoteEntry[]): LearningsNode[] {
  const groups = new Map<GroupKey, NoteEntry[]>();
  for (const entry of [...entries].sort(newestFirst)) {
    const key: GroupKey = hasErrors(entry.note) ? 'attention' : entry.note.note.status;
    const group = groups.get(key);
    if (group) {
      group.push(entry);
    } else {
      groups.set(key, [entry]);
    }
  }
  const order: GroupKey[] = ['attention', ...STATUSES];
  return order.filter((key) => groups.has(key)).map((key) => ({ kind: 'group', key, entries: groups.get(key)! }));
}

function newestFirst(a: NoteEntry, b: NoteEntry): number {
  return sortKey(b.note.note).localeCompare(sortKey(a.note.note));
}

function sortKey(note: Note): string {
  const when = Date.parse(note.occurred ?? note.logged ?? '');
  return `${Number.isNaN(when) ? note.id.slice(0, 10) : new Date(when).toISOString()} ${note.id}`;
}
