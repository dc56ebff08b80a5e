// Find Similar: the past notes most like a given note or a draft, best first, each with the
// reasons a person can check — the same lines (after re-anchoring: where each note's linked lines
// are now), the same introducing commit, the same file, shared tags, similar words in the title
// and the three answers. Weights are plain numbers so that a reason counts the same everywhere:
// a shared place in the code or a shared commit outweighs words, which outweigh a shared tag.
import * as fs from 'fs';
import { locateLinks } from '../anchoring/locateLinks';
import type { AnchorLocation } from '../anchoring/types';
import type { GitRunner } from '../git/gitRunner';
import type { IndexedNote } from '../noteIndex/noteFileRead';
import { SECTIONS, type LinkedFile, type Note } from '../noteFormat/noteModel';
import { sectionText } from '../noteFormat/noteSections';
import { resolveInside } from '../repository/repoPaths';
import { wordScores, type WordDocument } from './wordMatch';

/** A place in the code as it is now: a repo-relative path, lines 1-based and inclusive. */
export interface QueryFile {
  path: string;
  startLine?: number;
  endLine?: number;
}

export interface SimilarQuery {
  /** The note the query is made from: never in its own results. */
  id?: string;
  title?: string;
  /** Free text, or the note's three answers. */
  text?: string;
  /** Places as they are now (a draft's selection). */
  files?: QueryFile[];
  /** Links as a note recorded them: located first, like every other note's. */
  links?: LinkedFile[];
  /** Shas of the commits that introduced the mistake. */
  commits?: string[];
  tags?: string[];
  /** Ids the query already names as related. */
  related?: string[];
}

export interface SimilarNote {
  id: string;
  title: string;
  score: number;
  reasons: string[];
}

export interface SimilarOptions {
  /** Linked paths are relative to it. */
  repoRoot: string;
  /** Absent (no repository, untrusted): links are located by their text alone. */
  git?: GitRunner;
  /** At most 10. */
  limit?: number;
  signal?: AbortSignal;
}

export const MAX_SIMILAR = 10;

const WEIGHTS = { lines: 5, commit: 4, words: 4, related: 3, file: 1.5, tag: 0.75, tagsMax: 1.5 };
/** Below this share of a perfect word match, shared words are chance, not a reason. */
const WORDS_FLOOR = 0.12;

interface Place {
  path: string;
  lines?: [number, number];
}

/** A note as a query: its words, its recorded links, its introducing commits and tags. */
export function queryOfNote(note: Note): SimilarQuery {
  return {
    id: note.id,
    title: note.title,
    text: answersOf(note),
    links: note.files,
    commits: note.commits.filter((c) => c.role === 'introduced').map((c) => c.sha),
    tags: note.tags,
    related: note.related,
  };
}

export async function findSimilar(notes: readonly IndexedNote[], query: SimilarQuery, options: SimilarOptions): Promise<SimilarNote[]> {
  const candidates = notes.filter((n) => n.note.id !== query.id);
  const queryPlaces: Place[] = (query.files ?? []).map(placeOfFile);
  const wantedPaths = new Set([...queryPlaces.map((p) => p.path), ...(query.links ?? []).map((l) => normalise(l.path))]);
  // Only links that can meet the query's are located (and those whose file is gone: a rename may
  // have brought them to the query's path), all in one call so that git work is shared.
  const toLocate = candidates.flatMap((n) => n.note.files.filter((f) => typeof f?.path === 'string'
    && (wantedPaths.has(normalise(f.path)) || isGone(options.repoRoot, f.path))).map((file) => ({ owner: n, file })));
  const queryLinks = query.links ?? [];
  const located = await locateLinks([...queryLinks, ...toLocate.map((l) => l.file)], { git: options.git, repoRoot: options.repoRoot, signal: options.signal }).catch(() => undefined);
  queryPlaces.push(...queryLinks.map((link, i) => placeOfLocation(located?.[i], link)));
  const placesOf = new Map<IndexedNote, Place[]>();
  toLocate.forEach(({ owner, file }, i) => {
    placesOf.set(owner, [...(placesOf.get(owner) ?? []), placeOfLocation(located?.[queryLinks.length + i], file)]);
  });

  const words = wordScores(candidates.map(wordDocument), { title: query.title ?? '', answers: query.text ?? '' });
  const matches: SimilarNote[] = [];
  for (const candidate of candidates) {
    const places = [...(placesOf.get(candidate) ?? []), ...candidate.note.files.filter((f) => !toLocate.some((l) => l.file === f)).map(recordedPlace)];
    const match = scoreOf(candidate.note, query, queryPlaces, places, words.get(candidate.note.id) ?? 0);
    if (match.reasons.length > 0) {
      matches.push(match);
    }
  }
  const limit = Math.min(MAX_SIMILAR, Math.max(0, options.limit ?? MAX_SIMILAR));
  return matches.sort((a, b) => b.score - a.score || b.id.localeCompare(a.id)).slice(0, limit);
}

function scoreOf(note: Note, query: SimilarQuery, queryPlaces: Place[], places: Place[], words: number): SimilarNote {
  const reasons: string[] = [];
  let score = 0;
  const sameLines = queryPlaces.find((q) => places.some((p) => p.path === q.path && overlap(p.lines, q.lines)));
  const sameFile = sameLines ?? queryPlaces.find((q) => places.some((p) => p.path === q.path));
  if (sameLines) {
    score += WEIGHTS.lines;
    reasons.push('same lines');
  } else if (sameFile) {
    score += WEIGHTS.file;
    reasons.push(`same file ${sameFile.path}`);
  }
  const introduced = note.commits.filter((c) => c.role === 'introduced').map((c) => c.sha.toLowerCase());
  const commit = (query.commits ?? []).map((c) => c.toLowerCase()).find((q) => introduced.some((c) => c.startsWith(q) || q.startsWith(c)));
  if (commit) {
    score += WEIGHTS.commit;
    reasons.push(`same commit ${commit.slice(0, 7)}`);
  }
  if (words >= WORDS_FLOOR) {
    score += WEIGHTS.words * words;
    reasons.push('similar words');
  }
  const queryTags = new Set((query.tags ?? []).map((t) => t.toLowerCase()));
  const tags = [...new Set(note.tags.filter((t) => queryTags.has(t.toLowerCase())))];
  if (tags.length > 0) {
    score += Math.min(WEIGHTS.tagsMax, WEIGHTS.tag * tags.length);
    reasons.push(`tags: ${tags.join(', ')}`);
  }
  if ((query.related ?? []).includes(note.id) || (query.id !== undefined && (note.related ?? []).includes(query.id))) {
    score += WEIGHTS.related;
    reasons.push('marked related');
  }
  return { id: note.id, title: note.title, score: Math.round(score * 100) / 100, reasons };
}

/** A match as one line for a person: `"Flushed the staging cache" (2025-03, same lines)`. */
export function describeMatch(match: SimilarNote, note?: Note): string {
  const month = (note?.occurred ?? note?.logged ?? match.id).slice(0, 7);
  const when = /^\d{4}-\d{2}$/.test(month) ? `${month}, ` : '';
  return `"${match.title}" (${when}${match.reasons.join(', ')})`;
}

function answersOf(note: Note): string {
  return [SECTIONS.tryingTo, SECTIONS.action, SECTIONS.outcome].map((heading) => sectionText(note.body, heading) ?? '').join('\n');
}

function wordDocument(n: IndexedNote): WordDocument {
  return { id: n.note.id, title: n.note.title, answers: answersOf(n.note) };
}

function overlap(a: [number, number] | undefined, b: [number, number] | undefined): boolean {
  return a !== undefined && b !== undefined && a[0] <= b[1] && b[0] <= a[1];
}

function normalise(p: string): string {
  return p.replace(/\\/g, '/').replace(/^\.\//, '');
}

function isGone(root: string, linked: string): boolean {
  const abs = resolveInside(root, linked);
  return abs !== undefined && !fs.existsSync(abs);
}

function placeOfFile(file: QueryFile): Place {
  const lines: [number, number] | undefined = file.startLine === undefined ? undefined : [file.startLine, file.endLine ?? file.startLine];
  return { path: normalise(file.path), lines };
}

function recordedPlace(file: LinkedFile): Place {
  return { path: normalise(String(file?.path ?? '')) };
}

/** Where a link is now; an orphaned link keeps its path (the file is still the same) without lines. */
function placeOfLocation(location: AnchorLocation | undefined, link: LinkedFile): Place {
  if (!location) {
    return { path: normalise(String(link?.path ?? '')), lines: link?.lines };
  }
  return { path: normalise(location.path), lines: location.status === 'orphaned' ? undefined : location.lines ?? undefined };
}
