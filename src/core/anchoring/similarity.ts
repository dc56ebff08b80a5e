// How alike two lines are: the Dice coefficient of their character bigrams (whitespace removed).
// Linear in the lines' length, so a whole file can be scored against an anchor.

/** Longer lines are compared on their first characters only. */
const MAX_COMPARED_CHARS = 400;

/** The sorted bigrams of a key, each packed as two UTF-16 code units. */
export function bigramsOf(key: string): Uint32Array {
  const n = Math.min(key.length, MAX_COMPARED_CHARS) - 1;
  if (n <= 0) {
    return new Uint32Array(0);
  }
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    out[i] = ((key.charCodeAt(i) << 16) | key.charCodeAt(i + 1)) >>> 0;
  }
  return out.sort();
}

/** Dice coefficient of two sorted bigram multisets, 0..1. */
export function dice(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 || b.length === 0) {
    return 0;
  }
  // The best possible score is bounded by the lengths alone: skip the merge when it is hopeless.
  if ((2 * Math.min(a.length, b.length)) / (a.length + b.length) < 0.3) {
    return 0;
  }
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      common++;
      i++;
      j++;
    } else if (a[i] < b[j]) {
      i++;
    } else {
      j++;
    }
  }
  return (2 * common) / (a.length + b.length);
}

/**
 * Similarity of an anchor line's key to a file line's key. `prefixOnly`: the anchor line may have
 * been cut short when recorded, so only the file line's start is compared.
 */
export function keySimilarity(anchorKey: string, anchorGrams: Uint32Array, fileKey: string, fileGrams: Uint32Array, prefixOnly: boolean): number {
  if (prefixOnly) {
    const start = fileKey.slice(0, anchorKey.length);
    return start === anchorKey ? 1 : dice(anchorGrams, bigramsOf(start));
  }
  if (anchorKey === fileKey) {
    return 1;
  }
  return dice(anchorGrams, fileGrams);
}
