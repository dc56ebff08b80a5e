// A page per note: its facts, its Markdown rendered and sanitised, the linked code as the recorded
// anchor with a permalink at the recorded commit, commits as permalinks, and its follow-ups.
import type { LinkedFile } from '../noteModel';
import { commitUrl, fileUrl, type RemoteWeb } from '../permalinks';
import { maskSecrets } from '../secrets';
import { findTaskItems } from '../taskItems';
import { day, esc, page } from './siteLayout';
import { renderMarkdown } from './siteMarkdown';
import type { SiteNote } from './siteSources';

/**
 * What other parts of Candor will add to a note page. Responses and related notes do not exist in
 * the note format yet (another issue): when they do, the builder fills these and the page shows them.
 */
export interface NotePageExtras {
  responses?: { author?: string; html: string }[];
  related?: SiteNote[];
}

export function notePage(siteTitle: string, n: SiteNote, extras: NotePageExtras = {}): string {
  const note = n.note;
  const toRoot = '../'.repeat(n.page.split('/').length - 1);
  const facts: [string, string][] = [
    ['Severity', `<span class="badge sev-${note.severity}">${note.severity}</span>`],
    ['Status', `<span class="badge status-${note.status}">${note.status}</span>`],
    ['Repository', esc(n.repo)],
    ...(note.occurred ? [['Occurred', esc(day(note.occurred))] as [string, string]] : []),
    ...(note.logged ? [['Logged', esc(day(note.logged))] as [string, string]] : []),
    ...(note.resolved ? [['Resolved', esc(day(note.resolved))] as [string, string]] : []),
    ...(note.author ? [['Author', esc(maskSecrets(note.author))] as [string, string]] : []),
    ...(note.tags.length ? [['Tags', note.tags.map((t) => `<span class="tag">#${esc(t)}</span>`).join(' ')] as [string, string]] : []),
  ];
  const main = [
    `<p class="back"><a href="${toRoot}index.html">← All learnings</a></p>`,
    '<article class="note-page">',
    `<h1>${esc(note.title)}</h1>`,
    `<dl class="facts">${facts.map(([k, v]) => `<div><dt>${k}</dt><dd>${v}</dd></div>`).join('')}</dl>`,
    `<div class="body">${renderMarkdown(note.body)}</div>`,
    followUpsSection(note.body),
    codeSection(note.files, n.remote),
    commitsSection(n),
    responsesSection(extras),
    relatedSection(extras, toRoot),
    '</article>',
  ].filter(Boolean).join('\n');
  return page({ siteTitle, title: note.title, toRoot, current: 'note', main });
}

function followUpsSection(body: string): string {
  const items = findTaskItems(body);
  if (items.length === 0) {
    return '';
  }
  const li = items.map((t) =>
    // The text keeps its owner and due markers as written: they are already readable.
    `<li class="${t.done ? 'done' : 'open'}"><span class="box">${t.done ? 'Done' : 'Open'}</span> ${esc(maskSecrets(t.text))}</li>`);
  return `<section aria-labelledby="follow-ups"><h2 id="follow-ups">Follow-ups</h2><ul class="follow-ups">${li.join('')}</ul></section>`;
}

function codeSection(files: LinkedFile[], remote: RemoteWeb | undefined): string {
  if (files.length === 0) {
    return '';
  }
  const blocks = files.map((f) => {
    const where = `${f.path}${f.lines ? `:${f.lines[0]}${f.lines[1] !== f.lines[0] ? `-${f.lines[1]}` : ''}` : ''}`;
    const url = remote && f.commit ? fileUrl(remote, f.commit, f.path, f.lines) : undefined;
    const label = esc(where) + (f.commit ? ` <span class="sha">at ${esc(f.commit.slice(0, 12))}</span>` : '');
    const head = url ? `<a href="${esc(url)}" rel="noopener noreferrer">${label}</a>` : label;
    const code = f.anchor ? `<pre><code>${esc(maskSecrets(f.anchor))}</code></pre>` : '';
    const note = f.uncommitted ? ` <span class="uncommitted">(${f.uncommitted} when recorded)</span>` : '';
    return `<figure class="code"><figcaption>${head}${note}</figcaption>${code}</figure>`;
  });
  return `<section aria-labelledby="linked-code"><h2 id="linked-code">Linked code</h2>${blocks.join('')}</section>`;
}

function commitsSection(n: SiteNote): string {
  if (n.note.commits.length === 0) {
    return '';
  }
  const li = n.note.commits.map((c) => {
    const url = n.remote ? commitUrl(n.remote, c.sha) : undefined;
    const sha = `<code>${esc(c.sha.slice(0, 12))}</code>`;
    return `<li><span class="role">${c.role}</span> ${url ? `<a href="${esc(url)}" rel="noopener noreferrer">${sha}</a>` : sha}${c.subject ? ` ${esc(maskSecrets(c.subject))}` : ''}</li>`;
  });
  return `<section aria-labelledby="commits"><h2 id="commits">Commits</h2><ul class="commits">${li.join('')}</ul></section>`;
}

function responsesSection(extras: NotePageExtras): string {
  if (!extras.responses?.length) {
    return '';
  }
  const li = extras.responses.map((r) => `<li>${r.author ? `<p class="owner">${esc(r.author)}</p>` : ''}${r.html}</li>`);
  return `<section aria-labelledby="responses"><h2 id="responses">Responses</h2><ul class="responses">${li.join('')}</ul></section>`;
}

function relatedSection(extras: NotePageExtras, toRoot: string): string {
  if (!extras.related?.length) {
    return '';
  }
  const li = extras.related.map((r) => `<li><a href="${toRoot}${esc(r.page)}">${esc(r.note.title)}</a></li>`);
  return `<section aria-labelledby="related"><h2 id="related">Related notes</h2><ul>${li.join('')}</ul></section>`;
}
