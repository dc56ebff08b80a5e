// `candor site`'s core on real repositories in temp folders: what pages it writes, that note
// Markdown is sanitised and secrets masked, --exclude-tag, two repositories side by side, and
// byte-identical rebuilds.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { GitRunner } from '../../src/core/git/gitRunner';
import { buildSite, SITE_MARKER } from '../../src/core/site/buildSite';
import { renderMarkdown } from '../../src/core/site/siteMarkdown';
import { addResponse, teamRepo } from './helpers/siteRepos';
import { tempDir } from './helpers/tempRepo';

const git = new GitRunner({ isTrusted: () => true });

function input(root: string): { root: string; incidentsDir: string; name: string } {
  // The shown name is the folder's by default; the temp folders end in the repository's name.
  return { root, incidentsDir: path.join(root, 'incidents'), name: path.basename(root).replace(/^.*-/, '') };
}

function readTree(dir: string, prefix = ''): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix + entry.name;
    if (entry.isDirectory()) {
      readTree(path.join(dir, entry.name), `${rel}/`).forEach((v, k) => files.set(k, v));
    } else {
      files.set(rel, fs.readFileSync(path.join(dir, entry.name)));
    }
  }
  return files;
}

describe('candor site (core)', () => {
  it('writes the index, a page per note, insights, hotspots, the feed and its own assets', async () => {
    const repo = teamRepo();
    const out = path.join(tempDir(), 'site');
    const result = await buildSite([input(repo.root)], git, { out, title: 'Acme learnings' });
    assert.deepStrictEqual(result, { out, notes: 3, pages: 6 });
    for (const f of ['index.html', 'insights.html', 'hotspots.html', 'feed.xml', 'search-index.js', 'assets/site.css', 'assets/site.js', 'assets/minisearch.js', SITE_MARKER]) {
      assert.ok(fs.existsSync(path.join(out, f)), f);
    }
    const index = fs.readFileSync(path.join(out, 'index.html'), 'utf8');
    // Newest first, with the learnings' first lines.
    assert.ok(index.indexOf('A &lt;b&gt;hostile') < index.indexOf('Shipped with the wrong flag'));
    assert.ok(index.indexOf('Shipped with the wrong flag') < index.indexOf('Dropped the cache table'));
    assert.match(index, /Always run destructive SQL inside a transaction first\./);
    assert.match(index, /http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'; style-src 'self'/);
    assert.doesNotMatch(index, /<script>|style=|<style/);
    const page = fs.readFileSync(path.join(out, 'notes/api/2026-01-02-dropped-the-cache.html'), 'utf8');
    assert.match(page, /href="https:\/\/github\.com\/acme\/api\/blob\/[0-9a-f]{40}\/src\/cache\.ts#L2"/);
    assert.match(page, /href="https:\/\/github\.com\/acme\/api\/commit\/[0-9a-f]{40}"/);
    assert.match(page, /add a guard to the admin console/, 'follow-ups are listed');
    assert.match(page, /href="\.\.\/\.\.\/index\.html"/);
    const feed = fs.readFileSync(path.join(out, 'feed.xml'), 'utf8');
    assert.match(feed, /<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom">/);
    assert.match(feed, /<updated>2026-01-07T09:00:00Z<\/updated>/, 'the newest note dates the feed, not the build');
    const insights = fs.readFileSync(path.join(out, 'insights.html'), 'utf8');
    assert.match(insights, /<svg class="chart" role="img"/);
    assert.match(fs.readFileSync(path.join(out, 'hotspots.html'), 'utf8'), /<code>src\/cache\.ts<\/code>[\s\S]*Dropped the cache table/);
  });

  it('renders no raw HTML, no script links and no secrets from a hostile note', async () => {
    const repo = teamRepo();
    const out = path.join(tempDir(), 'site');
    await buildSite([input(repo.root)], git, { out });
    const page = fs.readFileSync(path.join(out, 'notes/api/2026-01-07-hostile.html'), 'utf8');
    const body = page.slice(page.indexOf('<main'), page.indexOf('</main>'));
    assert.doesNotMatch(body, /<script|<img/i);
    assert.doesNotMatch(body, /<[a-z][^>]*\son\w+=/i, 'no element with an event handler');
    assert.doesNotMatch(body, /href="(?:javascript|data):/i);
    assert.match(body, /&lt;script&gt;/, 'shown as text');
    assert.doesNotMatch(body, /AKIAABCDEFGHIJKLMNOP/);
    assert.match(body, /\[redacted\]/);
    const code = fs.readFileSync(path.join(out, 'notes/api/2026-01-02-dropped-the-cache.html'), 'utf8');
    assert.doesNotMatch(code, /sk_live_abcdefghijklmnop1234/);
    for (const f of ['index.html', 'search-index.js', 'feed.xml']) {
      assert.doesNotMatch(fs.readFileSync(path.join(out, f), 'utf8'), /AKIAABCDEFGHIJKLMNOP|sk_live_abcdefghijklmnop1234/, f);
    }
  });

  it('sanitises what markdown-it would pass: links with script schemes, event handlers', () => {
    const html = renderMarkdown('[a](javascript:alert(1)) [b](JAVASCRIPT:alert(1)) [c](data:text/html,x) [d](https://example.com) <a href="x" onclick="y">z</a>');
    assert.doesNotMatch(html, /href="(?:javascript|data):/i);
    assert.doesNotMatch(html, /<a href="x"/);
    assert.match(html, /<a href="https:\/\/example\.com" rel="noopener noreferrer nofollow">d<\/a>/);
  });

  it('leaves out notes with an excluded tag, everywhere', async () => {
    const repo = teamRepo();
    const out = path.join(tempDir(), 'site');
    const result = await buildSite([input(repo.root)], git, { out, excludeTags: ['Private'] });
    assert.strictEqual(result.notes, 2);
    assert.ok(!fs.existsSync(path.join(out, 'notes/api/2026-01-05-wrong-flag.html')));
    for (const f of ['index.html', 'search-index.js', 'feed.xml', 'insights.html']) {
      assert.doesNotMatch(fs.readFileSync(path.join(out, f), 'utf8'), /wrong flag|flags file/i, f);
    }
  });

  it('keeps notes of two repositories apart, with a repository facet', async () => {
    const api = teamRepo('api');
    const web = teamRepo('web');
    const out = path.join(tempDir(), 'site');
    const result = await buildSite([input(api.root), input(web.root)], git, { out });
    assert.strictEqual(result.notes, 6);
    assert.ok(fs.existsSync(path.join(out, 'notes/api/2026-01-02-dropped-the-cache.html')));
    assert.ok(fs.existsSync(path.join(out, 'notes/web/2026-01-02-dropped-the-cache.html')));
    const index = fs.readFileSync(path.join(out, 'index.html'), 'utf8');
    assert.match(index, /<select id="filter-repo" data-facet="repo"><option value="">All<\/option><option value="api">api \(3\)<\/option><option value="web">web \(3\)<\/option>/);
    assert.match(fs.readFileSync(path.join(out, 'notes/web/2026-01-02-dropped-the-cache.html'), 'utf8'), /github\.com\/acme\/web\/commit\//);
  });

  it('rebuilds byte for byte when no note changed, and drops the pages of deleted notes', async () => {
    const repo = teamRepo();
    await addResponse(repo.root, '2026-01-02-dropped-the-cache', { kind: 'thanks', author: 'Grace Hopper', date: new Date('2026-01-03T10:00:00Z'), text: 'Thank you.' });
    const out = path.join(tempDir(), 'site');
    await buildSite([input(repo.root)], git, { out, baseUrl: 'https://acme.example/learnings' });
    const first = readTree(out);
    assert.match(first.get('notes/api/2026-01-02-dropped-the-cache.html')!.toString(), /Thank you\./);
    await new Promise((r) => setTimeout(r, 20));
    await buildSite([input(repo.root)], git, { out, baseUrl: 'https://acme.example/learnings' });
    assert.deepStrictEqual(readTree(out), first);
    fs.rmSync(path.join(repo.root, 'incidents/2026-01-05-wrong-flag.md'));
    await buildSite([input(repo.root)], git, { out });
    assert.ok(!fs.existsSync(path.join(out, 'notes/api/2026-01-05-wrong-flag.html')));
  });

  it('never overwrites a folder it did not build', async () => {
    const repo = teamRepo();
    const out = tempDir();
    fs.writeFileSync(path.join(out, 'thesis.md'), 'mine');
    await assert.rejects(buildSite([input(repo.root)], git, { out }), /not empty and is not a site Candor built/);
    assert.strictEqual(fs.readFileSync(path.join(out, 'thesis.md'), 'utf8'), 'mine');
  });
});
