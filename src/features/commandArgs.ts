// What a command was given, by where it was run from. VS Code passes different arguments to the
// same command from each entry point: a view title bar passes the focused tree item (or nothing)
// and the selection, a view item's context menu the item and the selection, editor title and
// context menus a Uri (and the editor group), the explorer a Uri and the selected Uris, the SCM
// title bar the source control, a keybinding or the palette nothing, a script what it documents.
// Commands ask here instead of guessing from an argument's shape themselves.
import * as vscode from 'vscode';
import type { LearningsNode } from './learnings/learningsNodes';

const NODE_KINDS = new Set(['group', 'note', 'file', 'commit', 'task', 'related']);

/** A Learnings tree element, as a view title bar or context menu passes it. */
export function isTreeNode(value: unknown): value is LearningsNode {
  if (typeof value !== 'object' || value === null || value instanceof vscode.Uri) {
    return false;
  }
  const { kind } = value as { kind?: unknown };
  return typeof kind === 'string' && NODE_KINDS.has(kind) && ('entry' in value || 'group' in value);
}

/** True for arguments that only a menu or title bar passes, never a script. */
export function isMenuArgument(value: unknown): boolean {
  if (isTreeNode(value) || value instanceof vscode.Uri) {
    return true;
  }
  if (Array.isArray(value)) {
    // The selection VS Code passes next to a tree item or an explorer Uri.
    return value.length > 0 && value.every((v) => isTreeNode(v) || v instanceof vscode.Uri);
  }
  if (typeof value === 'object' && value !== null) {
    // Editor title bar: `{ groupId, editorIndex }`; SCM title bar: the SourceControl (`rootUri`).
    return 'groupId' in value || 'rootUri' in value;
  }
  return false;
}

/**
 * A script's argument, or undefined when the value came from a menu or title bar: a command that
 * takes a value from scripts (a grouping, a filter, options) then prompts as from the palette.
 */
export function scriptArgument(value: unknown): unknown {
  return isMenuArgument(value) ? undefined : value;
}

/** A Uri target: the first argument's Uri, with the explorer's multi-selection when it has one. */
export function uriTargets(first: unknown, second: unknown): vscode.Uri[] {
  if (!(first instanceof vscode.Uri)) {
    return [];
  }
  const selected = Array.isArray(second) ? second.filter((u): u is vscode.Uri => u instanceof vscode.Uri) : [];
  return selected.some((u) => u.toString() === first.toString()) ? selected : [first];
}
