// What a note's page and the site's other files say, on real repositories in temp folders:
// follow-ups as sentences (no task syntax), responses with their kind, author, date and sanitised
// text, the related-notes seam, secrets masked everywhere a disclosure masks them, --base-url,
// the feed, the hotspots chart and filter counts.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { GitRunner } from '../../src/core/git/gitRunner';
import type { Note } from '../../src/core/noteFormat/noteModel';
import { maskSecrets } from '../../src/core/secrets';
import { buildSite } from '../../src/core/site/buildSite';
import { esc } from '../../src/core/site/siteLayout';
import { relatedIds, relatedSection, siteNoteLookup } from '../../src/core/site/siteNoteResponses';
import type { SiteNote } from '../../src/core/site/siteSources';
import { addNote, addResponse, teamRepo } from './helpers/siteRepos';
import { tempDir } from './helpers/tempRepo';

const git = new GitRunner({ isTrusted: () => true });
const CACHE_PAGE = 'notes/api/2026-01-02-dropped-the-cache.html';

async function build(root: string, options: { baseUrl?: string; excludeTags?: string[] } = {}): Promise<string> {
  const out = path.join(tempDir(), 'site');
  await buildSite([{ root, incidentsDir: path.join(root, 'incidents'), name: 'api' }], git, { out, ...options });
  return out;
}

function read(out: string, rel: string): string {
  return fs.readFileSync(path.join(out, rel), 'utf8');
}

function main(html: string): string {
  return html.slice(html.indexOf('<main'), html.indexOf('</main>'));
}

function allFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? allFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

describe('candor site (what the pages say)', () => {
  it('writes follow-ups as sentences where the note has them, once, with no task syntax', async () => {
    const repo = teamRepo();
    addNote(repo.root, '2026-01-03-done-and-open', {
      title: 'Follow-ups of both kinds',
      sections: { learnings: 'Two follow-ups.', prevention: '- [x] Rotate the key @grace.hopper due:2026-01-04\n- [ ] Write the runbook' },
    });
    addNote(repo.root, '2026-01-04-task-in-learnings', {
      title: 'A follow-up among the learnings',
      sections: { learnings: '- [ ] Share the checklist with the team @ada due:2026-02-10' },
    });
    const out = await build(repo.root);
    const cache = main(read(out, CACHE_PAGE));
    assert.match(cache, /Ada will add a guard to the admin console by 1 February 2026\./);
    const both = main(read(out, 'notes/api/2026-01-03-done-and-open.html'));
    assert.match(both, /Done: Rotate the key\./);
    assert.match(both, /I will write the runbook\./);
    const index = read(out, 'index.html');
    assert.match(index, /<strong>Learnings:<\/strong> Ada will share the checklist with the team by 10 February 2026\.<\/p>/, 'in the index too');
    for (const page of [cache, both, main(index), read(out, 'feed.xml')]) {
      assert.doesNotMatch(page, /\[[ xX]\]|@ada|@grace|due:\d/, 'no task syntax');
    }
    assert.match(both, /<h2>Prevention<\/h2>\n<ul>\n<li>Done: Rotate the key\.<\/li>\n<li>I will write the runbook\.<\/li>\n<\/ul>/);
    assert.strictEqual(both.split('I will write the runbook.').length, 2, 'shown once');
  });

  it("shows a note's responses: kind, author, date and the text, sanitised and masked", async () => {
    const repo = teamRepo();
    const id = '2026-01-02-dropped-the-cache';
    await addResponse(repo.root, id, { kind: 'thanks', author: 'Grace Hopper <grace@example.com>', date: new Date('2026-01-03T10:00:00Z'), text: 'Thank you for your honesty. What do you need from me?' });
    await addResponse(repo.root, id, {
      kind: 'help', author: 'Alan Turing', date: new Date('2026-01-04T08:30:00Z'),
      text: 'I can **pair** on the guard.\n\n<script>window.__pwned = 1</script> <img src=x onerror="alert(1)"> [x](javascript:alert(1))\n\npassword = "hunter2hunter2"',
    });
    const out = await build(repo.root);
    const page = main(read(out, CACHE_PAGE));
    const section = page.slice(page.indexOf('<section aria-labelledby="responses">'));
    assert.ok(section.length > 0 && page.includes('<h2 id="responses">Responses'), 'a responses section');
    assert.ok(section.indexOf('Thanks') < section.indexOf('Offer help'), 'oldest first, with the kind as people pick it');
    assert.match(section, /<span class="owner">Grace Hopper<\/span> <time datetime="2026-01-03">2026-01-03<\/time>/);
    assert.match(section, /Thank you for your honesty\. What do you need from me\?/);
    assert.match(section, /I can <strong>pair<\/strong> on the guard\./, 'rendered as Markdown');
    assert.doesNotMatch(section, /<script|<img|<[a-z][^>]*\son\w+=|href="javascript:/i);
    assert.match(section, /&lt;script&gt;/, 'shown as text');
    assert.doesNotMatch(section, /hunter2hunter2/);
    assert.doesNotMatch(section, /grace@example\.com/, 'no e-mail address on a page that may be public');
    assert.match(section, /\[redacted\]/);
  });

  it('links the notes a note names as related, within its repository, and leaves out ids with no page', async () => {
    const repo = teamRepo();
    assert.doesNotMatch(read(await build(repo.root), CACHE_PAGE), /Related notes/);
    addNote(repo.root, '2026-01-05-dropped-it-again', {
      title: 'Dropped the cache table again', related: ['2026-01-02-dropped-the-cache', '2026-01-01-not-in-this-repository'],
    });
    const page = main(read(await build(repo.root), 'notes/api/2026-01-05-dropped-it-again.html'));
    assert.match(page, /<h2 id="related">Related notes<\/h2><ul class="related"><li><a href="\.\.\/\.\.\/notes\/api\/2026-01-02-dropped-the-cache\.html">Dropped the cache table<\/a><\/li><\/ul>/);
    assert.doesNotMatch(page, /not-in-this-repository/);
    const note = (id: string, title: string, repoName = 'api'): SiteNote =>
      ({ repo: repoName, page: `notes/${repoName}/${id}.html`, responses: [], note: { id, title, tags: [], commits: [], files: [], body: '' } as unknown as Note });
    const a = note('a', 'First');
    const b = note('b', 'Second <b>');
    const other = note('c', 'Elsewhere', 'web');
    assert.deepStrictEqual(relatedIds(a.note), []);
    const html = relatedSection(a, ['b', 'missing', 'a', 'b', 'c'], siteNoteLookup([a, b, other]), '../../');
    assert.strictEqual(html, '<section aria-labelledby="related"><h2 id="related">Related notes</h2><ul class="related"><li><a href="../../notes/api/b.html">Second &lt;b&gt;</a></li></ul></section>');
    assert.strictEqual(relatedSection(a, ['missing'], siteNoteLookup([a]), ''), '');
  });

  it('masks secrets wherever a disclosure masks them: title, tags, author, commit subjects, code, body', async () => {
    const repo = teamRepo();
    const secretTitle = 'Pasted token=ghp_abcdefghijklmnopqrstuvwxyz0123456789 into chat';
    const sha = repo.commit('password = "s3cretPassw0rd!" in the config', { 'src/config.ts': 'export const x = 1;\n' });
    addNote(repo.root, '2026-01-08-pasted-token', {
      title: secretTitle, author: 'Ada token=AKIAABCDEFGHIJKLMNOP', tags: ['secrets'],
      commits: [{ sha, role: 'introduced', subject: 'password = "s3cretPassw0rd!" in the config' }],
      files: [{ path: 'src/config.ts', lines: [1, 1], commit: sha, anchor: 'const key = "sk_live_abcdefghijklmnop1234";' }],
      sections: { learnings: 'The token was ghp_abcdefghijklmnopqrstuvwxyz0123456789.' },
    });
    const out = await build(repo.root);
    for (const file of allFiles(out)) {
      assert.doesNotMatch(fs.readFileSync(file, 'utf8'), /ghp_abcdefghijklmnopqrstuvwxyz0123456789|AKIAABCDEFGHIJKLMNOP|s3cretPassw0rd|sk_live_abcdefghijklmnop1234/, path.relative(out, file));
    }
    const page = read(out, 'notes/api/2026-01-08-pasted-token.html');
    assert.ok(page.includes(`<h1>${esc(maskSecrets(secretTitle))}</h1>`), 'the title as a disclosure shows it');
    assert.ok(read(out, 'index.html').includes(esc(maskSecrets(secretTitle))));
  });

  it('uses --base-url for the feed only; pages link relatively and work from any folder', async () => {
    const repo = teamRepo();
    const withBase = await build(repo.root, { baseUrl: 'https://acme.example/learnings' });
    const feed = read(withBase, 'feed.xml');
    assert.match(feed, /<id>https:\/\/acme\.example\/learnings\/feed\.xml<\/id>/);
    assert.match(feed, /<link rel="alternate" type="text\/html" href="https:\/\/acme\.example\/learnings\/notes\/api\/2026-01-02-dropped-the-cache\.html"\/>/);
    for (const rel of ['index.html', CACHE_PAGE, 'insights.html', 'hotspots.html']) {
      const html = read(withBase, rel);
      assert.doesNotMatch(html, /acme\.example/, rel);
      assert.doesNotMatch(html, /(?:href|src)="\//, `${rel}: no root-relative link`);
    }
    const without = read(await build(repo.root), 'feed.xml');
    assert.match(without, /<id>urn:candor:note:api:2026-01-02-dropped-the-cache<\/id>/);
  });

  it('writes a well-formed Atom feed: one entry per note, newest first, each with id, title, updated, link and summary', async () => {
    const repo = teamRepo();
    const feed = read(await build(repo.root), 'feed.xml');
    assert.ok(feed.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'));
    const entries = feed.split('<entry>').slice(1);
    assert.strictEqual(entries.length, 3);
    for (const e of entries) {
      for (const tag of ['<id>', '<title>', '<updated>', '<link rel="alternate"', '<summary>', '<author><name>']) {
        assert.ok(e.includes(tag), `${tag} in ${e}`);
      }
    }
    assert.deepStrictEqual(entries.map((e) => /<updated>([^<]*)<\/updated>/.exec(e)?.[1]), ['2026-01-07T09:00:00Z', '2026-01-05T09:00:00Z', '2026-01-02T09:00:00Z']);
    assert.match(entries[0], /<title>A &lt;b&gt;hostile&lt;\/b&gt; note<\/title>/, 'titles escaped');
    assert.doesNotMatch(feed, /<script|&(?!amp;|lt;|gt;|quot;|#39;)/, 'no markup and no bare ampersand');
  });

  it('draws hotspots as an inline SVG chart, each file listing its notes; the index counts every facet value', async () => {
    const repo = teamRepo();
    const out = await build(repo.root);
    const hotspots = read(out, 'hotspots.html');
    assert.match(hotspots, /<svg class="chart" role="img" aria-labelledby="hotspot-chart-desc"[^>]*><title id="hotspot-chart-desc">Files and folders with the most learnings: [^<]*src\/cache\.ts: 1/);
    assert.doesNotMatch(hotspots, /<img|style=/);
    const index = read(out, 'index.html');
    assert.match(index, /<option value="open">open \(2\)<\/option><option value="mitigated">mitigated \(0\)<\/option><option value="resolved">resolved \(1\)<\/option>/);
    assert.match(index, /<option value="database">database \(1\)<\/option><option value="private">private \(1\)<\/option><option value="release">release \(1\)<\/option>/);
  });
});
