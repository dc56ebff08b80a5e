// A hover on a linked line shows the learning: title, severity, status, the Learnings section
// (or, before one is written, what happened), and a link that opens the note.
import * as vscode from 'vscode';
import { sectionText } from '../../core/noteSections';
import { severityAndStatus } from '../notes/shownValues';
import type { LinkedCode, LocatedLink } from './linkedCode';

const MAX_SECTION_CHARS = 800;

export class LearningHoverProvider implements vscode.HoverProvider {
  constructor(private readonly linked: LinkedCode) {}

  async provideHover(doc: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const here = (await this.linked.locate(doc)).filter((l) => l.range && l.range.start.line <= position.line && position.line <= l.range.end.line);
    if (here.length === 0) {
      return undefined;
    }
    const contents = here.map(hoverMarkdown);
    return new vscode.Hover(contents, here[0].range);
  }
}

export function hoverMarkdown(link: LocatedLink): vscode.MarkdownString {
  const { note } = link.entry.note;
  const uri = vscode.Uri.file(link.entry.note.path);
  // Only the command that opens this note may run from the hover; note text is not trusted.
  const md = new vscode.MarkdownString(undefined, true);
  md.isTrusted = { enabledCommands: ['candor.openNote'] };
  md.appendMarkdown('$(book) **').appendText(note.title).appendMarkdown('**\n\n');
  md.appendText(`${severityAndStatus(link.entry.note)}${note.occurred ? ` · ${note.occurred.slice(0, 10)}` : ''}`);
  const learnings = sectionText(note.body, 'Learnings');
  const fallback = learnings ? undefined : sectionText(note.body, 'What happened instead');
  const text = learnings ?? fallback;
  if (text) {
    // The section names looked up above are the note's own (English) headings; only the label is translated.
    md.appendMarkdown(`\n\n**${learnings ? vscode.l10n.t('Learnings') : vscode.l10n.t('What happened instead')}**\n\n`);
    md.appendText(text.length > MAX_SECTION_CHARS ? `${text.slice(0, MAX_SECTION_CHARS)}…` : text);
  }
  if (link.location.status === 'edited' && link.location.reason) {
    md.appendMarkdown('\n\n$(warning) ').appendText(link.location.reason);
  }
  const args = encodeURIComponent(JSON.stringify([uri]));
  md.appendMarkdown(`\n\n[${vscode.l10n.t('Open note')}](command:candor.openNote?${args} "${vscode.l10n.t('Open the incident note')}")`);
  return md;
}
