// `candor.linkCommit`: links a commit to a note as introduced, fixed or related, picked from the
// recent log (commits whose message names the note first) or given by a script.
import * as vscode from 'vscode';
import { recentCommits, resolveCommits } from '../../core/git/captureContext';
import type { GitRunner } from '../../core/git/gitRunner';
import { COMMIT_ROLES, type CommitRole } from '../../core/noteFormat/noteModel';
import { appendListItem } from '../../core/noteWriting/noteRewriter';
import { reportCommandError, type NoteEditor } from '../notes/noteEdits';
import { pickNote } from '../notes/notePicker';
import type { NotesService } from '../notes/notesService';
import { UntrustedWorkspaceError } from '../workspaceTrust';
import type { FixCommits } from './fixCommits';

// A function, not a table: translations are looked up when the list is shown, not at load.
function roleDetail(role: CommitRole): string {
  switch (role) {
    case 'introduced':
      return vscode.l10n.t('the change that brought the mistake in');
    case 'fixed':
      return vscode.l10n.t('the change that corrected it');
    case 'related':
      return vscode.l10n.t('worth reading alongside');
    case 'history':
      return vscode.l10n.t('last changed the linked lines before (git blame), not necessarily the cause');
  }
}

export class LinkCommitCommand {
  constructor(private readonly notes: NotesService, private readonly editor: NoteEditor, private readonly git: GitRunner, private readonly fixes: FixCommits) {}

  /**
   * `executeCommand('candor.linkCommit', noteUri, sha, role)` links with no prompt. From a tree
   * commit found through its trailer, it links that commit as `fixed`.
   */
  async run(target?: unknown, sha?: unknown, role?: unknown): Promise<void> {
    const programmatic = typeof sha === 'string';
    try {
      if (!vscode.workspace.isTrusted) {
        throw new UntrustedWorkspaceError(vscode.l10n.t('run git or change notes'));
      }
      if (role !== undefined && !(COMMIT_ROLES as readonly unknown[]).includes(role)) {
        throw new Error(vscode.l10n.t('The role must be one of {0}, not "{1}".', COMMIT_ROLES.join(', '), String(role)));
      }
      const fromTrailer = isTrailerCommitNode(target) ? target : undefined;
      const entry = await pickNote(this.notes, fromTrailer ? { entry: fromTrailer.entry } : target, vscode.l10n.t('Link a commit to which note?'));
      if (!entry) {
        return;
      }
      const root = entry.folder.root;
      let chosenSha = fromTrailer?.commit.sha ?? (programmatic ? sha : await this.pickCommit(root, entry.note.note.id));
      if (!chosenSha) {
        return;
      }
      const warnings: string[] = [];
      const [resolved] = await resolveCommits(this.git, root, [chosenSha], warnings);
      if (!resolved) {
        throw new Error(warnings[0] ?? vscode.l10n.t('Commit {0} is not in this repository.', chosenSha));
      }
      chosenSha = resolved.sha;
      const chosenRole = (role as CommitRole | undefined) ?? (fromTrailer ? 'fixed' : await pickRole());
      if (!chosenRole) {
        return;
      }
      if (entry.note.note.commits.some((c) => c.sha === resolved.sha && c.role === chosenRole)) {
        return;
      }
      await this.editor.transform(vscode.Uri.file(entry.note.path), (text) => appendListItem(text, 'commits', { sha: resolved.sha, role: chosenRole, subject: resolved.subject }));
    } catch (err) {
      if (programmatic) {
        throw err;
      }
      await reportCommandError(err);
    }
  }

  private async pickCommit(root: string, id: string): Promise<string | undefined> {
    const [recent, named] = await Promise.all([recentCommits(this.git, root, 50).catch(() => []), this.fixes.forNote(root, id)]);
    const namedShas = new Set(named.map((c) => c.sha));
    const items = [
      ...named.map((c) => ({ label: `$(git-commit) ${c.subject}`, description: vscode.l10n.t('{0} · names this note', c.sha.slice(0, 7)), sha: c.sha })),
      ...recent.filter((c) => !namedShas.has(c.sha)).map((c) => ({ label: `$(git-commit) ${c.subject}`, description: `${c.sha.slice(0, 7)} · ${c.author}`, sha: c.sha })),
    ];
    const picked = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Pick a commit (or type to search the last 50)'), matchOnDescription: true });
    return picked?.sha;
  }
}

async function pickRole(): Promise<CommitRole | undefined> {
  // The label is the role as written in the note, so it stays untranslated.
  const picked = await vscode.window.showQuickPick(COMMIT_ROLES.map((r) => ({ label: r, description: roleDetail(r) })), { placeHolder: vscode.l10n.t('How does this commit relate to the mistake?') });
  return picked?.label as CommitRole | undefined;
}

interface TrailerCommitNode {
  kind: 'commit';
  entry: import('../notes/notesService').NoteEntry;
  commit: { sha: string };
  fromTrailer: true;
}

function isTrailerCommitNode(value: unknown): value is TrailerCommitNode {
  return typeof value === 'object' && value !== null && (value as { kind?: string }).kind === 'commit' && (value as { fromTrailer?: boolean }).fromTrailer === true;
}
