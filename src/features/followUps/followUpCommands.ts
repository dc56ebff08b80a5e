// `candor.addFollowUp` and the list of overdue follow-ups.
import * as vscode from 'vscode';
import { addFollowUp, isOverdue, localDay, validateFollowUp, type FollowUpInput } from '../../core/noteFormat/followUps';
import { noteTasks } from '../../core/noteFormat/taskItems';
import { reportCommandError, type NoteEditor } from '../notes/noteEdits';
import { pickNote } from '../notes/notePicker';
import type { NoteEntry, NotesService } from '../notes/notesService';
import { UntrustedWorkspaceError } from '../workspaceTrust';
import { scriptArgument } from '../commandArgs';

export interface OverdueItem {
  entry: NoteEntry;
  text: string;
  due: string;
  owner?: string;
  /** 0-based line in the note file. */
  line: number;
}

export async function overdueFollowUps(notes: NotesService, today = localDay()): Promise<OverdueItem[]> {
  return (await notes.all()).flatMap((entry) => noteTasks(entry.note)
    .filter((t) => isOverdue(t, today))
    .map((t) => ({ entry, text: t.text, due: t.due!, owner: t.owner, line: t.line })));
}

export class FollowUpCommands {
  constructor(private readonly notes: NotesService, private readonly editor: NoteEditor) {}

  register(): vscode.Disposable {
    return vscode.Disposable.from(
      vscode.commands.registerCommand('candor.addFollowUp', (target?: unknown, input?: unknown) => this.add(target, scriptArgument(input))),
      vscode.commands.registerCommand('candor.showOverdue', () => this.showOverdue()),
    );
  }

  /**
   * Programmatic: `executeCommand('candor.addFollowUp', noteUri, { text, owner?, due?, section? })`
   * with `section` 'Prevention' (default) or 'Recovery'. Interactive: asks for each.
   */
  async add(target?: unknown, input?: unknown): Promise<void> {
    const programmatic = input !== undefined;
    try {
      if (!vscode.workspace.isTrusted) {
        throw new UntrustedWorkspaceError(vscode.l10n.t('change notes'));
      }
      const entry = await pickNote(this.notes, target, vscode.l10n.t('Add a follow-up to which note?'));
      if (!entry) {
        return;
      }
      const followUp = programmatic ? (input as FollowUpInput) : await askFollowUp();
      if (!followUp) {
        return;
      }
      const problem = validateFollowUp(followUp);
      if (problem) {
        throw new Error(problem);
      }
      await this.editor.transform(vscode.Uri.file(entry.note.path), (text) => addFollowUp(text, followUp));
    } catch (err) {
      if (programmatic) {
        throw err;
      }
      await reportCommandError(err);
    }
  }

  async showOverdue(): Promise<void> {
    const items = await overdueFollowUps(this.notes);
    if (items.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No follow-up is overdue.'));
      return;
    }
    const picked = await vscode.window.showQuickPick(
      items.map((item) => ({ label: `$(warning) ${item.text}`, description: `${vscode.l10n.t('due {0}', item.due)}${item.owner ? ` · @${item.owner}` : ''}`, detail: item.entry.note.note.title, item })),
      {
        placeHolder: items.length === 1 ? vscode.l10n.t('1 overdue follow-up: pick one to open its note') : vscode.l10n.t('{0} overdue follow-ups: pick one to open its note', items.length),
        matchOnDescription: true,
        matchOnDetail: true,
      },
    );
    if (picked) {
      await vscode.window.showTextDocument(vscode.Uri.file(picked.item.entry.note.path), { selection: new vscode.Range(picked.item.line, 0, picked.item.line, 0) });
    }
  }
}

async function askFollowUp(): Promise<FollowUpInput | undefined> {
  const text = await vscode.window.showInputBox({
    title: stepTitle(1), prompt: vscode.l10n.t('What will be done?'), placeHolder: vscode.l10n.t('e.g. Add a confirmation prompt to the deploy script'), ignoreFocusOut: true,
    validateInput: (v) => validateFollowUp({ text: v }),
  });
  if (text === undefined) {
    return undefined;
  }
  const owner = await vscode.window.showInputBox({
    title: stepTitle(2), prompt: vscode.l10n.t('Who owns it? (Enter to skip)'), placeHolder: vscode.l10n.t('e.g. grace'), ignoreFocusOut: true,
    validateInput: (v) => (v.trim() ? validateFollowUp({ text: 'x', owner: v.trim() }) : undefined),
  });
  if (owner === undefined) {
    return undefined;
  }
  const due = await vscode.window.showInputBox({
    title: stepTitle(3), prompt: vscode.l10n.t('Due date, YYYY-MM-DD (Enter to skip)'), placeHolder: localDay(new Date(Date.now() + 14 * 86_400_000)), ignoreFocusOut: true,
    validateInput: (v) => (v.trim() ? validateFollowUp({ text: 'x', due: v.trim() }) : undefined),
  });
  if (due === undefined) {
    return undefined;
  }
  // The label is translated; `section` is the note's own heading, which stays as written.
  const section = await vscode.window.showQuickPick(
    [
      { label: vscode.l10n.t('Prevention'), description: vscode.l10n.t('a permanent correction'), section: 'Prevention' as const },
      { label: vscode.l10n.t('Recovery'), description: vscode.l10n.t('a short-term action'), section: 'Recovery' as const },
    ],
    { title: stepTitle(4), placeHolder: vscode.l10n.t('Under which section?'), ignoreFocusOut: true },
  );
  if (!section) {
    return undefined;
  }
  return { text: text.trim(), owner: owner.trim() || undefined, due: due.trim() || undefined, section: section.section };
}

function stepTitle(step: number): string {
  return vscode.l10n.t('Add Follow-up ({0}/{1})', step, 4);
}
