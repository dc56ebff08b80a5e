// The draft opens as a read-only document beside the note (`candor-disclosure:`), so the blameless
// check can underline it like any text and the editor's title bar carries Copy, Mail and Post.
// It is drafted again whenever the note changes.
import * as path from 'path';
import * as vscode from 'vscode';
import { fullMessage } from '../../core/disclosure/draftDisclosure';
import type { DisclosureFormat } from '../../core/disclosure/disclosureFormat';
import { TemplateError } from '../../core/disclosure/template';
import type { NotesService } from '../notes/notesService';
import type { DisclosureDrafts } from './disclosureDrafts';

export const DISCLOSURE_SCHEME = 'candor-disclosure';

export function previewUri(notePath: string, format: DisclosureFormat): vscode.Uri {
  const id = path.basename(notePath, '.md');
  return vscode.Uri.from({
    scheme: DISCLOSURE_SCHEME,
    path: `/Disclosure ${id}.${format === 'text' ? 'txt' : 'md'}`,
    query: new URLSearchParams({ note: notePath, format }).toString(),
  });
}

export function previewTarget(uri: vscode.Uri): { notePath: string; format: DisclosureFormat } | undefined {
  if (uri.scheme !== DISCLOSURE_SCHEME) {
    return undefined;
  }
  const params = new URLSearchParams(uri.query);
  const notePath = params.get('note');
  return notePath ? { notePath, format: params.get('format') === 'text' ? 'text' : 'markdown' } : undefined;
}

export class DisclosurePreviewProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly notes: NotesService, private readonly drafts: DisclosureDrafts) {
    this.subscription = notes.onDidChange(() => {
      for (const doc of vscode.workspace.textDocuments.filter((d) => d.uri.scheme === DISCLOSURE_SCHEME)) {
        this.changed.fire(doc.uri);
      }
    });
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const target = previewTarget(uri);
    const entry = target ? await this.notes.find(vscode.Uri.file(target.notePath)) : undefined;
    if (!target || !entry) {
      return vscode.l10n.t('The note of this disclosure is gone.');
    }
    try {
      return fullMessage(await this.drafts.draft(entry, target.format), target.format);
    } catch (err) {
      if (err instanceof TemplateError) {
        return vscode.l10n.t('The team template .candor/disclosure.md has a problem: {0}', err.message);
      }
      throw err;
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
