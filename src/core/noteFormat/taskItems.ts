// Task items (`- [ ] …` / `- [x] …`) anywhere in a note's body: the follow-ups of an incident.
// Each keeps the offset of its check character so ticking one rewrites exactly that character.

import type { ParsedNote } from './noteModel';

export interface TaskItem {
  /** 0-based line in the whole note file. */
  line: number;
  /** Offset of the character between the brackets in the whole note text. */
  checkOffset: number;
  done: boolean;
  /** The item's text without the box, owner and due date markers kept as written. */
  text: string;
  owner?: string;
  /** `YYYY-MM-DD` from `due:YYYY-MM-DD`. */
  due?: string;
}


const TASK = /^([ \t]*(?:[-*+]|\d+[.)])[ \t]+\[)([ xX])(\][ \t]+)(.*)$/;

/** Task items of a note's text (front matter excluded, fenced code blocks skipped). */
export function findTaskItems(text: string): TaskItem[] {
  const items: TaskItem[] = [];
  const lines = text.split('\n');
  let offset = 0;
  let inFrontMatter = /^\uFEFF?---\r?$/.test(lines[0] ?? '');
  let fence: string | undefined;
  lines.forEach((raw, index) => {
    const line = raw.replace(/\r$/, '');
    if (index > 0 && inFrontMatter && /^(?:---|\.\.\.)[ \t]*$/.test(line)) {
      inFrontMatter = false;
    } else if (!inFrontMatter) {
      const fenceMatch = /^[ \t]*(```+|~~~+)/.exec(line);
      if (fenceMatch) {
        fence = fence === undefined ? fenceMatch[1][0] : fence === fenceMatch[1][0] ? undefined : fence;
      } else if (fence === undefined) {
        const match = TASK.exec(line);
        if (match) {
          const body = match[4];
          items.push({
            line: index,
            checkOffset: offset + match[1].length,
            done: match[2] !== ' ',
            text: body.trim(),
            owner: /(?:^|\s)@([\w.-]+)/.exec(body)?.[1],
            due: /(?:^|\s)due:(\d{4}-\d{2}-\d{2})\b/.exec(body)?.[1],
          });
        }
      }
    }
    offset += raw.length + 1;
  });
  return items;
}

/** The text with one task item ticked or unticked; only the check character changes. */
export function setTaskDone(text: string, item: Pick<TaskItem, 'checkOffset'>, done: boolean): string {
  const current = text[item.checkOffset];
  if (current !== ' ' && current !== 'x' && current !== 'X') {
    throw new Error('The task item is no longer where it was; reload the note.');
  }
  return text.slice(0, item.checkOffset) + (done ? 'x' : ' ') + text.slice(item.checkOffset + 1);
}

/** Task items per version of a note: a changed note is a new object, so only it is read again. */
const byNote = new WeakMap<ParsedNote, TaskItem[]>();

/**
 * A note's task items, with lines counted from the start of the note file. Parsed once per version
 * of the note, for the tree (which asks on every render) and the overdue count alike.
 */
export function noteTasks(parsed: ParsedNote): TaskItem[] {
  let tasks = byNote.get(parsed);
  if (!tasks) {
    tasks = findTaskItems(parsed.note.body).map((task) => ({ ...task, line: task.line + parsed.bodyLine }));
    byNote.set(parsed, tasks);
  }
  return tasks;
}
