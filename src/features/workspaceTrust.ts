// Candor reads notes anywhere but runs git and writes only in a trusted workspace.
import * as vscode from 'vscode';
import { GitRunner } from '../core/git/gitRunner';

export class UntrustedWorkspaceError extends Error {
  constructor(action: string) {
    // `action` comes in already translated (a verb phrase such as "change notes"), and fits twice.
    super(vscode.l10n.t({
      message: 'Candor does not {0} in an untrusted workspace: notes there may come from someone else, and git would run programs their repository names. Trust the workspace to {0}.',
      args: [action],
      comment: ['{0} is a verb phrase, such as "change notes" or "run git to filter notes"'],
    }));
    this.name = 'UntrustedWorkspaceError';
  }
}

/** The git runner for the editor: it asks Workspace Trust before every process. */
export function createGitRunner(): GitRunner {
  return new GitRunner({ isTrusted: () => vscode.workspace.isTrusted });
}

/** Tells the person why nothing happens, with a way to manage trust. */
export async function explainUntrusted(error: UntrustedWorkspaceError): Promise<void> {
  const manage = vscode.l10n.t('Manage Workspace Trust');
  if ((await vscode.window.showWarningMessage(error.message, manage)) === manage) {
    await vscode.commands.executeCommand('workbench.trust.manage');
  }
}
