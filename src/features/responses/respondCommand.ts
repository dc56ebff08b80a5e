// Candor: Respond…: a teammate answers a note with thanks, an offer of help, a question or a
// learning. From the tree, the note's editor title or the palette it asks for the kind and the
// text (prefilled, with blaming wording pointed out as a warning, never a gate); from a script,
// `executeCommand('candor.respond', noteUri, { kind, text })` writes without any UI and returns
// the new file's Uri. Each response is its own file, so responses on two branches never conflict.
import * as vscode from 'vscode';
import { checkBlameless } from '../../core/disclosure/blamelessCheck';
import type { GitRunner } from '../../core/git/gitRunner';
import { gitAuthor } from '../../core/responses/gitAuthor';
import { RESPONSE_KINDS, type ResponseKind } from '../../core/responses/responseFormat';
import { kindLabel, kindPrefill } from './kindText';
import { RESPONSE_ONLY_RULES } from '../../core/responses/responseRules';
import { withCustomRules, type BlamelessRule } from '../../core/disclosure/blamelessRule';
import { WORDING_RULES } from '../../core/disclosure/wordingRules';
import { draftProblem, writeResponse } from '../../core/responses/responseStore';
import { noteUriOf, pickNote } from '../notes/notePicker';
import { KIND_ICONS } from './responseItem';
import type { NoteEntry, NotesService } from '../notes/notesService';

export interface RespondArgs {
  kind: ResponseKind;
  text: string;
}


export class RespondCommand {
  /** `written` shows the new response at once (the responses watcher folds its own event for it into the same update). */
  constructor(private readonly notes: NotesService, private readonly git: GitRunner, private readonly written: () => void = () => undefined) {}

  async run(target?: unknown, args?: unknown): Promise<vscode.Uri | undefined> {
    if (args !== undefined) {
      return this.runScripted(target, args);
    }
    const entry = await pickNote(this.notes, target, vscode.l10n.t('Which note do you respond to?'));
    if (!entry) {
      return undefined;
    }
    const kind = await pickKind();
    if (!kind) {
      return undefined;
    }
    const text = await askText(entry, kind);
    if (text === undefined) {
      return undefined;
    }
    const uri = await this.write(entry, { kind, text });
    void vscode.window.showInformationMessage(vscode.l10n.t('Your response to "{0}" is saved as its own file: commit it to share it.', entry.note.note.title), vscode.l10n.t('Open'))
      .then((choice) => (choice ? vscode.window.showTextDocument(uri) : undefined));
    return uri;
  }

  /** The programmatic form: no UI at all; bad arguments reject before anything is written. */
  private async runScripted(target: unknown, args: unknown): Promise<vscode.Uri> {
    const uri = noteUriOf(target);
    if (!uri) {
      throw new Error(vscode.l10n.t('candor.respond needs the note\'s Uri (or its tree item) before the arguments.'));
    }
    const entry = await this.notes.find(uri);
    if (!entry) {
      throw new Error(vscode.l10n.t('{0} is not a note in an incidents folder.', vscode.workspace.asRelativePath(uri)));
    }
    const { kind, text } = (typeof args === 'object' && args !== null ? args : {}) as Partial<RespondArgs>;
    const problem = draftProblem({ kind, text });
    if (problem) {
      throw new Error(problem);
    }
    return this.write(entry, { kind: kind as ResponseKind, text: text as string });
  }

  private async write(entry: NoteEntry, args: RespondArgs): Promise<vscode.Uri> {
    // The author is the git user; git runs only in a trusted workspace (else no author is recorded).
    const author = vscode.workspace.isTrusted ? await gitAuthor(this.git, entry.folder.root) : undefined;
    const file = await writeResponse(entry.folder.index.dir, entry.note.note.id, { ...args, author, date: new Date() });
    this.written();
    return vscode.Uri.file(file);
  }
}

async function pickKind(): Promise<ResponseKind | undefined> {
  const picked = await vscode.window.showQuickPick(
    RESPONSE_KINDS.map((kind) => ({ label: `$(${KIND_ICONS[kind]}) ${kindLabel(kind)}`, detail: kindPrefill(kind).trim(), responseKind: kind })),
    { placeHolder: vscode.l10n.t('How do you respond?') },
  );
  return picked?.responseKind;
}

/**
 * The wording check of notes (with the team's candor.blameless settings) plus the response rules;
 * none when the check is turned off. A malformed team rule falls back to the built-in rules (the
 * note diagnostics already say why).
 */
function responseRules(): readonly BlamelessRule[] {
  const config = vscode.workspace.getConfiguration('candor');
  if (!config.get<boolean>('blameless.enabled', true)) {
    return [];
  }
  const base = [...WORDING_RULES, ...RESPONSE_ONLY_RULES];
  const disable = config.get<string[]>('blameless.disabledRules', []);
  try {
    return withCustomRules(config.get<unknown>('blameless.rules', []), { base, disable });
  } catch {
    return withCustomRules([], { base, disable });
  }
}

async function askText(entry: NoteEntry, kind: ResponseKind): Promise<string | undefined> {
  const prefilled = kindPrefill(kind);
  const rules = responseRules();
  const text = await vscode.window.showInputBox({
    title: vscode.l10n.t('{0}: {1}', kindLabel(kind), entry.note.note.title),
    prompt: vscode.l10n.t('A few lines, saved as a file next to the note.'),
    value: prefilled,
    valueSelection: [prefilled.length, prefilled.length],
    validateInput: (value) => {
      if (value.trim() === '') {
        return vscode.l10n.t('A response needs some text.');
      }
      const finding = rules.length > 0 ? checkBlameless(value, rules)[0] : undefined;
      return finding
        ? { message: `"${value.slice(finding.start, finding.end)}": ${finding.message}`, severity: vscode.InputBoxValidationSeverity.Warning }
        : undefined;
    },
  });
  return text === undefined || text.trim() === '' ? undefined : text;
}
