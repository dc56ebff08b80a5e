// `candor.buildSite`: the static site of the workspace's learnings (as `candor site` builds it).
// From the palette it asks for a folder and offers to open the site; from a script,
// `executeCommand('candor.buildSite', { out })` builds into `out` and returns { out, notes, pages }
// with no UI. Workspace Trust: building only reads notes and writes the folder the person chose,
// so it works in an untrusted workspace too — but git (permalinks, time figures) runs only when trusted.
import * as path from 'path';
import * as vscode from 'vscode';
import type { GitRunner } from '../../core/git/gitRunner';
import { buildSite, type SiteResult } from '../../core/site/buildSite';
import type { NotesService } from '../notes/notesService';

export interface BuildSiteArgs {
  out?: unknown;
}

export class BuildSiteCommand {
  constructor(private readonly notes: NotesService, private readonly git: GitRunner) {}

  async run(args?: BuildSiteArgs): Promise<SiteResult | undefined> {
    const scripted = args !== undefined && typeof args === 'object' && args !== null && 'out' in args;
    if (scripted) {
      if (typeof args.out !== 'string' || args.out.trim() === '') {
        throw new Error(vscode.l10n.t('candor.buildSite needs {0}: the folder to write the site into.', '{ out: string }'));
      }
      return this.build(this.resolveOut(args.out));
    }
    const picked = await vscode.window.showOpenDialog({
      canSelectFolders: true, canSelectFiles: false, canSelectMany: false,
      openLabel: vscode.l10n.t('Build Site Here'), title: vscode.l10n.t('Candor: choose a folder for the site (new, empty, or a site built before)'),
    });
    if (!picked?.[0]) {
      return undefined;
    }
    let result: SiteResult;
    try {
      result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Candor: building the site') }, () => this.build(picked[0].fsPath));
    } catch (err) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Candor could not build the site: {0}', (err as Error).message));
      return undefined;
    }
    const open = vscode.l10n.t('Open Site');
    const choice = await vscode.window.showInformationMessage(
      vscode.l10n.t('Built {0} pages from {1} notes into {2}.', result.pages, result.notes, result.out), open);
    if (choice === open) {
      await vscode.env.openExternal(vscode.Uri.file(path.join(result.out, 'index.html')));
    }
    return result;
  }

  private async build(out: string): Promise<SiteResult> {
    const folders = (await this.notes.folderNotes()).filter((f) => !f.problem);
    if (folders.length === 0) {
      throw new Error(vscode.l10n.t('No workspace folder with notes is open.'));
    }
    const repos = folders.map((f) => ({ root: f.root, incidentsDir: f.index.dir, name: f.folder.name }));
    return buildSite(repos, vscode.workspace.isTrusted ? this.git : undefined, { out });
  }

  /** A relative `out` is taken from the first workspace folder, like a task's cwd. */
  private resolveOut(out: string): string {
    const base = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    return path.isAbsolute(out) || !base ? path.resolve(out) : path.resolve(base, out);
  }
}
