// What a learning-review digest holds, and its JSON form — a public shape scripts rely on:
//
//   { since, until,
//     notes: [{ id, title, severity, status, learnings, responses: [{ kind, author, date, text }] }],
//     followUps: { opened, done, overdue },   each a list of { note, line, text, owner, due, sentence }
//     resolved: [ids], recurringTags: [{ tag, count }], anniversaries: [ids] }
//
// Dates are ISO 8601 in UTC. Text from notes and responses is masked as in disclosures.
import type { ResponseKind } from '../responses/responseFormat';
import type { Severity, Status } from '../noteFormat/noteModel';

export interface DigestResponse {
  kind: ResponseKind;
  /** The git user who responded; null when the file does not say. */
  author: string | null;
  /** ISO 8601, UTC. */
  date: string;
  text: string;
}

export interface DigestNote {
  id: string;
  title: string;
  severity: Severity;
  status: Status;
  /** The note's *Learnings* section (Markdown), or null while it is empty. */
  learnings: string | null;
  /** For a note new in the period, all its responses so far; for an earlier note, those of the period. */
  responses: DigestResponse[];
  // Markdown only (not in the JSON):
  /** Whether the note was logged in the period (else it is here for the responses it received). */
  isNew: boolean;
  logged?: string;
  author?: string;
  /** The three answers: what I was trying to do, what I did, what happened instead. */
  answers: { tryingTo?: string; action?: string; outcome?: string };
}

export interface DigestFollowUp {
  /** The note's id. */
  note: string;
  /** 1-based line of the task item in the note file. */
  line: number;
  /** The item as written (`Add a test @ada due:2026-12-20`). */
  text: string;
  /** Without the `@`; null when nobody owns it. */
  owner: string | null;
  /** `YYYY-MM-DD`, or null. */
  due: string | null;
  /** The item as a plain sentence: "Ada was to add a test by 20 November; it is not done yet." */
  sentence: string;
}

export interface DigestFollowUps {
  /** Added in the period and still open. */
  opened: DigestFollowUp[];
  /** Ticked in the period. */
  done: DigestFollowUp[];
  /** Open with a due date before the period's end, whenever they were opened. */
  overdue: DigestFollowUp[];
}

export interface DigestHotspot {
  path: string;
  /** Notes (of all time) that link the file or folder. */
  count: number;
}

export interface Digest {
  since: string;
  until: string;
  /** Where `since` came from: given, the latest review, or the default of 14 days back. */
  sinceFrom: 'given' | 'reviewed' | 'default';
  notes: DigestNote[];
  followUps: DigestFollowUps;
  resolved: string[];
  recurringTags: { tag: string; count: number }[];
  anniversaries: string[];
  // Markdown only:
  hotspots: DigestHotspot[];
  /** id → title, for every note the digest names (resolved, anniversaries, follow-ups). */
  titles: Record<string, string>;
  /** id → the Learnings of each anniversary note, for "a year ago we learned…". */
  anniversaryLearnings: Record<string, string | null>;
  /** Whether follow-ups were dated by git (else by their note's time). */
  datedByGit: boolean;
  unreadable: number;
}

/** The digest's public JSON shape, exactly: nothing more, in this key order. */
export function digestJson(digest: Digest): object {
  return {
    since: digest.since,
    until: digest.until,
    notes: digest.notes.map((n) => ({
      id: n.id,
      title: n.title,
      severity: n.severity,
      status: n.status,
      learnings: n.learnings,
      responses: n.responses.map((r) => ({ kind: r.kind, author: r.author, date: r.date, text: r.text })),
    })),
    followUps: {
      opened: digest.followUps.opened.map(followUpJson),
      done: digest.followUps.done.map(followUpJson),
      overdue: digest.followUps.overdue.map(followUpJson),
    },
    resolved: [...digest.resolved],
    recurringTags: digest.recurringTags.map((t) => ({ tag: t.tag, count: t.count })),
    anniversaries: [...digest.anniversaries],
  };
}

function followUpJson(f: DigestFollowUp): object {
  return { note: f.note, line: f.line, text: f.text, owner: f.owner, due: f.due, sentence: f.sentence };
}

/** The ids of every note the digest names: what "Mark All as Reviewed" marks. */
export function digestNoteIds(digest: Digest): string[] {
  const ids = new Set<string>([
    ...digest.notes.map((n) => n.id),
    ...digest.resolved,
    ...digest.anniversaries,
    ...digest.followUps.opened.map((f) => f.note),
    ...digest.followUps.done.map((f) => f.note),
    ...digest.followUps.overdue.map((f) => f.note),
  ]);
  return [...ids];
}
