// The built site in a real browser (Debian Chromium through playwright-core), opened from file://
// as someone would open it from disk: search finds exactly the note whose body holds a word,
// severity filters and counts follow, a note page shows its learnings and links back, a hostile
// note runs nothing, no page logs an error or a Content-Security-Policy violation, the feed parses
// as Atom, and axe-core finds no serious or critical violation. Takes the README's screenshots
// into .vscode-test/screenshots/ (npm run screenshots copies them to media/) from a second site built from a clean, believable team's notes.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { Browser, Page } from 'playwright-core';
import { GitRunner } from '../../src/core/git/gitRunner';
import { buildSite } from '../../src/core/site/buildSite';
import { launchBrowser } from '../harness/browser';
import { addNote, realisticRepo, teamRepo } from './helpers/siteRepos';
import { tempDir } from './helpers/tempRepo';

const SCREENSHOTS = path.resolve(__dirname, '..', '..', '..', '.vscode-test', 'screenshots');

describe('candor site in a browser', function () {
  this.timeout(120_000);
  let browser: Browser;
  let out: string;
  /** The clean site the README's screenshots come from. */
  let showcase: string;
  const events: string[] = [];

  before(async () => {
    const repo = teamRepo('api');
    addNote(repo.root, '2026-01-09-expired-cert', {
      title: 'Let the staging certificate expire', severity: 'medium', tags: ['ops'],
      sections: { tryingTo: 'Renew certificates', action: 'Skipped the staging renewal', outcome: 'Staging went down for an hour', learnings: 'Calendar reminders are not a renewal process; automate it.' },
    });
    out = path.join(tempDir(), 'site');
    const git = new GitRunner({ isTrusted: () => true });
    await buildSite([{ root: repo.root, incidentsDir: path.join(repo.root, 'incidents'), name: 'api' }], git, { out, title: 'Acme learnings' });
    const team = await realisticRepo();
    showcase = path.join(tempDir(), 'site');
    await buildSite([{ root: team.root, incidentsDir: path.join(team.root, 'incidents'), name: 'payments' }], git, { out: showcase, title: 'Payments team learnings' });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
  });

  async function open(rel: string, options: { bypassCSP?: boolean; site?: string } = {}): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1100, height: 800 }, ...options });
    const page = await context.newPage();
    page.on('dialog', (d) => {
      events.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    page.on('pageerror', (e) => events.push(`pageerror: ${e.message}`));
    page.on('console', (m) => events.push(`console.${m.type()}: ${m.text()}`));
    await page.goto(pathToFileURL(path.join(options.site ?? out, rel)).href);
    return page;
  }

  it('searches from file://: a word only one note body holds shows exactly that note', async () => {
    const page = await open('index.html');
    await page.locator('#search').fill('zebrafinch');
    await page.waitForFunction("document.getElementById('count').textContent.startsWith('1 of')");
    const visible = await page.locator('li.note:visible h2').allTextContents();
    assert.deepStrictEqual(visible, ['Dropped the cache table']);
    await page.locator('#search').fill('');
    await page.waitForFunction("document.getElementById('count').textContent === '4 of 4 notes'");
    await page.context().close();
  });

  it('filters by severity, and the other filters count what is left', async () => {
    const page = await open('index.html');
    await page.locator('#filter-severity').selectOption('high');
    assert.deepStrictEqual(await page.locator('li.note:visible h2').allTextContents(), ['Dropped the cache table']);
    assert.strictEqual(await page.locator('#count').textContent(), '1 of 4 notes');
    assert.strictEqual(await page.locator('#filter-status option[value="open"]').textContent(), 'open (1)');
    assert.strictEqual(await page.locator('#filter-status option[value="resolved"]').textContent(), 'resolved (0)');
    await page.context().close();
  });

  it('opens a note page with its learnings and a working link back', async () => {
    const page = await open('index.html');
    await page.getByRole('link', { name: 'Dropped the cache table' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dropped the cache table' }).waitFor();
    assert.match(await page.locator('.body').innerText(), /Always run destructive SQL inside a transaction first\./);
    await page.getByRole('link', { name: '← All learnings' }).click();
    await page.locator('#search').waitFor();
    assert.ok(page.url().endsWith('/index.html'));
    await page.context().close();
  });

  it('counts follow the search too: each filter counts what it would show among the hits', async () => {
    const page = await open('index.html');
    await page.locator('#search').fill('certificate');
    await page.waitForFunction("document.getElementById('count').textContent === '1 of 4 notes'");
    assert.strictEqual(await page.locator('#filter-severity option[value="medium"]').textContent(), 'medium (1)');
    assert.strictEqual(await page.locator('#filter-severity option[value="high"]').textContent(), 'high (0)');
    assert.strictEqual(await page.locator('#filter-tag option[value="ops"]').textContent(), 'ops (1)');
    await page.locator('#filter-severity').selectOption('high');
    assert.strictEqual(await page.locator('#count').textContent(), '0 of 4 notes');
    assert.strictEqual(await page.locator('#filter-severity option[value="medium"]').textContent(), 'medium (1)', 'a facet does not count against its own choice');
    await page.context().close();
  });

  it('logs no error and no Content-Security-Policy violation on any page, searching included', async () => {
    for (const site of [out, showcase]) {
      for (const rel of ['index.html', 'insights.html', 'hotspots.html', ...fs.readdirSync(path.join(site, 'notes'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).map((f) => `notes/${f}`)]) {
        events.length = 0;
        const page = await open(rel, { site });
        if (rel === 'index.html') {
          await page.locator('#search').fill('the');
          await page.waitForFunction("/ of \\d+ notes$/.test(document.getElementById('count').textContent)");
        }
        await page.waitForTimeout(100);
        assert.deepStrictEqual(events, [], `${path.basename(site)}/${rel}`);
        await page.context().close();
      }
    }
  });

  it('serves a feed that parses as Atom, one entry per note', async () => {
    const page = await open('index.html');
    const xml = fs.readFileSync(path.join(out, 'feed.xml'), 'utf8');
    // Run in the page (the tests' own types have no DOM): the browser's XML parser, namespaces included.
    const parsed = await page.evaluate(`(() => {
      const doc = new DOMParser().parseFromString(${JSON.stringify(xml)}, 'application/xml');
      const atom = 'http://www.w3.org/2005/Atom';
      return {
        error: doc.getElementsByTagName('parsererror').length,
        root: doc.documentElement.namespaceURI + ' ' + doc.documentElement.localName,
        entries: Array.from(doc.getElementsByTagNameNS(atom, 'entry')).map((e) => ['id', 'title', 'updated', 'link'].every((t) => e.getElementsByTagNameNS(atom, t).length === 1)),
      };
    })()`);
    assert.deepStrictEqual(parsed, { error: 0, root: 'http://www.w3.org/2005/Atom feed', entries: [true, true, true, true] });
    await page.context().close();
  });

  it("takes the README's screenshots from a clean team's site: the index, and a note page with follow-ups and responses", async () => {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    const index = await open('index.html', { site: showcase });
    await index.locator('#count').waitFor();
    assert.strictEqual(await index.locator('#count').textContent(), '5 of 5 notes');
    await index.screenshot({ path: path.join(SCREENSHOTS, 'site-index.png') });
    await index.getByRole('link', { name: 'Shipped webhook retries switched off' }).click();
    await index.getByRole('heading', { level: 1, name: 'Shipped webhook retries switched off' }).waitFor();
    const text = await index.locator('article').innerText();
    assert.match(text, /Ada will add a test that fails when retries are off by 20 March 2026\./);
    assert.match(text, /Thank you for telling us so quickly/);
    await index.screenshot({ path: path.join(SCREENSHOTS, 'site-note.png'), fullPage: true });
    await index.context().close();
  });

  it('runs nothing from a note with <script> and <img onerror>', async () => {
    events.length = 0;
    const page = await open('notes/api/2026-01-07-hostile.html');
    await page.waitForTimeout(300);
    assert.strictEqual(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned), undefined);
    assert.strictEqual(await page.locator('.body script, .body img').count(), 0);
    assert.deepStrictEqual(events, []);
    await page.context().close();
  });

  for (const [rel, clean] of [['index.html', false], ['notes/api/2026-01-02-dropped-the-cache.html', false], ['insights.html', false], ['notes/payments/2026-03-02-webhook-retries-disabled.html', true]] as const) {
    it(`has no serious or critical axe-core violation: ${rel}`, async () => {
      // axe is injected as a script, which the site's CSP rightly refuses: this context bypasses it.
      const page = await open(rel, { bypassCSP: true, ...(clean ? { site: showcase } : {}) });
      await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
      const violations = await page.evaluate(async () => {
        const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe;
        const result = await axe.run();
        return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
      });
      const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      assert.deepStrictEqual(bad, [], JSON.stringify(violations));
      await page.context().close();
    });
  }
});
