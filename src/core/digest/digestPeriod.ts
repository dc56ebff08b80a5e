// The period a learning-review digest covers. By default it starts where the last review ended —
// the latest `reviewed:` time among the notes — so each meeting picks up exactly what the last one
// did not see; a team that has never marked a review gets the last 14 days.
import type { Note } from '../noteFormat/noteModel';

/** How far back a digest reaches when no note was ever marked reviewed. */
export const DEFAULT_DIGEST_DAYS = 14;

export interface DigestPeriod {
  since: Date;
  until: Date;
  /** Where `since` came from: given, the latest review, or the default of 14 days. */
  sinceFrom: 'given' | 'reviewed' | 'default';
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * A date a person typed: `YYYY-MM-DD` (the start of that day, in local time: a day on their
 * calendar) or an ISO date and time. Anything else — "yesterday", `2026-13-01`, `12/01` — is
 * undefined, never a guess.
 */
export function parseDigestDate(text: string): Date | undefined {
  const value = text.trim();
  const day = DAY.exec(value);
  if (day) {
    const [year, month, date] = [Number(day[1]), Number(day[2]), Number(day[3])];
    const local = new Date(year, month - 1, date);
    return local.getFullYear() === year && local.getMonth() === month - 1 && local.getDate() === date ? local : undefined;
  }
  if (!DATE_TIME.test(value)) {
    return undefined;
  }
  const parsed = new Date(value.replace(' ', 'T'));
  // `2026-02-30T10:00Z` parses in some engines as 2 March: a date that names no real day is refused.
  const [year, month, date] = value.slice(0, 10).split('-').map(Number);
  if (Number.isNaN(parsed.getTime()) || month < 1 || month > 12 || date < 1 || date > new Date(Date.UTC(year, month, 0)).getUTCDate()) {
    return undefined;
  }
  return parsed;
}

/** The latest `reviewed` time at or before `until`, if any note has one. */
export function latestReview(notes: readonly Pick<Note, 'reviewed'>[], until: Date): Date | undefined {
  let latest: number | undefined;
  for (const note of notes) {
    const time = Date.parse(note.reviewed ?? '');
    if (!Number.isNaN(time) && time <= until.getTime() && (latest === undefined || time > latest)) {
      latest = time;
    }
  }
  return latest === undefined ? undefined : new Date(latest);
}

/** The period for the given bounds; throws with a message a person can act on when since is after until. */
export function digestPeriod(notes: readonly Pick<Note, 'reviewed'>[], options: { since?: Date; until?: Date; now?: Date }): DigestPeriod {
  // Whole seconds, as `reviewed:` is written: Mark All as Reviewed writes this end, and the next
  // digest starts exactly there.
  const until = options.until ?? new Date(Math.floor((options.now ?? new Date()).getTime() / 1000) * 1000);
  let since = options.since;
  let sinceFrom: DigestPeriod['sinceFrom'] = 'given';
  if (!since) {
    const reviewed = latestReview(notes, until);
    since = reviewed ?? new Date(until.getTime() - DEFAULT_DIGEST_DAYS * 24 * 3600_000);
    sinceFrom = reviewed ? 'reviewed' : 'default';
  }
  if (since.getTime() > until.getTime()) {
    throw new Error(`The digest's start (${since.toISOString()}) is after its end (${until.toISOString()}).`);
  }
  return { since, until, sinceFrom };
}

/** Whether an ISO time lies in the period, both ends included. Unreadable times never do. */
export function inPeriod(time: string | undefined, period: Pick<DigestPeriod, 'since' | 'until'>): boolean {
  const t = Date.parse(time ?? '');
  return !Number.isNaN(t) && t >= period.since.getTime() && t <= period.until.getTime();
}

/**
 * When a note turns one year old: a year after it was logged (or occurred). 29 February's
 * anniversary is 1 March in a year without one, as Date counts it.
 */
export function firstAnniversary(note: Pick<Note, 'logged' | 'occurred'>): string | undefined {
  const time = Date.parse(noteTime(note) ?? '');
  if (Number.isNaN(time)) {
    return undefined;
  }
  const date = new Date(time);
  date.setUTCFullYear(date.getUTCFullYear() + 1);
  return date.toISOString();
}

/** When a note was written down: `logged`, else `occurred` (older notes may have only that). */
export function noteTime(note: Pick<Note, 'logged' | 'occurred'>): string | undefined {
  return note.logged ?? note.occurred;
}
