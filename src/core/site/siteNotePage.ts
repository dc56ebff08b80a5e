// A page per note: its facts, its Markdown rendered and sanitised, the linked code as the recorded
// anchor with a permalink at the recorded commit, commits as permalinks, its follow-ups as
// sentences, its responses and its related notes.
import { tasksAsSentences } from '../disclosure/followUpSentences';
import type { LinkedFile } from '../noteFormat/noteModel';
import { commitUrl, fileUrl, type RemoteWeb } from '../repository/permalinks';
import { day, esc, page } from './siteLayout';
import { renderMarkdown } from './siteMarkdown';
import { relatedIds, relatedSection, responsesSection, type SiteNoteLookup } from './siteNoteResponses';
import type { SiteNote } from './siteSources';

/**
 * Follow-ups are shown where the note has them, each as a sentence (as in disclosures: "Ada will
 * add a guard by 1 February 2026.", "Done: …"), not listed a second time. They are written with no
 * "today": whether one is overdue depends on the day of the build, and a rebuild of unchanged
 * notes must give the same bytes; the due date is in the sentence.
 */
const NO_TODAY = '';

/** The note's page; `lookup` finds the notes it names as related. The note comes masked (siteSources). */
export function notePage(siteTitle: string, n: SiteNote, lookup: SiteNoteLookup): string {
  const note = n.note;
  const toRoot = '../'.repeat(n.page.split('/').length - 1);
  const facts: [string, string][] = [
    ['Severity', `<span class="badge sev-${note.severity}">${note.severity}</span>`],
    ['Status', `<span class="badge status-${note.status}">${note.status}</span>`],
    ['Repository', esc(n.repo)],
    ...(note.occurred ? [['Occurred', esc(day(note.occurred))] as [string, string]] : []),
    ...(note.logged ? [['Logged', esc(day(note.logged))] as [string, string]] : []),
    ...(note.resolved ? [['Resolved', esc(day(note.resolved))] as [string, string]] : []),
    ...(note.author ? [['Author', esc(note.author)] as [string, string]] : []),
    ...(note.tags.length ? [['Tags', note.tags.map((t) => `<span class="tag">#${esc(t)}</span>`).join(' ')] as [string, string]] : []),
  ];
  const main = [
    `<p class="back"><a href="${toRoot}index.html">← All learnings</a></p>`,
    '<article class="note-page">',
    `<h1>${esc(note.title)}</h1>`,
    `<dl class="facts">${facts.map(([k, v]) => `<div><dt>${k}</dt><dd>${v}</dd></div>`).join('')}</dl>`,
    `<div class="body">${renderMarkdown(tasksAsSentences(note.body, NO_TODAY), { masked: true })}</div>`,
    codeSection(note.files, n.remote),
    commitsSection(n),
    responsesSection(n.responses),
    relatedSection(n, relatedIds(note), lookup, toRoot),
    '</article>',
  ].filter(Boolean).join('\n');
  return page({ siteTitle, title: note.title, toRoot, current: 'note', main });
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
    const code = f.anchor ? `<pre><code>${esc(f.anchor)}</code></pre>` : '';
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
    return `<li><span class="role">${c.role}</span> ${url ? `<a href="${esc(url)}" rel="noopener noreferrer">${sha}</a>` : sha}${c.subject ? ` ${esc(c.subject)}` : ''}</li>`;
  });
  return `<section aria-labelledby="commits"><h2 id="commits">Commits</h2><ul class="commits">${li.join('')}</ul></section>`;
}
