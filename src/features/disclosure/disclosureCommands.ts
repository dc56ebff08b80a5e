// Drafting and sending a disclosure: Draft (preview, or `{ subject, body }` for scripts), Copy,
// Open in Mail, Post to a chat webhook (its URL kept in SecretStorage, never in settings or the
// repository). Mail and post record `disclosed` and `disclosed_via` in the note; a copy is not a
// send, so it is recorded only when the person says they sent it (Mark as Disclosed).
import * as vscode from 'vscode';
import { disclosureEdits, type DisclosureChannel } from '../../core/disclosure/disclosureEdits';
import type { DisclosureFormat } from '../../core/disclosure/disclosureFormat';
import { fullMessage, type Disclosure } from '../../core/disclosure/draftDisclosure';
import { mailtoUrl } from '../../core/disclosure/mailto';
import { TemplateError } from '../../core/disclosure/template';
import { detectWebhookKind, postToWebhook, WebhookError } from '../../core/disclosure/webhook';
import { WEBHOOK_KINDS, type WebhookKind } from '../../core/disclosure/webhookPayload';
import { reportCommandError, type NoteEditor } from '../notes/noteEdits';
import { pickNote } from '../notes/notePicker';
import type { NoteEntry, NotesService } from '../notes/notesService';
import { UntrustedWorkspaceError } from '../workspaceTrust';
import type { DisclosureDrafts } from './disclosureDrafts';
import { DISCLOSURE_SCHEME, previewTarget, previewUri } from './disclosurePreview';
import { scriptArgument } from '../commandArgs';

const WEBHOOK_SECRET = 'candor.webhookUrl';

export interface DraftOptions {
  format?: DisclosureFormat;
  /** false: return `{ subject, body }` with no UI. */
  open?: boolean;
}

export class DisclosureCommands {
  constructor(
    private readonly notes: NotesService,
    private readonly drafts: DisclosureDrafts,
    private readonly editor: NoteEditor,
    private readonly secrets: vscode.SecretStorage,
  ) {}

  register(): vscode.Disposable {
    return vscode.Disposable.from(
      vscode.commands.registerCommand('candor.draftDisclosure', (target?: unknown, options?: unknown) => this.draft(target, scriptArgument(options) as DraftOptions | undefined)),
      vscode.commands.registerCommand('candor.copyDisclosure', (target?: unknown) => this.copy(target)),
      vscode.commands.registerCommand('candor.mailDisclosure', (target?: unknown) => this.mail(target)),
      vscode.commands.registerCommand('candor.postDisclosure', (target?: unknown, options?: unknown) => this.post(target, scriptArgument(options) as { skipConfirm?: boolean } | undefined)),
      vscode.commands.registerCommand('candor.setWebhook', (url?: unknown) => this.setWebhook(scriptArgument(url))),
      vscode.commands.registerCommand('candor.toggleDisclosureFormat', (target?: unknown) => this.toggleFormat(target)),
      vscode.commands.registerCommand('candor.markDisclosed', (target?: unknown, via?: unknown) => this.markDisclosed(target, scriptArgument(via))),
    );
  }

  /** `executeCommand('candor.draftDisclosure', noteUri, { format: 'markdown' | 'text', open: false })` → `{ subject, body }`. */
  async draft(target?: unknown, options: DraftOptions = {}): Promise<Disclosure | undefined> {
    const format = options.format === 'text' ? 'text' : 'markdown';
    const entry = await this.entryFor(target, vscode.l10n.t('Draft a disclosure for which note?'));
    if (!entry) {
      return undefined;
    }
    let disclosure: Disclosure;
    try {
      disclosure = await this.drafts.draft(entry, format);
    } catch (err) {
      if (options.open === false || !(err instanceof TemplateError)) {
        throw err;
      }
      const open = vscode.l10n.t('Open Template');
      if ((await vscode.window.showErrorMessage(vscode.l10n.t('The disclosure template has a problem: {0}', err.message), open)) === open) {
        await vscode.window.showTextDocument(vscode.Uri.joinPath(entry.folder.folder.uri, '.candor', 'disclosure.md'));
      }
      return undefined;
    }
    if (options.open !== false) {
      const doc = await vscode.workspace.openTextDocument(previewUri(entry.note.path, format));
      await vscode.window.showTextDocument(doc, { viewColumn: previewColumn(), preview: true });
    }
    return disclosure;
  }

  /** Copies the message; nothing is recorded in the note until the person says they sent it. */
  async copy(target?: unknown): Promise<string | undefined> {
    let copied: NoteEntry | undefined;
    const text = await this.send(target, 'clipboard', async (entry) => {
      const message = fullMessage(await this.drafts.draft(entry, this.formatOf(target)), this.formatOf(target));
      await vscode.env.clipboard.writeText(message);
      copied = entry;
      return message;
    });
    if (copied && text !== undefined && vscode.workspace.isTrusted) {
      const entry = copied;
      const mark = vscode.l10n.t('Mark as Disclosed');
      // Not awaited: a script copying the text must not wait for a click.
      void vscode.window.showInformationMessage(vscode.l10n.t('Disclosure copied. Once you have sent it, mark the note as disclosed.'), mark).then(async (answer) => {
        if (answer === mark) {
          await this.markDisclosed(vscode.Uri.file(entry.note.path), 'clipboard').catch(reportCommandError);
        }
      });
    } else if (text !== undefined) {
      vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) Disclosure copied'), 4000);
    }
    return text;
  }

  /**
   * Records that the disclosure was sent: `executeCommand('candor.markDisclosed', noteUri, via?)`,
   * via one of clipboard (the default), mail or webhook:<kind>. Returns the note's Uri, or undefined when cancelled.
   */
  async markDisclosed(target?: unknown, via?: unknown): Promise<vscode.Uri | undefined> {
    const channel = via === undefined ? 'clipboard' : via;
    if (typeof channel !== 'string' || !isChannel(channel)) {
      throw new Error(vscode.l10n.t('"{0}" is not a way of disclosing: expected clipboard, mail or webhook:<slack|teams|mattermost|generic>.', String(channel)));
    }
    const entry = await this.entryFor(target, vscode.l10n.t('Mark which note as disclosed?'));
    if (!entry) {
      return undefined;
    }
    if (!vscode.workspace.isTrusted) {
      throw new UntrustedWorkspaceError(vscode.l10n.t('record disclosures'));
    }
    const uri = vscode.Uri.file(entry.note.path);
    await this.editor.setFields(uri, disclosureEdits(channel, new Date()));
    vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) Marked as disclosed'), 4000);
    return uri;
  }

  /** Opens the mail client; a body too long for a mailto link is cut, with the full text on the clipboard. */
  async mail(target?: unknown): Promise<string | undefined> {
    return this.send(target, 'mail', async (entry) => {
      const disclosure = await this.drafts.draft(entry, 'text');
      const to = vscode.workspace.getConfiguration('candor').get<string[]>('disclosure.recipients', []);
      const { url, truncated } = mailtoUrl({ to, subject: disclosure.subject, body: disclosure.body });
      if (truncated) {
        await vscode.env.clipboard.writeText(fullMessage(disclosure, 'text'));
        void vscode.window.showInformationMessage(vscode.l10n.t('The message is too long for a mail link: the full text is on your clipboard to paste into the mail.'));
      }
      await vscode.env.openExternal(vscode.Uri.parse(url, true));
      return url;
    });
  }

  /** `executeCommand('candor.postDisclosure', noteUri, { skipConfirm: true })` posts with no prompt. */
  async post(target?: unknown, options: { skipConfirm?: boolean } = {}): Promise<number | undefined> {
    const url = await this.secrets.get(WEBHOOK_SECRET);
    if (!url) {
      if (options.skipConfirm) {
        throw new Error(vscode.l10n.t('No chat webhook is set: run "Candor: Set Chat Webhook" first.'));
      }
      const set = vscode.l10n.t('Set Webhook');
      if ((await vscode.window.showWarningMessage(vscode.l10n.t('No chat webhook is set for Candor yet.'), set)) === set) {
        await this.setWebhook();
      }
      return undefined;
    }
    const configured = vscode.workspace.getConfiguration('candor').get<string>('disclosure.webhookKind', 'auto');
    const kind: WebhookKind = (WEBHOOK_KINDS as readonly string[]).includes(configured) ? (configured as WebhookKind) : detectWebhookKind(url);
    return this.send(target, `webhook:${kind}`, async (entry) => {
      const host = safeHost(url);
      if (!options.skipConfirm) {
        const post = vscode.l10n.t('Post');
        const question = vscode.l10n.t('Post the disclosure of "{0}" to {1}?', entry.note.note.title, webhookPlace(kind, host));
        const answer = await vscode.window.showWarningMessage(question, { modal: true, detail: vscode.l10n.t('Everyone in that channel will read it.') }, post);
        if (answer !== post) {
          return undefined;
        }
      }
      const [markdown, text] = await Promise.all([this.drafts.draft(entry, 'markdown'), this.drafts.draft(entry, 'text')]);
      const { status } = await postToWebhook(url, kind, { subject: text.subject, body: text.body, markdownBody: markdown.body });
      vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) Disclosure posted to {0}', host), 4000);
      return status;
    }, options.skipConfirm === true);
  }

  /** Programmatic: `executeCommand('candor.setWebhook', url)`; an empty string removes it. */
  async setWebhook(url?: unknown): Promise<void> {
    let value = typeof url === 'string' ? url : await vscode.window.showInputBox({
      title: vscode.l10n.t('Chat webhook for disclosures'),
      prompt: vscode.l10n.t("Slack, Microsoft Teams, Mattermost or any JSON webhook URL. Kept in VS Code's secret storage, never in settings or the repository."),
      password: true,
      ignoreFocusOut: true,
      validateInput: (v) => (v === '' || isHttpUrl(v) ? undefined : vscode.l10n.t('An http or https URL, please.')),
    });
    if (value === undefined) {
      return;
    }
    value = value.trim();
    if (value === '') {
      await this.secrets.delete(WEBHOOK_SECRET);
      return;
    }
    if (!isHttpUrl(value)) {
      throw new Error(vscode.l10n.t('The webhook must be an http or https URL.'));
    }
    await this.secrets.store(WEBHOOK_SECRET, value);
  }

  private async toggleFormat(target?: unknown): Promise<void> {
    const preview = target instanceof vscode.Uri ? previewTarget(target) : previewTarget(vscode.window.activeTextEditor?.document.uri ?? vscode.Uri.parse('x:'));
    if (preview) {
      const doc = await vscode.workspace.openTextDocument(previewUri(preview.notePath, preview.format === 'text' ? 'markdown' : 'text'));
      await vscode.window.showTextDocument(doc, { preview: true });
    }
  }

  /** Runs a send, then records it in the note; failures keep the draft and say what failed. */
  private async send<T>(target: unknown, via: DisclosureChannel, run: (entry: NoteEntry) => Promise<T | undefined>, programmatic = false): Promise<T | undefined> {
    const entry = await this.entryFor(target, vscode.l10n.t('Disclose which note?'));
    if (!entry) {
      return undefined;
    }
    try {
      if (!vscode.workspace.isTrusted && via !== 'clipboard') {
        throw new UntrustedWorkspaceError(vscode.l10n.t('send disclosures'));
      }
      const result = await run(entry);
      // A copy is not a send: it is recorded by Mark as Disclosed.
      if (result !== undefined && vscode.workspace.isTrusted && via !== 'clipboard') {
        await this.editor.setFields(vscode.Uri.file(entry.note.path), disclosureEdits(via, new Date()));
      }
      return result;
    } catch (err) {
      if (programmatic) {
        throw err;
      }
      if (err instanceof WebhookError) {
        const copy = vscode.l10n.t('Copy Instead');
        if ((await vscode.window.showErrorMessage(vscode.l10n.t('The disclosure was not posted: {0} The draft is kept.', err.message), copy)) === copy) {
          await this.copy(target);
        }
      } else {
        await reportCommandError(err);
      }
      return undefined;
    }
  }

  private formatOf(target: unknown): DisclosureFormat {
    const uri = target instanceof vscode.Uri ? target : vscode.window.activeTextEditor?.document.uri;
    return (uri && previewTarget(uri)?.format) || 'markdown';
  }

  /** A note Uri, a tree node, a disclosure preview, the active note, or one picked from a list. */
  private async entryFor(target: unknown, placeHolder: string): Promise<NoteEntry | undefined> {
    const preview = target instanceof vscode.Uri ? previewTarget(target) : target === undefined && vscode.window.activeTextEditor ? previewTarget(vscode.window.activeTextEditor.document.uri) : undefined;
    return pickNote(this.notes, preview ? vscode.Uri.file(preview.notePath) : target, placeHolder);
  }
}

function isChannel(value: string): value is DisclosureChannel {
  return value === 'clipboard' || value === 'mail' || (value.startsWith('webhook:') && (WEBHOOK_KINDS as readonly string[]).includes(value.slice('webhook:'.length)));
}

/** "Slack (hooks.slack.com)", "the webhook at example.com": words, not the setting's value. */
function webhookPlace(kind: WebhookKind, host: string): string {
  const name = { slack: 'Slack', teams: 'Microsoft Teams', mattermost: 'Mattermost', generic: '' }[kind];
  const bareHost = host.replace(/^https?:\/\//, '');
  return name ? vscode.l10n.t('{0} ({1})', name, bareHost) : vscode.l10n.t('the webhook at {0}', bareHost);
}

/** The group that already shows a disclosure, so each draft does not open one more group beside. */
function previewColumn(): vscode.ViewColumn {
  for (const group of vscode.window.tabGroups.all) {
    if (group.tabs.some((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.scheme === DISCLOSURE_SCHEME)) {
      return group.viewColumn;
    }
  }
  return vscode.ViewColumn.Beside;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** The webhook's scheme and host: its path is the secret and is never shown. */
function safeHost(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return vscode.l10n.t('the webhook');
  }
}
