// Opens Candor's walkthrough ("Own a mistake with Candor") once, the first time Candor starts in
// a workspace without notes: Help → Get Started in a fresh window shows VS Code's own walkthrough,
// and a newcomer should not have to find Candor's there. Once per person (global state), not per
// workspace: someone who has seen it does not want it again in every new repository.
import * as fs from 'fs';
import * as vscode from 'vscode';
import { isNoteFileName } from '../core/noteIndex/noteIndex';
import { incidentsDir } from './settings';

export const FIRST_STEPS_SHOWN_KEY = 'candor.firstStepsShown';
const WALKTHROUGH = 'candor.candor#candor.firstSteps';

export function openFirstStepsOnce(context: vscode.ExtensionContext): vscode.Disposable {
  // The mocha suites run on one window; a walkthrough tab would get in their way.
  if (context.extensionMode === vscode.ExtensionMode.Test || context.globalState.get<boolean>(FIRST_STEPS_SHOWN_KEY)) {
    return new vscode.Disposable(() => undefined);
  }
  const maybeOpen = async (): Promise<void> => {
    // Its first step, Log Mistake, needs a trusted workspace: wait until the folder is trusted.
    if (!vscode.workspace.isTrusted || !vscode.workspace.workspaceFolders?.length || context.globalState.get<boolean>(FIRST_STEPS_SHOWN_KEY)) {
      return;
    }
    const hasNotes = hasNoteFiles();
    // Someone whose workspace already has notes has met Candor: no walkthrough, now or later.
    await context.globalState.update(FIRST_STEPS_SHOWN_KEY, true);
    if (!hasNotes) {
      await vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH, false);
    }
  };
  void maybeOpen().catch(() => undefined);
  return vscode.workspace.onDidGrantWorkspaceTrust(() => void maybeOpen().catch(() => undefined));
}

/**
 * Whether any workspace folder's incidents folder holds a note file. One directory listing, not
 * the index: reading every note at activation would cost a scan just to answer "any at all?".
 */
function hasNoteFiles(): boolean {
  return (vscode.workspace.workspaceFolders ?? []).some((folder) => {
    try {
      return fs.readdirSync(incidentsDir(folder)).some(isNoteFileName);
    } catch {
      return false; // no folder yet, or a setting that points nowhere: no notes
    }
  });
}
