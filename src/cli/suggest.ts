// "Did you mean …?" for a mistyped note id: ids are long and dated, so an id containing what was
// typed ranks first, then the closest by edit distance, within a distance that grows with length.

export function closestMatches(query: string, candidates: readonly string[], max = 3): string[] {
  const q = query.toLowerCase();
  const scored: { candidate: string; score: number }[] = [];
  for (const candidate of candidates) {
    const c = candidate.toLowerCase();
    if (q !== '' && c.includes(q)) {
      // Containing the query beats any edit distance; shorter ids are the likelier meant.
      scored.push({ candidate, score: -1 / c.length });
      continue;
    }
    const limit = Math.max(3, Math.ceil(Math.max(q.length, c.length) * 0.4));
    const distance = editDistance(q, c, limit);
    if (distance <= limit) {
      scored.push({ candidate, score: distance });
    }
  }
  return scored
    .sort((a, b) => a.score - b.score || a.candidate.localeCompare(b.candidate))
    .slice(0, max)
    .map((s) => s.candidate);
}

/** Levenshtein distance; gives up (returns limit + 1) as soon as it must exceed `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) {
    return limit + 1;
  }
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      rowMin = Math.min(rowMin, current[j]);
    }
    if (rowMin > limit) {
      return limit + 1;
    }
    previous = current;
  }
  return previous[b.length];
}
