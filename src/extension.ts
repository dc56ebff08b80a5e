// Wires Candor's features together; the logic lives in src/core and the feature folders.
import * as vscode from 'vscode';
import { COMMIT_SCHEME, CommitDocumentProvider } from './features/commits/commitDocument';
import { LearningsView } from './features/learnings/learningsView';
import { openLinkedFile, openNote, showCommit } from './features/learnings/navigationCommands';
import { NoteCommands } from './features/learnings/noteCommands';
import { copyPermalink } from './features/learnings/permalinkCommand';
import { LogMistakeCommand } from './features/logMistake/logMistakeCommand';
import { NoteEditor } from './features/notes/noteEdits';
import { NotesService } from './features/notes/notesService';
import type { LearningsTreeProvider } from './features/learnings/learningsTree';
import { createGitRunner } from './features/workspaceTrust';

/** What the extension hands to its integration tests (and to other extensions). */
export interface CandorApi {
  notes: NotesService;
  learnings: LearningsTreeProvider;
  view: LearningsView;
}

export function activate(context: vscode.ExtensionContext): CandorApi {
  const git = createGitRunner();
  const notes = new NotesService();
  const noteEditor = new NoteEditor(notes);
  const learnings = new LearningsView(context, notes, noteEditor, git);
  const logMistake = new LogMistakeCommand(git, notes);

  context.subscriptions.push(
    notes,
    learnings,
    new NoteCommands(notes, noteEditor).register(),
    vscode.workspace.registerTextDocumentContentProvider(COMMIT_SCHEME, new CommitDocumentProvider(git)),
    vscode.commands.registerCommand('candor.logMistake', (arg?: unknown) => logMistake.run(arg)),
    vscode.commands.registerCommand('candor.refresh', () => notes.reset()),
    vscode.commands.registerCommand('candor.openNote', openNote),
    vscode.commands.registerCommand('candor.openLinkedFile', openLinkedFile),
    vscode.commands.registerCommand('candor.showCommit', showCommit),
    vscode.commands.registerCommand('candor.copyPermalink', (node?) => copyPermalink(git, node)),
    vscode.workspace.onDidChangeWorkspaceFolders(() => notes.reset()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('candor.incidentsFolder')) {
        notes.reset();
      }
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => learnings.provider.refresh()),
  );
  return { notes, learnings: learnings.provider, view: learnings };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
