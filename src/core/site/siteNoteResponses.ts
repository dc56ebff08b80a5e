// What others added to a note, on its page: the responses of teammates (kind, author, date and
// their text, rendered by the same sanitising renderer as the note) and the related notes.
// Related notes come from the note's `related:` field; an id with no page in the site is left out.
import type { Note } from '../noteFormat/noteModel';
import { KIND_LABELS, type Response } from '../responses/responseFormat';
import { day, esc } from './siteLayout';
import { renderMarkdown } from './siteMarkdown';
import type { SiteNote } from './siteSources';

/** The responses section; the responses come masked (siteSources), oldest first. */
export function responsesSection(responses: Response[]): string {
  if (responses.length === 0) {
    return '';
  }
  const li = responses.map((r) => {
    const date = day(r.date);
    const meta = `<p class="meta"><span class="badge kind-${r.kind}">${esc(KIND_LABELS[r.kind])}</span>` +
      (r.author ? ` <span class="owner">${esc(r.author)}</span>` : '') +
      (date ? ` <time datetime="${esc(date)}">${esc(date)}</time>` : '') + '</p>';
    return `<li class="response">${meta}<div class="text">${renderMarkdown(r.text, { masked: true })}</div></li>`;
  });
  return `<section aria-labelledby="responses"><h2 id="responses">Responses <span class="count">${responses.length}</span></h2><ul class="responses">${li.join('')}</ul></section>`;
}

/** The ids a note names as related (the parser has already dropped items that cannot be ids). */
export function relatedIds(note: Note): string[] {
  return note.related ?? [];
}

/** Finds a note of the site by repository and id (ids mean something only inside their repository). */
export type SiteNoteLookup = (repo: string, id: string) => SiteNote | undefined;

export function siteNoteLookup(notes: SiteNote[]): SiteNoteLookup {
  const byKey = new Map(notes.map((n) => [`${n.repo}\n${n.note.id}`, n]));
  return (repo, id) => byKey.get(`${repo}\n${id}`);
}

/**
 * Links to the related notes, in the order given. An id with no page in the site (a note left out
 * by --exclude-tag, or one that does not exist) is not shown: its id would tell what was left out.
 */
export function relatedSection(n: SiteNote, ids: string[], lookup: SiteNoteLookup, toRoot: string): string {
  const seen = new Set<string>();
  const related = ids
    .map((id) => lookup(n.repo, id.trim()))
    .filter((r): r is SiteNote => r !== undefined && r !== n && !seen.has(r.page) && seen.add(r.page) !== undefined);
  if (related.length === 0) {
    return '';
  }
  const li = related.map((r) => `<li><a href="${toRoot}${esc(r.page)}">${esc(r.note.title)}</a></li>`);
  return `<section aria-labelledby="related"><h2 id="related">Related notes</h2><ul class="related">${li.join('')}</ul></section>`;
}
