// A gutter marker on linked lines of visible editors, and a badge on linked files in the
// explorer, both from the in-memory links.
import * as path from 'path';
import * as vscode from 'vscode';
import type { LinkedCode } from './linkedCode';

const UPDATE_DELAY_MS = 250;

export class LearningDecorations implements vscode.Disposable {
  private readonly gutter: vscode.TextEditorDecorationType;
  private readonly subscriptions: vscode.Disposable[];
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly linked: LinkedCode, extensionUri: vscode.Uri) {
    this.gutter = vscode.window.createTextEditorDecorationType({
      gutterIconPath: vscode.Uri.joinPath(extensionUri, 'media', 'gutter-learning.svg'),
      gutterIconSize: 'contain',
      overviewRulerColor: new vscode.ThemeColor('editorOverviewRuler.infoForeground'),
      overviewRulerLane: vscode.OverviewRulerLane.Left,
    });
    this.subscriptions = [
      this.gutter,
      linked.onDidChange(() => this.schedule()),
      vscode.window.onDidChangeVisibleTextEditors(() => this.schedule()),
      vscode.workspace.onDidChangeTextDocument((e) => vscode.window.visibleTextEditors.some((ed) => ed.document === e.document) && this.schedule()),
    ];
    this.schedule();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), UPDATE_DELAY_MS);
  }

  private async update(): Promise<void> {
    for (const editor of vscode.window.visibleTextEditors) {
      const located = await this.linked.locate(editor.document).catch(() => []);
      editor.setDecorations(this.gutter, located.flatMap((l) => (l.range ? [l.range] : [])));
    }
  }

  dispose(): void {
    clearTimeout(this.timer);
    vscode.Disposable.from(...this.subscriptions).dispose();
  }
}

export class LearningFileDecorations implements vscode.FileDecorationProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri | vscode.Uri[] | undefined>();
  readonly onDidChangeFileDecorations = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly linked: LinkedCode) {
    this.subscription = linked.onDidChange(() => this.changed.fire(undefined));
  }

  async provideFileDecoration(uri: vscode.Uri): Promise<vscode.FileDecoration | undefined> {
    if (uri.scheme !== 'file') {
      return undefined;
    }
    const refs = (await this.linked.linksByFile()).get(path.resolve(uri.fsPath));
    if (!refs?.length) {
      return undefined;
    }
    const titles = [...new Set(refs.map((r) => r.entry.note.note.title))];
    const shown = `${titles.slice(0, 3).join('; ')}${titles.length > 3 ? '…' : ''}`;
    const tooltip = titles.length === 1 ? vscode.l10n.t('1 learning: {0}', shown) : vscode.l10n.t('{0} learnings: {1}', titles.length, shown);
    return new vscode.FileDecoration('◆', tooltip);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
