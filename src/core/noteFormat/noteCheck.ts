// A note checked against its repository and the calendar, beyond what parseNote can judge from the
// file alone: linked files that are not in the working tree (or lead out of it), commits that are
// not in the object database, follow-ups past their due date. Meant to run on every commit, so a
// whole folder costs one stat per linked file and a single git process for all the shas.
import * as fs from 'fs';
import { isOverdue } from './followUps';
import { GitMissingError, GitUntrustedError, type GitRunner } from '../git/gitRunner';
import type { IndexedNote } from '../noteIndex/noteFileRead';
import { SHA_PATTERN, type Note, type NoteProblem, type ParsedNote } from './noteModel';
import { resolveInside } from '../repository/repoPaths';
import { RelatedIndex } from '../similar/relatedNotes';
import { findTaskItems } from './taskItems';

export interface CheckOptions {
  /** Linked paths are relative to it. */
  repoRoot: string;
  /** Absent when there is no repository: shas are then not checked, and the report says so. */
  git?: GitRunner;
  /** `YYYY-MM-DD`, for overdue follow-ups (see localDay). */
  today: string;
}

export interface CheckedNote {
  note: IndexedNote;
  /** parseNote's problems and the repository's, in line order (problems without a line first). */
  problems: NoteProblem[];
}

export interface CheckReport {
  notes: CheckedNote[];
  /** Checks that could not be made, each a sentence saying why. */
  skipped: string[];
}

/** A finding whose line is looked up in the note's front matter, only when there is one. */
export interface LocatedFinding {
  level: NoteProblem['level'];
  message: string;
  /** The key and value to look for: `head` and a sha, `path` and a path… */
  key: string;
  value: string;
}

export async function checkNotes(notes: readonly IndexedNote[], options: CheckOptions): Promise<CheckReport> {
  const skipped: string[] = [];
  const refs = new Map<IndexedNote, CommitRef[]>(notes.map((n) => [n, commitRefs(n.note)]));
  const shas = [...new Set([...refs.values()].flat().map((r) => r.sha))];
  let unknown = new Map<string, ShaState>();
  if (shas.length > 0) {
    if (!options.git) {
      skipped.push(`Not a git repository: ${notChecked(shas.length)}.`);
    } else {
      try {
        unknown = await unknownCommits(options.git, options.repoRoot, shas);
      } catch (err) {
        skipped.push(`${gitTrouble(err)}: ${notChecked(shas.length)}.`);
      }
    }
  }
  // A shallow clone (CI's default) lacks old commits that do exist upstream: not the note's fault.
  const shallow = unknown.size > 0 && options.git ? await isShallow(options.git, options.repoRoot) : false;
  if (shallow) {
    skipped.push('The clone is shallow: commits missing from it are reported as warnings (fetch the full history, e.g. `fetch-depth: 0`, to check them).');
  }

  const related = new RelatedIndex(notes, (n) => n.note);
  const checked: CheckedNote[] = [];
  for (const note of notes) {
    const located: LocatedFinding[] = [...linkedPathFindings(note.note, options.repoRoot), ...missingRelated(related, note.note)];
    for (const [sha, fields] of groupBySha(refs.get(note) ?? [])) {
      const state = unknown.get(sha);
      if (state) {
        located.push({
          level: shallow && state === 'missing' ? 'warning' : 'error',
          message: state === 'ambiguous'
            ? `Commit ${sha} (${fields.join(', ')}) is ambiguous in this repository: use more hex digits.`
            : `Commit ${sha} (${fields.join(', ')}) is not in this repository.`,
          key: fieldKey(fields[0]),
          value: sha,
        });
      }
    }
    const problems = [...note.problems, ...overdueFollowUps(note, options.today)];
    if (located.length > 0) {
      const lineOf = frontMatterLines(note.path);
      problems.push(...located.map(({ level, message, key, value }) => ({ level, message, line: lineOf(key, value) })));
    }
    checked.push({ note, problems: problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) });
  }
  return { notes: checked, skipped };
}

/** Ids in `related` that name no note of the folder: a typo, or a note deleted or not merged yet. */
function missingRelated(related: RelatedIndex<IndexedNote>, note: Note): LocatedFinding[] {
  return related.linksOf(note).missing.map((id) => ({
    level: 'warning',
    message: `related: there is no note "${id}" in this folder.`,
    key: 'related',
    value: id,
  }));
}

/** Linked files that are not files in the working tree, or lead outside it through a symbolic link. */
export function linkedPathFindings(note: Note, repoRoot: string): LocatedFinding[] {
  const findings: LocatedFinding[] = [];
  for (const linked of new Set(note.files.map((f) => f.path))) {
    const abs = resolveInside(repoRoot, linked);
    if (abs === undefined) {
      findings.push({ level: 'error', message: `Linked file "${linked}" leads outside the repository; it is never opened.`, key: 'path', value: linked });
      continue;
    }
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(abs);
    } catch {
      stat = undefined;
    }
    if (!stat) {
      findings.push({
        level: 'error',
        message: `Linked file "${linked}" does not exist in the working tree (renamed or deleted? Re-anchor Links writes where it is now).`,
        key: 'path',
        value: linked,
      });
    } else if (!stat.isFile()) {
      findings.push({ level: 'error', message: `Linked file "${linked}" is not a file.`, key: 'path', value: linked });
    } else {
      findings.push(...pastTheEnd(note, linked, abs));
    }
  }
  return findings;
}

/**
 * Linked lines the file does not have in the working tree. The working tree, not the recorded
 * commit: it is what a reader opens, and it costs no git process; lines that moved since are
 * found again by their anchor (Re-anchor Links), lines that never existed are not.
 */
function pastTheEnd(note: Note, linked: string, abs: string): LocatedFinding[] {
  const ranges = note.files.filter((f) => f.path === linked && f.lines !== undefined).map((f) => f.lines!);
  if (ranges.length === 0) {
    return [];
  }
  let count: number;
  try {
    count = lineCount(fs.readFileSync(abs, 'utf8'));
  } catch {
    return [];
  }
  return ranges
    .filter(([, last]) => last > count)
    .map(([first, last]) => ({
      level: 'error' as const,
      message: `Linked lines ${first === last ? first : `${first}-${last}`} of "${linked}" do not exist: it has ${count} line${count === 1 ? '' : 's'} in the working tree (Re-anchor Links finds moved lines by their text).`,
      key: 'path',
      value: linked,
    }));
}

/** Lines as an editor counts them: a final line break does not start another line. */
function lineCount(text: string): number {
  if (text === '') {
    return 0;
  }
  const breaks = text.split('\n').length - 1;
  return text.endsWith('\n') ? breaks : breaks + 1;
}

/** Open task items whose `due:` date is before today, at their line in the note file. */
export function overdueFollowUps(parsed: ParsedNote, today: string): NoteProblem[] {
  return findTaskItems(parsed.note.body)
    .filter((item) => isOverdue(item, today))
    .map((item) => ({
      level: 'warning' as const,
      message: `Follow-up overdue since ${item.due}: ${item.text}`,
      line: parsed.bodyLine + item.line + 1,
    }));
}

interface CommitRef {
  sha: string;
  /** Where the note records it, e.g. `head`, `commits[0].sha`, `files[1].commit`. */
  field: string;
}

/** Every sha a note records. parseNote has already kept only 7-40 hex digits. */
export function commitRefs(note: Note): CommitRef[] {
  const refs: CommitRef[] = [];
  if (note.head) {
    refs.push({ sha: note.head, field: 'head' });
  }
  note.commits.forEach((c, i) => refs.push({ sha: c.sha, field: `commits[${i}].sha` }));
  note.files.forEach((f, i) => {
    if (f.commit) {
      refs.push({ sha: f.commit, field: `files[${i}].commit` });
    }
  });
  return refs.filter((r) => SHA_PATTERN.test(r.sha));
}

/** The YAML key a field is written under: `files[1].commit` → `commit`. */
function fieldKey(field: string): string {
  return field.slice(field.lastIndexOf('.') + 1);
}

function groupBySha(refs: CommitRef[]): Map<string, string[]> {
  const bySha = new Map<string, string[]>();
  for (const ref of refs) {
    bySha.set(ref.sha, [...(bySha.get(ref.sha) ?? []), ref.field]);
  }
  return bySha;
}

type ShaState = 'missing' | 'ambiguous';

/**
 * The shas that name no commit here, with one `git cat-file --batch-check` for all of them.
 * `<sha>^{commit}` accepts abbreviations and refuses a sha that names a blob or a tree.
 */
export async function unknownCommits(git: GitRunner, repoRoot: string, shas: readonly string[]): Promise<Map<string, ShaState>> {
  const asked = [...new Set(shas.filter((s) => SHA_PATTERN.test(s)))];
  const result = new Map<string, ShaState>();
  if (asked.length === 0) {
    return result;
  }
  const output = await git.run(repoRoot, ['cat-file', '--batch-check=%(objectname) %(objecttype)'], [], asked.map((s) => `${s}^{commit}`).join('\n') + '\n');
  const lines = output.split('\n');
  asked.forEach((sha, i) => {
    const line = lines[i] ?? '';
    if (/ ambiguous$/.test(line)) {
      result.set(sha, 'ambiguous');
    } else if (!/^[0-9a-f]{40,64} commit$/.test(line)) {
      result.set(sha, 'missing');
    }
  });
  return result;
}

async function isShallow(git: GitRunner, repoRoot: string): Promise<boolean> {
  const out = await git.run(repoRoot, ['rev-parse', '--is-shallow-repository']).catch(() => '');
  return out.trim() === 'true';
}

/** The line break before a closing fence: a `---` or `...` line, spaces or tabs after it allowed. */
const CLOSING_FENCE = /\r?\n(?:---|\.\.\.)[ \t]*(?=\r?\n|$)/;

/**
 * Finds the 1-based line of a front-matter field by its key and value: the first line with both,
 * else the first with the value. The note is read again, but only when it has such a finding.
 * Synchronously: in a shallow clone every note can have one, and 10,000 asynchronous reads one
 * after another took 4 s where synchronous ones take a fraction of that.
 */
function frontMatterLines(file: string): (key: string, value: string) => number | undefined {
  let lines: string[] = [];
  try {
    const text = fs.readFileSync(file, 'utf8');
    // Only the lines before the closing fence (a `---` or `...` line after the first) are split.
    const close = CLOSING_FENCE.exec(text);
    lines = (close ? text.slice(0, close.index) : text).split(/\r?\n/);
  } catch {
    // Gone since the scan: the finding keeps no line.
  }
  return (key, value) => {
    const withKey = lines.findIndex((l) => l.includes(`${key}:`) && l.includes(value));
    const index = withKey >= 0 ? withKey : lines.findIndex((l) => l.includes(value));
    return index >= 0 ? index + 1 : undefined;
  };
}

function gitTrouble(err: unknown): string {
  if (err instanceof GitMissingError) {
    return 'Git could not be started';
  }
  if (err instanceof GitUntrustedError) {
    return 'Git is not run here';
  }
  const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
  return /not a git repository/i.test(message) ? 'Not a git repository' : `Git failed (${message})`;
}

function notChecked(n: number): string {
  return n === 1 ? 'the commit sha in the notes was not checked' : `the ${n} commit shas in the notes were not checked`;
}
