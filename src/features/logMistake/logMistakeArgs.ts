// The programmatic form of Log Mistake, for keybindings, tasks and tests:
// executeCommand('candor.logMistake', { title, severity?, tryingTo?, action?, outcome?,
//   files?: [{ path, startLine?, endLine? }], commits?: [sha], related?: [id], folder? }) → the note's Uri.
import * as path from 'path';
import * as vscode from 'vscode';
import { isSeverity, validateTitle } from '../../core/noteWriting/logMistake';
import { SEVERITIES, type Severity } from '../../core/noteFormat/noteModel';
import { noteIdProblem } from '../../core/similar/relatedNotes';

export interface LogMistakeArgs {
  title: string;
  severity?: Severity;
  tryingTo?: string;
  action?: string;
  outcome?: string;
  files?: { path: string; startLine?: number; endLine?: number }[];
  commits?: string[];
  /** Ids of earlier notes of the folder about the same mistake. */
  related?: string[];
  /** A workspace folder: its name, its path, or its Uri. */
  folder?: string | vscode.Uri;
}

export function isLogMistakeArgs(value: unknown): value is LogMistakeArgs {
  return typeof value === 'object' && value !== null && !(value instanceof vscode.Uri) && 'title' in value;
}

/** Checks everything a script can get wrong, with messages that say what to fix. */
export function checkArgs(args: LogMistakeArgs): void {
  const titleProblem = validateTitle(args.title);
  if (titleProblem) {
    throw new Error(titleProblem);
  }
  if (args.severity !== undefined && !isSeverity(args.severity)) {
    throw new Error(vscode.l10n.t('severity must be one of {0}, not "{1}".', SEVERITIES.join(', '), String(args.severity)));
  }
  for (const key of ['tryingTo', 'action', 'outcome'] as const) {
    if (args[key] !== undefined && typeof args[key] !== 'string') {
      throw new Error(vscode.l10n.t('{0} must be text.', key));
    }
  }
  if (args.files !== undefined && !Array.isArray(args.files)) {
    throw new Error(vscode.l10n.t('files must be a list of { path, startLine?, endLine? }.'));
  }
  for (const file of args.files ?? []) {
    if (typeof file?.path !== 'string' || file.path.trim() === '') {
      throw new Error(vscode.l10n.t('Each file needs a path relative to the workspace folder.'));
    }
    for (const key of ['startLine', 'endLine'] as const) {
      const n = file[key];
      if (n !== undefined && (!Number.isInteger(n) || n < 1)) {
        throw new Error(vscode.l10n.t('{0} of {1} must be a line number from 1.', key, file.path));
      }
    }
    if (file.startLine !== undefined && file.endLine !== undefined && file.endLine < file.startLine) {
      throw new Error(vscode.l10n.t('endLine of {0} is before its startLine.', file.path));
    }
  }
  if (args.commits !== undefined && (!Array.isArray(args.commits) || args.commits.some((c) => typeof c !== 'string'))) {
    throw new Error(vscode.l10n.t('commits must be a list of shas.'));
  }
  if (args.related !== undefined && (!Array.isArray(args.related) || args.related.some((id) => typeof id !== 'string' || noteIdProblem(id)))) {
    throw new Error(vscode.l10n.t('related must be a list of note ids.'));
  }
}

export function findFolder(folder: LogMistakeArgs['folder']): vscode.WorkspaceFolder | undefined {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folder === undefined) {
    return folders.length === 1 ? folders[0] : undefined;
  }
  if (folder instanceof vscode.Uri) {
    return vscode.workspace.getWorkspaceFolder(folder);
  }
  return folders.find((f) => f.name === folder || path.resolve(f.uri.fsPath) === path.resolve(folder));
}
