// Which note a command is about: a Uri (scripts, keybindings), a tree node (context menus), the
// note in the active editor, or — when asked — one picked from a list.
import * as vscode from 'vscode';
import type { NoteEntry, NotesService } from './notesService';
import { statusAndSeverity } from './shownValues';

export function noteUriOf(target: unknown): vscode.Uri | undefined {
  if (target instanceof vscode.Uri) {
    return target;
  }
  if (typeof target === 'object' && target !== null && 'entry' in target) {
    return vscode.Uri.file((target as { entry: NoteEntry }).entry.note.path);
  }
  return undefined;
}

export async function pickNote(notes: NotesService, target: unknown, placeHolder: string): Promise<NoteEntry | undefined> {
  const named = noteUriOf(target);
  const uri = named ?? activeNoteUri();
  if (uri) {
    const entry = await notes.find(uri);
    if (entry) {
      return entry;
    }
    // Only a note the caller named is an error; other Markdown in the editor just is not one.
    if (named) {
      throw new Error(vscode.l10n.t('{0} is not a note in an incidents folder.', vscode.workspace.asRelativePath(uri)));
    }
  }
  const entries = (await notes.all()).filter((e) => !e.note.problems.some((p) => p.level === 'error'));
  const picked = await vscode.window.showQuickPick(
    entries
      .sort((a, b) => (b.note.note.occurred ?? '').localeCompare(a.note.note.occurred ?? ''))
      .map((entry) => ({ label: entry.note.note.title, description: statusAndSeverity(entry.note), detail: entry.note.note.id, entry })),
    { placeHolder, matchOnDetail: true },
  );
  return picked?.entry;
}

/** The active editor's document when it could be a note (a Markdown file). */
export function activeNoteUri(): vscode.Uri | undefined {
  const doc = vscode.window.activeTextEditor?.document;
  return doc?.uri.scheme === 'file' && doc.languageId === 'markdown' ? doc.uri : undefined;
}
