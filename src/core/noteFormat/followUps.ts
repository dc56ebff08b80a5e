// Follow-ups are a note's task items: `- [ ] Add a confirmation prompt @grace due:2026-12-01`.
// Which are overdue, and adding one under a section without touching anything else.
import { bodyStartLine } from './frontMatter/frontMatter';
import { findTaskItems, type TaskItem } from './taskItems';

export interface FollowUpInput {
  text: string;
  owner?: string;
  /** `YYYY-MM-DD`. */
  due?: string;
  section?: 'Prevention' | 'Recovery';
}

/** Today as `YYYY-MM-DD` in local time: a due date is a day on the person's calendar. */
export function localDay(date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function isOverdue(item: Pick<TaskItem, 'done' | 'due'>, today: string): boolean {
  return !item.done && item.due !== undefined && item.due < today;
}

export function openFollowUps(text: string): TaskItem[] {
  return findTaskItems(text).filter((t) => !t.done);
}

/** Why a follow-up cannot be added as given, or undefined. */
export function validateFollowUp(input: FollowUpInput): string | undefined {
  if (typeof input.text !== 'string' || input.text.trim() === '') {
    return 'A follow-up needs a text.';
  }
  if (/[\r\n]/.test(input.text)) {
    return 'A follow-up must fit on one line.';
  }
  if (input.owner !== undefined && !/^@?[\w.-]+$/.test(input.owner)) {
    return `The owner "${input.owner}" must be a name without spaces, like @grace.`;
  }
  if (input.due !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(input.due) || Number.isNaN(Date.parse(`${input.due}T00:00:00Z`)))) {
    return `The due date "${input.due}" must be a date as YYYY-MM-DD.`;
  }
  if (input.section !== undefined && input.section !== 'Prevention' && input.section !== 'Recovery') {
    return 'A follow-up goes under Prevention or Recovery.';
  }
  return undefined;
}

export function followUpLine(input: FollowUpInput): string {
  const owner = input.owner ? ` @${input.owner.replace(/^@/, '')}` : '';
  const due = input.due ? ` due:${input.due}` : '';
  return `- [ ] ${input.text.trim()}${owner}${due}`;
}

/**
 * The note's text with the follow-up added at the end of the section's list (or as the section's
 * first line; the section is appended when the note has none). Everything else stays as it was.
 */
export function addFollowUp(text: string, input: FollowUpInput): string {
  const problem = validateFollowUp(input);
  if (problem) {
    throw new Error(problem);
  }
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const line = followUpLine(input);
  const heading = `## ${input.section ?? 'Prevention'}`;
  const lines = text.split(/\r?\n/);
  const bodyStart = bodyStartLine(lines);
  const start = lines.findIndex((l, i) => i >= bodyStart && l.replace(/\s+$/, '').toLowerCase() === heading.toLowerCase());
  if (start < 0) {
    const trimmed = text.replace(/(\r?\n)*$/, '');
    return `${trimmed}${eol}${eol}${heading}${eol}${eol}${line}${eol}`;
  }
  let end = start + 1;
  while (end < lines.length && !/^#{1,2}\s/.test(lines[end])) {
    end++;
  }
  // After the section's last non-blank line, or on the blank line after the heading.
  let last = end - 1;
  while (last > start && lines[last].trim() === '') {
    last--;
  }
  if (last === start) {
    // An empty section's blank lines (a new note has three) become one on each side of the item.
    lines.splice(start + 1, end - start - 1, '', line, '');
  } else {
    lines.splice(last + 1, 0, line);
  }
  return lines.join(eol);
}
