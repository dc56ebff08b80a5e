// Overdue follow-ups stay visible: a status bar item with their count (a click lists them), and
// at most one reminder a day, which `candor.reminders.enabled` turns off.
import * as vscode from 'vscode';
import { localDay } from '../../core/followUps';
import type { NotesService } from '../notes/notesService';
import { overdueFollowUps } from './followUpCommands';

const LAST_REMINDER_KEY = 'candor.lastReminderDay';

export class OverdueStatus implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly notes: NotesService, private readonly state: vscode.Memento) {
    this.item = vscode.window.createStatusBarItem('candor.overdue', vscode.StatusBarAlignment.Left, 50);
    this.item.name = 'Candor: Overdue Follow-ups';
    this.item.command = 'candor.showOverdue';
    this.subscriptions = [this.item, notes.onDidChange(() => void this.update())];
  }

  /** Counts now; called once the notes are loaded anyway (never forces a scan at startup). */
  async update(): Promise<number> {
    const overdue = await overdueFollowUps(this.notes);
    if (overdue.length === 0) {
      this.item.hide();
    } else {
      this.item.text = `$(warning) ${overdue.length} overdue`;
      this.item.tooltip = `${overdue.length} overdue follow-up${overdue.length === 1 ? '' : 's'} in incident notes — click to list them`;
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
    const show = 'Show Them';
    const off = 'Turn Off Reminders';
    const answer = await vscode.window.showInformationMessage(`${count} follow-up${count === 1 ? ' is' : 's are'} overdue in your incident notes.`, show, off);
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
