// Commands on one note: Set Status, Reveal in Explorer, Delete. They take a note's Uri (from a
// script or keybinding), a tree node (from the context menu), or nothing (the active editor).
import * as vscode from 'vscode';
import { STATUSES, type Status } from '../../core/noteModel';
import { isoSeconds } from '../../core/noteWriter';
import { readIndexedNote } from '../../core/noteIndex';
import { reportEditError, type NoteEditor } from '../notes/noteEdits';
import type { NotesService } from '../notes/notesService';
import { explainUntrusted, UntrustedWorkspaceError } from '../workspaceTrust';
import type { LearningsNode } from './learningsNodes';

const STATUS_DETAILS: Record<Status, string> = {
  open: 'Still happening, or not yet contained',
  mitigated: 'Contained for now; permanent corrections pending',
  resolved: 'Recovered and corrected',
};

export class NoteCommands {
  constructor(private readonly notes: NotesService, private readonly editor: NoteEditor) {}

  register(): vscode.Disposable {
    return vscode.Disposable.from(
      vscode.commands.registerCommand('candor.setStatus', (target?: unknown, status?: unknown) => this.setStatus(target, status)),
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
      throw new Error(`candor.setStatus takes one of ${STATUSES.join(', ')}, not "${String(status)}".`);
    }
    const uri = noteUri(target);
    if (!uri) {
      if (programmatic) {
        throw new Error('candor.setStatus needs the note: pass its Uri.');
      }
      void vscode.window.showInformationMessage('Open a note or pick one in the Learnings view to set its status.');
      return;
    }
    const shown = isNode(target) ? target.entry.note.note.status : undefined;
    let chosen = status as Status | undefined;
    if (!chosen) {
      const picked = await vscode.window.showQuickPick(
        STATUSES.map((s) => ({ label: s, description: STATUS_DETAILS[s], picked: s === shown })),
        { title: 'Set Status', placeHolder: shown ? `Now ${shown}` : undefined },
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
        const anyway = 'Set Anyway';
        const answer = await vscode.window.showWarningMessage(`The note's status was changed on disk to "${onDisk}" since it was shown. Set it to "${chosen}"?`, { modal: true }, anyway);
        if (answer !== anyway) {
          return;
        }
      }
      await this.editor.setFields(uri, edits);
    } catch (err) {
      if (programmatic) {
        throw err;
      }
      if (err instanceof UntrustedWorkspaceError) {
        await explainUntrusted(err);
      } else {
        await reportEditError(err, uri);
      }
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
      await explainUntrusted(new UntrustedWorkspaceError('delete notes'));
      return;
    }
    const title = isNode(target) ? target.entry.note.note.title : vscode.workspace.asRelativePath(uri);
    const remove = 'Move to Trash';
    if ((await vscode.window.showWarningMessage(`Delete the note "${title}"?`, { modal: true, detail: 'It is moved to the trash; git history keeps any committed version.' }, remove)) !== remove) {
      return;
    }
    try {
      await vscode.workspace.fs.delete(uri, { useTrash: true });
    } catch (err) {
      const permanently = 'Delete Permanently';
      const answer = await vscode.window.showWarningMessage(`The note could not be moved to the trash (${(err as Error).message}). Delete it permanently?`, { modal: true }, permanently);
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
  if (target instanceof vscode.Uri) {
    return target;
  }
  if (typeof target === 'object' && target !== null && 'entry' in target) {
    return vscode.Uri.file((target as { entry: { note: { path: string } } }).entry.note.path);
  }
  const active = vscode.window.activeTextEditor?.document;
  return active?.languageId === 'markdown' && active.uri.scheme === 'file' ? active.uri : undefined;
}
