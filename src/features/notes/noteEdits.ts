// Every change Candor makes to an existing note goes through here. A note open with unsaved
// edits is changed through its editor (a WorkspaceEdit the person can see and undo), never
// behind its back; otherwise the file is rewritten atomically, merging with changes made on disk
// since it was read, and refusing (with a message) when the same field was changed there.
import * as vscode from 'vscode';
import { applyFieldEdits, NoteConflictError, updateNoteFile, updateNoteText, type FieldEdit } from '../../core/noteWriting/safeNoteSave';
import { explainUntrusted, UntrustedWorkspaceError } from '../workspaceTrust';
import type { NotesService } from './notesService';

export class NoteEditor {
  constructor(private readonly notes: NotesService) {}

  /** Sets fields; `seen` is the note text the decision was based on, when known. */
  async setFields(uri: vscode.Uri, edits: FieldEdit[], seen?: string): Promise<void> {
    await this.change(uri, (text) => applyFieldEdits(text, edits), () => updateNoteFile(uri.fsPath, edits, seen));
  }

  /** Applies a body transform (ticking a task item). */
  async transform(uri: vscode.Uri, transform: (text: string) => string): Promise<void> {
    await this.change(uri, transform, () => updateNoteText(uri.fsPath, transform));
  }

  private async change(uri: vscode.Uri, transform: (text: string) => string, onDisk: () => Promise<unknown>): Promise<void> {
    if (!vscode.workspace.isTrusted) {
      throw new UntrustedWorkspaceError(vscode.l10n.t('change notes'));
    }
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (doc?.isDirty) {
      await replaceChangedPart(doc, transform(doc.getText()));
    } else {
      await onDisk();
    }
    await this.notes.refreshFile(uri);
  }
}

/** Replaces only the span that differs, so the editor keeps its cursor, folding and undo history. */
async function replaceChangedPart(doc: vscode.TextDocument, next: string): Promise<void> {
  const current = doc.getText();
  if (current === next) {
    return;
  }
  let start = 0;
  while (start < current.length && start < next.length && current[start] === next[start]) {
    start++;
  }
  let end = 0;
  while (end < current.length - start && end < next.length - start && current[current.length - 1 - end] === next[next.length - 1 - end]) {
    end++;
  }
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(doc.positionAt(start), doc.positionAt(current.length - end)), next.slice(start, next.length - end));
  if (!(await vscode.workspace.applyEdit(edit))) {
    throw new Error(vscode.l10n.t('{0} could not be changed in its editor.', vscode.workspace.asRelativePath(doc.uri)));
  }
}

/** What a person is told when a command fails: why, and the action that helps (trust, the note). */
export async function reportCommandError(err: unknown, uri?: vscode.Uri): Promise<void> {
  if (err instanceof UntrustedWorkspaceError) {
    await explainUntrusted(err);
    return;
  }
  if (err instanceof NoteConflictError && uri) {
    const open = vscode.l10n.t('Open Note');
    if ((await vscode.window.showWarningMessage(vscode.l10n.t('{0} Open it to see the other change, then try again.', err.message), open)) === open) {
      await vscode.window.showTextDocument(uri);
    }
    return;
  }
  void vscode.window.showErrorMessage(vscode.l10n.t('Candor: {0}', (err as Error).message));
}
