// The search index, built at build time with minisearch and serialized, wrapped in a script file
// (a page opened from file:// may load scripts but not fetch JSON). The index page loads it only
// when someone starts searching, so the page itself stays small at thousands of notes.
// Two fields, the title and one text of the three answers and the learnings: a word used in
// several sections is indexed once, which keeps the file (and the build) about a third smaller.
// A document's id is the note's place in the index page's list, not a repeated key. The page uses
// the search to filter, not to rank, so each word of a note's text is indexed once (how often it
// occurs would only rank): at a thousand notes that halves the time the index takes to build.
/* eslint-disable @typescript-eslint/no-require-imports */
import type { SiteNote } from './siteSources';
import type { NoteSummary } from './siteSummary';

/** Shared with the browser script, which must build MiniSearch with the same options. */
export const SEARCH_FIELDS = ['title', 'text'];

export function searchDataScript(notes: SiteNote[], summaries: Map<SiteNote, NoteSummary>): string {
  const MiniSearch = require('minisearch') as typeof import('minisearch').default;
  const search = new MiniSearch<{ id: number; title: string; text: string }>({ fields: SEARCH_FIELDS, storeFields: [] });
  const tokenize = MiniSearch.getDefault('tokenize') as (text: string) => string[];
  const words = (text: string): string => [...new Set(tokenize(text.toLowerCase()))].join(' ');
  search.addAll(notes.map((n, id) => {
    const s = summaries.get(n);
    return { id, title: n.note.title, text: s ? words([s.tryingTo, s.action, s.outcome, s.learnings].join('\n')) : '' };
  }));
  // `</` cannot end a script file, but keep the JSON inert anyway.
  const json = JSON.stringify(search).replace(/</g, '\\u003c');
  return `window.CANDOR_SEARCH = { fields: ${JSON.stringify(SEARCH_FIELDS)}, index: ${json} };\n`;
}
