// The Atom feed of new learnings. Its `updated` is the newest note's date, never the build time,
// so an unchanged set of notes gives an unchanged feed.
import { esc } from './siteLayout';
import { noteDate, type SiteNote } from './siteSources';
import { excerpt, type NoteSummary } from './siteSummary';

const FEED_ENTRIES = 50;

export function atomFeed(siteTitle: string, baseUrl: string | undefined, notes: SiteNote[], summaries: Map<SiteNote, NoteSummary>): string {
  const base = baseUrl ? baseUrl.replace(/\/?$/, '/') : '';
  const entries = notes.slice(0, FEED_ENTRIES);
  const updated = isoTime(entries[0] ? noteDate(entries[0].note) : '') ?? '1970-01-01T00:00:00Z';
  const out = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `<title>${esc(siteTitle)}</title>`,
    `<id>${esc(base ? `${base}feed.xml` : `urn:candor:site:${encodeURIComponent(siteTitle)}`)}</id>`,
    `<link rel="self" href="${esc(`${base}feed.xml`)}"/>`,
    `<link rel="alternate" type="text/html" href="${esc(`${base}index.html`)}"/>`,
    `<updated>${updated}</updated>`,
  ];
  for (const n of entries) {
    const when = isoTime(noteDate(n.note)) ?? updated;
    const learnings = summaries.get(n)?.learnings;
    out.push(
      '<entry>',
      `<title>${esc(n.note.title)}</title>`,
      `<id>${esc(base ? `${base}${n.page}` : `urn:candor:note:${encodeURIComponent(n.repo)}:${encodeURIComponent(n.note.id)}`)}</id>`,
      `<link rel="alternate" type="text/html" href="${esc(`${base}${n.page}`)}"/>`,
      `<updated>${when}</updated>`,
      `<author><name>${esc(n.note.author ?? n.repo)}</name></author>`,
      ...n.note.tags.map((t) => `<category term="${esc(t)}"/>`),
      `<summary>${esc(`${n.note.severity}, ${n.note.status} (${n.repo})${learnings ? `. Learnings: ${excerpt(learnings, 400)}` : ''}`)}</summary>`,
      '</entry>',
    );
  }
  out.push('</feed>', '');
  return out.join('\n');
}

function isoTime(value: string): string | undefined {
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString().replace(/\.000Z$/, 'Z');
}
