// Shared by the integration tests: the activated extension's API and small waiting helpers.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { CandorApi } from '../../src/extension';
import type { LearningsNode } from '../../src/features/learnings/learningsNodes';

export async function candor(): Promise<CandorApi> {
  const ext = vscode.extensions.getExtension<CandorApi>('candor.candor');
  if (!ext) {
    throw new Error('extension candor.candor is not installed in this host');
  }
  return ext.activate();
}

export function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    throw new Error('the tests need a workspace folder');
  }
  return folder.uri.fsPath;
}

export function incidentsDir(): string {
  return path.join(workspaceRoot(), 'incidents');
}

/** Polls until `check` returns a value (not undefined/false), or fails after `ms`. */
export async function waitFor<T>(what: string, check: () => T | undefined | false | Promise<T | undefined | false>, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The tree as the view would render it: group labels → note labels, with items. */
export async function treeSnapshot(api: CandorApi): Promise<{ group: string; notes: { node: LearningsNode; item: vscode.TreeItem }[] }[]> {
  const groups = await api.learnings.getChildren();
  const out = [];
  for (const group of groups) {
    const groupItem = api.learnings.getTreeItem(group);
    const notes = (await api.learnings.getChildren(group)).map((node) => ({ node, item: api.learnings.getTreeItem(node) }));
    out.push({ group: String(groupItem.label), notes });
  }
  return out;
}

export function clearIncidents(): void {
  fs.rmSync(incidentsDir(), { recursive: true, force: true });
}
