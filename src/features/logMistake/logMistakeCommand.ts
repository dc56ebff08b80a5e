// `candor.logMistake`: from the palette, the editor and explorer menus and the Learnings title
// bar (interactive), or from a script with an argument object (no prompt at all). Either way the
// same core function writes the note.
import * as path from 'path';
import * as vscode from 'vscode';
import type { FileToLink } from '../../core/git/captureContext';
import type { GitRunner } from '../../core/git/gitRunner';
import { logMistake } from '../../core/noteWriting/logMistake';
import { firstEmptySectionLine } from '../../core/noteFormat/noteSections';
import type { NotesService } from '../notes/notesService';
import { defaultSeverity, incidentsDir } from '../settings';
import { explainUntrusted, UntrustedWorkspaceError } from '../workspaceTrust';
import { checkArgs, findFolder, isLogMistakeArgs, type LogMistakeArgs } from './logMistakeArgs';
import { askMistake } from './logMistakePrompts';
import { uriTargets } from '../commandArgs';
import type { NoteEditor } from '../notes/noteEdits';
import type { FindSimilarCommand } from '../similar/findSimilarCommand';
import { SimilarSuggestions } from './similarSuggestions';

export class LogMistakeCommand {
  /** The suggestions of the last interactive run (tests wait on `shown`). */
  lastSuggestions: SimilarSuggestions | undefined;

  constructor(private readonly git: GitRunner, private readonly notes: NotesService, private readonly similar?: FindSimilarCommand, private readonly editor?: NoteEditor) {}

  /**
   * Returns the new note's Uri, or undefined when the person cancelled. `arg` is a script's
   * argument object, a Uri (editor or explorer menu; `selected` is the explorer's selection),
   * a tree item (the Learnings title bar) or nothing (palette, keybinding).
   */
  async run(arg?: unknown, selected?: unknown): Promise<vscode.Uri | undefined> {
    if (isLogMistakeArgs(arg)) {
      return this.runProgrammatic(arg);
    }
    try {
      return await this.runInteractive(uriTargets(arg, selected));
    } catch (err) {
      if (err instanceof UntrustedWorkspaceError) {
        await explainUntrusted(err);
      } else {
        void vscode.window.showErrorMessage(vscode.l10n.t('Log Mistake failed: {0}', (err as Error).message));
      }
      return undefined;
    }
  }

  private async runProgrammatic(args: LogMistakeArgs): Promise<vscode.Uri> {
    checkArgs(args);
    requireTrust();
    const folder = findFolder(args.folder);
    if (!folder) {
      throw new Error(args.folder === undefined
        ? vscode.l10n.t('Pass `folder`: the workspace has several folders (or none).')
        : vscode.l10n.t('No workspace folder matches "{0}".', String(args.folder)));
    }
    const files: FileToLink[] = (args.files ?? []).map((f) => ({
      absPath: path.resolve(folder.uri.fsPath, f.path),
      startLine: f.startLine,
      endLine: f.startLine === undefined ? undefined : (f.endLine ?? f.startLine),
      unsavedText: unsavedText(vscode.Uri.file(path.resolve(folder.uri.fsPath, f.path))),
    }));
    const { note } = await logMistake(this.git, {
      title: args.title,
      severity: args.severity ?? defaultSeverity(folder),
      tryingTo: args.tryingTo,
      action: args.action,
      outcome: args.outcome,
      folder: folder.uri.fsPath,
      incidentsDir: incidentsDir(folder),
      files,
      commits: args.commits ?? [],
      related: await this.knownRelated(folder, args.related),
    });
    const uri = vscode.Uri.file(note.path);
    await this.notes.refreshFile(uri);
    return uri;
  }

  private knownRelated(folder: vscode.WorkspaceFolder, related: string[] | undefined): Promise<string[]> {
    return knownRelatedIn(this.notes, folder, related);
  }

  private async runInteractive(menuUris: vscode.Uri[]): Promise<vscode.Uri | undefined> {
    requireTrust();
    const target = linkTarget(menuUris);
    const folder = target.uri ? vscode.workspace.getWorkspaceFolder(target.uri) : await pickFolder();
    if (!folder) {
      if (!vscode.workspace.workspaceFolders?.length) {
        void vscode.window.showWarningMessage(vscode.l10n.t('Open a folder (a git repository) to log a mistake in it.'));
      }
      return undefined;
    }
    const dir = incidentsDir(folder);
    const others = new Set(target.files.map((f) => f.absPath)).size - 1;
    const more = others > 0 ? vscode.l10n.t(' and {0} more', others) : '';
    const linking = target.uri ? `${vscode.workspace.asRelativePath(target.uri, false)}${describeLines(target.files[0])}${more}` : '';
    const suggestions = this.similar ? new SimilarSuggestions(this.similar, this.notes, this.editor) : undefined;
    this.lastSuggestions = suggestions;
    const answers = await askMistake(defaultSeverity(folder), linking, (title) => suggestions?.start(folder, title, target.files));
    if (!answers) {
      return undefined;
    }
    const related = suggestions?.relatedIds() ?? [];
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Logging mistake…') },
      () => logMistake(this.git, { ...answers, folder: folder.uri.fsPath, incidentsDir: dir, files: target.files, commits: [], related }),
    );
    const uri = vscode.Uri.file(result.note.path);
    suggestions?.noteWritten(uri, related);
    await this.notes.refreshFile(uri);
    const editor = await vscode.window.showTextDocument(uri, { preview: false });
    const line = firstEmptySectionLine(editor.document.getText());
    if (line !== undefined && line < editor.document.lineCount) {
      editor.selection = new vscode.Selection(line, 0, line, 0);
      editor.revealRange(new vscode.Range(line, 0, line, 0), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }
    if (result.context.warnings.length > 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Logged "{0}". {1}', answers.title, result.context.warnings.join(' ')));
    }
    return uri;
  }
}

/** `related` as a script passed it: ids of notes in the folder, or an error naming the unknown one. */
async function knownRelatedIn(notes: NotesService, folder: vscode.WorkspaceFolder, related: string[] | undefined): Promise<string[]> {
  if (!related || related.length === 0) {
    return [];
  }
  const folderNotes = (await notes.folderNotes()).find((f) => f.folder.uri.toString() === folder.uri.toString());
  const ids = new Set(folderNotes?.index.list().map((n) => n.note.id) ?? []);
  const unknown = related.find((id) => !ids.has(id));
  if (unknown !== undefined) {
    throw new Error(vscode.l10n.t('related: there is no note "{0}" in {1}.', unknown, folder.name));
  }
  return related;
}

function requireTrust(): void {
  if (!vscode.workspace.isTrusted) {
    throw new UntrustedWorkspaceError(vscode.l10n.t('write notes or run git'));
  }
}

export interface LinkTarget {
  uri?: vscode.Uri;
  files: FileToLink[];
}

/**
 * What gets linked: the menu's files (the explorer's selection), else the active editor's
 * selections (the cursor line when empty) — but only files of the workspace that are not notes:
 * after a click in the Learnings tree the active editor is often the note itself, and a preview,
 * webview or output panel is no source either.
 */
export function linkTarget(menuUris: vscode.Uri[]): LinkTarget {
  const editor = vscode.window.activeTextEditor;
  const editorUri = editor?.document.uri;
  const fromEditor = editor && isWorkspaceSource(editor.document.uri)
    && (menuUris.length === 0 || (menuUris.length === 1 && menuUris[0].toString() === editorUri?.toString()));
  if (fromEditor) {
    const doc = editor.document;
    return {
      uri: doc.uri,
      files: editor.selections.map((s) => {
        // A selection ending at column 0 of the next line (whole lines selected) ends on the line before.
        const end = s.end.character === 0 && s.end.line > s.start.line ? s.end.line - 1 : s.end.line;
        return { absPath: doc.uri.fsPath, startLine: s.start.line + 1, endLine: end + 1, unsavedText: doc.isDirty ? doc.getText() : undefined };
      }),
    };
  }
  const sources = menuUris.filter(isWorkspaceSource);
  if (sources.length > 0) {
    return { uri: sources[0], files: sources.map((uri) => ({ absPath: uri.fsPath, unsavedText: unsavedText(uri) })) };
  }
  return { files: [] };
}

/** A file on disk inside a workspace folder and outside its incidents folder. */
export function isWorkspaceSource(uri: vscode.Uri | undefined): uri is vscode.Uri {
  const folder = uri?.scheme === 'file' ? vscode.workspace.getWorkspaceFolder(uri) : undefined;
  if (!uri || !folder) {
    return false;
  }
  let notes: string;
  try {
    notes = incidentsDir(folder);
  } catch {
    return true; // An unusable setting is reported when the note is written.
  }
  const rel = path.relative(notes, uri.fsPath);
  return rel.startsWith('..') || path.isAbsolute(rel);
}

function describeLines(file: FileToLink | undefined): string {
  if (!file?.startLine) {
    return '';
  }
  return file.endLine && file.endLine !== file.startLine ? `:${file.startLine}-${file.endLine}` : `:${file.startLine}`;
}

function unsavedText(uri: vscode.Uri): string | undefined {
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  return doc?.isDirty ? doc.getText() : undefined;
}

async function pickFolder(): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length <= 1) {
    return folders[0];
  }
  return vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Which folder does the mistake belong to?'), ignoreFocusOut: true });
}
