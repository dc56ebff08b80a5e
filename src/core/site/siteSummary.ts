// What the index and the search show of a note: the three answers and the learnings, as plain
// text. The note comes masked (siteSources). The body is split into its sections in one pass: a
// site of thousands of notes would otherwise split every body once per section.
import { tasksAsSentences } from '../disclosure/followUpSentences';
import { SECTIONS, type Note } from '../noteFormat/noteModel';

export interface NoteSummary {
  tryingTo: string;
  action: string;
  outcome: string;
  learnings: string;
}

export function summarize(note: Note): NoteSummary {
  const sections = bodySections(note.body);
  // A follow-up written in one of these sections reads as a sentence here too, as on the page
  // (no "today", as there); most sections have none, and skip the work.
  const get = (heading: string): string => {
    const text = sections.get(heading.toLowerCase()) ?? '';
    return plain(/\[[ xX]\]/.test(text) ? tasksAsSentences(text, '') : text);
  };
  return { tryingTo: get(SECTIONS.tryingTo), action: get(SECTIONS.action), outcome: get(SECTIONS.outcome), learnings: get(SECTIONS.learnings) };
}

/**
 * Each `## heading` (lowercased) → its text, as noteSections' sectionText reads one: the first
 * section of a name counts, and a section ends at the next `#` or `##` heading.
 */
export function bodySections(body: string): Map<string, string> {
  const sections = new Map<string, string>();
  let heading: string | undefined;
  let lines: string[] = [];
  const close = (): void => {
    if (heading !== undefined && !sections.has(heading)) {
      sections.set(heading, lines.join('\n').trim());
    }
  };
  for (const line of body.split(/\r?\n/)) {
    if (/^#{1,2}\s/.test(line)) {
      close();
      const trimmed = line.replace(/\s+$/, '').toLowerCase();
      heading = trimmed.startsWith('## ') ? trimmed.slice(3) : undefined;
      lines = [];
    } else if (heading !== undefined) {
      lines.push(line);
    }
  }
  close();
  return sections;
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
