// What each kind of response is called, and the text it starts from, in the person's language.
// The core's KIND_LABELS and PREFILLED_TEXT are the English originals (the CLI uses them); here
// each string is a literal so that `npm run l10n` finds it.
import * as vscode from 'vscode';
import type { ResponseKind } from '../../core/responses/responseFormat';

export function kindLabel(kind: ResponseKind): string {
  switch (kind) {
    case 'thanks':
      return vscode.l10n.t('Thanks');
    case 'help':
      return vscode.l10n.t('Offer help');
    case 'question':
      return vscode.l10n.t('Question');
    case 'learning':
      return vscode.l10n.t('Learning');
  }
}

/** In the spirit of the writing Candor grew from: thanks and an offer, not a verdict. */
export function kindPrefill(kind: ResponseKind): string {
  switch (kind) {
    case 'thanks':
      return vscode.l10n.t('Thank you for telling us. What do you need from me?');
    case 'help':
      return vscode.l10n.t('I can help with this. I could ');
    case 'question':
      return vscode.l10n.t('Thank you for writing this up. One thing I would like to understand: ');
    case 'learning':
      return vscode.l10n.t('What I take from this for my own work: ');
  }
}
