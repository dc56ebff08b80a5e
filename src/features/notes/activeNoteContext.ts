// The `candor.activeEditorIsNote` context key, so a note's editor title bar can offer Draft
// Disclosure (and a `when` clause can tell notes from other Markdown).
import * as vscode from 'vscode';
import type { NotesService } from './notesService';

export function trackActiveNote(notes: NotesService): vscode.Disposable {
  const update = async (editor: vscode.TextEditor | undefined) => {
    const isNote = editor ? await notes.isNoteDocument(editor.document) : false;
    await vscode.commands.executeCommand('setContext', 'candor.activeEditorIsNote', isNote);
  };
  void update(vscode.window.activeTextEditor);
  return vscode.window.onDidChangeActiveTextEditor((editor) => void update(editor));
}
