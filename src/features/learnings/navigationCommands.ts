// Opening what the Learnings tree shows: a note, a linked file at its lines, a commit.
import * as vscode from 'vscode';
import { FULL_SHA_PATTERN, SHA_PATTERN } from '../../core/noteFormat/noteModel';
import { resolveInside } from '../../core/repository/repoPaths';
import { commitUri } from '../commits/commitDocument';
import type { LearningsNode } from './learningsNodes';
import { isTreeNode } from '../commandArgs';

/**
 * Opens a note. A click in the tree passes `{ preview: true, preserveFocus: true }`, as the
 * explorer does, so arrow keys keep moving through the tree; the context menu opens it for work.
 */
export async function openNote(target?: unknown, options?: vscode.TextDocumentShowOptions): Promise<void> {
  const uri = target instanceof vscode.Uri ? target : isTreeNode(target) && 'entry' in target ? vscode.Uri.file(target.entry.note.path) : undefined;
  if (uri) {
    await vscode.window.showTextDocument(uri, { preview: false, ...options });
  }
}

/** `fromTree` is true for a click on the item (keep focus in the tree); menus pass other arguments. */
export async function openLinkedFile(node?: LearningsNode, fromTree?: unknown): Promise<void> {
  if (node?.kind !== 'file') {
    return;
  }
  const orphaned = node.location?.status === 'orphaned';
  const linkedPath = node.location && !orphaned ? node.location.path : node.file.path;
  const abs = resolveInside(node.entry.folder.root, linkedPath);
  if (!abs) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Candor does not open "{0}": it leaves the repository.', linkedPath));
    return;
  }
  const uri = vscode.Uri.file(abs);
  try {
    await vscode.workspace.fs.stat(uri);
  } catch {
    const reason = node.location?.reason;
    void vscode.window.showWarningMessage(reason
      ? vscode.l10n.t('{0} no longer exists in this working tree: {1}', linkedPath, reason)
      : vscode.l10n.t('{0} no longer exists in this working tree.', linkedPath));
    return;
  }
  const editor = await vscode.window.showTextDocument(uri, { preview: true, preserveFocus: fromTree === true });
  if (orphaned) {
    // Never point at lines that may be the wrong ones: open the file and say why.
    const reason = node.location?.reason ?? vscode.l10n.t('they changed too much');
    void vscode.window.showWarningMessage(vscode.l10n.t('The linked lines were not found: {0}. Re-anchor or edit the note to fix the link.', reason));
    return;
  }
  const lines = node.location ? node.location.lines : node.file.lines;
  if (lines) {
    const last = Math.min(lines[1], editor.document.lineCount) - 1;
    const first = Math.min(lines[0] - 1, last);
    const range = new vscode.Range(first, 0, last, editor.document.lineAt(last).text.length);
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
}

export async function showCommit(node?: LearningsNode): Promise<void> {
  if (node?.kind !== 'commit' || !(SHA_PATTERN.test(node.commit.sha) || FULL_SHA_PATTERN.test(node.commit.sha))) {
    return;
  }
  const doc = await vscode.workspace.openTextDocument(commitUri(node.entry.folder.root, node.commit.sha, node.commit.subject));
  await vscode.window.showTextDocument(doc, { preview: true });
}
