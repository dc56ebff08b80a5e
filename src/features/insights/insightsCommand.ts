// `candor.showInsights`: the figures of a workspace folder's notes as a report with charts, or —
// with `{ format: 'json' }` — as an object for scripts, with no UI.
import * as path from 'path';
import * as vscode from 'vscode';
import type { GitRunner } from '../../core/git/gitRunner';
import type { Insights } from '../../core/insights/insights';
import { gatherInsights, insightsMarkdown } from '../../core/insights/insightsReport';
import type { FolderNotes, NotesService } from '../notes/notesService';
import { runLongWork } from '../longWork';
import { pickNotesFolder } from '../notes/folderPicker';
import { insightsHtml } from './insightsHtml';

export interface InsightsArgs {
  format?: 'json' | 'report';
  /** A workspace folder's name or path; the first folder with notes by default. */
  folder?: string;
}

export class InsightsCommand {
  private panel: vscode.WebviewPanel | undefined;
  private listener: vscode.Disposable | undefined;

  constructor(private readonly notes: NotesService, private readonly git: GitRunner) {}

  async run(args?: InsightsArgs): Promise<Insights | undefined> {
    const folder = await pickNotesFolder(this.notes, args?.folder, args?.format === 'json', vscode.l10n.t('Insights for which folder?'));
    if (!folder) {
      if (args?.format === 'json') {
        throw new Error(args.folder ? vscode.l10n.t('No workspace folder matches "{0}".', args.folder) : vscode.l10n.t('No workspace folder is open.'));
      }
      return undefined;
    }
    const insights = await this.compute(folder);
    if (!insights || args?.format === 'json') {
      return insights;
    }
    this.show(folder, insights);
    return insights;
  }

  /** The figures; undefined when the person cancelled (a long history takes a while to search). */
  private async compute(folder: FolderNotes): Promise<Insights | undefined> {
    const parsed = folder.index.list();
    // Commit times and trailer fixes need git: in an untrusted workspace those figures stay empty.
    const result = await runLongWork(vscode.l10n.t('Candor: computing insights'), async (progress) => {
      progress.report(0, parsed.length);
      const insights = await gatherInsights(parsed, vscode.workspace.isTrusted ? this.git : undefined, folder.root, undefined, progress.signal);
      progress.report(parsed.length, parsed.length);
      return insights;
    });
    if (result.cancelled) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Insights cancelled.'));
      return undefined;
    }
    return result.value;
  }

  private show(folder: FolderNotes, insights: Insights): void {
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel('candor.insights', vscode.l10n.t('Candor Insights'), vscode.ViewColumn.Active, { enableScripts: true, localResourceRoots: [] });
      this.panel.onDidDispose(() => (this.panel = undefined));
    }
    const panel = this.panel;
    panel.title = vscode.l10n.t('Insights: {0}', folder.folder.name);
    panel.webview.html = insightsHtml(insights, folder.folder.name, panel.webview.cspSource, nonce(), vscode.workspace.isTrusted);
    // One listener for the panel's current figures: a panel shown again keeps only the newest.
    this.listener?.dispose();
    this.listener = panel.webview.onDidReceiveMessage(async (message: { type?: string }) => {
      if (message?.type === 'export') {
        await exportMarkdown(folder, insights);
      } else if (message?.type === 'refresh') {
        const fresh = await this.compute(folder);
        if (fresh) {
          insights = fresh;
          panel.webview.html = insightsHtml(fresh, folder.folder.name, panel.webview.cspSource, nonce(), vscode.workspace.isTrusted);
        }
      }
    });
    panel.reveal();
  }
}

async function exportMarkdown(folder: FolderNotes, insights: Insights): Promise<void> {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Candor writes nothing in an untrusted workspace.'));
    return;
  }
  const target = await vscode.window.showSaveDialog({
    defaultUri: vscode.Uri.file(path.join(folder.root, 'docs', 'incident-insights.md')),
    filters: { Markdown: ['md'] },
    title: vscode.l10n.t('Export insights as Markdown'),
  });
  if (!target) {
    return;
  }
  if (path.resolve(path.dirname(target.fsPath)) === path.resolve(folder.index.dir)) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Save the report outside the incidents folder: every Markdown file there is read as a note.'));
    return;
  }
  await vscode.workspace.fs.writeFile(target, Buffer.from(insightsMarkdown(insights, `Incident insights: ${folder.folder.name}`), 'utf8'));
  await vscode.window.showTextDocument(target);
}

function nonce(): string {
  return Array.from({ length: 24 }, () => Math.floor(Math.random() * 36).toString(36)).join('');
}
