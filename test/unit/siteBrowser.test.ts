// The built site in a real browser (Debian Chromium through playwright-core), opened from file://
// as someone would open it from disk: search finds exactly the note whose body holds a word,
// severity filters and counts follow, a note page shows its learnings and links back, a hostile
// note runs nothing, and axe-core finds no serious or critical violation. Takes the README's
// screenshots into media/screenshots/.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { Browser, Page } from 'playwright-core';
import { GitRunner } from '../../src/core/git/gitRunner';
import { buildSite } from '../../src/core/site/buildSite';
import { launchBrowser } from '../harness/browser';
import { addNote, teamRepo } from './helpers/siteRepos';
import { tempDir } from './helpers/tempRepo';

const SCREENSHOTS = path.resolve(__dirname, '..', '..', '..', 'media', 'screenshots');

describe('candor site in a browser', function () {
  this.timeout(120_000);
  let browser: Browser;
  let out: string;
  const events: string[] = [];

  before(async () => {
    const repo = teamRepo('api');
    addNote(repo.root, '2026-01-09-expired-cert', {
      title: 'Let the staging certificate expire', severity: 'medium', tags: ['ops'],
      sections: { tryingTo: 'Renew certificates', action: 'Skipped the staging renewal', outcome: 'Staging went down for an hour', learnings: 'Calendar reminders are not a renewal process; automate it.' },
    });
    out = path.join(tempDir(), 'site');
    await buildSite([{ root: repo.root, incidentsDir: path.join(repo.root, 'incidents'), name: 'api' }], new GitRunner({ isTrusted: () => true }), { out, title: 'Acme learnings' });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
  });

  async function open(rel: string, options: { bypassCSP?: boolean } = {}): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1100, height: 800 }, ...options });
    const page = await context.newPage();
    page.on('dialog', (d) => {
      events.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    page.on('pageerror', (e) => events.push(`pageerror: ${e.message}`));
    page.on('console', (m) => events.push(`console.${m.type()}: ${m.text()}`));
    await page.goto(pathToFileURL(path.join(out, rel)).href);
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
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'site-index.png') });
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
    await page.screenshot({ path: path.join(SCREENSHOTS, 'site-note.png'), fullPage: true });
    await page.getByRole('link', { name: '← All learnings' }).click();
    await page.locator('#search').waitFor();
    assert.ok(page.url().endsWith('/index.html'));
    await page.context().close();
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

  for (const rel of ['index.html', 'notes/api/2026-01-02-dropped-the-cache.html', 'insights.html']) {
    it(`has no serious or critical axe-core violation: ${rel}`, async () => {
      // axe is injected as a script, which the site's CSP rightly refuses: this context bypasses it.
      const page = await open(rel, { bypassCSP: true });
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
