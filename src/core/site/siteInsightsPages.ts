// The insights and hotspots pages: the same figures as `candor stats` (computeInsights), drawn as
// inline SVG bar charts whose colours come from classes in the site's stylesheet (no inline style,
// so the strict CSP holds), each with its numbers as text for screen readers and print.
import { hours } from '../insights/insightsReport';
import type { Insights } from '../insights/insights';
import { esc, page } from './siteLayout';
import type { SiteNote } from './siteSources';

const ROW = 22;
const LABEL_WIDTH = 150;
const BAR_MAX = 300;

/** A horizontal bar chart; `kind` picks the colour class of each bar (e.g. `sev-high`). */
export function barChart(id: string, title: string, counts: Record<string, number>, kind?: string): string {
  const entries = Object.entries(counts);
  if (entries.length === 0) {
    return `<h2 id="${id}">${esc(title)}</h2><p>No data yet.</p>`;
  }
  const max = Math.max(1, ...entries.map(([, n]) => n));
  const height = entries.length * ROW + 4;
  const rows = entries.map(([key, n], i) => {
    const y = i * ROW + 2;
    const width = Math.round((n / max) * BAR_MAX);
    const cls = kind ? `bar ${kind}-${key.replace(/[^a-z0-9-]/gi, '')}` : 'bar';
    return `<text class="label" x="${LABEL_WIDTH - 8}" y="${y + 15}" text-anchor="end">${esc(key)}</text>` +
      `<rect class="${esc(cls)}" x="${LABEL_WIDTH}" y="${y + 3}" width="${Math.max(width, 1)}" height="${ROW - 6}"></rect>` +
      `<text class="value" x="${LABEL_WIDTH + width + 6}" y="${y + 15}">${n}</text>`;
  });
  const summary = entries.map(([k, n]) => `${k}: ${n}`).join(', ');
  return `<h2 id="${id}">${esc(title)}</h2>` +
    `<svg class="chart" role="img" aria-labelledby="${id}-desc" viewBox="0 0 ${LABEL_WIDTH + BAR_MAX + 60} ${height}" width="${LABEL_WIDTH + BAR_MAX + 60}" height="${height}">` +
    `<title id="${id}-desc">${esc(`${title}: ${summary}`)}</title>${rows.join('')}</svg>`;
}

export function insightsPage(siteTitle: string, insights: Insights): string {
  const main = [
    '<h1>Insights</h1>',
    `<p>From ${insights.total} ${insights.total === 1 ? 'note' : 'notes'}${insights.unreadable ? ` (${insights.unreadable} unreadable, left out)` : ''}; the same figures as <code>candor stats</code>.</p>`,
    '<ul class="glance">',
    `<li>Median time from the introducing commit to the note: <strong>${hours(insights.medianHoursToLog)}</strong> (${insights.samples.toLog} notes)</li>`,
    `<li>Median time from the note to the first fix or resolution: <strong>${hours(insights.medianHoursToFix)}</strong> (${insights.samples.toFix} notes)</li>`,
    `<li>Follow-ups: <strong>${insights.followUps.open} open</strong>, ${insights.followUps.done} done</li>`,
    '</ul>',
    barChart('by-month', 'By month', insights.byMonth),
    barChart('by-severity', 'By severity', insights.bySeverity, 'sev'),
    barChart('by-status', 'By status', insights.byStatus, 'status'),
    barChart('by-tag', 'By tag', Object.fromEntries(Object.entries(insights.byTag).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 20))),
    '<p><a href="hotspots.html">Files and folders with the most learnings →</a></p>',
  ].join('\n');
  return page({ siteTitle, title: 'Insights', toRoot: '', current: 'insights', main });
}

export function hotspotsPage(siteTitle: string, insights: Insights, notes: SiteNote[]): string {
  const sections = insights.hotspots.map((h, i) => {
    const matching = notes.filter((n) => n.note.files.some((f) => (h.path.endsWith('/') ? f.path.startsWith(h.path) : f.path === h.path)));
    const li = matching.map((n) => `<li><a href="${esc(n.page)}">${esc(n.note.title)}</a> <span class="repo">${esc(n.repo)}</span></li>`);
    return `<section aria-labelledby="hot-${i}"><h2 id="hot-${i}"><code>${esc(h.path)}</code> <span class="count">${h.count} ${h.count === 1 ? 'note' : 'notes'}</span></h2><ul>${li.join('')}</ul></section>`;
  });
  const main = [
    '<h1>Hotspots</h1>',
    barChart('hotspot-chart', 'Files and folders with the most learnings', Object.fromEntries(insights.hotspots.map((h) => [h.path, h.count]))),
    ...sections,
  ].join('\n');
  return page({ siteTitle, title: 'Hotspots', toRoot: '', current: 'hotspots', main });
}
