// Drafts the message that discloses a mistake: from the note, in the author's words, first person,
// ready to paste into chat or a pull request (Markdown) or to mail (plain text).
import type { Note, NoteProblem } from '../noteFormat/noteModel';
import type { RemoteWeb } from '../repository/permalinks';
import { maskSecrets } from '../secrets';
import { DEFAULT_MARKDOWN_TEMPLATE, DEFAULT_TEXT_TEMPLATE } from './defaultTemplates';
import type { DisclosureFormat } from './disclosureFormat';
import { disclosureValues } from './noteValues';
import { renderTemplate } from './template';

export interface DraftOptions {
  format: DisclosureFormat;
  /** The web remote for permalinks (see originRemote); without it links are `path:lines @ sha`. */
  remote?: RemoteWeb;
  /** A team template (the text of `.candor/disclosure.md`); see template.ts for its rules. */
  template?: string;
  /** `YYYY-MM-DD`: which follow-ups are overdue; default: today on the local calendar. */
  today?: string;
  /**
   * The note's problems, as read: a severity, status or title the file gives an invalid value is
   * then shown as written and marked (`opne (invalid)`), a missing one as `medium (not set)`,
   * never the default as if the file said it.
   */
  problems?: readonly NoteProblem[];
}

export interface Disclosure {
  subject: string;
  body: string;
}

/** Throws TemplateError when `options.template` is not a valid template. */
export function draftDisclosure(note: Note, options: DraftOptions): Disclosure {
  const values = disclosureValues(note, options.format, options.remote, options.today, options.problems);
  const template = options.template ?? (options.format === 'text' ? DEFAULT_TEXT_TEMPLATE : DEFAULT_MARKDOWN_TEMPLATE);
  const { subject, body } = renderTemplate(template, values);
  // Masked again as a whole: the template's own text, and secrets split across values.
  return { subject: maskSecrets(subject), body: maskSecrets(body) };
}

/** Subject and body as one message, for the clipboard or a chat box that has no subject field. */
export function fullMessage(disclosure: Disclosure, format: DisclosureFormat): string {
  if (format === 'text') {
    return `${disclosure.subject}\n\n${disclosure.body}`;
  }
  // A title's own `*` or `_` would end the bold early or turn into emphasis.
  return `**${disclosure.subject.replace(/[\\`*_[\]<>]/g, '\\$&')}**\n\n${disclosure.body}`;
}
