// The elements of the Learnings tree and how each one looks. `contextValue`s are dotted
// (`candor.note.open`, `candor.file`, `candor.commit.introduced`) so `when` clauses can match
// a kind with a regex and a state with its suffix.
import * as path from 'path';
import * as vscode from 'vscode';
import { hasErrors, type LinkedCommit, type LinkedFile, type Severity, type Status } from '../../core/noteModel';
import { resolveInside } from '../../core/repoPaths';
import type { NoteEntry } from '../notes/notesService';

export type GroupKey = Status | 'attention';

export type LearningsNode =
  | { kind: 'group'; key: GroupKey; entries: NoteEntry[] }
  | { kind: 'note'; entry: NoteEntry }
  | { kind: 'file'; entry: NoteEntry; file: LinkedFile; index: number }
  | { kind: 'commit'; entry: NoteEntry; commit: LinkedCommit };

const GROUP_LABELS: Record<GroupKey, string> = {
  attention: 'Needs attention',
  open: 'Open',
  mitigated: 'Mitigated',
  resolved: 'Resolved',
};

const SEVERITY_ICONS: Record<Severity, [string, string]> = {
  'near-miss': ['eye', 'charts.green'],
  low: ['info', 'charts.blue'],
  medium: ['warning', 'charts.yellow'],
  high: ['flame', 'charts.orange'],
  critical: ['flame', 'charts.red'],
};

export function groupItem(node: Extract<LearningsNode, { kind: 'group' }>): vscode.TreeItem {
  const expanded = node.key !== 'resolved';
  const item = new vscode.TreeItem(GROUP_LABELS[node.key], expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
  item.id = `group:${node.key}`;
  item.description = String(node.entries.length);
  item.contextValue = `candor.group.${node.key}`;
  item.iconPath = node.key === 'attention' ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')) : undefined;
  return item;
}

export function noteItem(entry: NoteEntry, multiRoot: boolean): vscode.TreeItem {
  const { note, problems } = entry.note;
  const broken = hasErrors(entry.note);
  const hasChildren = note.files.length + note.commits.length > 0;
  const item = new vscode.TreeItem(note.title, hasChildren ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
  item.id = `note:${entry.note.path}`;
  item.resourceUri = vscode.Uri.file(entry.note.path);
  const date = (note.occurred ?? note.logged ?? note.id).slice(0, 10);
  item.description = [date, broken ? 'malformed' : note.severity, multiRoot ? entry.folder.folder.name : undefined].filter(Boolean).join(' · ');
  const [icon, color] = broken ? ['warning', 'problemsWarningIcon.foreground'] : SEVERITY_ICONS[note.severity];
  item.iconPath = new vscode.ThemeIcon(icon, new vscode.ThemeColor(color));
  item.contextValue = broken ? 'candor.note.malformed' : `candor.note.${note.status}`;
  item.command = { command: 'candor.openNote', title: 'Open Note', arguments: [item.resourceUri, { preview: true, preserveFocus: true }] };

  const tooltip = new vscode.MarkdownString();
  tooltip.appendMarkdown('**').appendText(note.title).appendMarkdown('**\n\n');
  tooltip.appendText(`${note.severity} · ${note.status}${note.occurred ? ` · ${note.occurred}` : ''}`);
  if (note.author) {
    tooltip.appendMarkdown('\n\n').appendText(note.author);
  }
  for (const problem of problems) {
    tooltip.appendMarkdown(`\n\n$(${problem.level === 'error' ? 'error' : 'warning'}) `).appendText(`${problem.line ? `line ${problem.line}: ` : ''}${problem.message}`);
  }
  tooltip.supportThemeIcons = true;
  item.tooltip = tooltip;
  return item;
}

export function fileItem(node: Extract<LearningsNode, { kind: 'file' }>): vscode.TreeItem {
  const { file, entry } = node;
  const range = file.lines ? (file.lines[0] === file.lines[1] ? `:${file.lines[0]}` : `:${file.lines[0]}-${file.lines[1]}`) : '';
  const item = new vscode.TreeItem(`${path.posix.basename(file.path)}${range}`, vscode.TreeItemCollapsibleState.None);
  item.id = `file:${entry.note.path}:${node.index}`;
  const abs = resolveInside(entry.folder.root, file.path);
  const dir = path.posix.dirname(file.path);
  item.description = dir === '.' ? '' : dir;
  item.contextValue = 'candor.file';
  if (abs) {
    item.resourceUri = vscode.Uri.file(abs);
    item.iconPath = vscode.ThemeIcon.File;
    item.command = { command: 'candor.openLinkedFile', title: 'Open Linked File', arguments: [node, true] };
  } else {
    item.iconPath = new vscode.ThemeIcon('warning');
    item.contextValue = 'candor.file.unsafe';
  }
  item.tooltip = `${file.path}${range}${file.commit ? `\nrecorded at ${file.commit.slice(0, 10)}` : ''}${file.uncommitted ? `\n${file.uncommitted} when recorded` : ''}`;
  return item;
}

export function commitItem(node: Extract<LearningsNode, { kind: 'commit' }>): vscode.TreeItem {
  const { commit, entry } = node;
  const item = new vscode.TreeItem(commit.subject || commit.sha.slice(0, 10), vscode.TreeItemCollapsibleState.None);
  item.id = `commit:${entry.note.path}:${commit.sha}:${commit.role}`;
  item.description = `${commit.sha.slice(0, 7)} · ${commit.role}`;
  item.iconPath = new vscode.ThemeIcon('git-commit');
  item.contextValue = `candor.commit.${commit.role}`;
  item.tooltip = `${commit.role}: ${commit.sha}${commit.subject ? `\n${commit.subject}` : ''}`;
  item.command = { command: 'candor.showCommit', title: 'Show Commit', arguments: [node] };
  return item;
}
