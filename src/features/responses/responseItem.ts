// A response under its note in the Learnings tree: the kind's icon, the author and the first line;
// the whole text in the tooltip; a click opens the response file.
import * as vscode from 'vscode';
import { firstLine, type ResponseKind } from '../../core/responses/responseFormat';
import type { StoredResponse } from '../../core/responses/responseStore';
import { kindLabel } from './kindText';

export const KIND_ICONS: Record<ResponseKind, string> = { thanks: 'heart', help: 'person-add', question: 'question', learning: 'lightbulb' };

export function responseItem(response: StoredResponse): vscode.TreeItem {
  const who = response.author ? response.author.replace(/\s*<[^>]*>/, '') : vscode.l10n.t('someone');
  const item = new vscode.TreeItem(firstLine(response.text) || vscode.l10n.t('(no text)'), vscode.TreeItemCollapsibleState.None);
  item.id = `response:${response.path}`;
  item.description = [kindLabel(response.kind), who, response.date.slice(0, 10)].filter(Boolean).join(' · ');
  item.iconPath = new vscode.ThemeIcon(response.problems.some((p) => p.level === 'error') ? 'warning' : KIND_ICONS[response.kind]);
  item.contextValue = 'candor.response';
  const uri = vscode.Uri.file(response.path);
  item.resourceUri = uri;
  item.command = { command: 'vscode.open', title: vscode.l10n.t('Open Response'), arguments: [uri, { preview: true, preserveFocus: true }] };
  const tooltip = new vscode.MarkdownString();
  tooltip.appendMarkdown('**').appendText(`${kindLabel(response.kind)} · ${who}`).appendMarkdown('**\n\n').appendText(response.text);
  for (const problem of response.problems) {
    tooltip.appendMarkdown('\n\n').appendText(`${problem.level}: ${problem.message}`);
  }
  item.tooltip = tooltip;
  return item;
}
