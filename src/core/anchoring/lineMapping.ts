// A recorded range carried through a line match from the recorded commit to the current text.
import type { LineMatch } from './lineDiff';

export interface Projection {
  /** Predicted 1-based range in the current text (end < start when the lines are gone). */
  start: number;
  end: number;
  /** Every recorded line is still there, unchanged and in one piece. */
  clean: boolean;
  /** No recorded line is left. */
  deleted: boolean;
}

export class LineMapping {
  constructor(readonly match: LineMatch, readonly oldCount: number, readonly newCount: number) {}

  project(first: number, last: number): Projection {
    const { oldToNew } = this.match;
    let firstKept = 0;
    let lastKept = 0;
    let clean = true;
    for (let i = first; i <= last; i++) {
      const to = oldToNew[i];
      if (!to) {
        clean = false;
        continue;
      }
      if (lastKept && to !== oldToNew[lastKept] + 1) {
        clean = false;
      }
      firstKept ||= i;
      lastKept = i;
    }
    const before = this.keptBefore(first);
    const after = this.keptAfter(last);
    const floor = before ? oldToNew[before] + 1 : 1;
    const ceiling = after ? oldToNew[after] - 1 : this.newCount;
    if (!firstKept) {
      return { start: floor, end: floor - 1, clean: false, deleted: true };
    }
    const start = Math.max(floor, oldToNew[firstKept] - (firstKept - first));
    const end = Math.max(start, Math.min(ceiling, oldToNew[lastKept] + (last - lastKept)));
    return { start, end, clean, deleted: false };
  }

  /** The old line a current line was matched to, or 0 when it is new or changed. */
  origin(line: number): number {
    return this.match.newToOld[line] ?? 0;
  }

  private keptBefore(line: number): number {
    for (let i = Math.min(line, this.oldCount + 1) - 1; i >= 1; i--) {
      if (this.match.oldToNew[i]) {
        return i;
      }
    }
    return 0;
  }

  private keptAfter(line: number): number {
    for (let i = Math.max(line, 0) + 1; i <= this.oldCount; i++) {
      if (this.match.oldToNew[i]) {
        return i;
      }
    }
    return 0;
  }
}
