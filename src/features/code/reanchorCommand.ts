// `candor.reanchor`: writes the current location of a note's links back into the note (path,
// lines, HEAD as the new recorded commit, and the lines' text as the new anchor), so the links
// keep working even for tools that read only the note. Orphaned links are left as they were.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { makeAnchor, sliceLines } from '../../core/anchoring/recordedAnchor';
import type { GitRunner } from '../../core/git/gitRunner';
import { headSha } from '../../core/git/repoQueries';
import type { FieldEdit } from '../../core/noteWriting/safeNoteSave';
import { resolveInside } from '../../core/repository/repoPaths';
import type { NoteEditor } from '../notes/noteEdits';
import { reportCommandError } from '../notes/noteEdits';
import type { NotesService } from '../notes/notesService';
import { activeNoteUri, noteUriOf } from '../notes/notePicker';
import { runLongWork } from '../longWork';
import { UntrustedWorkspaceError } from '../workspaceTrust';
import type { LinkedCode } from './linkedCode';

export interface ReanchorResult {
  updated: number;
  unchanged: number;
  orphaned: number;
}

export class ReanchorCommand {
  constructor(private readonly notes: NotesService, private readonly linked: LinkedCode, private readonly editor: NoteEditor, private readonly git: GitRunner) {}

  /** Programmatic: `executeCommand('candor.reanchor', noteUri)` returns the counts. */
  async run(target?: unknown): Promise<ReanchorResult | undefined> {
    const uri = noteUriOf(target) ?? activeNoteUri();
    const entry = uri ? await this.notes.find(uri) : undefined;
    if (!uri || !entry) {
      if (target !== undefined) {
        throw new Error(vscode.l10n.t('candor.reanchor needs a note: pass its Uri.'));
      }
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a note, or pick one in the Learnings view, to re-anchor its links.'));
      return undefined;
    }
    try {
      if (!vscode.workspace.isTrusted) {
        throw new UntrustedWorkspaceError(vscode.l10n.t('re-anchor links'));
      }
      const root = entry.folder.root;
      const links = entry.note.note.files.length;
      // Many links in large files can take a while: progress and Cancel, and nothing is written
      // unless every link was located.
      const located = await runLongWork(vscode.l10n.t('Candor: re-anchoring links'), async (progress) => {
        progress.report(0, links);
        const found = await Promise.all([headSha(this.git, root), this.linked.locateNote(entry, progress.signal)]);
        progress.report(links, links);
        return found;
      });
      if (located.cancelled) {
        if (!(target instanceof vscode.Uri)) {
          void vscode.window.showInformationMessage(vscode.l10n.t('Re-anchoring cancelled: the note is unchanged.'));
        }
        return undefined;
      }
      const [head, locations] = located.value;
      const edits: FieldEdit[] = [];
      const result: ReanchorResult = { updated: 0, unchanged: 0, orphaned: 0 };
      entry.note.note.files.forEach((file, i) => {
        const location = locations[i];
        if (location.status === 'orphaned') {
          result.orphaned++;
          return;
        }
        if (location.status === 'exact' && (!head || file.commit === head)) {
          result.unchanged++;
          return;
        }
        result.updated++;
        if (location.path !== file.path) {
          edits.push({ path: ['files', i, 'path'], value: location.path });
        }
        if (head) {
          edits.push({ path: ['files', i, 'commit'], value: head });
        }
        if (location.lines) {
          edits.push({ path: ['files', i, 'lines'], value: location.lines });
          const text = currentText(root, location.path);
          const anchor = text === undefined ? undefined : makeAnchor(sliceLines(text, location.lines[0], location.lines[1]));
          if (anchor !== undefined) {
            edits.push({ path: ['files', i, 'anchor'], value: anchor });
          }
        }
      });
      if (edits.length > 0) {
        await this.editor.setFields(uri, edits);
      }
      if (target === undefined || !(target instanceof vscode.Uri)) {
        const orphaned = result.orphaned ? vscode.l10n.t('; {0} orphaned, left as recorded', result.orphaned) : '';
        void vscode.window.showInformationMessage(result.updated === 1
          ? vscode.l10n.t('Re-anchored 1 link; {0} already in place{1}.', result.unchanged, orphaned)
          : vscode.l10n.t('Re-anchored {0} links; {1} already in place{2}.', result.updated, result.unchanged, orphaned));
      }
      return result;
    } catch (err) {
      if (target instanceof vscode.Uri) {
        throw err;
      }
      await reportCommandError(err, uri);
      return undefined;
    }
  }
}

/** The text of a file as the person sees it: an open editor's buffer, else the file on disk. */
function currentText(root: string, relative: string): string | undefined {
  const abs = resolveInside(root, relative);
  if (!abs) {
    return undefined;
  }
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && path.resolve(d.uri.fsPath) === path.resolve(abs));
  if (doc) {
    return doc.getText();
  }
  try {
    return fs.readFileSync(abs, 'utf8');
  } catch {
    return undefined;
  }
}
