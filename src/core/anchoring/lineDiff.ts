// Matches the lines of an old text to a new one, in JavaScript: a patience diff (lines that occur
// once in both texts anchor the match, longest increasing run first) with an exact LCS for short
// stretches that have no such line. Running it here rather than `git diff` lets one cat-file
// process serve any number of commits, compares against unsaved editor text directly, and never
// runs a repository's diff drivers or filters.

export interface LineMatch {
  /** Indexed by 1-based old line: the matching 1-based new line, or 0. */
  oldToNew: Int32Array;
  /** Indexed by 1-based new line: the matching 1-based old line, or 0. */
  newToOld: Int32Array;
}

/** Stretches without a unique line are matched exactly up to this many cells (old × new lines). */
const MAX_LCS_CELLS = 1_000_000;
/** Total lines examined before the rest is left unmatched, so hostile input cannot stall. */
const MAX_WORK = 40_000_000;

export function matchLines(oldLines: readonly string[], newLines: readonly string[]): LineMatch {
  const ids = new Map<string, number>();
  const intern = (s: string): number => {
    let id = ids.get(s);
    if (id === undefined) {
      id = ids.size;
      ids.set(s, id);
    }
    return id;
  };
  const a = Int32Array.from(oldLines, intern);
  const b = Int32Array.from(newLines, intern);
  const oldToNew = new Int32Array(a.length + 1);
  const newToOld = new Int32Array(b.length + 1);
  const pair = (i: number, j: number): void => {
    oldToNew[i + 1] = j + 1;
    newToOld[j + 1] = i + 1;
  };

  const stack: [number, number, number, number][] = [[0, a.length, 0, b.length]];
  let work = 0;
  while (stack.length > 0) {
    let [a0, a1, b0, b1] = stack.pop()!;
    while (a0 < a1 && b0 < b1 && a[a0] === b[b0]) {
      pair(a0++, b0++);
    }
    while (a0 < a1 && b0 < b1 && a[a1 - 1] === b[b1 - 1]) {
      pair(--a1, --b1);
    }
    if (a0 === a1 || b0 === b1) {
      continue;
    }
    work += a1 - a0 + (b1 - b0);
    if (work > MAX_WORK) {
      break;
    }
    const anchors = uniqueAnchors(a, a0, a1, b, b0, b1);
    if (anchors.length > 0) {
      let pa = a0;
      let pb = b0;
      for (const [i, j] of anchors) {
        pair(i, j);
        stack.push([pa, i, pb, j]);
        pa = i + 1;
        pb = j + 1;
      }
      stack.push([pa, a1, pb, b1]);
    } else if ((a1 - a0) * (b1 - b0) <= MAX_LCS_CELLS) {
      lcs(a, a0, a1, b, b0, b1, pair);
    }
  }
  return { oldToNew, newToOld };
}

/** Lines occurring exactly once in each range, as the longest run that is in order in both. */
function uniqueAnchors(a: Int32Array, a0: number, a1: number, b: Int32Array, b0: number, b1: number): [number, number][] {
  const seen = new Map<number, { inA: number; inB: number; atA: number; atB: number }>();
  for (let i = a0; i < a1; i++) {
    const s = seen.get(a[i]);
    if (s) {
      s.inA++;
    } else {
      seen.set(a[i], { inA: 1, inB: 0, atA: i, atB: -1 });
    }
  }
  for (let j = b0; j < b1; j++) {
    const s = seen.get(b[j]);
    if (s) {
      s.inB++;
      s.atB = j;
    }
  }
  const pairs: [number, number][] = [];
  for (let i = a0; i < a1; i++) {
    const s = seen.get(a[i])!;
    if (s.inA === 1 && s.inB === 1) {
      pairs.push([i, s.atB]);
    }
  }
  return longestIncreasing(pairs);
}

/** The longest subsequence of pairs (already in old order) whose new lines increase. */
function longestIncreasing(pairs: [number, number][]): [number, number][] {
  const tails: number[] = []; // index into pairs of the smallest tail of each run length
  const previous = new Int32Array(pairs.length).fill(-1);
  for (let p = 0; p < pairs.length; p++) {
    const value = pairs[p][1];
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[tails[mid]][1] < value) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    previous[p] = lo > 0 ? tails[lo - 1] : -1;
    tails[lo] = p;
  }
  const run: [number, number][] = [];
  for (let p = tails.length > 0 ? tails[tails.length - 1] : -1; p >= 0; p = previous[p]) {
    run.push(pairs[p]);
  }
  return run.reverse();
}

function lcs(a: Int32Array, a0: number, a1: number, b: Int32Array, b0: number, b1: number, pair: (i: number, j: number) => void): void {
  const n = a1 - a0;
  const m = b1 - b0;
  const width = m + 1;
  // Suffix lengths: table[i][j] = LCS of a[a0+i..a1) and b[b0+j..b1). At most 1000 fits a Uint16.
  const table = new Uint16Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * width + j] = a[a0 + i] === b[b0 + j]
        ? table[(i + 1) * width + j + 1] + 1
        : Math.max(table[(i + 1) * width + j], table[i * width + j + 1]);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[a0 + i] === b[b0 + j]) {
      pair(a0 + i++, b0 + j++);
    } else if (table[(i + 1) * width + j] >= table[i * width + j + 1]) {
      i++;
    } else {
      j++;
    }
  }
}
