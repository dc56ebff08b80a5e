// The response file format: one Markdown file per response from a teammate, with front matter
// `note`, `kind`, `author`, `date`, then the text. One file per response (never a shared list)
// so that two people responding on two branches add two files and git merges them without conflict.
import { yamlLib } from '../libraries';
import { splitFrontMatter } from '../noteFormat/frontMatter/frontMatter';
import { isDateTime, type NoteProblem } from '../noteFormat/noteModel';
import { isoSeconds } from '../noteWriting/newNoteFile';
import { slugify } from '../noteFormat/fileName';

export const RESPONSE_KINDS = ['thanks', 'help', 'question', 'learning'] as const;
export type ResponseKind = (typeof RESPONSE_KINDS)[number];

/** What each kind is called where a person picks one. */
export const KIND_LABELS: Record<ResponseKind, string> = {
  thanks: 'Thanks',
  help: 'Offer help',
  question: 'Question',
  learning: 'Learning',
};

/**
 * The text a response starts from, in the spirit of the writing Candor grew from: answer an
 * owned mistake with thanks and an offer, not a verdict.
 */
export const PREFILLED_TEXT: Record<ResponseKind, string> = {
  thanks: 'Thank you for telling us. What do you need from me?',
  help: 'I can help with this. I could ',
  question: 'Thank you for writing this up. One thing I would like to understand: ',
  learning: 'What I take from this for my own work: ',
};

/** The folder of a note's responses, relative to the incidents folder. */
export const RESPONSES_FOLDER = 'responses';

/** `2026-12-05T170115Z-ada-lovelace.md` (and -2, -3… when the same person responds twice in a second). */
export const RESPONSE_FILE_PATTERN = /^(\d{4}-\d{2}-\d{2})T(\d{2})(\d{2})(\d{2})Z-([a-z0-9-]+?)(?:-(\d+))?\.md$/;

/** A note id as Candor writes them: safe as one path segment. */
export const NOTE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export interface Response {
  note: string;
  kind: ResponseKind;
  author?: string;
  /** ISO 8601, UTC, as written. */
  date: string;
  /** The Markdown after the front matter, trimmed. */
  text: string;
}

export interface ParsedResponse {
  response: Response;
  problems: NoteProblem[];
}

export interface ResponseDraft {
  kind: ResponseKind;
  text: string;
  author?: string;
  date: Date;
}

export function isResponseKind(value: unknown): value is ResponseKind {
  return typeof value === 'string' && (RESPONSE_KINDS as readonly string[]).includes(value);
}

/** The author part of a file name: the git user's name, not their e-mail address. */
export function authorSlug(author: string | undefined): string {
  const name = (author ?? '').replace(/<[^>]*>/g, '').trim();
  return name === '' ? 'anonymous' : slugify(name).slice(0, 40).replace(/-+$/, '') || 'anonymous';
}

export function responseFileName(draft: Pick<ResponseDraft, 'author' | 'date'>, n = 1): string {
  const stamp = isoSeconds(draft.date).replace(/:/g, '');
  return `${stamp}-${authorSlug(draft.author)}${n > 1 ? `-${n}` : ''}.md`;
}

export function renderResponse(noteId: string, draft: ResponseDraft): string {
  const fields: Record<string, string> = { note: noteId, kind: draft.kind };
  if (draft.author) {
    fields.author = draft.author;
  }
  fields.date = isoSeconds(draft.date);
  const yaml = yamlLib().stringify(fields, { lineWidth: 0 });
  return `---\n${yaml}---\n\n${draft.text.trim().replace(/\r\n?/g, '\n')}\n`;
}

/**
 * Reads a response file. Always gives a best-effort response, plus what is wrong with it; the
 * folder it lies in names the note it answers (`expectedNote`), which the front matter must match.
 */
export function parseResponse(text: string, expectedNote: string): ParsedResponse {
  const problems: NoteProblem[] = [];
  const split = splitFrontMatter(text);
  const fallback: Response = { note: expectedNote, kind: 'learning', date: '', text: text.trim() };
  if (!split) {
    problems.push({ level: 'error', message: 'A response starts with front matter between --- lines (note, kind, author, date).', line: 1 });
    return { response: fallback, problems };
  }
  let data: unknown;
  try {
    data = yamlLib().parse(split.yaml, { uniqueKeys: true, maxAliasCount: 0 });
  } catch (err) {
    problems.push({ level: 'error', message: `The front matter is not valid YAML: ${(err as Error).message.split('\n')[0]}`, line: 2 });
    return { response: { ...fallback, text: split.body.trim() }, problems };
  }
  const fields = data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  const response: Response = { ...fallback, text: split.body.trim() };
  const problem = (message: string, level: NoteProblem['level'] = 'error') => problems.push({ level, message, line: keyLine(split.yaml, message) });

  if (typeof fields.note !== 'string' || fields.note === '') {
    problem('`note` is missing: a response names the note it answers.');
  } else if (fields.note !== expectedNote) {
    problem(`\`note\` is "${fields.note}" but the response lies in the folder of ${expectedNote}.`);
  } else {
    response.note = fields.note;
  }
  if (isResponseKind(fields.kind)) {
    response.kind = fields.kind;
  } else {
    problem(fields.kind === undefined ? `\`kind\` is missing: one of ${RESPONSE_KINDS.join(', ')}.` : `\`kind\` "${String(fields.kind)}" is not one of ${RESPONSE_KINDS.join(', ')}.`);
  }
  if (typeof fields.author === 'string' && fields.author.trim() !== '') {
    response.author = fields.author;
  } else if (fields.author !== undefined) {
    problem('`author` must be text (the git user).');
  }
  const date = fields.date instanceof Date ? isoSeconds(fields.date) : fields.date;
  if (typeof date === 'string' && isDateTime(date)) {
    response.date = date;
  } else {
    problem(date === undefined ? '`date` is missing (ISO 8601, UTC).' : '`date` is not a date and time (ISO 8601, UTC).');
  }
  for (const key of Object.keys(fields)) {
    if (!['note', 'kind', 'author', 'date'].includes(key)) {
      problem(`Unknown field \`${key}\` in a response (kept, but Candor does not read it).`, 'warning');
    }
  }
  if (response.text === '') {
    problems.push({ level: 'warning', message: 'The response has no text.' });
  }
  return { response, problems };
}

// The line of the field a message is about, so editors and CI annotations point at it.
function keyLine(yaml: string, message: string): number | undefined {
  const key = /`(\w+)`/.exec(message)?.[1];
  if (!key) {
    return undefined;
  }
  const index = yaml.split(/\r?\n/).findIndex((l) => l.startsWith(`${key}:`));
  return index < 0 ? 2 : index + 2;
}

/** The first line of a response's text, for the tree and listings. */
export function firstLine(text: string): string {
  return text.split('\n').find((l) => l.trim() !== '')?.trim() ?? '';
}
