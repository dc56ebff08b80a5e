// Which workspace folder's notes a report (insights, the digest) is about: the one named, else the
// only one, else — from a script, which gets no UI — the first that has notes, else the person picks.
import * as path from 'path';
import * as vscode from 'vscode';
import type { FolderNotes, NotesService } from './notesService';

/** "1 note", "3 notes": the count with its noun in the right number. */
export function notesCount(n: number): string {
  return n === 1 ? vscode.l10n.t('1 note') : vscode.l10n.t('{0} notes', n);
}

export async function pickNotesFolder(notes: NotesService, name: string | undefined, programmatic: boolean, placeHolder: string): Promise<FolderNotes | undefined> {
  const folders = await notes.folderNotes();
  if (name !== undefined) {
    return folders.find((f) => f.folder.name === name || path.resolve(f.folder.uri.fsPath) === path.resolve(name));
  }
  if (folders.length <= 1 || programmatic) {
    return folders.find((f) => f.index.list().length > 0) ?? folders[0];
  }
  const picked = await vscode.window.showQuickPick(folders.map((f) => ({ label: f.folder.name, description: notesCount(f.index.list().length), f })), { placeHolder });
  return picked?.f;
}
