// Wires Candor's features together; the logic lives in src/core and the feature folders.
import * as vscode from 'vscode';
import { COMMIT_SCHEME, CommitDocumentProvider } from './features/commits/commitDocument';
import { LearningsTreeProvider } from './features/learnings/learningsTree';
import { openLinkedFile, openNote, showCommit } from './features/learnings/navigationCommands';
import { LogMistakeCommand } from './features/logMistake/logMistakeCommand';
import { NotesService } from './features/notes/notesService';
import { createGitRunner } from './features/workspaceTrust';

/** What the extension hands to its integration tests (and to other extensions). */
export interface CandorApi {
  notes: NotesService;
  learnings: LearningsTreeProvider;
}

export function activate(context: vscode.ExtensionContext): CandorApi {
  const git = createGitRunner();
  const notes = new NotesService();
  const learnings = new LearningsTreeProvider(notes);
  const logMistake = new LogMistakeCommand(git, notes);

  context.subscriptions.push(
    notes,
    learnings,
    vscode.window.createTreeView('candor.learnings', { treeDataProvider: learnings, showCollapseAll: true }),
    vscode.workspace.registerTextDocumentContentProvider(COMMIT_SCHEME, new CommitDocumentProvider(git)),
    vscode.commands.registerCommand('candor.logMistake', (arg?: unknown) => logMistake.run(arg)),
    vscode.commands.registerCommand('candor.refresh', () => notes.reset()),
    vscode.commands.registerCommand('candor.openNote', openNote),
    vscode.commands.registerCommand('candor.openLinkedFile', openLinkedFile),
    vscode.commands.registerCommand('candor.showCommit', showCommit),
    vscode.workspace.onDidChangeWorkspaceFolders(() => notes.reset()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('candor.incidentsFolder')) {
        notes.reset();
      }
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => learnings.refresh()),
  );
  return { notes, learnings };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
