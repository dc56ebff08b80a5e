// Commands on one note: Set Status, Reveal in Explorer, Delete. They take a note's Uri (from a
// script or keybinding), a tree node (from the context menu), or nothing (the active editor).
import * as vscode from 'vscode';
import { STATUSES, type Status } from '../../core/noteFormat/noteModel';
import { isoSeconds } from '../../core/noteWriting/newNoteFile';
import { readIndexedNote } from '../../core/noteIndex/noteFileRead';
import { reportCommandError, type NoteEditor } from '../notes/noteEdits';
import type { NotesService } from '../notes/notesService';
import { activeNoteUri, noteUriOf } from '../notes/notePicker';
import { explainUntrusted, UntrustedWorkspaceError } from '../workspaceTrust';
import type { LearningsNode } from './learningsNodes';
import { scriptArgument } from '../commandArgs';

// A function, not a table: translations are looked up when the list is shown, not at load.
function statusDetail(status: Status): string {
  switch (status) {
    case 'open':
      return vscode.l10n.t('Still happening, or not yet contained');
    case 'mitigated':
      return vscode.l10n.t('Contained for now; permanent corrections pending');
    case 'resolved':
      return vscode.l10n.t('Recovered and corrected');
  }
}

export class NoteCommands {
  constructor(private readonly notes: NotesService, private readonly editor: NoteEditor) {}

  register(): vscode.Disposable {
    return vscode.Disposable.from(
      vscode.commands.registerCommand('candor.setStatus', (target?: unknown, status?: unknown) => this.setStatus(target, scriptArgument(status))),
      vscode.commands.registerCommand('candor.revealNote', (target?: unknown) => this.reveal(target)),
      vscode.commands.registerCommand('candor.deleteNote', (target?: unknown) => this.delete(target)),
    );
  }

  /**
   * `executeCommand('candor.setStatus', noteUri, 'resolved')` writes `status` (and `resolved:`
   * with the time, for resolved) and changes nothing else in the file. Without a status it asks.
   */
  async setStatus(target: unknown, status?: unknown): Promise<void> {
    const programmatic = status !== undefined;
    if (programmatic && !isStatus(status)) {
      throw new Error(vscode.l10n.t('candor.setStatus takes one of {0}, not "{1}".', STATUSES.join(', '), String(status)));
    }
    const uri = noteUri(target);
    if (!uri) {
      if (programmatic) {
        throw new Error(vscode.l10n.t('candor.setStatus needs the note: pass its Uri.'));
      }
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a note or pick one in the Learnings view to set its status.'));
      return;
    }
    const shown = isNode(target) ? target.entry.note.note.status : undefined;
    let chosen = status as Status | undefined;
    if (!chosen) {
      // The label is the status as written in the note, so it stays untranslated.
      const picked = await vscode.window.showQuickPick(
        STATUSES.map((s) => ({ label: s, description: statusDetail(s), picked: s === shown })),
        { title: vscode.l10n.t('Set Status'), placeHolder: shown ? vscode.l10n.t('Now {0}', shown) : undefined },
      );
      chosen = picked?.label as Status | undefined;
      if (!chosen) {
        return;
      }
    }
    const edits = [{ path: ['status'], value: chosen }, ...(chosen === 'resolved' ? [{ path: ['resolved'], value: isoSeconds(new Date()) }] : [])];
    try {
      // The tree showed one status; if the file now says another, someone changed it meanwhile.
      const onDisk = shown ? (await readIndexedNote(uri.fsPath))?.note.status : undefined;
      if (shown && onDisk && onDisk !== shown) {
        const anyway = vscode.l10n.t('Set Anyway');
        const question = vscode.l10n.t('The note\'s status was changed on disk to "{0}" since it was shown. Set it to "{1}"?', onDisk, chosen);
        const answer = await vscode.window.showWarningMessage(question, { modal: true }, anyway);
        if (answer !== anyway) {
          return;
        }
      }
      await this.editor.setFields(uri, edits);
    } catch (err) {
      if (programmatic) {
        throw err;
      }
      await reportCommandError(err, uri);
    }
  }

  async reveal(target: unknown): Promise<void> {
    const uri = noteUri(target);
    if (uri) {
      await vscode.commands.executeCommand('revealInExplorer', uri);
    }
  }

  /** Asks, then moves the note to the trash (or deletes it, if the file system has no trash and the person agrees). */
  async delete(target: unknown): Promise<void> {
    const uri = noteUri(target);
    if (!uri) {
      return;
    }
    if (!vscode.workspace.isTrusted) {
      await explainUntrusted(new UntrustedWorkspaceError(vscode.l10n.t('delete notes')));
      return;
    }
    const title = isNode(target) ? target.entry.note.note.title : vscode.workspace.asRelativePath(uri);
    const remove = vscode.l10n.t('Move to Trash');
    const detail = vscode.l10n.t('It is moved to the trash; git history keeps any committed version.');
    if ((await vscode.window.showWarningMessage(vscode.l10n.t('Delete the note "{0}"?', title), { modal: true, detail }, remove)) !== remove) {
      return;
    }
    try {
      await vscode.workspace.fs.delete(uri, { useTrash: true });
    } catch (err) {
      const permanently = vscode.l10n.t('Delete Permanently');
      const question = vscode.l10n.t('The note could not be moved to the trash ({0}). Delete it permanently?', (err as Error).message);
      const answer = await vscode.window.showWarningMessage(question, { modal: true }, permanently);
      if (answer !== permanently) {
        return;
      }
      await vscode.workspace.fs.delete(uri, { useTrash: false });
    }
    await this.notes.refreshFile(uri);
  }
}

function isStatus(value: unknown): value is Status {
  return typeof value === 'string' && (STATUSES as readonly string[]).includes(value);
}

function isNode(value: unknown): value is Extract<LearningsNode, { kind: 'note' }> {
  return typeof value === 'object' && value !== null && (value as { kind?: string }).kind === 'note';
}

/** The note a command is about: a Uri, a tree node, or the note in the active editor. */
function noteUri(target: unknown): vscode.Uri | undefined {
  return noteUriOf(target) ?? activeNoteUri();
}
