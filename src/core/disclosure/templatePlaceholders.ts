// The names a disclosure template may use, with what each holds: the one list the template
// checker, the drafting code and the docs (settings help, README) all read.

export const TEMPLATE_PLACEHOLDERS = {
  title: 'The note\'s title, as written.',
  severity: 'near-miss, low, medium, high or critical.',
  status: 'open, mitigated or resolved.',
  author: 'Who logged the note ("Name <email>"), when git knew.',
  occurred: 'When it happened, e.g. "2026-11-21 10:32 UTC".',
  logged: 'When the note was written, e.g. "2026-11-21 10:40 UTC".',
  branch: 'The branch when the note was logged.',
  tags: 'The note\'s tags, separated by ", ".',
  id: 'The note\'s id: its file name without ".md".',
  tryingTo: 'The "What I was trying to do" section.',
  action: 'The "What I did" section.',
  outcome: 'The "What happened instead" section.',
  impact: 'The "Impact" section.',
  recovery: 'The "Recovery" section: what is being done to recover.',
  prevention:
    'What will change: the "Prevention" section with its open "- [ ]" items as "- " lines and its done items left out; ' +
    'when it has no open item, the open items of the whole note, or else its text.',
  need: 'The "What I need" section.',
  learnings: 'The "Learnings" section.',
  links: 'The linked files and commits, one "- " line each: permalinks when the remote is known, else "path:lines @ sha".',
} as const;

export type PlaceholderName = keyof typeof TEMPLATE_PLACEHOLDERS;

export type TemplateValues = Record<PlaceholderName, string>;

export function isPlaceholderName(name: string): name is PlaceholderName {
  return Object.prototype.hasOwnProperty.call(TEMPLATE_PLACEHOLDERS, name);
}
