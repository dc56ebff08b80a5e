// The Learnings view: notes grouped (by status unless chosen otherwise), filtered, newest first;
// each note expands to its linked files, commits and task items. Malformed notes stay listed
// under "Needs attention" and never hide the others.
import * as path from 'path';
import { listResponses } from '../../core/responses/responseStore';
import { responseItem } from '../responses/responseItem';
import * as vscode from 'vscode';
import { describeFilter, groupNotes, matchesFilter, regroupChanged, type GroupBy, type NoteFilter, type NoteGroup } from '../../core/listing/noteGrouping';
import { noteTasks } from '../../core/noteFormat/taskItems';
import type { NoteEntry, NotesChange, NotesService } from '../notes/notesService';
import type { LinkedCode } from '../code/linkedCode';
import type { FixCommits } from '../commits/fixCommits';
import { commitItem, fileItem, groupItem, noteItem, relatedItem, taskItem, type LearningsNode } from './learningsNodes';
import { relatedNodes } from './relatedNodes';

type NoteNode = Extract<LearningsNode, { kind: 'note' }> & { groupKey: string };

export class LearningsTreeProvider implements vscode.TreeDataProvider<LearningsNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<LearningsNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;
  private filter: NoteFilter = {};
  /** The root's groups as last shown; a change of a few notes is applied to them in place. */
  private groups: NoteGroup<NoteEntry>[] | undefined;
  private touched: NoteGroup<NoteEntry> | undefined;
  /** How many of a note's responses are new to its author (set by the responses feature). */
  newResponses: (notePath: string) => number = () => 0;

  constructor(private readonly notes: NotesService, private groupBy: GroupBy = 'status', private readonly linked?: LinkedCode, private readonly fixes?: FixCommits) {
    this.subscription = notes.onDidChange((change) => this.onNotesChanged(change));
  }

  /**
   * One note changed (the watcher, a command): regroup just it, so the cost of a change does not
   * grow with the number of notes. Anything else: group again from scratch on the next request.
   */
  private onNotesChanged(change: NotesChange | undefined): void {
    if (change && this.groups) {
      const files = new Set(change.files);
      const added = change.files
        .map((file) => this.notes.loadedEntry(file))
        .filter((e): e is NoteEntry => e !== undefined && matchesFilter(e.note.note, this.filter));
      this.groups = regroupChanged(this.groups, this.groupBy, (e) => e.note, (e) => files.has(e.note.path), added);
    } else {
      this.groups = undefined;
    }
    this.changed.fire(undefined);
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
    this.groups = undefined;
    this.changed.fire(undefined);
  }

  /** Draws the rows again without grouping the notes again (responses arrived or were seen). */
  redraw(): void {
    this.changed.fire(undefined);
  }

  getTreeItem(node: LearningsNode): vscode.TreeItem {
    switch (node.kind) {
      case 'group':
        return groupItem(node);
      case 'note':
        return noteItem(node.entry, (vscode.workspace.workspaceFolders?.length ?? 0) > 1, (node as NoteNode).groupKey ?? '', noteTasks(node.entry.note).length, this.newResponses(node.entry.note.path));
      case 'file':
        return fileItem(node);
      case 'commit':
        return commitItem(node);
      case 'task':
        return taskItem(node);
      case 'response':
        return responseItem(node.response);
      case 'related':
        return relatedItem(node);
    }
  }

  /** Notes a Review Changes found touched by the working tree's change: a group above the others, until cleared. */
  get touchedGroup(): NoteGroup<NoteEntry> | undefined {
    return this.touched;
  }

  setTouched(group: NoteGroup<NoteEntry> | undefined): void {
    this.touched = group;
    this.refresh();
  }

  async getChildren(node?: LearningsNode): Promise<LearningsNode[]> {
    if (!node) {
      if (!this.groups) {
        const entries = (await this.notes.all()).filter((e) => matchesFilter(e.note.note, this.filter));
        this.groups = groupNotes(entries, this.groupBy, (e) => e.note);
      }
      const touched = this.touched && this.touched.items.length > 0 ? [this.touched] : [];
      return [...touched, ...this.groups].map((group) => ({ kind: 'group', group, by: this.groupBy }));
    }
    switch (node.kind) {
      case 'group':
        return node.group.items.map((entry): NoteNode => ({ kind: 'note', entry, groupKey: node.group.key }));
      case 'note': {
        const { files, commits } = node.entry.note.note;
        // Where each link is now (after edits, moves, renames); without it, as recorded.
        const [locations, trailerFixes, responses] = await Promise.all([
          files.length > 0 ? this.linked?.locateNote(node.entry).catch(() => undefined) : undefined,
          this.fixes?.forNote(node.entry.folder.root, node.entry.note.note.id).catch(() => []) ?? [],
          listResponses(node.entry.folder.index.dir, node.entry.note.note.id),
        ]);
        const recorded = new Set(commits.map((c) => c.sha));
        const unrecordedFixes = trailerFixes.filter((c) => !recorded.has(c.sha) && ![...recorded].some((r) => c.sha.startsWith(r)));
        return [
          ...files.map((file, index): LearningsNode => ({ kind: 'file', entry: node.entry, file, index, location: locations?.[index] })),
          ...commits.map((commit): LearningsNode => ({ kind: 'commit', entry: node.entry, commit })),
          ...unrecordedFixes.map((c): LearningsNode => ({ kind: 'commit', entry: node.entry, commit: { sha: c.sha, role: 'fixed', subject: c.subject }, fromTrailer: true })),
          ...noteTasks(node.entry.note).map((task, ordinal): LearningsNode => ({ kind: 'task', entry: node.entry, task, ordinal })),
          ...responses.map((response): LearningsNode => ({ kind: 'response', entry: node.entry, response })),
          ...relatedNodes(node.entry),
        ];
      }
      default:
        return [];
    }
  }

  /** A note's row (in the first group that holds it), for reveal; undefined when filtered out. */
  async noteNode(notePath: string): Promise<LearningsNode | undefined> {
    const target = path.resolve(notePath);
    for (const node of await this.getChildren()) {
      const entry = node.kind === 'group' ? node.group.items.find((e) => path.resolve(e.note.path) === target) : undefined;
      if (node.kind === 'group' && entry) {
        return { kind: 'note', entry, groupKey: node.group.key } as NoteNode;
      }
    }
    return undefined;
  }

  /** For reveal: a note's group, and the note of a file, commit, task or response. */
  getParent(node: LearningsNode): LearningsNode | undefined {
    const groups = [...(this.touched ? [this.touched] : []), ...(this.groups ?? [])];
    if (node.kind === 'group') {
      return undefined;
    }
    const key = node.kind === 'note' ? (node as NoteNode).groupKey : undefined;
    const group = groups.find((g) => (key !== undefined ? g.key === key : g.items.includes(node.entry)));
    if (!group) {
      return undefined;
    }
    return node.kind === 'note' ? { kind: 'group', group, by: this.groupBy } : ({ kind: 'note', entry: node.entry, groupKey: group.key } as NoteNode);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

