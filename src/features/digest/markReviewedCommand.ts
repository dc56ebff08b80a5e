// `candor.markReviewed`: after the learning review, writes `reviewed: <time>` into the notes the
// team went over, changing nothing else in them (the byte-preserving rewrite, or the open editor
// when it has unsaved edits). The next digest starts from the latest review.
//
// Entry points: a note's tree item (and the selection, when the tree allows several), the note
// editor's title bar (its Uri), the palette (the active note, else a pick of notes), a digest's
// document (`candor-digest:`: every note it names, at the digest's end, so the next one starts
// exactly where it stopped), and scripts: `executeCommand('candor.markReviewed', noteUri | noteUri[])`
// returns the updated Uris; bad arguments reject with a message and write nothing.
import * as vscode from 'vscode';
import { digestNoteIds } from '../../core/digest/digestModel';
import { hasErrors } from '../../core/noteFormat/noteModel';
import { isoSeconds } from '../../core/noteWriting/newNoteFile';
import { isTreeNode } from '../commandArgs';
import { reportCommandError, type NoteEditor } from '../notes/noteEdits';
import { activeNoteUri } from '../notes/notePicker';
import type { NoteEntry, NotesService } from '../notes/notesService';
import { DIGEST_SCHEME, type ShownDigest } from './digestCommand';

export class MarkReviewedCommand {
  constructor(
    private readonly notes: NotesService,
    private readonly editor: NoteEditor,
    private readonly digestOf: (uri: vscode.Uri) => ShownDigest | undefined,
  ) {}

  async run(first?: unknown, second?: unknown): Promise<vscode.Uri[]> {
    return this.execute(first, second, isScripted(first, second));
  }

  /** "Mark All as Reviewed" on a digest shown to a person: problems are told, not thrown. */
  async markDigest(digestUri: vscode.Uri): Promise<vscode.Uri[]> {
    return this.execute(digestUri, undefined, false);
  }

  private async execute(first: unknown, second: unknown, scripted: boolean): Promise<vscode.Uri[]> {
    try {
      const targets = await this.targets(first, second, scripted);
      if (!targets) {
        return [];
      }
      return await this.mark(targets.entries, targets.at, scripted);
    } catch (err) {
      if (scripted) {
        throw err;
      }
      await reportCommandError(err);
      return [];
    }
  }

  /** The notes to mark and the time to write; undefined when the person cancelled. */
  private async targets(first: unknown, second: unknown, scripted: boolean): Promise<{ entries: NoteEntry[]; at: Date } | undefined> {
    if (first instanceof vscode.Uri && first.scheme === DIGEST_SCHEME) {
      return this.digestTargets(first);
    }
    if (isTreeNode(first)) {
      // A context menu passes the clicked item and, with multi-select, every selected one.
      const nodes = Array.isArray(second) && second.some((n) => n === first) ? second.filter(isTreeNode) : [first];
      return { entries: nodes.filter((n) => n.kind === 'note').map((n) => (n as { entry: NoteEntry }).entry), at: new Date() };
    }
    if (first instanceof vscode.Uri || Array.isArray(first)) {
      const uris = Array.isArray(first) ? first : [first];
      if (uris.length === 0 || !uris.every((u) => u instanceof vscode.Uri)) {
        throw new Error(vscode.l10n.t('candor.markReviewed takes a note\'s Uri or a list of them.'));
      }
      return { entries: await this.entriesOf(uris as vscode.Uri[]), at: new Date() };
    }
    if (scripted) {
      throw new Error(vscode.l10n.t('candor.markReviewed takes a note\'s Uri or a list of them, not {0}.', JSON.stringify(first) ?? String(first)));
    }
    const active = activeNoteUri();
    const entry = active ? await this.notes.find(active) : undefined;
    if (entry) {
      return { entries: [entry], at: new Date() };
    }
    const picked = await this.pick();
    return picked.length === 0 ? undefined : { entries: picked, at: new Date() };
  }

  private async digestTargets(uri: vscode.Uri): Promise<{ entries: NoteEntry[]; at: Date }> {
    const shown = this.digestOf(uri);
    if (!shown) {
      throw new Error(vscode.l10n.t('This digest is no longer available: show it again, then mark it.'));
    }
    const ids = new Set(digestNoteIds(shown.digest));
    const entries = shown.folder.index.list().filter((n) => ids.has(n.note.id)).map((note) => ({ folder: shown.folder, note }));
    return { entries, at: new Date(shown.digest.until) };
  }

  private async entriesOf(uris: vscode.Uri[]): Promise<NoteEntry[]> {
    const entries: NoteEntry[] = [];
    for (const uri of uris) {
      const entry = await this.notes.find(uri);
      if (!entry) {
        throw new Error(vscode.l10n.t('{0} is not a note in an incidents folder.', vscode.workspace.asRelativePath(uri)));
      }
      if (hasErrors(entry.note)) {
        throw new Error(vscode.l10n.t('{0} cannot be read in full; fix what Candor reports in it first.', vscode.workspace.asRelativePath(uri)));
      }
      entries.push(entry);
    }
    return entries;
  }

  private async pick(): Promise<NoteEntry[]> {
    const entries = (await this.notes.all()).filter((e) => !hasErrors(e.note));
    if (entries.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('There are no notes to mark as reviewed yet.'));
      return [];
    }
    const items = entries
      .sort((a, b) => (b.note.note.logged ?? b.note.note.occurred ?? '').localeCompare(a.note.note.logged ?? a.note.note.occurred ?? ''))
      .map((entry) => ({
        label: entry.note.note.title,
        description: entry.note.note.reviewed ? vscode.l10n.t('reviewed {0}', entry.note.note.reviewed.slice(0, 10)) : vscode.l10n.t('not reviewed yet'),
        detail: entry.note.note.id,
        entry,
      }));
    const picked = await vscode.window.showQuickPick(items, { canPickMany: true, matchOnDetail: true, placeHolder: vscode.l10n.t('Which notes did the team go over in its learning review?') });
    return picked?.map((p) => p.entry) ?? [];
  }

  private async mark(entries: NoteEntry[], at: Date, scripted: boolean): Promise<vscode.Uri[]> {
    const unique = [...new Map(entries.map((e) => [e.note.path, e])).values()];
    const value = isoSeconds(at);
    const done: vscode.Uri[] = [];
    const failed: string[] = [];
    for (const entry of unique) {
      const uri = vscode.Uri.file(entry.note.path);
      try {
        await this.editor.setFields(uri, [{ path: ['reviewed'], value }]);
        done.push(uri);
      } catch (err) {
        if (scripted || unique.length === 1) {
          throw err;
        }
        failed.push(`${entry.note.note.id}: ${(err as Error).message}`);
      }
    }
    if (!scripted) {
      if (failed.length > 0) {
        void vscode.window.showWarningMessage(vscode.l10n.t('Marked {0} notes as reviewed; {1} could not be: {2}', done.length, failed.length, failed.join('; ')));
      } else if (done.length > 1) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Marked {0} notes as reviewed: the next digest starts from {1}.', done.length, value));
      }
    }
    return done;
  }
}

/**
 * Whether the call came from a script, which gets errors as rejections rather than messages.
 * Menus pass a tree node or an editor's Uri; the palette passes nothing.
 */
function isScripted(first: unknown, second: unknown): boolean {
  if (first === undefined || isTreeNode(first)) {
    return false;
  }
  if (first instanceof vscode.Uri) {
    // The editor title bar passes `{ groupId }` after the Uri; a script passes nothing.
    return second === undefined;
  }
  return true;
}
