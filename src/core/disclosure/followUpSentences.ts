// Follow-ups as a person would write them to their peers. A note keeps them as task items
// (`- [ ] Add a test @ada due:2026-12-20`), which read as tooling noise in a message: here each
// becomes a plain sentence that owns the plan, says who and by when, states done work as done and
// an overdue promise as overdue, never as if it were still a plan on time.
import { isOverdue } from '../noteFormat/followUps';
import { findTaskItems, type TaskItem } from '../noteFormat/taskItems';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `Markdown` with every task item line replaced by `- <sentence>` (indentation kept). */
export function tasksAsSentences(markdown: string, today: string): string {
  // The leading line break keeps findTaskItems from reading a first `---` (a rule) as front matter.
  const tasks = new Map(findTaskItems(`\n${markdown}`).map((t) => [t.line - 1, t]));
  if (tasks.size === 0) {
    return markdown;
  }
  return markdown
    .split('\n')
    .map((line, i) => {
      const task = tasks.get(i);
      return task ? `${/^[ \t]*/.exec(line)![0]}- ${followUpSentence(task, today)}` : line;
    })
    .join('\n');
}

/** One follow-up as a sentence: "I will add a test by 20 December." */
export function followUpSentence(task: Pick<TaskItem, 'text' | 'done' | 'owner' | 'due'>, today: string): string {
  const what = stripMarkers(task.text);
  const who = task.owner ? personName(task.owner) : undefined;
  if (task.done) {
    return `Done: ${endSentence(what)}`;
  }
  const action = lowerFirst(what);
  const by = task.due ? ` by ${readableDay(task.due, today)}` : '';
  if (task.due && isOverdue(task, today)) {
    const promise = who ? `${who} was to ${action}` : `I said I would ${action}`;
    return `${promise}${by}; it is not done yet.`;
  }
  return `${who ?? 'I'} will ${endSentence(`${action}${by}`)}`;
}

/** The item's words without its `@owner` and `due:` markers. */
function stripMarkers(text: string): string {
  return text
    .replace(/(^|\s)@[\w.-]+/g, '$1')
    .replace(/(^|\s)due:\d{4}-\d{2}-\d{2}\b/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** `@ada` → `Ada`, `grace.hopper` → `Grace Hopper`. */
function personName(owner: string): string {
  return owner
    .replace(/^@/, '')
    .split(/[._-]+/)
    .filter(Boolean)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join(' ');
}

/** `Add a test` → `add a test`; an acronym or a name written in capitals stays as it is. */
function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0].toLowerCase() + text.slice(1) : text;
}

function endSentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** `2026-12-20` → `20 December`, with the year when it is not this year's. */
function readableDay(day: string, today: string): string {
  const [year, month, date] = day.split('-').map(Number);
  const name = MONTHS[month - 1];
  if (!name) {
    return day;
  }
  return `${date} ${name}${String(year) === today.slice(0, 4) ? '' : ` ${year}`}`;
}
