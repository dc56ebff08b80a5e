// The figures a team learns from: how many mistakes, how severe, where in the code; how quickly
// they are disclosed (from the introducing commit to the note) and fixed (from the note to the
// first fix commit or the resolved time); which follow-ups are open or overdue. Pure: the git
// facts (commit times, trailer fixes) are gathered by the caller.
import * as path from 'path';
import { isOverdue } from '../noteFormat/followUps';
import { hasErrors, SEVERITIES, STATUSES, type Note, type ParsedNote } from '../noteFormat/noteModel';
import { findTaskItems } from '../noteFormat/taskItems';

export interface Insights {
  total: number;
  /** Notes that could not be read and are left out of every other figure. */
  unreadable: number;
  byStatus: Record<string, number>;
  bySeverity: Record<string, number>;
  byTag: Record<string, number>;
  /** `YYYY-MM` → notes that occurred that month, oldest first. */
  byMonth: Record<string, number>;
  /** Files and folders with the most notes, most first. */
  hotspots: { path: string; count: number }[];
  /** Tags on two notes or more, most first. */
  recurringTags: { tag: string; count: number }[];
  followUps: { open: number; overdue: number; done: number };
  /** Median hours from the introducing commit to the note's `logged` time; null without data. */
  medianHoursToLog: number | null;
  /** Median hours from `logged` to the first fix commit or the `resolved` time; null without data. */
  medianHoursToFix: number | null;
  /** How many notes each median is taken over. */
  samples: { toLog: number; toFix: number };
}

export interface InsightFacts {
  /** Commit sha (as recorded, full or short) → committer time in seconds. */
  commitTimes: ReadonlyMap<string, number>;
  /** Note id → commits whose message says `Incident: <id>`. */
  trailerFixes: ReadonlyMap<string, { sha: string; time: number }[]>;
  /** `YYYY-MM-DD`, for overdue follow-ups. */
  today: string;
}

const HOTSPOT_COUNT = 10;

export function computeInsights(parsed: ParsedNote[], facts: InsightFacts): Insights {
  const notes = parsed.filter((p) => !hasErrors(p)).map((p) => p.note);
  const insights: Insights = {
    total: notes.length,
    unreadable: parsed.length - notes.length,
    byStatus: Object.fromEntries(STATUSES.map((s) => [s, 0])),
    bySeverity: Object.fromEntries(SEVERITIES.map((s) => [s, 0])),
    byTag: {},
    byMonth: {},
    hotspots: [],
    recurringTags: [],
    followUps: { open: 0, overdue: 0, done: 0 },
    medianHoursToLog: null,
    medianHoursToFix: null,
    samples: { toLog: 0, toFix: 0 },
  };
  const places = new Map<string, number>();
  const toLog: number[] = [];
  const toFix: number[] = [];
  for (const note of notes) {
    insights.byStatus[note.status]++;
    insights.bySeverity[note.severity]++;
    for (const tag of new Set(note.tags)) {
      insights.byTag[tag] = (insights.byTag[tag] ?? 0) + 1;
    }
    const month = (note.occurred ?? note.logged ?? '').slice(0, 7);
    if (/^\d{4}-\d{2}$/.test(month)) {
      insights.byMonth[month] = (insights.byMonth[month] ?? 0) + 1;
    }
    for (const place of placesOf(note)) {
      places.set(place, (places.get(place) ?? 0) + 1);
    }
    for (const task of findTaskItems(note.body)) {
      if (task.done) {
        insights.followUps.done++;
      } else {
        insights.followUps.open++;
        if (isOverdue(task, facts.today)) {
          insights.followUps.overdue++;
        }
      }
    }
    const hoursToLog = hoursFromIntroductionToLog(note, facts);
    if (hoursToLog !== undefined) {
      toLog.push(hoursToLog);
    }
    const hoursToFix = hoursFromLogToFix(note, facts);
    if (hoursToFix !== undefined) {
      toFix.push(hoursToFix);
    }
  }
  insights.byMonth = Object.fromEntries(Object.entries(insights.byMonth).sort(([a], [b]) => a.localeCompare(b)));
  insights.hotspots = [...places.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, HOTSPOT_COUNT)
    .map(([p, count]) => ({ path: p, count }));
  insights.recurringTags = Object.entries(insights.byTag)
    .filter(([, count]) => count >= 2)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([tag, count]) => ({ tag, count }));
  insights.medianHoursToLog = median(toLog);
  insights.medianHoursToFix = median(toFix);
  insights.samples = { toLog: toLog.length, toFix: toFix.length };
  return insights;
}

/** A note counts once for each linked file and once for each folder above it. */
export function placesOf(note: Note): Set<string> {
  const places = new Set<string>();
  for (const file of note.files) {
    places.add(file.path);
    let dir = path.posix.dirname(file.path);
    while (dir !== '.' && dir !== '/' && dir !== '') {
      places.add(`${dir}/`);
      dir = path.posix.dirname(dir);
    }
  }
  return places;
}

function hoursFromIntroductionToLog(note: Note, facts: InsightFacts): number | undefined {
  const logged = Date.parse(note.logged ?? '');
  const introduced = note.commits.filter((c) => c.role === 'introduced').map((c) => facts.commitTimes.get(c.sha)).filter((t): t is number => t !== undefined);
  if (Number.isNaN(logged) || introduced.length === 0) {
    return undefined;
  }
  // The most recent introducing change is the one the mistake came with.
  const hours = (logged / 1000 - Math.max(...introduced)) / 3600;
  return hours >= 0 ? hours : undefined;
}

function hoursFromLogToFix(note: Note, facts: InsightFacts): number | undefined {
  const logged = Date.parse(note.logged ?? '');
  if (Number.isNaN(logged)) {
    return undefined;
  }
  const fixTimes = [
    ...note.commits.filter((c) => c.role === 'fixed').map((c) => facts.commitTimes.get(c.sha)),
    ...(facts.trailerFixes.get(note.id) ?? []).map((c) => c.time),
  ].filter((t): t is number => t !== undefined).map((t) => t * 1000);
  const resolved = note.status === 'resolved' ? Date.parse(note.resolved ?? '') : NaN;
  if (!Number.isNaN(resolved)) {
    fixTimes.push(resolved);
  }
  const after = fixTimes.filter((t) => t >= logged);
  return after.length > 0 ? (Math.min(...after) - logged) / 3_600_000 : undefined;
}

export function median(values: number[]): number | null {
  if (values.length === 0) {
    return null;
  }
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return Math.round(value * 10) / 10;
}
