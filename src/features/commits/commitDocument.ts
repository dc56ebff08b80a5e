// A read-only document showing a commit (`git show`), so a commit linked from a note can be
// read without leaving the editor and without depending on another extension.
import * as vscode from 'vscode';
import type { GitRunner } from '../../core/git/gitRunner';
import { GitUntrustedError } from '../../core/git/gitRunner';
import { showCommit } from '../../core/git/repoQueries';
import { SHA_PATTERN } from '../../core/noteFormat/noteModel';

export const COMMIT_SCHEME = 'candor-commit';

export function commitUri(root: string, sha: string, subject?: string): vscode.Uri {
  const name = `${sha.slice(0, 7)} ${(subject ?? '').replace(/[\\/\r\n]/g, ' ').slice(0, 60)}`.trim();
  return vscode.Uri.from({ scheme: COMMIT_SCHEME, path: `/${name}.diff`, query: new URLSearchParams({ root, sha }).toString() });
}

export class CommitDocumentProvider implements vscode.TextDocumentContentProvider {
  constructor(private readonly git: GitRunner) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const params = new URLSearchParams(uri.query);
    const root = params.get('root') ?? '';
    const sha = params.get('sha') ?? '';
    if (!SHA_PATTERN.test(sha)) {
      return vscode.l10n.t('"{0}" is not a commit sha.', sha);
    }
    try {
      return await showCommit(this.git, root, sha);
    } catch (err) {
      if (err instanceof GitUntrustedError) {
        return vscode.l10n.t('Candor does not run git in an untrusted workspace. Trust the workspace to see this commit.');
      }
      return vscode.l10n.t('The commit {0} could not be shown: {1}', sha, (err as Error).message);
    }
  }
}
