// The elements of the Learnings tree and how each one looks. `contextValue`s are dotted
// (`candor.note.open`, `candor.file`, `candor.commit.introduced`) so `when` clauses can match
// a kind with a regex and a state with its suffix.
import * as path from 'path';
import * as vscode from 'vscode';
import { shownValue } from '../../core/noteFormat/noteFields';
import { hasErrors, type LinkedCommit, type LinkedFile, type Severity, type Status } from '../../core/noteFormat/noteModel';
import { ATTENTION_KEY, type GroupBy, type NoteGroup } from '../../core/listing/noteGrouping';
import type { TaskItem } from '../../core/noteFormat/taskItems';
import { isOverdue, localDay } from '../../core/noteFormat/followUps';
import type { AnchorLocation } from '../../core/anchoring/types';
import { resolveInside } from '../../core/repository/repoPaths';
import type { NoteEntry } from '../notes/notesService';
import { brokenNoteText, severityAndStatus, valueMarks } from '../notes/shownValues';
import { countResponsesSync, type StoredResponse } from '../../core/responses/responseStore';

export type LearningsNode =
  | { kind: 'group'; group: NoteGroup<NoteEntry>; by: GroupBy }
  | { kind: 'note'; entry: NoteEntry }
  /** `location`: where the linked lines are now, when it could be worked out. */
  | { kind: 'file'; entry: NoteEntry; file: LinkedFile; index: number; location?: AnchorLocation }
  /** `fromTrailer`: found through an `Incident: <id>` commit trailer, not recorded in the note. */
  | { kind: 'commit'; entry: NoteEntry; commit: LinkedCommit; fromTrailer?: boolean }
  /** `task.line` counts from the start of the note file; `ordinal` finds it again after edits. */
  | { kind: 'task'; entry: NoteEntry; task: TaskItem; ordinal: number }
  /** A teammate's response, read from `<incidents>/<id>/responses/`. */
  | { kind: 'response'; entry: NoteEntry; response: StoredResponse }
  /** A note `entry` names in its `related` field (`names`), or one that names `entry` (`namedBy`). */
  | { kind: 'related'; entry: NoteEntry; other: NoteEntry; direction: 'names' | 'namedBy' };

const SEVERITY_ICONS: Record<Severity, [string, string]> = {
  'near-miss': ['eye', 'charts.green'],
  low: ['info', 'charts.blue'],
  medium: ['warning', 'charts.yellow'],
  high: ['flame', 'charts.orange'],
  critical: ['flame', 'charts.red'],
};

const STATUS_ICONS: Record<Status, [string, string]> = {
  open: ['circle-large-outline', 'charts.red'],
  mitigated: ['pass', 'charts.yellow'],
  resolved: ['pass-filled', 'charts.green'],
};

/** The group Review Changes puts above the others. */
export const TOUCHED_KEY = 'touched';

export function groupItem(node: Extract<LearningsNode, { kind: 'group' }>): vscode.TreeItem {
  const { group, by } = node;
  const collapsed = group.key === `status:resolved` || (by !== 'status' && group.key !== ATTENTION_KEY);
  const item = new vscode.TreeItem(group.label, collapsed ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded);
  item.id = `group:${group.key}`;
  item.description = String(group.items.length);
  item.contextValue = group.key === ATTENTION_KEY ? 'candor.group.attention' : `candor.group.${group.key.replace(':', '.')}`;
  if (group.key === TOUCHED_KEY) {
    item.iconPath = new vscode.ThemeIcon('git-compare', new vscode.ThemeColor('problemsWarningIcon.foreground'));
    item.collapsibleState = vscode.TreeItemCollapsibleState.Expanded;
  } else if (group.key === ATTENTION_KEY) {
    item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
  } else if (by === 'status') {
    const [icon, color] = STATUS_ICONS[group.key.slice('status:'.length) as Status];
    item.iconPath = new vscode.ThemeIcon(icon, new vscode.ThemeColor(color));
  } else if (by === 'severity') {
    const [icon, color] = SEVERITY_ICONS[group.key.slice('severity:'.length) as Severity];
    item.iconPath = new vscode.ThemeIcon(icon, new vscode.ThemeColor(color));
  } else {
    item.iconPath = new vscode.ThemeIcon({ tag: 'tag', file: 'file', month: 'calendar', author: 'person' }[by]);
  }
  return item;
}

export function noteItem(entry: NoteEntry, multiRoot: boolean, groupKey: string, taskCount: number, newResponses = 0): vscode.TreeItem {
  const { note, problems } = entry.note;
  const broken = hasErrors(entry.note);
  // Expandable even with nothing recorded: fix commits may name the note in their message.
  const item = new vscode.TreeItem(note.title, broken && taskCount === 0 ? vscode.TreeItemCollapsibleState.None : vscode.TreeItemCollapsibleState.Collapsed);
  // A note with several tags or files is in several groups: the id must differ per group.
  item.id = `note:${groupKey}:${entry.note.path}`;
  item.resourceUri = vscode.Uri.file(entry.note.path);
  const date = (note.occurred ?? note.logged ?? note.id).slice(0, 10);
  const responses = countResponsesSync(entry.folder.index.dir, note.id);
  item.description = [
    date,
    // As the file has them, an invalid value marked (`opne (invalid) · high`), never a default.
    broken ? brokenNoteText(entry.note) : shownValue(entry.note, 'severity', valueMarks()),
    responses > 0 ? (responses === 1 ? vscode.l10n.t('1 response') : vscode.l10n.t('{0} responses', responses)) : undefined,
    newResponses > 0 ? vscode.l10n.t('{0} new', newResponses) : undefined,
    multiRoot ? entry.folder.folder.name : undefined,
  ].filter(Boolean).join(' · ');
  const [icon, color] = broken ? ['warning', 'problemsWarningIcon.foreground'] : SEVERITY_ICONS[note.severity];
  item.iconPath = new vscode.ThemeIcon(icon, new vscode.ThemeColor(color));
  item.contextValue = broken ? 'candor.note.malformed' : `candor.note.${note.status}.${note.severity}`;
  // A note touched by the change under review opens beside the diff being read, not over it.
  const beside = groupKey === TOUCHED_KEY ? { viewColumn: vscode.ViewColumn.Beside } : {};
  item.command = { command: 'candor.openNote', title: vscode.l10n.t('Open Note'), arguments: [item.resourceUri, { preview: true, preserveFocus: true, ...beside }] };

  const tooltip = new vscode.MarkdownString();
  tooltip.appendMarkdown('**').appendText(note.title).appendMarkdown('**\n\n');
  tooltip.appendText(`${severityAndStatus(entry.note)}${note.occurred ? ` · ${note.occurred}` : ''}`);
  if (note.tags.length > 0) {
    tooltip.appendMarkdown('\n\n').appendText(note.tags.map((t) => `#${t}`).join(' '));
  }
  if (note.author) {
    tooltip.appendMarkdown('\n\n').appendText(note.author);
  }
  for (const problem of problems) {
    tooltip.appendMarkdown(`\n\n$(${problem.level === 'error' ? 'error' : 'warning'}) `).appendText(problem.line ? vscode.l10n.t('line {0}: {1}', problem.line, problem.message) : problem.message);
  }
  tooltip.supportThemeIcons = true;
  item.tooltip = tooltip;
  return item;
}

export function fileItem(node: Extract<LearningsNode, { kind: 'file' }>): vscode.TreeItem {
  const { file, entry, location } = node;
  const shownPath = location && location.status !== 'orphaned' ? location.path : file.path;
  const lines = location && location.status !== 'orphaned' ? location.lines : file.lines;
  const item = new vscode.TreeItem(`${path.posix.basename(shownPath)}${rangeText(lines)}`, vscode.TreeItemCollapsibleState.None);
  item.id = `file:${entry.note.path}:${node.index}`;
  const abs = resolveInside(entry.folder.root, shownPath);
  const dir = path.posix.dirname(shownPath);
  const recorded = `${file.path}${rangeText(file.lines)}`;
  const tooltip = [file.commit ? vscode.l10n.t('Recorded: {0} at {1}', recorded, file.commit.slice(0, 10)) : vscode.l10n.t('Recorded: {0}', recorded)];
  if (file.uncommitted) {
    tooltip.push(vscode.l10n.t({ message: '{0} when recorded', args: [file.uncommitted], comment: ['{0} is the state of the file, as written in the note: modified, untracked or unsaved'] }));
  }
  item.description = dir === '.' ? '' : dir;
  item.contextValue = 'candor.file';
  if (!abs) {
    item.iconPath = new vscode.ThemeIcon('warning');
    item.contextValue = 'candor.file.unsafe';
    tooltip.push(vscode.l10n.t('This path leaves the repository: Candor never opens it.'));
  } else if (location?.status === 'orphaned') {
    item.iconPath = new vscode.ThemeIcon('debug-disconnect', new vscode.ThemeColor('problemsWarningIcon.foreground'));
    item.description = `${vscode.l10n.t('orphaned')}${item.description ? ` · ${item.description}` : ''}`;
    item.contextValue = 'candor.file.orphaned';
    tooltip.unshift(vscode.l10n.t('Orphaned: {0}', location.reason ?? vscode.l10n.t('the linked lines were not found')));
    item.command = { command: 'candor.openLinkedFile', title: vscode.l10n.t('Open Linked File'), arguments: [node, true] };
  } else {
    item.resourceUri = vscode.Uri.file(abs);
    item.iconPath = vscode.ThemeIcon.File;
    item.command = { command: 'candor.openLinkedFile', title: vscode.l10n.t('Open Linked File'), arguments: [node, true] };
    if (location && location.status !== 'exact') {
      tooltip.unshift(vscode.l10n.t('Now {0} ({1})', `${shownPath}${rangeText(lines)}`, `${location.status}${location.reason ? `: ${location.reason}` : ''}`));
    }
  }
  item.tooltip = tooltip.join('\n');
  return item;
}

function rangeText(lines: [number, number] | undefined): string {
  if (!lines) {
    return '';
  }
  return lines[0] === lines[1] ? `:${lines[0]}` : `:${lines[0]}-${lines[1]}`;
}

export function commitItem(node: Extract<LearningsNode, { kind: 'commit' }>): vscode.TreeItem {
  const { commit, entry } = node;
  const item = new vscode.TreeItem(commit.subject || commit.sha.slice(0, 10), vscode.TreeItemCollapsibleState.None);
  item.id = `commit:${entry.note.path}:${commit.sha}:${commit.role}`;
  item.description = node.fromTrailer ? vscode.l10n.t('{0} · {1} · named in its message', commit.sha.slice(0, 7), commit.role) : `${commit.sha.slice(0, 7)} · ${commit.role}`;
  item.iconPath = new vscode.ThemeIcon('git-commit', node.fromTrailer ? new vscode.ThemeColor('charts.green') : undefined);
  item.contextValue = `candor.commit.${commit.role}${node.fromTrailer ? '.trailer' : ''}`;
  // `Incident: <id>` is the trailer as git has it, so it is passed in rather than translated.
  const trailerHint = node.fromTrailer ? `\n${vscode.l10n.t('Its message says "{0}". Link it to record it in the note.', `Incident: ${entry.note.note.id}`)}` : '';
  item.tooltip = `${commit.role}: ${commit.sha}${commit.subject ? `\n${commit.subject}` : ''}${trailerHint}`;
  item.command = { command: 'candor.showCommit', title: vscode.l10n.t('Show Commit'), arguments: [node] };
  return item;
}

export function taskItem(node: Extract<LearningsNode, { kind: 'task' }>): vscode.TreeItem {
  const { task, entry } = node;
  const item = new vscode.TreeItem(task.text, vscode.TreeItemCollapsibleState.None);
  item.id = `task:${entry.note.path}:${node.ordinal}`;
  item.checkboxState = task.done ? vscode.TreeItemCheckboxState.Checked : vscode.TreeItemCheckboxState.Unchecked;
  const overdue = isOverdue(task, localDay());
  item.description = [task.owner ? `@${task.owner}` : undefined, task.due ? (overdue ? vscode.l10n.t('overdue since {0}', task.due) : vscode.l10n.t('due {0}', task.due)) : undefined].filter(Boolean).join(' · ');
  item.contextValue = task.done ? 'candor.task.done' : overdue ? 'candor.task.overdue' : 'candor.task.open';
  if (overdue) {
    item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
  }
  item.tooltip = task.done ? vscode.l10n.t('Done: {0}', task.text) : vscode.l10n.t('To do: {0}', task.text);
  item.command = { command: 'candor.openNote', title: vscode.l10n.t('Open Note'), arguments: [vscode.Uri.file(entry.note.path), { preview: true, preserveFocus: true, selection: new vscode.Range(task.line, 0, task.line, 0) }] };
  return item;
}

export function relatedItem(node: Extract<LearningsNode, { kind: 'related' }>): vscode.TreeItem {
  const { other, entry, direction } = node;
  const item = new vscode.TreeItem(other.note.note.title, vscode.TreeItemCollapsibleState.None);
  item.id = `related:${entry.note.path}:${direction}:${other.note.path}`;
  const date = (other.note.note.occurred ?? other.note.note.logged ?? other.note.note.id).slice(0, 10);
  item.description = direction === 'names' ? vscode.l10n.t('{0} · related', date) : vscode.l10n.t('{0} · names this one as related', date);
  item.iconPath = new vscode.ThemeIcon('references');
  item.contextValue = `candor.related.${direction}`;
  item.tooltip = direction === 'names'
    ? vscode.l10n.t('"{0}" lists "{1}" as related.', entry.note.note.title, other.note.note.title)
    : vscode.l10n.t('"{0}" lists "{1}" as related.', other.note.note.title, entry.note.note.title);
  item.command = { command: 'candor.openNote', title: vscode.l10n.t('Open Note'), arguments: [vscode.Uri.file(other.note.path), { preview: true, preserveFocus: true }] };
  return item;
}
