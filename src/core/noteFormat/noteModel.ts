// The note format, v1: the vocabulary shared by the parser, the writer, the index and the CLI.

export const STATUSES = ['open', 'mitigated', 'resolved'] as const;
export type Status = (typeof STATUSES)[number];

export const SEVERITIES = ['near-miss', 'low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const COMMIT_ROLES = ['introduced', 'fixed', 'related', 'history'] as const;
export type CommitRole = (typeof COMMIT_ROLES)[number];

/** The body's sections, in the order a new note has them. */
export const SECTIONS = {
  tryingTo: 'What I was trying to do',
  action: 'What I did',
  outcome: 'What happened instead',
  impact: 'Impact',
  recovery: 'Recovery',
  prevention: 'Prevention',
  need: 'What I need',
  learnings: 'Learnings',
} as const;
export type SectionKey = keyof typeof SECTIONS;

export interface LinkedCommit {
  sha: string;
  role: CommitRole;
  subject?: string;
}

export interface LinkedFile {
  /** Relative to the repository root, forward slashes. */
  path: string;
  /** 1-based, inclusive; absent for a whole file. */
  lines?: [number, number];
  /** HEAD when the link was recorded. */
  commit?: string;
  /** The recorded lines' text, to find them again after edits. */
  anchor?: string;
  /** Set when the file differed from HEAD when recorded. */
  uncommitted?: 'modified' | 'untracked' | 'unsaved';
}

export interface Note {
  id: string;
  title: string;
  status: Status;
  severity: Severity;
  author?: string;
  occurred?: string;
  logged?: string;
  branch?: string;
  head?: string;
  /** Set by Set Status when the note was resolved. */
  resolved?: string;
  /** Set by Mark as Reviewed: when the team last went over the note in a learning review. */
  reviewed?: string;
  commits: LinkedCommit[];
  files: LinkedFile[];
  tags: string[];
  /** Ids of earlier notes about the same mistake (picked in Log Mistake, or written by hand). */
  related?: string[];
  /** The Markdown after the front matter. */
  body: string;
}

export interface NoteProblem {
  level: 'error' | 'warning';
  message: string;
  /** 1-based line in the note file, when known. */
  line?: number;
  /**
   * The front-matter field the problem is about (`status`, `commits`…); absent for problems with
   * the front matter as a whole (no front matter, invalid YAML), after which no field was read.
   */
  field?: string;
  /**
   * The file's own value, as text, when the problem is that it is not a valid one (a `status`
   * of "opne"): what is shown in place of the default the note holds (see shownValue).
   */
  value?: string;
}

/** A note file as read: always has a best-effort note, plus what is wrong with it. */
export interface ParsedNote {
  note: Note;
  problems: NoteProblem[];
  /** 0-based line of the file where `note.body` starts. */
  bodyLine: number;
}

export function hasErrors(parsed: { problems: NoteProblem[] }): boolean {
  return parsed.problems.some((p) => p.level === 'error');
}

export const SHA_PATTERN = /^[0-9a-f]{7,40}$/;
export const FULL_SHA_PATTERN = /^[0-9a-f]{40}$/;

// Dates as Candor writes them (ISO 8601, days up to 28 so that every match is a real date): a
// regular expression answers these about three times faster than Date.parse, which the index
// would otherwise call three times per note.
const SURELY_VALID_TIME = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{3})?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

/** Whether `value` is a date and time JavaScript can read (what `Date.parse` accepts). */
export function isDateTime(value: string): boolean {
  return SURELY_VALID_TIME.test(value) || !Number.isNaN(Date.parse(value));
}
