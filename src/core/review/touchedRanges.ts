// Whether a change touches a linked range, measured on the base side where the range was placed,
// and where the range and the change are on the head side. Pure arithmetic on hunks.
import type { Hunk } from './diffHunks';

export type Range = [number, number];

/**
 * The hunks that touch `range` (base-side, 1-based inclusive): a hunk touches it when it modifies
 * or deletes one of its lines, inserts between them, or does either within `context` lines of it
 * (a change on line end + 3 touches with context 3, not with 0).
 */
export function touchingHunks(hunks: Hunk[], range: Range, context: number): Hunk[] {
  const [first, last] = range;
  return hunks.filter((h) => {
    if (h.oldCount === 0) {
      // Inserted after line oldStart: inside the range when between two of its lines.
      if (h.oldStart >= first && h.oldStart < last) {
        return true;
      }
      const gap = h.oldStart < first ? first - 1 - h.oldStart : h.oldStart - last;
      return gap < context;
    }
    const hunkLast = h.oldStart + h.oldCount - 1;
    if (hunkLast >= first && h.oldStart <= last) {
      return true;
    }
    const distance = hunkLast < first ? first - hunkLast : h.oldStart - last;
    return distance <= context;
  });
}

/** Where base line `line` is on the head side: shifted by the hunks above it; inside a changed hunk, the hunk's nearest new line. */
export function headLine(hunks: Hunk[], line: number): number {
  let shift = 0;
  for (const h of hunks) {
    if (h.oldCount === 0) {
      if (h.oldStart < line) {
        shift += h.newCount;
      }
      continue;
    }
    const hunkLast = h.oldStart + h.oldCount - 1;
    if (hunkLast < line) {
      shift += h.newCount - h.oldCount;
    } else if (h.oldStart <= line) {
      return h.newCount === 0 ? Math.max(1, h.newStart) : h.newStart + Math.min(line - h.oldStart, h.newCount - 1);
    }
  }
  return Math.max(1, line + shift);
}

/** A base-side range on the head side. */
export function headRange(hunks: Hunk[], range: Range): Range {
  const start = headLine(hunks, range[0]);
  return [start, Math.max(start, headLine(hunks, range[1]))];
}

/** The head-side lines the hunks changed, as one span; a pure deletion is the line above it (at least 1). */
export function changedSpan(hunks: Hunk[]): Range | undefined {
  if (hunks.length === 0) {
    return undefined;
  }
  const starts = hunks.map((h) => Math.max(1, h.newStart));
  const ends = hunks.map((h) => Math.max(1, h.newCount === 0 ? h.newStart : h.newStart + h.newCount - 1));
  return [Math.min(...starts), Math.max(...ends)];
}
