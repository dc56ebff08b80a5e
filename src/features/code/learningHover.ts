// A hover on a linked line shows the learning: title, severity, status, the Learnings section
// (or, before one is written, what happened), teammates' responses, and a link that opens the note.
import * as vscode from 'vscode';
import { sectionText } from '../../core/noteFormat/noteSections';
import { firstLine } from '../../core/responses/responseFormat';
import { listResponses, type StoredResponse } from '../../core/responses/responseStore';
import { kindLabel } from '../responses/kindText';
import { KIND_ICONS } from '../responses/responseItem';
import { severityAndStatus } from '../notes/shownValues';
import type { LinkedCode, LocatedLink } from './linkedCode';

const MAX_SECTION_CHARS = 800;
/** The latest responses a hover lists; the rest are counted. */
const MAX_HOVER_RESPONSES = 3;
const MAX_RESPONSE_LINE_CHARS = 120;

export class LearningHoverProvider implements vscode.HoverProvider {
  constructor(private readonly linked: LinkedCode) {}

  async provideHover(doc: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const here = (await this.linked.locate(doc)).filter((l) => l.range && l.range.start.line <= position.line && position.line <= l.range.end.line);
    if (here.length === 0) {
      return undefined;
    }
    const responses = await Promise.all(here.map((l) => listResponses(l.entry.folder.index.dir, l.entry.note.note.id)));
    const contents = here.map((link, i) => hoverMarkdown(link, responses[i]));
    return new vscode.Hover(contents, here[0].range);
  }
}

export function hoverMarkdown(link: LocatedLink, responses: readonly StoredResponse[] = []): vscode.MarkdownString {
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
  appendResponses(md, responses);
  if (link.location.status === 'edited' && link.location.reason) {
    md.appendMarkdown('\n\n$(warning) ').appendText(link.location.reason);
  }
  const args = encodeURIComponent(JSON.stringify([uri]));
  md.appendMarkdown(`\n\n[${vscode.l10n.t('Open note')}](command:candor.openNote?${args} "${vscode.l10n.t('Open the incident note')}")`);
  return md;
}

/** Teammates' responses, latest first: the kind (icon and name), who, and the first line. */
function appendResponses(md: vscode.MarkdownString, responses: readonly StoredResponse[]): void {
  const readable = responses.filter((r) => r.text !== '');
  if (readable.length === 0) {
    return;
  }
  md.appendMarkdown(`\n\n**${readable.length === 1 ? vscode.l10n.t('1 response') : vscode.l10n.t('{0} responses', readable.length)}**\n`);
  for (const r of readable.slice(-MAX_HOVER_RESPONSES).reverse()) {
    const who = r.author ? r.author.replace(/\s*<[^>]*>/, '') : vscode.l10n.t('someone');
    const line = firstLine(r.text);
    md.appendMarkdown(`\n- $(${KIND_ICONS[r.kind]}) ${kindLabel(r.kind)} · `).appendText(`${who}: ${line.length > MAX_RESPONSE_LINE_CHARS ? `${line.slice(0, MAX_RESPONSE_LINE_CHARS)}…` : line}`);
  }
  if (readable.length > MAX_HOVER_RESPONSES) {
    md.appendMarkdown('\n\n').appendText(vscode.l10n.t('and {0} earlier', readable.length - MAX_HOVER_RESPONSES));
  }
}
