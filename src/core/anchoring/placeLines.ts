// Places a link's recorded lines in the current text of its file: exact or fuzzy matches of the
// anchor, nearest where git's line mapping predicts them and never on code that git shows was
// already somewhere else when the link was recorded.
import type { AnchorPart, ParsedAnchor } from './anchorParts';
import { exactStarts, findBlock, nearest, type BlockHint, type BlockResult } from './blockSearch';
import type { FileText } from './fileText';
import type { LineMapping, Projection } from './lineMapping';
import type { AnchorLocation } from './types';

/** What git says about the recorded lines: where they went between the recorded commit and now. */
export interface Evidence {
  mapping: LineMapping;
  /** The recorded lines in the commit's version of the file. */
  oldRange: [number, number];
  projection: Projection;
  /** The recorded commit, short, for messages. */
  since: string;
}

export interface Placement {
  /** The path the link was recorded with, normalised, and the file's path now. */
  recordedPath: string;
  path: string;
  lines: [number, number];
  anchor: ParsedAnchor;
  file: FileText;
  evidence?: Evidence;
}

/** Where head and tail of a long range may be apart, beyond the recorded gap. */
const gapAllowance = (gap: number) => 2 * gap + 20;
/** Exact matches of a long range's head or tail considered for pairing. */
const MAX_PAIRED = 200;

export function placeLines(p: Placement): AnchorLocation {
  return p.anchor.form === 'full' ? placeFull(p, p.anchor.part) : placeLong(p, p.anchor);
}

function placeFull(p: Placement, part: AnchorPart): AnchorLocation {
  const proj = p.evidence?.projection;
  const hint: BlockHint = {
    predicted: proj ? proj.start : p.lines[0],
    lo: 1,
    hi: p.file.lineCount,
    accept: guard(p.evidence),
    preferred: proj && !proj.clean && !proj.deleted ? [proj.start, proj.end] : undefined,
  };
  const result = findBlock(part, p.file, hint);
  if (result.kind !== 'found') {
    return lost(p, result);
  }
  const { start, end, exact, similarity } = result.match;
  if (exact) {
    return found(p, [start, end]);
  }
  return edited(p, [start, end], similarity);
}

function placeLong(p: Placement, anchor: Extract<ParsedAnchor, { form: 'long' }>): AnchorLocation {
  const { head, tail, gap } = anchor;
  const hk = head.keys.length;
  const tk = tail.keys.length;
  const n = p.file.lineCount;
  const proj = p.evidence?.projection;
  const recordedLength = p.lines[1] - p.lines[0] + 1;
  const predictedStart = proj ? proj.start : p.lines[0];
  const predictedEnd = proj && !proj.deleted ? proj.end : predictedStart + recordedLength - 1;
  const accept = guard(p.evidence);
  const maxGap = gapAllowance(gap);
  const all = (predicted: number): BlockHint => ({ predicted, lo: 1, hi: n, accept });

  // Both ends exactly: the pair closest to the prediction and to the recorded gap.
  const heads = closest(exactStarts(head, p.file, all(predictedStart)), predictedStart);
  const tails = closest(exactStarts(tail, p.file, all(predictedEnd - tk + 1)), predictedEnd - tk + 1);
  let pair: { start: number; tailStart: number; cost: number } | undefined;
  for (const h of heads) {
    for (const t of tails) {
      const between = t - (h + hk);
      if (between < 0 || between > maxGap) {
        continue;
      }
      const cost = Math.abs(h - predictedStart) + Math.abs(t + tk - 1 - predictedEnd) + Math.abs(between - gap);
      if (!pair || cost < pair.cost) {
        pair = { start: h, tailStart: t, cost };
      }
    }
  }
  if (pair) {
    const range: [number, number] = [pair.start, pair.tailStart + tk - 1];
    if (pair.tailStart - (pair.start + hk) !== gap) {
      return edited(p, range, undefined, `The linked range now spans ${range[1] - range[0] + 1} lines instead of ${recordedLength}`);
    }
    if (!middleUnchanged(p.evidence, range, hk, tk)) {
      return edited(p, range, undefined, `Lines inside the linked range were edited since ${p.evidence!.since}`);
    }
    return found(p, range);
  }

  // Otherwise each end exactly or fuzzily, the second looked for where the first puts it.
  const preferredHead: [number, number] | undefined = proj && !proj.clean && !proj.deleted ? [proj.start, proj.start + hk - 1] : undefined;
  let headResult = findBlock(head, p.file, { ...all(predictedStart), preferred: preferredHead });
  let tailResult: BlockResult;
  if (headResult.kind === 'found') {
    const after = headResult.match.end + 1;
    tailResult = findBlock(tail, p.file, { predicted: after + gap, lo: after, hi: after + maxGap, accept });
  } else {
    tailResult = findBlock(tail, p.file, all(predictedEnd - tk + 1));
    if (tailResult.kind === 'found') {
      const before = tailResult.match.start - hk;
      headResult = findBlock(head, p.file, { predicted: before - gap, lo: before - maxGap, hi: before, accept });
    }
  }
  if (headResult.kind === 'found' && tailResult.kind === 'found') {
    const range: [number, number] = [headResult.match.start, tailResult.match.end];
    const similarity = (headResult.match.similarity * hk + tailResult.match.similarity * tk) / (hk + tk);
    return edited(p, range, similarity);
  }
  // One end found where git says the range went: git's range, as edited.
  if (proj && !proj.deleted && (
    (headResult.kind === 'found' && headResult.match.start === proj.start) ||
    (tailResult.kind === 'found' && tailResult.match.end === proj.end))) {
    return edited(p, [proj.start, proj.end], undefined, `The ${headResult.kind === 'found' ? 'end' : 'start'} of the linked range was edited since ${p.evidence!.since}`);
  }
  return lost(p, headResult.kind === 'ambiguous' || tailResult.kind === 'ambiguous' ? { kind: 'ambiguous' } : { kind: 'none' });
}

/**
 * With git's mapping: a place is not the recorded lines when most of its lines were already in
 * the file, elsewhere, at the recorded commit (another copy of the same code).
 */
function guard(evidence: Evidence | undefined): (start: number, end: number) => boolean {
  if (!evidence) {
    return () => true;
  }
  const [a, b] = evidence.oldRange;
  return (start, end) => {
    let elsewhere = 0;
    for (let line = start; line <= end; line++) {
      const origin = evidence.mapping.origin(line);
      if (origin && (origin < a || origin > b)) {
        elsewhere++;
      }
    }
    return elsewhere * 2 <= end - start + 1;
  };
}

/** For a long range found in place: are the unseen middle lines still the recorded ones? */
function middleUnchanged(evidence: Evidence | undefined, range: [number, number], hk: number, tk: number): boolean {
  if (!evidence) {
    return true;
  }
  const [a, b] = evidence.oldRange;
  const ours = (line: number) => {
    const origin = evidence.mapping.origin(line);
    return origin >= a && origin <= b;
  };
  let isOurs = false;
  for (let line = range[0]; line <= range[1] && !isOurs; line++) {
    isOurs = ours(line);
  }
  if (!isOurs) {
    return true; // moved as new text: git cannot tell, the matching ends and length must do
  }
  for (let line = range[0] + hk; line <= range[1] - tk; line++) {
    if (evidence.mapping.origin(line) !== a + (line - range[0])) {
      return false;
    }
  }
  return true;
}

function closest(starts: number[], predicted: number): number[] {
  return starts.length <= MAX_PAIRED ? starts : [...starts].sort((x, y) => Math.abs(x - predicted) - Math.abs(y - predicted)).slice(0, MAX_PAIRED);
}

function found(p: Placement, lines: [number, number]): AnchorLocation {
  const same = p.path === p.recordedPath && lines[0] === p.lines[0] && lines[1] === p.lines[1];
  return same ? { status: 'exact', path: p.path, lines } : { status: 'moved', path: p.path, lines, ...renamed(p) };
}

function edited(p: Placement, lines: [number, number], similarity?: number, reason?: string): AnchorLocation {
  const alike = similarity === undefined ? '' : ` (${Math.round(similarity * 100)}% similar)`;
  const sentence = reason ?? (p.evidence
    ? `The linked lines were edited since ${p.evidence.since}${alike}`
    : `The linked lines were edited${alike}`);
  return { status: 'edited', path: p.path, lines, reason: withRename(p, sentence) };
}

function lost(p: Placement, result: { kind: 'ambiguous' | 'none' }): AnchorLocation {
  let reason: string;
  if (result.kind === 'ambiguous') {
    reason = 'The linked lines changed and several places in the file look alike: none is a clear match';
  } else if (p.evidence?.projection.deleted) {
    reason = `The linked lines were deleted since ${p.evidence.since}`;
  } else if (p.evidence) {
    reason = `The linked lines changed too much since ${p.evidence.since} to be found`;
  } else {
    reason = 'The linked lines are no longer in the file';
  }
  return { status: 'orphaned', path: p.recordedPath, reason: withRename(p, reason) };
}

function renamed(p: Placement): { reason?: string } {
  return p.path === p.recordedPath ? {} : { reason: `${p.recordedPath} was renamed to ${p.path}` };
}

function withRename(p: Placement, sentence: string): string {
  return p.path === p.recordedPath ? sentence : `${sentence} (${p.recordedPath} was renamed to ${p.path})`;
}

/**
 * Where the recorded lines are in the recorded commit's version of the file. Normally the
 * recorded lines themselves; when they were recorded from text that was not committed, or the
 * anchor is found exactly elsewhere and not there, where the anchor is.
 */
export function recordedRangeIn(old: FileText, lines: [number, number], anchor: ParsedAnchor | undefined, uncommitted: boolean, searchable: boolean): [number, number] | undefined {
  const fits = lines[1] <= old.lineCount;
  const trusted = !uncommitted && fits ? lines : undefined;
  if (!anchor || !searchable) {
    return trusted;
  }
  const any: BlockHint = { predicted: lines[0], lo: 1, hi: old.lineCount, accept: () => true };
  let starts: number[];
  if (anchor.form === 'full') {
    starts = exactStarts(anchor.part, old, any);
  } else {
    const tailOffset = anchor.head.keys.length + anchor.gap;
    const tails = new Set(exactStarts(anchor.tail, old, any));
    starts = exactStarts(anchor.head, old, any).filter((h) => tails.has(h + tailOffset));
  }
  if (starts.length === 0) {
    return trusted;
  }
  if (starts.includes(lines[0])) {
    return [lines[0], Math.min(old.lineCount, lines[1])];
  }
  const start = nearest(starts, lines[0]);
  return [start, Math.min(old.lineCount, start + lines[1] - lines[0])];
}
