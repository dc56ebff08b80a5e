// Copy Permalink: a web link to a linked file's recorded lines, or to a commit, on the `origin`
// remote, at the recorded commit so the link never drifts.
import * as vscode from 'vscode';
import type { GitRunner } from '../../core/git/gitRunner';
import { commitUrl, fileUrl, originRemote, type HostKind } from '../../core/repository/permalinks';
import type { LearningsNode } from './learningsNodes';

export function customHosts(): Record<string, HostKind> {
  return vscode.workspace.getConfiguration('candor').get<Record<string, HostKind>>('permalinks.hosts', {});
}

/** Returns the link (also for scripts and tests) after putting it on the clipboard. */
export async function copyPermalink(git: GitRunner, node?: LearningsNode): Promise<string | undefined> {
  if (node?.kind !== 'file' && node?.kind !== 'commit') {
    return undefined;
  }
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Candor reads the origin remote with git, which it does not run in an untrusted workspace.'));
    return undefined;
  }
  const remote = await originRemote(git, node.entry.folder.root, customHosts());
  if (!remote) {
    void vscode.window.showWarningMessage(vscode.l10n.t('No permalink: the repository has no `origin` remote on GitHub, GitLab, Bitbucket or Azure DevOps. Self-hosted servers can be named in `candor.permalinks.hosts`.'));
    return undefined;
  }
  let url: string | undefined;
  if (node.kind === 'commit') {
    url = commitUrl(remote, node.commit.sha);
  } else {
    const sha = node.file.commit ?? node.entry.note.note.head;
    url = sha ? fileUrl(remote, sha, node.file.path, node.file.lines) : undefined;
    if (!sha) {
      void vscode.window.showWarningMessage(vscode.l10n.t('No permalink: no commit was recorded for {0}.', node.file.path));
      return undefined;
    }
  }
  if (!url) {
    void vscode.window.showWarningMessage(vscode.l10n.t('No permalink could be made from this link.'));
    return undefined;
  }
  await vscode.env.clipboard.writeText(url);
  vscode.window.setStatusBarMessage(vscode.l10n.t('$(link) Copied {0}', url), 4000);
  return url;
}
