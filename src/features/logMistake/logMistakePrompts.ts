// The interactive Log Mistake: a title, a severity, then the three learning questions, each
// skippable with Enter. Escape at the title returns undefined and nothing is written; Escape at a
// later step asks whether to discard what was typed (Keep Editing goes back to that question).
import * as vscode from 'vscode';
import { validateTitle } from '../../core/noteWriting/logMistake';
import { SEVERITIES, type Severity } from '../../core/noteFormat/noteModel';

export interface MistakeAnswers {
  title: string;
  severity: Severity;
  tryingTo?: string;
  action?: string;
  outcome?: string;
}

const TOTAL_STEPS = 5;

// Functions, not tables: translations are looked up when a prompt is shown, not at load.
function severityDetail(severity: Severity): string {
  switch (severity) {
    case 'near-miss':
      return vscode.l10n.t('Caught before it did harm');
    case 'low':
      return vscode.l10n.t('Little impact, easily undone');
    case 'medium':
      return vscode.l10n.t('Noticeable impact on people or systems');
    case 'high':
      return vscode.l10n.t('Serious impact: users or data affected');
    case 'critical':
      return vscode.l10n.t('Severe: an outage, data loss or a security breach');
  }
}

function questions() {
  return [
    { key: 'tryingTo', prompt: vscode.l10n.t('What was I trying to do?'), placeholder: vscode.l10n.t('e.g. Clear one stale key from the cache (Enter to skip)') },
    { key: 'action', prompt: vscode.l10n.t('What action did I take?'), placeholder: vscode.l10n.t('e.g. Ran FLUSHALL against the production Redis (Enter to skip)') },
    { key: 'outcome', prompt: vscode.l10n.t('How did the result differ from what I expected?'), placeholder: vscode.l10n.t('e.g. Every key was dropped and the site slowed down (Enter to skip)') },
  ] as const;
}

function stepTitle(step: number): string {
  return vscode.l10n.t('Log Mistake ({0}/{1})', step, TOTAL_STEPS);
}

/** `onTitle` is told the title as soon as it is entered (Find Similar starts then), before the other steps. */
export async function askMistake(defaultSeverity: Severity, linking: string, onTitle?: (title: string) => void): Promise<MistakeAnswers | undefined> {
  const title = await vscode.window.showInputBox({
    title: `${stepTitle(1)}${linking ? ` — ${linking}` : ''}`,
    prompt: vscode.l10n.t('What went wrong, in a few words?'),
    placeHolder: vscode.l10n.t('e.g. Flushed the production cache'),
    ignoreFocusOut: true,
    // Enter on an invalid title is refused with the message, so an empty Enter never cancels silently.
    validateInput: (value) => validateTitle(value),
  });
  if (title === undefined || validateTitle(title)) {
    return undefined;
  }
  onTitle?.(title.trim());
  // Once a title is typed, Escape no longer throws the answers away unasked.
  const severity = await askAgainUnlessDiscarded(() => pickSeverity(defaultSeverity));
  if (!severity) {
    return undefined;
  }
  const answers: MistakeAnswers = { title: title.trim(), severity };
  for (const [i, question] of questions().entries()) {
    const answer = await askAgainUnlessDiscarded(() => vscode.window.showInputBox({
      title: stepTitle(i + 3),
      prompt: question.prompt,
      placeHolder: question.placeholder,
      ignoreFocusOut: true,
    }));
    if (answer === undefined) {
      return undefined;
    }
    answers[question.key] = answer.trim() || undefined;
  }
  return answers;
}

/** Shows a prompt; on Escape asks "Discard this mistake?" and shows the prompt again unless discarded. */
async function askAgainUnlessDiscarded<T>(prompt: () => Thenable<T | undefined>): Promise<T | undefined> {
  for (;;) {
    const answer = await prompt();
    if (answer !== undefined) {
      return answer;
    }
    const discard = vscode.l10n.t('Discard');
    const keep = vscode.l10n.t('Keep Editing');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('Discard this mistake?'),
      { modal: true, detail: vscode.l10n.t('Nothing has been written yet. Keep Editing goes back to the question; your earlier answers are kept.') },
      discard,
      keep,
    );
    if (choice === discard) {
      return undefined;
    }
  }
}

function pickSeverity(defaultSeverity: Severity): Promise<Severity | undefined> {
  return new Promise((resolve) => {
    const pick = vscode.window.createQuickPick<vscode.QuickPickItem & { severity: Severity }>();
    pick.title = stepTitle(2);
    pick.placeholder = vscode.l10n.t('How severe was it?');
    pick.ignoreFocusOut = true;
    // The label is the severity as written in the note, so it stays untranslated.
    pick.items = SEVERITIES.map((severity) => ({ label: severity, description: severityDetail(severity), severity }));
    pick.activeItems = pick.items.filter((item) => item.severity === defaultSeverity);
    let chosen: Severity | undefined;
    pick.onDidAccept(() => {
      chosen = pick.selectedItems[0]?.severity ?? pick.activeItems[0]?.severity;
      pick.hide();
    });
    pick.onDidHide(() => {
      pick.dispose();
      resolve(chosen);
    });
    pick.show();
  });
}
