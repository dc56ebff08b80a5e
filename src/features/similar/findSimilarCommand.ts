// Candor: Find Similar Mistakes: the past notes most like a note, best first, each with why.
// From a note's tree item or the palette (the active note, else one picked) it shows a quick pick
// and opens the note picked; from a script, `executeCommand('candor.findSimilar', noteUri)` or
// `executeCommand('candor.findSimilar', { text?, files?: [{ path, startLine?, endLine? }] })`
// returns `[{ id, title, score, reasons }]` with no UI, and rejects bad arguments with a message.
import * as vscode from 'vscode';
import type { GitRunner } from '../../core/git/gitRunner';
import { readDraftQuery } from '../../core/similar/similarArgs';
import { describeMatch, findSimilar, queryOfNote, MAX_SIMILAR, type SimilarNote, type SimilarQuery } from '../../core/similar/similarNotes';
import { isMenuArgument, isTreeNode } from '../commandArgs';
import { pickNote } from '../notes/notePicker';
import type { FolderNotes, NoteEntry, NotesService } from '../notes/notesService';

export class FindSimilarCommand {
  constructor(private readonly notes: NotesService, private readonly git: GitRunner) {}

  async run(target?: unknown, second?: unknown): Promise<SimilarNote[] | undefined> {
    // A script passes a Uri alone, or a draft; a menu passes a tree item, or a Uri with the editor group.
    if (target instanceof vscode.Uri && !isMenuArgument(second)) {
      return this.forNote(await this.requireNote(target));
    }
    if (target !== undefined && !isTreeNode(target) && !isMenuArgument(target)) {
      return this.forDraft(readDraftQuery(target));
    }
    const entry = await pickNote(this.notes, target, vscode.l10n.t('Find mistakes like which note?'));
    if (!entry) {
      return undefined;
    }
    const matches = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Finding similar mistakes…') },
      () => this.forNote(entry),
    );
    await showMatches(entry.folder, matches, entry.note.note.title);
    return matches;
  }

  /** The notes like `entry`, in its folder. */
  forNote(entry: NoteEntry): Promise<SimilarNote[]> {
    return this.search(entry.folder, queryOfNote(entry.note.note));
  }

  /** The notes like a draft: each folder searched, the best of all kept. */
  async forDraft(query: SimilarQuery, folders?: FolderNotes[]): Promise<SimilarNote[]> {
    const all = folders ?? await this.notes.folderNotes();
    const found = (await Promise.all(all.filter((f) => !f.problem).map((f) => this.search(f, query)))).flat();
    return found.sort((a, b) => b.score - a.score || b.id.localeCompare(a.id)).slice(0, MAX_SIMILAR);
  }

  private search(folder: FolderNotes, query: SimilarQuery): Promise<SimilarNote[]> {
    // Git runs only in a trusted workspace; elsewhere the linked lines are found by their text.
    const git = vscode.workspace.isTrusted ? this.git : undefined;
    return findSimilar(folder.index.list(), query, { repoRoot: folder.root, git });
  }

  private async requireNote(uri: vscode.Uri): Promise<NoteEntry> {
    const entry = await this.notes.find(uri);
    if (!entry) {
      throw new Error(vscode.l10n.t('{0} is not a note in an incidents folder.', vscode.workspace.asRelativePath(uri)));
    }
    return entry;
  }
}

/** The matches in a quick pick; the one picked opens. */
export async function showMatches(folder: FolderNotes, matches: SimilarNote[], title: string): Promise<void> {
  if (matches.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No earlier note looks like "{0}".', title));
    return;
  }
  const byId = new Map(folder.index.list().map((n) => [n.note.id, n]));
  const picked = await vscode.window.showQuickPick(
    matches.map((match) => {
      const note = byId.get(match.id)?.note;
      return {
        label: match.title,
        description: (note?.occurred ?? note?.logged ?? match.id).slice(0, 10),
        detail: match.reasons.join(' · '),
        match,
      };
    }),
    { title: vscode.l10n.t('Mistakes like "{0}"', title), placeHolder: vscode.l10n.t('Best first; pick one to open it'), matchOnDetail: true },
  );
  const file = picked ? byId.get(picked.match.id)?.path : undefined;
  if (file) {
    await vscode.commands.executeCommand('candor.openNote', vscode.Uri.file(file), { preview: true });
  }
}

/** `"Flushed the staging cache" (2025-03, same lines)` for a match in `folder`. */
export function matchLabel(folder: FolderNotes, match: SimilarNote): string {
  return describeMatch(match, folder.index.list().find((n) => n.note.id === match.id)?.note);
}
