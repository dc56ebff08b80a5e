// What a note says, as the values a disclosure template is filled with: the author's sections in
// their own words (as plain text for email), what will change, and the links.
import { localDay } from '../noteFormat/followUps';
import { shownValue } from '../noteFormat/noteFields';
import { SECTIONS, type Note, type NoteProblem, type SectionKey } from '../noteFormat/noteModel';
import { sectionText } from '../noteFormat/noteSections';
import type { RemoteWeb } from '../repository/permalinks';
import { maskSecrets } from '../secrets';
import { findTaskItems } from '../noteFormat/taskItems';
import type { DisclosureFormat } from './disclosureFormat';
import { tasksAsSentences } from './followUpSentences';
import { withoutComments } from './markdownSegments';
import { linkEntries } from './noteLinks';
import { markdownToPlainText } from './plainText';
import type { TemplateValues } from './templatePlaceholders';

/** Every value is masked: a key pasted into a section must not go out with the message. */
export function disclosureValues(
  note: Note, format: DisclosureFormat, remote?: RemoteWeb, today: string = localDay(), problems: readonly NoteProblem[] = [],
): TemplateValues {
  // As the file says: an invalid value as written and marked, a missing one as its default, marked.
  const shown = (key: 'title' | 'severity' | 'status') => shownValue({ note, problems }, key);
  const prose = (markdown: string | undefined): string => {
    if (markdown === undefined) {
      return '';
    }
    // Follow-ups read as sentences (no `- [x]`, `@ada`, `due:` syntax reaches the message).
    const sentences = tasksAsSentences(markdown, today);
    return maskSecrets(format === 'text' ? markdownToPlainText(sentences) : withoutComments(sentences));
  };
  const section = (key: SectionKey): string => prose(sectionText(note.body, SECTIONS[key]));
  return {
    title: maskSecrets(shown('title')),
    severity: shown('severity'),
    status: shown('status'),
    author: maskSecrets(note.author ?? ''),
    occurred: readableTime(note.occurred),
    logged: readableTime(note.logged),
    branch: maskSecrets(note.branch ?? ''),
    tags: maskSecrets(note.tags.join(', ')),
    id: note.id,
    tryingTo: section('tryingTo'),
    action: section('action'),
    outcome: section('outcome'),
    impact: section('impact'),
    recovery: section('recovery'),
    prevention: prose(preventionMarkdown(note.body)),
    need: section('need'),
    learnings: section('learnings'),
    links: maskSecrets(linkEntries(note, format, remote).join('\n')),
  };
}

/**
 * What will change, as Markdown. The Prevention section as written, with its open task items kept
 * (the disclosure turns them into sentences) and its done ones left out (they are not plans any more). When it has no open
 * item, the open items found anywhere in the note (people write follow-ups where they think of
 * them); when there are none either, the section's own text.
 */
export function preventionMarkdown(body: string): string | undefined {
  const section = sectionText(body, SECTIONS.prevention);
  const sectionItems = section === undefined ? [] : tasksOf(section);
  if (section !== undefined && sectionItems.some((t) => !t.done)) {
    const lines = section.split('\n');
    const byLine = new Map(sectionItems.map((t) => [t.line, t]));
    const kept = lines.flatMap((line, i) => {
      const task = byLine.get(i);
      if (!task) {
        return [line];
      }
      return task.done ? [] : [line];
    });
    return kept.join('\n').trim();
  }
  const open = tasksOf(body).filter((t) => !t.done);
  if (open.length > 0) {
    return open.map((t) => `- [ ] ${t.text}`).join('\n');
  }
  if (section === undefined) {
    return undefined;
  }
  const prose = section.split('\n').filter((_line, i) => !sectionItems.some((t) => t.line === i)).join('\n').trim();
  return prose === '' ? undefined : prose;
}

/** Task items with 0-based lines of `markdown`. */
function tasksOf(markdown: string): { line: number; done: boolean; text: string }[] {
  // The leading line break keeps findTaskItems from reading a first `---` (a rule) as front matter.
  return findTaskItems(`\n${markdown}`).map((t) => ({ line: t.line - 1, done: t.done, text: t.text }));
}

/** `2026-11-21T10:32:00Z` → `2026-11-21 10:32 UTC`; anything else as written. */
export function readableTime(value: string | undefined): string {
  if (value === undefined) {
    return '';
  }
  const utc = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]00:?00)$/.exec(value);
  return utc ? `${utc[1]} ${utc[2]} UTC` : value;
}
