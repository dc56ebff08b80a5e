// "Similar words": how close a note's title and three answers are to a query's words, with the
// full-text library (minisearch, BM25 with fuzzy and prefix matching) rather than a ranking of our
// own. Terms are lower-cased, stripped of the commonest English words and of a few endings, so
// "Flushed the staging caches" and "flushing cache on staging" meet on "flush", "cache", "staging".
import { minisearchLib } from '../libraries';

export interface WordDocument {
  id: string;
  title: string;
  /** The three answers (what I was trying to do, what I did, what happened instead). */
  answers: string;
}

const FIELDS = ['title', 'answers'];
const QUERY_ID = '\u0000query';

// Words that say nothing about a mistake; BM25 weighs them low anyway, but a short title made
// mostly of them would otherwise match every note a little.
const STOP_WORDS = new Set(('a an and are as at be been but by did do does for from had has have i in into is it its '
  + 'me my no not of on or our so than that the their then there these they this to too up was we were what when '
  + 'which while who why will with would you your instead happened trying expected').split(' '));

/** A term as indexed and searched: lower case, without a plural or tense ending; stop words dropped. */
export function wordTerm(term: string): string | null {
  const word = term.toLowerCase();
  if (word.length < 2 || STOP_WORDS.has(word)) {
    return null;
  }
  // A light stemmer: enough for titles ("flushed" / "flushing" / "flushes" → "flush").
  for (const [ending, keep] of [['ies', 'y'], ['ing', ''], ['ed', ''], ['es', ''], ['s', '']] as const) {
    if (word.endsWith(ending) && word.length - ending.length >= 3 && !word.endsWith('ss')) {
      return word.slice(0, -ending.length) + keep;
    }
  }
  return word;
}

/**
 * Each document's closeness to `query`, 0 to 1: its search score relative to the score of the
 * query's own words as a document (a perfect match), so that the figure means the same for a
 * three-word title and for a long note. Documents sharing no word are left out.
 */
export function wordScores(documents: readonly WordDocument[], words: { title: string; answers: string }): Map<string, number> {
  const scores = new Map<string, number>();
  const query = `${words.title}\n${words.answers}`;
  if (query.trim() === '') {
    return scores;
  }
  const MiniSearch = minisearchLib();
  const index = new MiniSearch<WordDocument>({ fields: FIELDS, idField: 'id', processTerm: wordTerm });
  index.addAll(documents.filter((d) => d.id !== QUERY_ID));
  index.add({ id: QUERY_ID, ...words });
  const results = index.search(query, {
    boost: { title: 2 },
    fuzzy: (term) => (term.length > 5 ? 0.2 : false),
    prefix: (term) => term.length > 4,
    combineWith: 'OR',
  });
  const perfect = results.find((r) => r.id === QUERY_ID)?.score ?? results[0]?.score ?? 1;
  for (const result of results) {
    if (result.id !== QUERY_ID) {
      scores.set(String(result.id), Math.min(1, result.score / perfect));
    }
  }
  return scores;
}
