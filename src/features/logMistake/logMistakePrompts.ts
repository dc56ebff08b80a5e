// The interactive Log Mistake: a title, a severity, then the three learning questions, each
// skippable with Enter. Escape at any step returns undefined and nothing is written.
import * as vscode from 'vscode';
import { validateTitle } from '../../core/logMistake';
import { SEVERITIES, type Severity } from '../../core/noteModel';

export interface MistakeAnswers {
  title: string;
  severity: Severity;
  tryingTo?: string;
  action?: string;
  outcome?: string;
}

const TOTAL_STEPS = 5;

const SEVERITY_DETAILS: Record<Severity, string> = {
  'near-miss': 'Caught before it did harm',
  low: 'Little impact, easily undone',
  medium: 'Noticeable impact on people or systems',
  high: 'Serious impact: users or data affected',
  critical: 'Severe: an outage, data loss or a security breach',
};

const QUESTIONS = [
  { key: 'tryingTo', prompt: 'What was I trying to do?', placeholder: 'e.g. Clear one stale key from the cache (Enter to skip)' },
  { key: 'action', prompt: 'What action did I take?', placeholder: 'e.g. Ran FLUSHALL against the production Redis (Enter to skip)' },
  { key: 'outcome', prompt: 'How did the result differ from what I expected?', placeholder: 'e.g. Every key was dropped and the site slowed down (Enter to skip)' },
] as const;

export async function askMistake(defaultSeverity: Severity, linking: string): Promise<MistakeAnswers | undefined> {
  const title = await vscode.window.showInputBox({
    title: `Log Mistake (1/${TOTAL_STEPS})${linking ? ` — ${linking}` : ''}`,
    prompt: 'What went wrong, in a few words?',
    placeHolder: 'e.g. Flushed the production cache',
    ignoreFocusOut: true,
    // Enter on an invalid title is refused with the message, so an empty Enter never cancels silently.
    validateInput: (value) => validateTitle(value),
  });
  if (title === undefined || validateTitle(title)) {
    return undefined;
  }
  const severity = await pickSeverity(defaultSeverity);
  if (!severity) {
    return undefined;
  }
  const answers: MistakeAnswers = { title: title.trim(), severity };
  for (const [i, question] of QUESTIONS.entries()) {
    const answer = await vscode.window.showInputBox({
      title: `Log Mistake (${i + 3}/${TOTAL_STEPS})`,
      prompt: question.prompt,
      placeHolder: question.placeholder,
      ignoreFocusOut: true,
    });
    if (answer === undefined) {
      return undefined;
    }
    answers[question.key] = answer.trim() || undefined;
  }
  return answers;
}

function pickSeverity(defaultSeverity: Severity): Promise<Severity | undefined> {
  return new Promise((resolve) => {
    const pick = vscode.window.createQuickPick<vscode.QuickPickItem & { severity: Severity }>();
    pick.title = `Log Mistake (2/${TOTAL_STEPS})`;
    pick.placeholder = 'How severe was it?';
    pick.ignoreFocusOut = true;
    pick.items = SEVERITIES.map((severity) => ({ label: severity, description: SEVERITY_DETAILS[severity], severity }));
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
