// Finds an anchor part in a file: every place where all its lines match (whitespace aside), or
// failing that the one place that is clearly most alike. A weak or contested likeness is not a
// match: pointing at the wrong lines is worse than saying they are gone.
import type { AnchorPart } from './anchorParts';
import type { FileText, KeyView } from './fileText';
import { keySimilarity } from './similarity';

export interface BlockMatch {
  /** 1-based, inclusive. */
  start: number;
  end: number;
  /** 1 for an exact match; the alignment's average line similarity otherwise. */
  similarity: number;
  exact: boolean;
}

export type BlockResult =
  | { kind: 'found'; match: BlockMatch }
  | { kind: 'ambiguous' }
  | { kind: 'none' };

export interface BlockHint {
  /** Where the part is expected to start (1-based): the tie-breaker. */
  predicted: number;
  /** Bounds on the start line, inclusive. */
  lo: number;
  hi: number;
  /** Rejects places that cannot be the recorded lines (e.g. code that was already elsewhere). */
  accept: (start: number, end: number) => boolean;
  /** Where git says the recorded lines went, when they were edited: wins a tie. */
  preferred?: [number, number];
}

/** Average line similarity a fuzzy match needs; tiny anchors need more. */
export function fuzzyThreshold(lineCount: number): number {
  return lineCount <= 2 ? 0.7 : 0.6;
}
/** A runner-up this close to the best makes the best unclear. */
const MARGIN = 0.1;
/** Line pairs less alike than this are never aligned. */
const MIN_LINE_SIMILARITY = 0.5;
/** Cost of a file line skipped inside an alignment (an inserted line). */
const SKIP_COST = 0.2;
/** Line comparisons one fuzzy search may make; beyond that it looks nearest the prediction. */
const FUZZY_CELLS = 400_000;
/** Longer parts (only hand-written anchors) are matched exactly or not at all. */
const MAX_FUZZY_LINES = 60;
const REFINED_CANDIDATES = 16;

export function findBlock(part: AnchorPart, file: FileText, hint: BlockHint): BlockResult {
  const starts = exactStarts(part, file, hint);
  if (starts.length > 0) {
    const start = nearest(starts, hint.predicted);
    return { kind: 'found', match: { start, end: start + part.keys.length - 1, similarity: 1, exact: true } };
  }
  return fuzzy(part, file, hint);
}

/** Every accepted start where all the part's lines match, in file order. */
export function exactStarts(part: AnchorPart, file: FileText, hint: BlockHint): number[] {
  const view = file.view(part.masked);
  const k = part.keys.length;
  const lo = Math.max(1, hint.lo);
  const hi = Math.min(hint.hi, file.lineCount - k + 1);
  if (k === 0 || lo > hi) {
    return [];
  }
  // Look up the part's rarest line and check the others around each occurrence.
  let pivot = -1;
  let occurrences: number[] = [];
  for (let j = 0; j < k; j++) {
    if (part.prefixOnly[j]) {
      continue;
    }
    const lines = view.linesWithKey(part.keys[j]);
    if (pivot < 0 || lines.length < occurrences.length) {
      pivot = j;
      occurrences = lines;
    }
  }
  const candidates = pivot < 0 ? range(lo, hi) : occurrences.map((line) => line - pivot).filter((s) => s >= lo && s <= hi);
  return candidates.filter((s) => matchesAt(part, view, s) && hint.accept(s, s + k - 1));
}

function matchesAt(part: AnchorPart, view: KeyView, start: number): boolean {
  for (let j = 0; j < part.keys.length; j++) {
    const key = view.keys[start - 1 + j];
    if (part.prefixOnly[j] ? !key.startsWith(part.keys[j]) : key !== part.keys[j]) {
      return false;
    }
  }
  return true;
}

/** The start nearest `predicted`; the earlier one on a tie. */
export function nearest(starts: number[], predicted: number): number {
  let best = starts[0];
  for (const s of starts) {
    if (Math.abs(s - predicted) < Math.abs(best - predicted)) {
      best = s;
    }
  }
  return best;
}

function fuzzy(part: AnchorPart, file: FileText, hint: BlockHint): BlockResult {
  const k = part.keys.length;
  if (k === 0 || k > MAX_FUZZY_LINES || part.blank) {
    return { kind: 'none' };
  }
  const view = file.view(part.masked);
  const threshold = fuzzyThreshold(k);
  // Score windows of the part's length, each line allowed to sit one line off (an insertion or a
  // deletion nearby), then align the best few precisely.
  const radius = Math.max(k, Math.floor(FUZZY_CELLS / k / 2));
  const lo = Math.max(hint.lo, 1, hint.predicted - radius);
  const hi = Math.min(hint.hi, file.lineCount, hint.predicted + radius);
  const slack = Math.max(2, Math.ceil(k / 2));
  // Line similarities are cached over the lines the windows and their alignments can touch.
  const memoFrom = Math.max(1, lo - slack - 1);
  const memoTo = Math.min(file.lineCount, hi + k + slack + 1);
  const memo = new Float32Array(Math.max(0, memoTo - memoFrom + 1) * k).fill(-1);
  const sim = (j: number, line: number): number => {
    if (line < 1 || line > file.lineCount) {
      return 0;
    }
    const compute = () => keySimilarity(part.keys[j], part.grams[j], view.keys[line - 1], view.gramsOf(line), part.prefixOnly[j]);
    if (line < memoFrom || line > memoTo) {
      return compute();
    }
    const at = (line - memoFrom) * k + j;
    if (memo[at] < 0) {
      memo[at] = compute();
    }
    return memo[at];
  };

  const scored: { start: number; score: number }[] = [];
  for (let s = lo; s <= hi; s++) {
    let total = 0;
    for (let j = 0; j < k; j++) {
      total += Math.max(sim(j, s + j - 1), sim(j, s + j), sim(j, s + j + 1));
    }
    if (total / k >= threshold - 0.15) {
      scored.push({ start: s, score: total / k });
    }
  }
  scored.sort((x, y) => y.score - x.score || Math.abs(x.start - hint.predicted) - Math.abs(y.start - hint.predicted));
  const regions: [number, number][] = scored.slice(0, REFINED_CANDIDATES).map(({ start }) => [start - slack, start + k - 1 + slack]);
  if (hint.preferred) {
    regions.push([hint.preferred[0] - slack, hint.preferred[1] + slack]);
  }

  const found = new Map<string, BlockMatch>();
  for (const [from, to] of regions) {
    const match = align(k, sim, Math.max(1, from), Math.min(file.lineCount, to));
    if (match && match.similarity >= threshold && match.start >= hint.lo && match.start <= hint.hi && hint.accept(match.start, match.end)) {
      found.set(`${match.start}:${match.end}`, match);
    }
  }
  const ranked = [...found.values()].sort((x, y) => y.similarity - x.similarity || Math.abs(x.start - hint.predicted) - Math.abs(y.start - hint.predicted));
  if (ranked.length === 0) {
    return { kind: 'none' };
  }
  const best = ranked[0];
  // Candidates overlapping the best are the same place with other ends; elsewhere, they compete.
  const rivals = ranked.slice(1).filter((c) => c.similarity >= best.similarity - MARGIN && !overlaps(c, best));
  if (rivals.length === 0) {
    return { kind: 'found', match: best };
  }
  const preferred = hint.preferred;
  if (preferred) {
    const inPreferred = [best, ...rivals].filter((c) => overlaps(c, { start: preferred[0], end: preferred[1] }));
    if (inPreferred.length === 1) {
      return { kind: 'found', match: inPreferred[0] };
    }
  }
  return { kind: 'ambiguous' };
}

/**
 * Aligns the part's k lines with file lines from..to, allowing lines added or removed inside:
 * the most total similarity, each file line skipped after the first match costing a little.
 * Returns the matched span and its average similarity over max(k, span length).
 */
function align(k: number, sim: (j: number, line: number) => number, from: number, to: number): BlockMatch | undefined {
  const m = to - from + 1;
  if (m <= 0) {
    return undefined;
  }
  const width = m + 1;
  const score = new Float64Array((k + 1) * width);
  const started = new Uint8Array((k + 1) * width);
  const move = new Uint8Array((k + 1) * width); // 1 diagonal (matched), 2 up (part line unmatched), 3 left (file line skipped)
  for (let i = 1; i <= m; i++) {
    move[i] = 3;
  }
  for (let j = 1; j <= k; j++) {
    move[j * width] = 2;
    for (let i = 1; i <= m; i++) {
      const at = j * width + i;
      const s = sim(j - 1, from + i - 1);
      const diagonal = s >= MIN_LINE_SIMILARITY ? score[at - width - 1] + s : -Infinity;
      const up = score[at - width];
      const left = score[at - 1] - (started[at - 1] ? SKIP_COST : 0);
      if (diagonal >= up && diagonal >= left) {
        score[at] = diagonal;
        started[at] = 1;
        move[at] = 1;
      } else if (up >= left) {
        score[at] = up;
        started[at] = started[at - width];
        move[at] = 2;
      } else {
        score[at] = left;
        started[at] = started[at - 1];
        move[at] = 3;
      }
    }
  }
  let endAt = 1;
  for (let i = 2; i <= m; i++) {
    if (score[k * width + i] > score[k * width + endAt]) {
      endAt = i;
    }
  }
  let j = k;
  let i = endAt;
  let total = 0;
  let first = 0;
  let last = 0;
  while (j > 0 && i > 0) {
    const step = move[j * width + i];
    if (step === 1) {
      const line = from + i - 1;
      total += sim(j - 1, line);
      last ||= line;
      first = line;
      j--;
      i--;
    } else if (step === 2) {
      j--;
    } else {
      i--;
    }
  }
  if (!first) {
    return undefined;
  }
  return { start: first, end: last, similarity: total / Math.max(k, last - first + 1), exact: false };
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start <= b.end && b.start <= a.end;
}

function range(lo: number, hi: number): number[] {
  return Array.from({ length: Math.max(0, hi - lo + 1) }, (_, i) => lo + i);
}
