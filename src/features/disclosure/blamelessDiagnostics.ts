// The blameless check as diagnostics (source `candor`) in incident notes and disclosure previews,
// with a quick fix where the rule has a replacement. Advice, not a gate: hints and warnings only.
import * as vscode from 'vscode';
import { checkBlameless, type BlamelessFinding } from '../../core/disclosure/blamelessCheck';
import { withCustomRules, type BlamelessRule } from '../../core/disclosure/blamelessRule';
import { isLanguageModelLoaded } from '../../core/disclosure/sentenceStructure';
import { WORDING_RULES } from '../../core/disclosure/wordingRules';
import type { NotesService } from '../notes/notesService';
import { DISCLOSURE_SCHEME } from './disclosurePreview';

const CHECK_DELAY_MS = 300;
const SEVERITY: Record<string, vscode.DiagnosticSeverity> = {
  'passive-cover': vscode.DiagnosticSeverity.Warning,
  'blaming-others': vscode.DiagnosticSeverity.Warning,
  minimising: vscode.DiagnosticSeverity.Information,
  excuse: vscode.DiagnosticSeverity.Information,
};

export class BlamelessDiagnostics implements vscode.CodeActionProvider, vscode.Disposable {
  static readonly providedCodeActionKinds = [vscode.CodeActionKind.QuickFix];
  private readonly collection = vscode.languages.createDiagnosticCollection('candor');
  /** Replacements by document, matched by range and rule: code actions get copies of diagnostics. */
  private readonly fixes = new Map<string, { range: vscode.Range; rule: string; fix: string }[]>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly subscriptions: vscode.Disposable[];
  private rules: BlamelessRule[] | undefined;

  constructor(private readonly notes: NotesService) {
    this.subscriptions = [
      this.collection,
      vscode.workspace.onDidOpenTextDocument((doc) => this.schedule(doc)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document)),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        this.collection.delete(doc.uri);
        this.fixes.delete(doc.uri.toString());
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('candor.blameless')) {
          this.rules = undefined;
          vscode.workspace.textDocuments.forEach((doc) => this.schedule(doc));
        }
      }),
      notes.onDidChange(() => vscode.workspace.textDocuments.forEach((doc) => this.schedule(doc))),
    ];
    vscode.workspace.textDocuments.forEach((doc) => this.schedule(doc));
  }

  private schedule(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      void this.check(doc);
    }, CHECK_DELAY_MS));
  }

  /** Checks a document now; returns its diagnostics (also for tests). */
  async check(doc: vscode.TextDocument): Promise<vscode.Diagnostic[]> {
    if (doc.isClosed || !(await this.applies(doc))) {
      this.collection.delete(doc.uri);
      return [];
    }
    const findings = checkBlameless(doc.getText(), this.currentRules());
    const diagnostics = findings.map((f) => this.toDiagnostic(doc, f));
    this.fixes.set(doc.uri.toString(), findings.flatMap((f, i) => (f.fix === undefined ? [] : [{ range: diagnostics[i].range, rule: f.ruleId, fix: f.fix }])));
    this.collection.set(doc.uri, diagnostics);
    return diagnostics;
  }

  private async applies(doc: vscode.TextDocument): Promise<boolean> {
    if (!vscode.workspace.getConfiguration('candor').get<boolean>('blameless.enabled', true)) {
      return false;
    }
    if (doc.uri.scheme === DISCLOSURE_SCHEME) {
      return true;
    }
    return this.notes.isNoteDocument(doc);
  }

  private currentRules(): BlamelessRule[] {
    if (!this.rules) {
      const config = vscode.workspace.getConfiguration('candor');
      try {
        this.rules = withCustomRules(config.get<unknown>('blameless.rules', []), { base: WORDING_RULES, disable: config.get<string[]>('blameless.disabledRules', []) });
      } catch (err) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Candor: candor.blameless.rules: {0} The built-in rules are used.', (err as Error).message));
        this.rules = withCustomRules([], { base: WORDING_RULES });
      }
    }
    return this.rules;
  }

  private toDiagnostic(doc: vscode.TextDocument, finding: BlamelessFinding): vscode.Diagnostic {
    const range = new vscode.Range(doc.positionAt(finding.start), doc.positionAt(finding.end));
    const diagnostic = new vscode.Diagnostic(range, finding.message, SEVERITY[finding.category] ?? vscode.DiagnosticSeverity.Information);
    diagnostic.source = 'candor';
    diagnostic.code = finding.ruleId;
    return diagnostic;
  }

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    if (doc.uri.scheme !== 'file') {
      return [];
    }
    const fixes = this.fixes.get(doc.uri.toString()) ?? [];
    return context.diagnostics.filter((d) => d.source === 'candor').flatMap((d) => {
      const found = fixes.find((f) => f.range.isEqual(d.range) && f.rule === String(d.code));
      if (!found) {
        return [];
      }
      const title = found.fix === '' ? vscode.l10n.t('Remove "{0}"', doc.getText(d.range)) : vscode.l10n.t('Write "{0}" instead', found.fix);
      const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
      action.edit = new vscode.WorkspaceEdit();
      action.edit.replace(doc.uri, d.range, found.fix);
      action.diagnostics = [d];
      action.isPreferred = true;
      return [action];
    });
  }

  /** Whether the sentence tagger has been loaded (it must not be by activation; for tests). */
  get languageModelLoaded(): boolean {
    return isLanguageModelLoaded();
  }

  dispose(): void {
    this.timers.forEach((t) => clearTimeout(t));
    vscode.Disposable.from(...this.subscriptions).dispose();
  }
}
