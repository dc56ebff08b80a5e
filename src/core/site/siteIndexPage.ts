// The index: every note, newest first, with its facets as data attributes so the site's script can
// filter and count without a second copy of the list. Without script the list is still complete.
// An item's place in the list is its id in the search index (no key repeated per item): the page
// stays small at thousands of notes.
import { SEVERITIES, STATUSES } from '../noteFormat/noteModel';
import { day, esc, page } from './siteLayout';
import { noteDate, type SiteNote } from './siteSources';
import { excerpt, type NoteSummary } from './siteSummary';

export function indexPage(siteTitle: string, notes: SiteNote[], summaries: Map<SiteNote, NoteSummary>, repos: string[]): string {
  const counts = facetCounts(notes);
  const tags = [...counts.tag.keys()].sort();
  const filter = (name: Facet, label: string, values: readonly string[]): string =>
    `<label>${label} <select id="filter-${name}" data-facet="${name}"><option value="">All</option>` +
    values.map((v) => `<option value="${esc(v)}">${esc(v)} (${counts[name].get(v) ?? 0})</option>`).join('') +
    '</select></label>';
  const multiRepo = repos.length > 1;
  const items = notes.map((n) => item(n, summaries.get(n)));
  const main = [
    `<h1>${esc(siteTitle)}</h1>`,
    '<form class="filters" role="search" aria-label="Search and filter learnings">',
    '<label class="search">Search <input id="search" type="search" autocomplete="off" placeholder="Words from titles, answers and learnings"></label>',
    filter('status', 'Status', STATUSES),
    filter('severity', 'Severity', SEVERITIES),
    filter('tag', 'Tag', tags),
    ...(multiRepo ? [filter('repo', 'Repository', repos)] : []),
    '</form>',
    `<p id="count" role="status" aria-live="polite">${notes.length} ${notes.length === 1 ? 'note' : 'notes'}</p>`,
    notes.length === 0 ? '<p>No learnings yet.</p>' : `<ol id="notes" class="notes">\n${items.join('\n')}\n</ol>`,
  ].join('\n');
  return page({ siteTitle, title: siteTitle, toRoot: '', current: 'index', main, scripts: ['assets/minisearch.js', 'assets/site.js'] });
}

type Facet = 'status' | 'severity' | 'tag' | 'repo';

/** How many notes have each value of each facet, in one pass over the notes. */
function facetCounts(notes: SiteNote[]): Record<Facet, Map<string, number>> {
  const counts: Record<Facet, Map<string, number>> = { status: new Map(), severity: new Map(), tag: new Map(), repo: new Map() };
  const add = (facet: Facet, value: string): void => {
    counts[facet].set(value, (counts[facet].get(value) ?? 0) + 1);
  };
  for (const n of notes) {
    add('status', n.note.status);
    add('severity', n.note.severity);
    add('repo', n.repo);
    new Set(n.note.tags).forEach((t) => add('tag', t));
  }
  return counts;
}

function item(n: SiteNote, summary: NoteSummary | undefined): string {
  const note = n.note;
  const date = day(noteDate(note));
  return [
    // The script reads the facets from the meta line itself (the badges, .repo and .tag), not
    // from a second copy in data attributes: at a thousand notes that is 70 KiB less to open.
    '<li class="note">',
    `<h2><a href="${esc(n.page)}">${esc(note.title)}</a></h2>`,
    `<p class="meta"><span class="badge sev-${note.severity}">${note.severity}</span> <span class="badge status-${note.status}">${note.status}</span>` +
      // A day as written is a valid <time> by itself: no datetime attribute repeated per note.
      (date ? ` <time>${esc(date)}</time>` : '') +
      ` <span class="repo">${esc(n.repo)}</span>` +
      note.tags.map((t) => ` <span class="tag">#${esc(t)}</span>`).join('') + '</p>',
    summary?.learnings ? `<p class="learnings"><strong>Learnings:</strong> ${esc(excerpt(summary.learnings))}</p>` : '',
    '</li>',
  ].filter(Boolean).join('');
}
