// The search index, built at build time with minisearch and serialized, wrapped in a script file
// (a page opened from file:// may load scripts but not fetch JSON). The index page loads it only
// when someone starts searching, so the page itself stays small at thousands of notes.
/* eslint-disable @typescript-eslint/no-require-imports */
import type { SiteNote } from './siteSources';
import type { NoteSummary } from './siteSummary';

/** Shared with the browser script, which must build MiniSearch with the same options. */
export const SEARCH_FIELDS = ['title', 'tryingTo', 'action', 'outcome', 'learnings'];

export function searchDataScript(notes: SiteNote[], summaries: Map<SiteNote, NoteSummary>): string {
  const MiniSearch = require('minisearch') as typeof import('minisearch').default;
  const search = new MiniSearch<{ id: string; title: string } & NoteSummary>({ fields: SEARCH_FIELDS, storeFields: [] });
  search.addAll(notes.map((n) => ({ id: `${n.repo}/${n.note.id}`, title: n.note.title, ...(summaries.get(n) as NoteSummary) })));
  // `</` cannot end a script file, but keep the JSON inert anyway.
  const json = JSON.stringify(search).replace(/</g, '\\u003c');
  return `window.CANDOR_SEARCH = { fields: ${JSON.stringify(SEARCH_FIELDS)}, index: ${json} };\n`;
}
