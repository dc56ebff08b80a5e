// The index: every note, newest first, with its facets as data attributes so the site's script can
// filter and count without a second copy of the list. Without script the list is still complete.
import { SEVERITIES, STATUSES } from '../noteModel';
import { day, esc, page } from './siteLayout';
import { noteDate, type SiteNote } from './siteSources';
import { excerpt, type NoteSummary } from './siteSummary';

export function indexPage(siteTitle: string, notes: SiteNote[], summaries: Map<SiteNote, NoteSummary>, repos: string[]): string {
  const tags = [...new Set(notes.flatMap((n) => n.note.tags))].sort();
  const count = <T>(pick: (n: SiteNote) => T[], value: T): number => notes.filter((n) => pick(n).includes(value)).length;
  const filter = (name: string, label: string, values: readonly string[], pick: (n: SiteNote) => string[]): string =>
    `<label>${label} <select id="filter-${name}" data-facet="${name}"><option value="">All</option>` +
    values.map((v) => `<option value="${esc(v)}">${esc(v)} (${count(pick, v)})</option>`).join('') +
    '</select></label>';
  const items = notes.map((n) => item(n, summaries.get(n)));
  const main = [
    `<h1>${esc(siteTitle)}</h1>`,
    '<form class="filters" role="search" aria-label="Search and filter learnings">',
    '<label class="search">Search <input id="search" type="search" autocomplete="off" placeholder="Words from titles, answers and learnings"></label>',
    filter('status', 'Status', STATUSES, (n) => [n.note.status]),
    filter('severity', 'Severity', SEVERITIES, (n) => [n.note.severity]),
    filter('tag', 'Tag', tags, (n) => n.note.tags),
    ...(repos.length > 1 ? [filter('repo', 'Repository', repos, (n) => [n.repo])] : []),
    '</form>',
    `<p id="count" role="status" aria-live="polite">${notes.length} ${notes.length === 1 ? 'note' : 'notes'}</p>`,
    notes.length === 0 ? '<p>No learnings yet.</p>' : `<ol id="notes" class="notes">\n${items.join('\n')}\n</ol>`,
  ].join('\n');
  return page({ siteTitle, title: siteTitle, toRoot: '', current: 'index', main, scripts: ['assets/minisearch.js', 'assets/site.js'] });
}

function item(n: SiteNote, summary: NoteSummary | undefined): string {
  const note = n.note;
  const date = day(noteDate(note));
  return [
    `<li class="note" data-key="${esc(`${n.repo}/${note.id}`)}" data-status="${note.status}" data-severity="${note.severity}" data-repo="${esc(n.repo)}" data-tag="${esc(note.tags.join('\n'))}">`,
    `<h2><a href="${esc(n.page)}">${esc(note.title)}</a></h2>`,
    `<p class="meta"><span class="badge sev-${note.severity}">${note.severity}</span> <span class="badge status-${note.status}">${note.status}</span>` +
      (date ? ` <time datetime="${esc(date)}">${esc(date)}</time>` : '') +
      ` <span class="repo">${esc(n.repo)}</span>` +
      note.tags.map((t) => ` <span class="tag">#${esc(t)}</span>`).join('') + '</p>',
    summary?.learnings ? `<p class="learnings"><strong>Learnings:</strong> ${esc(excerpt(summary.learnings))}</p>` : '',
    '</li>',
  ].filter(Boolean).join('');
}
