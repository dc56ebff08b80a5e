// A note's status and severity as the editor shows them (tree, hover, CodeLens, pickers): what
// the file says, an invalid value marked "(invalid)" and a missing one "(not set)", in the
// display language; never the default the note holds in their place. The text is built by the
// core (noteFields: shownValue, brokenNoteValues), which the unit tests check.
import * as vscode from 'vscode';
import { brokenNoteValues, shownValues, type ValueMarks } from '../../core/noteFormat/noteFields';
import type { Note, NoteProblem } from '../../core/noteFormat/noteModel';

type Parsed = { note: Omit<Note, 'body'>; problems: readonly NoteProblem[] };

export function valueMarks(): ValueMarks {
  return {
    invalid: ` ${vscode.l10n.t('(invalid)')}`,
    missing: ` ${vscode.l10n.t('(not set)')}`,
    unread: vscode.l10n.t('unknown (unreadable)'),
  };
}

/** `high · open`, each as the file has it (hover, CodeLens, the tree's tooltip). */
export function severityAndStatus(parsed: Parsed): string {
  return shownValues(parsed, ['severity', 'status'], valueMarks());
}

/** `open · high`, each as the file has it (the order pickers use). */
export function statusAndSeverity(parsed: Parsed): string {
  return shownValues(parsed, ['status', 'severity'], valueMarks());
}

/** What a note with errors shows after its date in the tree: `opne (invalid) · high`, or "malformed". */
export function brokenNoteText(parsed: Parsed): string {
  return brokenNoteValues(parsed, valueMarks()) ?? vscode.l10n.t('malformed');
}
