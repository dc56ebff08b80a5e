// `candor review` and the editor's Review Changes: which notes' linked lines a change touches.
// Only notes linking a file in the diff are looked at; each of their links is placed at the base
// with the editor's own re-anchoring (so a note logged long before the base still finds its
// lines), then compared with the diff's hunks there and carried over to the head side.
import * as path from 'path';
import { GitHistory } from '../anchoring/gitHistory';
import { locateLinks } from '../anchoring/locateLinks';
import type { AnchorLocation } from '../anchoring/types';
import { openFollowUps } from '../noteFormat/followUps';
import { fileValue, invalidFields, valueState, type NoteFieldKey } from '../noteFormat/noteFields';
import type { GitRunner } from '../git/gitRunner';
import type { IndexedNote } from '../noteIndex/noteFileRead';
import { SECTIONS, type LinkedFile, type Note, type Severity, type Status } from '../noteFormat/noteModel';
import { sectionText } from '../noteFormat/noteSections';
import type { FileChange } from './diffHunks';
import { diffChanges, resolveRevisions } from './reviewRevisions';
import { changedSpan, headRange, touchingHunks, type Range } from './touchedRanges';

/** One linked range a change touches: the shape of `candor review --format json`. */
export interface TouchedLearning {
  id: string;
  /** Title, severity and status as the note file has them: an invalid value is the file's own text. */
  title: string;
  severity: Severity | string;
  status: Status | string;
  /** Of title, severity and status, those whose value in the file is invalid (e.g. ["status"]). */
  invalid: string[];
  /** Of severity and status, those the file does not give: the value is the format's default. */
  notSet: string[];
  /** The note file, relative to the repository root. */
  note: string;
  /** The changed file at the head, relative to the repository root. */
  file: string;
  /** The linked range on the head side. */
  lines: Range;
  /** The touching hunks' range on the head side. */
  changed: Range;
  learnings: string;
  openFollowUps: string[];
}

export interface ReviewReport {
  base: string;
  head: string;
  touched: TouchedLearning[];
}

export interface ReviewOptions {
  base?: string;
  head?: string;
  /** Lines around a linked range within which a change still touches it (default 3). */
  context?: number;
  signal?: AbortSignal;
}

export interface ReviewOutcome {
  report: ReviewReport;
  /** The head is HEAD plus the working tree. */
  workingTree: boolean;
  /** Links on changed files that could not be placed at the base, with why. */
  unplaced: string[];
  /** How many notes were re-anchored (the cost follows the change, not the number of notes). */
  notesPlaced: number;
}

export const DEFAULT_CONTEXT = 3;

export async function reviewChanges(notes: readonly IndexedNote[], git: GitRunner, root: string, options: ReviewOptions = {}): Promise<ReviewOutcome> {
  const context = options.context ?? DEFAULT_CONTEXT;
  const revisions = await resolveRevisions(git, root, options.base, options.head, options.signal);
  const changes = await diffChanges(git, root, revisions, options.signal);
  const byOldPath = new Map(changes.filter((c) => c.oldPath !== undefined).map((c) => [c.oldPath!, c]));
  const byNewPath = new Map(changes.filter((c) => c.newPath !== undefined).map((c) => [c.newPath!, c]));
  const inDiff = (p: unknown) => typeof p === 'string' && (byOldPath.has(p) || byNewPath.has(p));
  const candidates = notes.filter((n) => n.note && Array.isArray(n.note.files) && n.note.files.some((f) => inDiff(f?.path)));
  const report: ReviewReport = { base: revisions.base, head: revisions.head, touched: [] };
  const outcome: ReviewOutcome = { report, workingTree: revisions.workingTree, unplaced: [], notesPlaced: candidates.length };
  if (candidates.length === 0) {
    return outcome;
  }
  const baseTexts = await readBaseTexts(git, root, revisions.base, [...byOldPath.keys()], options.signal);
  // A file renamed in the diff keeps its links: a link to the new name is placed in the old file's base text.
  const baseText = (p: string) => baseTexts.get(p) ?? (byNewPath.get(p)?.oldPath !== undefined ? baseTexts.get(byNewPath.get(p)!.oldPath!) : undefined);
  // One call for every link: locateLinks shares its git processes across them.
  const links = candidates.flatMap((indexed) => indexed.note.files.filter((f) => inDiff(f?.path)).map((link) => ({ indexed, link })));
  const located = await locateLinks(links.map((l) => l.link), { git, repoRoot: root, currentText: baseText, onlyGivenText: true, signal: options.signal });
  located.forEach((location, i) => {
    const { indexed, link } = links[i];
    const change = byOldPath.get(location.path) ?? byNewPath.get(location.path);
    if (location.status === 'orphaned' || !change) {
      outcome.unplaced.push(`${relative(root, indexed.path)}: ${link.path}: ${location.reason ?? 'not found at the base'}`);
      return;
    }
    const touched = touch(indexed, root, link, location, change, context);
    if (touched) {
      report.touched.push(touched);
    }
  });
  report.touched.sort((a, b) => a.file.localeCompare(b.file) || a.lines[0] - b.lines[0] || a.id.localeCompare(b.id));
  return outcome;
}

/** The entry for one placed link when the change touches it. */
function touch(indexed: IndexedNote, root: string, link: LinkedFile, location: AnchorLocation, change: FileChange, context: number): TouchedLearning | undefined {
  let lines: Range;
  let changed: Range | undefined;
  if (location.lines) {
    const hunks = touchingHunks(change.hunks, location.lines, context);
    changed = changedSpan(hunks);
    if (!changed) {
      return undefined;
    }
    lines = headRange(change.hunks, location.lines);
  } else {
    // A whole-file link: any change to the file touches it (a binary file's change has no lines: line 1).
    changed = changedSpan(change.hunks) ?? (change.binary ? [1, 1] : undefined);
    if (!changed) {
      return undefined;
    }
    lines = changed;
  }
  const note: Note = indexed.note;
  return {
    id: note.id,
    title: fileText(indexed, 'title'),
    severity: fileText(indexed, 'severity'),
    status: fileText(indexed, 'status'),
    invalid: invalidFields(indexed, SHOWN_FIELDS),
    notSet: SHOWN_FIELDS.filter((key) => key !== 'title' && valueState(indexed, key) === 'missing'),
    note: relative(root, indexed.path),
    file: change.newPath ?? change.oldPath ?? link.path,
    lines,
    changed,
    learnings: learningsOf(note),
    openFollowUps: openFollowUps(bodyOf(note)).map((t) => t.text),
  };
}

/** The note fields a review shows, in the order `invalid` and `notSet` name them. */
const SHOWN_FIELDS: NoteFieldKey[] = ['title', 'severity', 'status'];

/** A field as the file has it (its own text when invalid), never a default passed off as the file's. */
function fileText(indexed: IndexedNote, key: NoteFieldKey): string {
  const value = fileValue(indexed, key);
  return typeof value === 'string' ? value : String(indexed.note[key] ?? '');
}

function bodyOf(note: Note): string {
  try {
    return typeof note.body === 'string' ? note.body : '';
  } catch {
    return '';
  }
}

/** The note's Learnings, or What happened instead when it has none yet. */
export function learningsOf(note: Note): string {
  const body = bodyOf(note);
  return sectionText(body, SECTIONS.learnings) ?? sectionText(body, SECTIONS.outcome) ?? '';
}

async function readBaseTexts(git: GitRunner, root: string, base: string, paths: string[], signal?: AbortSignal): Promise<Map<string, string>> {
  const history = new GitHistory(git, root, signal);
  await history.inspect([base], paths.map((p) => ({ commit: base, path: p })));
  const oids = new Map(paths.map((p) => [p, history.blob(base, p)?.oid]));
  const texts = await history.readBlobs([...oids.values()].filter((o): o is string => o !== undefined));
  const result = new Map<string, string>();
  for (const [p, oid] of oids) {
    const text = oid ? texts.get(oid) : undefined;
    if (text !== undefined) {
      result.set(p, text);
    }
  }
  return result;
}

function relative(root: string, abs: string): string {
  return path.relative(root, abs).split(path.sep).join('/');
}
