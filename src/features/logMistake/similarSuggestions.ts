// While Log Mistake goes on asking, the earlier notes most like the new one: searched as soon as
// the title is entered, shown in a non-modal message ('Similar: "Flushed the staging cache"
// (2025-03, same lines)') that never blocks the flow. A button marks a match as related: before the
// note is written it goes into its `related` field; after, the field is set in the written note.
import * as path from 'path';
import * as vscode from 'vscode';
import type { FileToLink } from '../../core/git/captureContext';
import type { SimilarNote } from '../../core/similar/similarNotes';
import type { NoteEditor } from '../notes/noteEdits';
import type { FolderNotes, NotesService } from '../notes/notesService';
import { matchLabel, type FindSimilarCommand } from '../similar/findSimilarCommand';

/** Matches below this score (words alone, barely) are not worth interrupting anyone for. */
const SUGGEST_FROM = 1.5;
const SHOWN = 2;

export class SimilarSuggestions {
  private readonly related = new Set<string>();
  private written: vscode.Uri | undefined;
  /** Settles when the search and its message are done (tests wait on it); never rejects. */
  shown: Promise<SimilarNote[]> = Promise.resolve([]);

  constructor(private readonly similar: FindSimilarCommand, private readonly notes: NotesService, private readonly editor: NoteEditor | undefined) {}

  /** Starts the search for a title (and the places being linked); returns at once. */
  start(folder: vscode.WorkspaceFolder, title: string, files: FileToLink[]): void {
    this.shown = this.search(folder, title, files).catch(() => []);
  }

  /** The ids marked related so far, for the new note. */
  relatedIds(): string[] {
    return [...this.related];
  }

  /** The note is written with `related`: a match marked related from now on (or meanwhile) is set in it. */
  noteWritten(uri: vscode.Uri, related: string[]): void {
    this.written = uri;
    if (this.related.size !== related.length) {
      void this.setInNote();
    }
  }

  /** What a button of the message does: the match goes into the note's `related`, now or when written. */
  async markRelated(id: string): Promise<void> {
    this.related.add(id);
    await this.setInNote();
  }

  private async setInNote(): Promise<void> {
    if (this.written && this.editor) {
      await this.editor.setFields(this.written, [{ path: ['related'], value: this.relatedIds() }]).catch((err: unknown) => {
        void vscode.window.showWarningMessage(vscode.l10n.t('The related notes could not be recorded: {0}', (err as Error).message));
      });
    }
  }

  private async search(workspaceFolder: vscode.WorkspaceFolder, title: string, files: FileToLink[]): Promise<SimilarNote[]> {
    const folder = (await this.notes.folderNotes()).find((f) => f.folder.uri.toString() === workspaceFolder.uri.toString());
    if (!folder || folder.problem) {
      return [];
    }
    const places = files.map((f) => ({ path: path.relative(folder.root, f.absPath).split(path.sep).join('/'), startLine: f.startLine, endLine: f.endLine }))
      .filter((f) => !f.path.startsWith('..') && !path.isAbsolute(f.path));
    const matches = (await this.similar.forDraft({ title, files: places }, [folder])).filter((m) => m.score >= SUGGEST_FROM);
    if (matches.length > 0) {
      void this.offer(folder, matches.slice(0, SHOWN));
    }
    return matches;
  }

  private async offer(folder: FolderNotes, matches: SimilarNote[]): Promise<void> {
    const buttons = matches.map((m) => ({ title: vscode.l10n.t('Related: {0}', shorten(m.title)), match: m }));
    const picked = await vscode.window.showInformationMessage(
      vscode.l10n.t('Similar: {0}', matches.map((m) => matchLabel(folder, m)).join('; ')),
      ...buttons,
    );
    if (!picked) {
      return;
    }
    await this.markRelated(picked.match.id);
  }
}

function shorten(title: string): string {
  return title.length > 32 ? `${title.slice(0, 31)}…` : title;
}
