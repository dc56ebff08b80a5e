// Candor's settings, read per workspace folder (they are resource-scoped).
import * as vscode from 'vscode';
import { resolveIncidentsDir } from '../core/noteWriting/logMistake';
import { SEVERITIES, type Severity } from '../core/noteFormat/noteModel';

export function incidentsFolderSetting(folder: vscode.WorkspaceFolder): string {
  return vscode.workspace.getConfiguration('candor', folder.uri).get<string>('incidentsFolder', 'incidents');
}

/** The absolute incidents folder, or throws with a message a person can act on. */
export function incidentsDir(folder: vscode.WorkspaceFolder): string {
  return resolveIncidentsDir(folder.uri.fsPath, incidentsFolderSetting(folder));
}

export function defaultSeverity(folder: vscode.WorkspaceFolder | undefined): Severity {
  const value = vscode.workspace.getConfiguration('candor', folder?.uri).get<string>('defaultSeverity', 'medium');
  return (SEVERITIES as readonly string[]).includes(value) ? (value as Severity) : 'medium';
}
