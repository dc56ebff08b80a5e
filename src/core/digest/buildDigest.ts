// Gathers a learning-review digest for a folder's notes: what is new in the period with its three
// answers, Learnings and responses; follow-ups opened, ticked and overdue; notes resolved; the
// tags and places that keep coming back; and the notes that turn one year old. Reads the notes,
// their response files and (when given) git history for the follow-ups' dates; writes nothing.
import * as fs from 'fs';
import * as path from 'path';
import { isOverdue, localDay } from '../noteFormat/followUps';
import { followUpSentence } from '../disclosure/followUpSentences';
import type { GitRunner } from '../git/gitRunner';
import { computeInsights, placesOf } from '../insights/insights';
import type { IndexedNote } from '../noteIndex/noteFileRead';
import { hasErrors, SECTIONS, type Note } from '../noteFormat/noteModel';
import { sectionText } from '../noteFormat/noteSections';
import { listAllResponses, type StoredResponse } from '../responses/responseStore';
import { maskSecrets } from '../secrets';
import { noteTasks, type TaskItem } from '../noteFormat/taskItems';
import type { Digest, DigestFollowUp, DigestFollowUps, DigestHotspot, DigestNote, DigestResponse } from './digestModel';
import { digestPeriod, firstAnniversary, inPeriod, noteTime, type DigestPeriod } from './digestPeriod';
import { followUpChanges } from './followUpDates';

export interface DigestInput {
  notes: readonly IndexedNote[];
  incidentsDir: string;
  /** Dates follow-ups by git history (one log of the folder over the period); without it (no repository, untrusted) by their note's time. */
  git?: GitRunner;
  /** The repository root (where git runs). */
  root: string;
  since?: Date;
  until?: Date;
  signal?: AbortSignal;
}

const HOTSPOT_COUNT = 5;

export async function buildDigest(input: DigestInput): Promise<Digest> {
  const readable = input.notes.filter((n) => !hasErrors(n));
  const period = digestPeriod(readable.map((n) => n.note), { since: input.since, until: input.until });
  const responses = await listAllResponses(input.incidentsDir);
  input.signal?.throwIfAborted();
  const byTime = [...readable].sort((a, b) => (noteTime(a.note) ?? '').localeCompare(noteTime(b.note) ?? '') || a.note.id.localeCompare(b.note.id));
  const fresh = byTime.filter((n) => inPeriod(noteTime(n.note), period));
  const freshIds = new Set(fresh.map((n) => n.note.id));
  const answered = byTime.filter((n) => !freshIds.has(n.note.id) && (responses.get(n.note.id) ?? []).some((r) => inPeriod(r.date, period)));
  const notes = [
    ...fresh.map((n) => digestNote(n.note, true, responsesUpTo(responses.get(n.note.id), period))),
    ...answered.map((n) => digestNote(n.note, false, (responses.get(n.note.id) ?? []).filter((r) => inPeriod(r.date, period)))),
  ];
  const { followUps, datedByGit } = await gatherFollowUps(readable, period, input);
  const resolved = byTime.filter((n) => n.note.status === 'resolved' && inPeriod(n.note.resolved, period)).map((n) => n.note.id);
  const anniversaries = byTime.filter((n) => inPeriod(firstAnniversary(n.note), period));
  const titles = Object.fromEntries(readable.map((n) => [n.note.id, maskSecrets(n.note.title)]));
  return {
    since: iso(period.since),
    until: iso(period.until),
    sinceFrom: period.sinceFrom,
    notes,
    followUps,
    resolved,
    recurringTags: recurringTags(readable, fresh),
    anniversaries: anniversaries.map((n) => n.note.id),
    hotspots: hotspots(readable, fresh),
    titles,
    anniversaryLearnings: Object.fromEntries(anniversaries.map((n) => [n.note.id, section(n.note, 'learnings')])),
    datedByGit,
    unreadable: input.notes.length - readable.length,
  };
}

function digestNote(note: Note, isNew: boolean, responses: StoredResponse[]): DigestNote {
  return {
    id: note.id,
    title: maskSecrets(note.title),
    severity: note.severity,
    status: note.status,
    learnings: section(note, 'learnings'),
    responses: responses.map(digestResponse),
    isNew,
    logged: noteTime(note),
    author: note.author === undefined ? undefined : maskSecrets(note.author),
    answers: { tryingTo: section(note, 'tryingTo') ?? undefined, action: section(note, 'action') ?? undefined, outcome: section(note, 'outcome') ?? undefined },
  };
}

function section(note: Note, key: keyof typeof SECTIONS): string | null {
  const text = sectionText(note.body, SECTIONS[key]);
  return text === undefined ? null : maskSecrets(text);
}

/** Readable responses (a date and some text) up to the period's end. */
function responsesUpTo(list: StoredResponse[] | undefined, period: DigestPeriod): StoredResponse[] {
  return (list ?? []).filter((r) => r.date !== '' && Date.parse(r.date) <= period.until.getTime());
}

function digestResponse(r: StoredResponse): DigestResponse {
  return { kind: r.kind, author: r.author === undefined ? null : maskSecrets(r.author), date: iso(new Date(r.date)), text: maskSecrets(r.text) };
}

async function gatherFollowUps(readable: readonly IndexedNote[], period: DigestPeriod, input: DigestInput): Promise<{ followUps: DigestFollowUps; datedByGit: boolean }> {
  const today = localDay(period.until);
  const withTasks = readable.map((n) => ({ n, tasks: noteTasks(n) })).filter((x) => x.tasks.length > 0);
  const changes = input.git && withTasks.length > 0
    ? await followUpChanges(input.git, input.root, input.incidentsDir, period, input.signal).catch(() => undefined)
    : undefined;
  input.signal?.throwIfAborted();
  const followUps: DigestFollowUps = { opened: [], done: [], overdue: [] };
  for (const { n, tasks } of withTasks) {
    const rel = path.relative(input.root, n.path).split(path.sep).join('/');
    const lines = changes?.tracked.has(rel) ? fileLines(n.path) : undefined;
    for (const task of tasks) {
      // A tracked note's line by git; an untracked note's (or any, without git) by the note's time.
      const changedInPeriod = lines
        ? changes?.added.get(rel)?.has(lines[task.line] ?? '') === true
        : inPeriod(noteTime(n.note), period);
      const item = digestFollowUp(n.note.id, task, today);
      if (changedInPeriod) {
        (task.done ? followUps.done : followUps.opened).push(item);
      }
      if (isOverdue(task, today)) {
        followUps.overdue.push(item);
      }
    }
  }
  followUps.overdue.sort((a, b) => (a.due ?? '').localeCompare(b.due ?? ''));
  return { followUps, datedByGit: changes !== undefined && withTasks.some((x) => changes.tracked.has(path.relative(input.root, x.n.path).split(path.sep).join('/'))) };
}

/** The note file's lines as git compares them (no carriage returns); undefined when unreadable. */
function fileLines(file: string): string[] | undefined {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').map((l) => l.replace(/\r$/, ''));
  } catch {
    return undefined;
  }
}

function digestFollowUp(note: string, task: TaskItem, today: string): DigestFollowUp {
  return {
    note,
    line: task.line + 1,
    text: maskSecrets(task.text),
    owner: task.owner ?? null,
    due: task.due ?? null,
    sentence: maskSecrets(followUpSentence(task, today)),
  };
}

/** Tags of the period's new notes that two notes or more carry, with how many notes (of all time). */
function recurringTags(readable: readonly IndexedNote[], fresh: readonly IndexedNote[]): { tag: string; count: number }[] {
  const inPeriodTags = new Set(fresh.flatMap((n) => n.note.tags));
  const all = computeInsights([...readable], { commitTimes: new Map(), trailerFixes: new Map(), today: localDay() });
  return all.recurringTags.filter((t) => inPeriodTags.has(t.tag)).map((t) => ({ tag: maskSecrets(t.tag), count: t.count }));
}

/** Files and folders the period's new notes link that other notes link too, most first. */
function hotspots(readable: readonly IndexedNote[], fresh: readonly IndexedNote[]): DigestHotspot[] {
  const wanted = new Set(fresh.flatMap((n) => [...placesOf(n.note)]));
  const counts = new Map<string, number>();
  for (const n of readable) {
    for (const place of placesOf(n.note)) {
      if (wanted.has(place)) {
        counts.set(place, (counts.get(place) ?? 0) + 1);
      }
    }
  }
  return [...counts.entries()]
    .filter(([, count]) => count >= 2)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, HOTSPOT_COUNT)
    .map(([path, count]) => ({ path, count }));
}

function iso(date: Date): string {
  return date.toISOString().replace(/\.000Z$/, 'Z');
}
