// Overdue follow-ups stay visible: a status bar item with their count (a click lists them), and
// at most one reminder a day, which `candor.reminders.enabled` turns off.
import * as vscode from 'vscode';
import { localDay } from '../../core/noteFormat/followUps';
import type { NotesService } from '../notes/notesService';
import { overdueFollowUps } from './followUpCommands';

const LAST_REMINDER_KEY = 'candor.lastReminderDay';

export class OverdueStatus implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly notes: NotesService, private readonly state: vscode.Memento) {
    this.item = vscode.window.createStatusBarItem('candor.overdue', vscode.StatusBarAlignment.Left, 50);
    this.item.name = vscode.l10n.t('Candor: Overdue Follow-ups');
    this.item.command = 'candor.showOverdue';
    this.subscriptions = [this.item, notes.onDidChange(() => void this.update())];
  }

  /** Counts now; called once the notes are loaded anyway (never forces a scan at startup). */
  async update(): Promise<number> {
    const overdue = await overdueFollowUps(this.notes);
    if (overdue.length === 0) {
      this.item.hide();
    } else {
      this.item.text = vscode.l10n.t('$(warning) {0} overdue', overdue.length);
      this.item.tooltip = overdue.length === 1
        ? vscode.l10n.t('1 overdue follow-up in incident notes — click to list them')
        : vscode.l10n.t('{0} overdue follow-ups in incident notes — click to list them', overdue.length);
      this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
      this.item.show();
      void this.remind(overdue.length);
    }
    return overdue.length;
  }

  private async remind(count: number): Promise<void> {
    if (!vscode.workspace.getConfiguration('candor').get<boolean>('reminders.enabled', true)) {
      return;
    }
    const today = localDay();
    if (this.state.get<string>(LAST_REMINDER_KEY) === today) {
      return;
    }
    await this.state.update(LAST_REMINDER_KEY, today);
    const show = vscode.l10n.t('Show Them');
    const off = vscode.l10n.t('Turn Off Reminders');
    const message = count === 1
      ? vscode.l10n.t('1 follow-up is overdue in your incident notes.')
      : vscode.l10n.t('{0} follow-ups are overdue in your incident notes.', count);
    const answer = await vscode.window.showInformationMessage(message, show, off);
    if (answer === show) {
      await vscode.commands.executeCommand('candor.showOverdue');
    } else if (answer === off) {
      await vscode.workspace.getConfiguration('candor').update('reminders.enabled', false, vscode.ConfigurationTarget.Global);
    }
  }

  dispose(): void {
    vscode.Disposable.from(...this.subscriptions).dispose();
  }
}
