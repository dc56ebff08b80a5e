// A CodeLens above each linked range names the learning; clicking it opens the note.
import * as vscode from 'vscode';
import { severityAndStatus } from '../notes/shownValues';
import type { LinkedCode } from './linkedCode';

export class LearningCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly linked: LinkedCode) {
    this.subscriptions = [
      linked.onDidChange(() => this.changed.fire()),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('candor.codeLens.enabled') && this.changed.fire()),
    ];
  }

  async provideCodeLenses(doc: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    if (!vscode.workspace.getConfiguration('candor', doc.uri).get<boolean>('codeLens.enabled', true)) {
      return [];
    }
    return (await this.linked.locate(doc))
      .filter((l) => l.range)
      .map((l) => new vscode.CodeLens(new vscode.Range(l.range!.start.line, 0, l.range!.start.line, 0), {
        title: vscode.l10n.t('$(lightbulb) Learning: {0}', l.entry.note.note.title),
        tooltip: vscode.l10n.t('{0} — open the note', severityAndStatus(l.entry.note)),
        command: 'candor.openNote',
        arguments: [vscode.Uri.file(l.entry.note.path)],
      }));
  }

  dispose(): void {
    vscode.Disposable.from(...this.subscriptions).dispose();
    this.changed.dispose();
  }
}
