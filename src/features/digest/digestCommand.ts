// `candor.showDigest`: the learning-review digest of a workspace folder, opened as a Markdown
// preview of a read-only document (`candor-digest:`), with "Mark All as Reviewed" on it. From a
// script, `executeCommand('candor.showDigest', { since?, until?, format: 'json' })` returns the
// JSON (format 'markdown': the Markdown) with no UI; bad arguments reject with a message.
import * as vscode from 'vscode';
import { buildDigest } from '../../core/digest/buildDigest';
import { digestJson, digestNoteIds, type Digest } from '../../core/digest/digestModel';
import { digestMarkdown } from '../../core/digest/digestMarkdown';
import { parseDigestDate } from '../../core/digest/digestPeriod';
import type { GitRunner } from '../../core/git/gitRunner';
import { runLongWork } from '../longWork';
import { pickNotesFolder } from '../notes/folderPicker';
import type { FolderNotes, NotesService } from '../notes/notesService';

export const DIGEST_SCHEME = 'candor-digest';

export interface DigestArgs {
  since?: string;
  until?: string;
  format?: 'json' | 'markdown';
  /** A workspace folder's name or path; the first folder with notes by default. */
  folder?: string;
}

/** A digest as shown: the notes it names are what "Mark All as Reviewed" marks. */
export interface ShownDigest {
  digest: Digest;
  folder: FolderNotes;
}

export class DigestCommand implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly shown = new Map<string, ShownDigest>();
  private readonly registration: vscode.Disposable;
  private count = 0;

  constructor(private readonly notes: NotesService, private readonly git: GitRunner, private readonly markAll: (digestUri: vscode.Uri) => Thenable<unknown>) {
    this.registration = vscode.workspace.registerTextDocumentContentProvider(DIGEST_SCHEME, this);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    const shown = this.shown.get(uri.toString());
    return shown ? digestMarkdown(shown.digest) : vscode.l10n.t('This digest is no longer available: run Candor: Show Learning Review Digest again.');
  }

  /** The digest a `candor-digest:` document shows, for Mark All as Reviewed. */
  digestOf(uri: vscode.Uri): ShownDigest | undefined {
    return this.shown.get(uri.toString());
  }

  async run(args?: unknown): Promise<object | string | vscode.Uri | undefined> {
    const options = readArgs(args);
    const programmatic = options.format !== undefined;
    const folder = await pickNotesFolder(this.notes, options.folder, programmatic, vscode.l10n.t('Learning review digest for which folder?'));
    if (!folder) {
      if (programmatic || options.folder !== undefined) {
        throw new Error(options.folder ? vscode.l10n.t('No workspace folder matches "{0}".', options.folder) : vscode.l10n.t('No workspace folder is open.'));
      }
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a folder with notes to see its learning review digest.'));
      return undefined;
    }
    const digest = await this.compute(folder, options, programmatic);
    if (!digest) {
      return undefined;
    }
    if (options.format === 'json') {
      return digestJson(digest);
    }
    if (options.format === 'markdown') {
      return digestMarkdown(digest);
    }
    return this.show(folder, digest);
  }

  private async compute(folder: FolderNotes, options: ParsedArgs, programmatic: boolean): Promise<Digest | undefined> {
    const input = {
      notes: folder.index.list(),
      incidentsDir: folder.index.dir,
      // Follow-ups are dated by git only in a trusted workspace; else by their note.
      git: vscode.workspace.isTrusted ? this.git : undefined,
      root: folder.root,
      since: options.since,
      until: options.until,
    };
    if (programmatic) {
      return buildDigest(input);
    }
    const result = await runLongWork(vscode.l10n.t('Candor: gathering the learning review digest'), (progress) => buildDigest({ ...input, signal: progress.signal }));
    return result.cancelled ? undefined : result.value;
  }

  private async show(folder: FolderNotes, digest: Digest): Promise<vscode.Uri> {
    const uri = vscode.Uri.from({
      scheme: DIGEST_SCHEME,
      path: `/Learning review ${digest.until.slice(0, 10)}.md`,
      query: new URLSearchParams({ folder: folder.folder.name, n: String(++this.count) }).toString(),
    });
    this.shown.set(uri.toString(), { digest, folder });
    await vscode.workspace.openTextDocument(uri);
    await vscode.commands.executeCommand('markdown.showPreview', uri);
    const summary = vscode.l10n.t('Learning review digest: {0} new notes, {1} overdue follow-ups.', digest.notes.filter((n) => n.isNew).length, digest.followUps.overdue.length);
    const mark = vscode.l10n.t('Mark All as Reviewed');
    const source = vscode.l10n.t('Open as Markdown');
    void vscode.window.showInformationMessage(summary, ...(digestNoteIds(digest).length > 0 ? [mark] : []), source).then(async (choice) => {
      if (choice === mark) {
        await this.markAll(uri);
      } else if (choice === source) {
        await vscode.window.showTextDocument(uri, { preview: false });
      }
    });
    return uri;
  }

  dispose(): void {
    this.registration.dispose();
    this.shown.clear();
  }
}

interface ParsedArgs {
  since?: Date;
  until?: Date;
  format?: 'json' | 'markdown';
  folder?: string;
}

/** The script's options, checked: a wrong one rejects with what is expected, before anything runs. */
function readArgs(args: unknown): ParsedArgs {
  if (args === undefined || args === null) {
    return {};
  }
  if (typeof args !== 'object' || Array.isArray(args)) {
    throw new Error(vscode.l10n.t('candor.showDigest takes {0}, not {1}.', '{ since?, until?, format?: "json" | "markdown", folder? }', JSON.stringify(args) ?? String(args)));
  }
  const given = args as Record<string, unknown>;
  const unknown = Object.keys(given).filter((k) => !['since', 'until', 'format', 'folder'].includes(k));
  if (unknown.length > 0) {
    throw new Error(vscode.l10n.t('candor.showDigest does not know the option "{0}" (it takes since, until, format and folder).', unknown[0]));
  }
  const date = (key: 'since' | 'until'): Date | undefined => {
    const value = given[key];
    if (value === undefined) {
      return undefined;
    }
    const parsed = typeof value === 'string' ? parseDigestDate(value) : undefined;
    if (!parsed) {
      throw new Error(vscode.l10n.t('candor.showDigest: {0} "{1}" is not a date (YYYY-MM-DD or an ISO date and time).', key, String(value)));
    }
    return parsed;
  };
  const since = date('since');
  const until = date('until');
  if (since && since.getTime() > (until ?? new Date()).getTime()) {
    throw new Error(vscode.l10n.t('candor.showDigest: since ({0}) is after {1}.', String(given.since), until ? String(given.until) : vscode.l10n.t('now')));
  }
  const format = given.format;
  if (format !== undefined && format !== 'json' && format !== 'markdown') {
    throw new Error(vscode.l10n.t('candor.showDigest: format is "json" or "markdown", not "{0}".', String(format)));
  }
  if (given.folder !== undefined && typeof given.folder !== 'string') {
    throw new Error(vscode.l10n.t('candor.showDigest: folder is a workspace folder\'s name or path.'));
  }
  return { since, until, format, folder: given.folder as string | undefined };
}
