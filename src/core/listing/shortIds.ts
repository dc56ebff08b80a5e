// Short note ids, and finding a note from what a person typed: its id, its short id, or a prefix.
// A note's id is its file name (`2026-11-21-flushed-the-production-cache`): exact, but 40-60
// characters that crowd a terminal table. Its short id is the date and a few slug characters
// (`2026-11-21-flus`), grown until no other note of the folder starts the same way, so a short id
// is always a unique prefix and the one rule "an id, or a prefix of exactly one" finds it.

/** A dated id (as Log Mistake names notes) keeps its date and at least this many slug characters. */
const SLUG_CHARS = 4;
const DATED = /^\d{4}-\d{2}-\d{2}-/;
/** An id named by hand, without a date, keeps at least this many characters. */
const UNDATED_CHARS = 8;
const SEPARATOR = /[-_. ]/;

/**
 * Each id's short id: its shortest start, of the date and about SLUG_CHARS more characters,
 * that no other id in `ids` starts with (the whole id when another id starts with all of it).
 * Never ends on a separator. A short id may change when a note with a similar name is added.
 */
export function shortIds(ids: readonly string[]): Map<string, string> {
  const sorted = [...new Set(ids)].sort();
  const out = new Map<string, string>();
  sorted.forEach((id, i) => {
    // In sorted order the longest start shared with any other id is shared with a neighbour.
    const shared = Math.max(commonStart(id, sorted[i - 1]), commonStart(id, sorted[i + 1]));
    const least = DATED.test(id) ? 11 + SLUG_CHARS : UNDATED_CHARS;
    let length = Math.max(shared + 1, least);
    // Not ending on a separator: one character shorter when that is still unique (`…-dup`, not
    // `…-dup-`), else longer (`…-dup-k`); never in the middle of a surrogate pair.
    if (length < id.length && SEPARATOR.test(id[length - 1]) && length - 1 > shared && length - 1 > 11) {
      length--;
    }
    while (length < id.length && (SEPARATOR.test(id[length - 1]) || isHighSurrogate(id.charCodeAt(length - 1)))) {
      length++;
    }
    out.set(id, length >= id.length ? id : id.slice(0, length));
  });
  return out;
}

export type IdLookup =
  | { kind: 'found'; id: string }
  /** Several ids start with what was typed: the candidates, sorted. */
  | { kind: 'ambiguous'; candidates: string[] }
  | { kind: 'none' };

/**
 * The note `wanted` names among `ids`: an id (`.md` after it allowed), else the one id it starts
 * (a short id, or any longer start). Several → ambiguous, never a guess.
 */
export function lookUpNoteId(ids: readonly string[], wanted: string): IdLookup {
  const typed = wanted.trim().replace(/\.md$/i, '');
  if (typed === '') {
    return { kind: 'none' };
  }
  if (ids.includes(typed)) {
    return { kind: 'found', id: typed };
  }
  const candidates = [...new Set(ids.filter((id) => id.startsWith(typed)))].sort();
  if (candidates.length === 1) {
    return { kind: 'found', id: candidates[0] };
  }
  return candidates.length > 1 ? { kind: 'ambiguous', candidates } : { kind: 'none' };
}

function commonStart(a: string, b: string | undefined): number {
  if (b === undefined) {
    return 0;
  }
  let i = 0;
  while (i < a.length && i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) {
    i++;
  }
  return i;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
