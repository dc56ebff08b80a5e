// What the index and the search show of a note: the three answers and the learnings, as plain
// text with secrets masked (the same masking as disclosures).
import { SECTIONS, type Note } from '../noteModel';
import { sectionText } from '../noteSections';
import { maskSecrets } from '../secrets';

export interface NoteSummary {
  tryingTo: string;
  action: string;
  outcome: string;
  learnings: string;
}

export function summarize(note: Note): NoteSummary {
  const get = (heading: string): string => plain(maskSecrets(sectionText(note.body, heading) ?? ''));
  return { tryingTo: get(SECTIONS.tryingTo), action: get(SECTIONS.action), outcome: get(SECTIONS.outcome), learnings: get(SECTIONS.learnings) };
}

/** Markdown to one line of readable text: comments, markers and extra spaces go. */
function plain(markdown: string): string {
  return markdown
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^[ \t]*(?:[-*+]|\d+[.)])[ \t]+(?:\[[ xX]\][ \t]+)?/gm, '')
    .replace(/[`*_>#]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The first words of a text, cut at a word boundary. */
export function excerpt(text: string, max = 200): string {
  if (text.length <= max) {
    return text;
  }
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${cut.slice(0, space > max / 2 ? space : max)}…`;
}
