// `candor.insertTrailer`: puts `Incident: <id>` into the Source Control commit message box
// (through the built-in git extension's API), so the fix commit names the note.
import * as vscode from 'vscode';
import { withIncidentTrailer } from '../../core/git/trailers';
import { pickNote } from '../notes/notePicker';
import type { NotesService } from '../notes/notesService';

interface GitInputBox { value: string }
interface GitRepository { rootUri: vscode.Uri; inputBox: GitInputBox }
interface GitApi { repositories: GitRepository[] }
interface GitExtension { getAPI(version: 1): GitApi }

export async function insertTrailer(notes: NotesService, target?: unknown): Promise<string | undefined> {
  const entry = await pickNote(notes, target, vscode.l10n.t('Name which note in the commit message?'));
  if (!entry) {
    return undefined;
  }
  const extension = vscode.extensions.getExtension<GitExtension>('vscode.git');
  if (!extension) {
    void vscode.window.showWarningMessage(vscode.l10n.t('The built-in Git extension is not available (disabled, or the workspace is not trusted).'));
    return undefined;
  }
  const api = (extension.isActive ? extension.exports : await extension.activate()).getAPI(1);
  // The repository holding the note's linked code is the one whose root contains the note.
  const notePath = entry.note.path;
  const repo = api.repositories
    .filter((r) => notePath.startsWith(r.rootUri.fsPath))
    .sort((a, b) => b.rootUri.fsPath.length - a.rootUri.fsPath.length)[0] ?? api.repositories[0];
  if (!repo) {
    void vscode.window.showWarningMessage(vscode.l10n.t('No git repository is open in Source Control.'));
    return undefined;
  }
  repo.inputBox.value = withIncidentTrailer(repo.inputBox.value, entry.note.note.id);
  await vscode.commands.executeCommand('workbench.view.scm');
  return repo.inputBox.value;
}
