// End-to-end: the main flow through the real workbench UI, driven by the keyboard and mouse as a
// person would, with role and label selectors rather than CSS chains. Loaded by the harness
// (test/harness/runIntegration.ts) after the mocha suite passed, on a fresh window and fixture.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import type { E2EContext } from '../harness/browser';

const TITLE = 'Flushed the production cache';

export async function run({ page, workspace, screenshotsDir }: E2EContext): Promise<void> {
  const activityBar = page.getByRole('tablist', { name: 'Active View Switcher' });
  const candorTab = activityBar.getByRole('tab', { name: /Candor/ });
  await candorTab.first().waitFor({ state: 'visible', timeout: 30_000 });
  assert.equal(await candorTab.count(), 1, 'exactly one Candor item in the activity bar');

  // The empty Learnings view invites the first note.
  await candorTab.click();
  await page.getByRole('button', { name: 'Log Mistake' }).first().waitFor({ timeout: 15_000 });

  // Open src/cache.ts and select lines 12-18.
  await quickOpen(page, 'cache.ts', 12);
  await expectStatusBar(page, /Ln 12, Col 1/);
  for (let i = 0; i < 7; i++) {
    await page.keyboard.press('Shift+ArrowDown');
  }

  // F1 → Log Mistake → title → severity → the three questions (the second skipped with Enter).
  await page.keyboard.press('F1');
  await quickInput(page).fill('>Log Mistake');
  await page.getByRole('option', { name: /Candor: Log Mistake/ }).first().waitFor();
  await page.keyboard.press('Enter');
  await expectQuickInputTitle(page, /Log Mistake \(1\/5\) — src\/cache\.ts:12-18/);
  await quickInput(page).fill(TITLE);
  await page.keyboard.press('Enter');
  await expectQuickInputTitle(page, /Log Mistake \(2\/5\)/);
  await quickInput(page).fill('high');
  await page.keyboard.press('Enter');
  await expectQuickInputTitle(page, /Log Mistake \(3\/5\)/);
  await quickInput(page).fill('Clear one stale key');
  await page.keyboard.press('Enter');
  await expectQuickInputTitle(page, /Log Mistake \(4\/5\)/);
  await page.keyboard.press('Enter');
  await expectQuickInputTitle(page, /Log Mistake \(5\/5\)/);
  await quickInput(page).fill('Every key was dropped');
  await page.keyboard.press('Enter');

  // The note opens as the active editor, and is on disk with its links.
  const today = new Date().toISOString().slice(0, 10);
  const fileName = `${today}-flushed-the-production-cache.md`;
  await page.getByRole('tab', { name: new RegExp(fileName.replace(/\./g, '\\.')) }).first().waitFor({ timeout: 15_000 });
  const noteText = fs.readFileSync(path.join(workspace, 'incidents', fileName), 'utf8');
  assert.match(noteText, /^title: Flushed the production cache$/m);
  assert.match(noteText, /^severity: high$/m);
  assert.match(noteText, /^ {4}lines: \[12, 18\]$/m);
  assert.match(noteText, /^ {4}subject: Tune cache TTL$/m);
  assert.match(noteText, /## What I was trying to do\n\nClear one stale key\n\n## What I did\n\n\n\n## What happened instead\n\nEvery key was dropped\n/);
  // The cursor waits in the first empty section ("What I did"), between its blank lines.
  const whatIDid = noteText.split('\n').indexOf('## What I did') + 1;
  await expectStatusBar(page, new RegExp(`Ln ${whatIDid + 2}, Col 1`));

  // The Learnings tree lists it under Open; expanding it shows the linked file and commit.
  const note = page.getByRole('treeitem', { name: new RegExp(TITLE) });
  await note.first().waitFor({ timeout: 15_000 });
  await page.getByRole('treeitem', { name: /^Open/ }).first().waitFor();
  await note.first().click();
  await note.first().press('ArrowRight');
  const linked = page.getByRole('treeitem', { name: /cache\.ts:12-18/ });
  await linked.first().waitFor({ timeout: 10_000 });
  await page.getByRole('treeitem', { name: /Tune cache TTL/ }).first().waitFor();
  await screenshot(page, screenshotsDir, 'learnings.png');

  // Clicking the linked file lands on the recorded lines, selected.
  await linked.first().click();
  await page.getByRole('tab', { name: /^cache\.ts/ }).first().waitFor();
  await expectStatusBar(page, /Ln 18, Col \d+ \(\d+ selected\)/);

  // The learning meets the next person in the code: a CodeLens above the lines and a hover on them.
  await page.getByRole('button', { name: new RegExp(`Learning: ${TITLE}`) }).or(page.getByText(`Learning: ${TITLE}`)).first().waitFor({ timeout: 15_000 });
  await page.locator('.monaco-editor .view-lines').first().click();
  await quickOpenLine(page, 'cache.ts', 17);
  await screenshot(page, screenshotsDir, 'codelens.png', false);
  await page.keyboard.press('Control+k');
  await page.keyboard.press('Control+i');
  const hover = page.locator('.monaco-hover').filter({ hasText: TITLE });
  await hover.first().waitFor({ timeout: 15_000 });
  assert.match(await hover.first().innerText(), /high\s·\sopen/); // spaces are non-breaking in the hover
  await screenshot(page, screenshotsDir, 'hover.png', false);
  await page.keyboard.press('Escape');

  // Group by tag from the view's title bar (the note has no tag yet: "No tag").
  await page.keyboard.press('F1');
  await quickInput(page).fill('>Candor: Group Learnings By');
  await page.getByRole('option', { name: /Candor: Group Learnings By/ }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.getByRole('option', { name: /^Tag/ }).first().waitFor();
  await quickInput(page).fill('Tag');
  await page.keyboard.press('Enter');
  const noTag = page.getByRole('treeitem', { name: /^No tag/ }).first();
  await noTag.waitFor({ timeout: 10_000 });
  await noTag.click();

  // Draft a disclosure from the note's row and see the preview beside it.
  await page.getByRole('treeitem', { name: new RegExp(TITLE) }).first().click();
  await page.keyboard.press('F1');
  await quickInput(page).fill('>Candor: Draft Disclosure');
  await page.getByRole('option', { name: /Candor: Draft Disclosure/ }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.getByRole('tab', { name: /^Disclosure .*flushed-the-production-cache/ }).first().waitFor({ timeout: 15_000 });
  await page.getByText(`I made a mistake: ${TITLE}`).first().waitFor();
  await screenshot(page, screenshotsDir, 'disclosure.png', false);
}

async function quickOpenLine(page: Page, name: string, line: number): Promise<void> {
  await page.keyboard.press('Control+p');
  await quickInput(page).fill(`${name}:${line}`);
  await page.getByRole('option', { name: new RegExp(name.replace(/\./g, '\\.')) }).first().waitFor();
  await page.keyboard.press('Enter');
  await expectStatusBar(page, new RegExp(`Ln ${line},`));
}

function quickInput(page: Page) {
  return page.locator('.quick-input-widget input').filter({ visible: true }).first();
}

async function quickOpen(page: Page, name: string, line: number): Promise<void> {
  await page.keyboard.press('Control+p');
  await quickInput(page).fill(`${name}:${line}`);
  await page.getByRole('option', { name: new RegExp(name.replace(/\./g, '\\.')) }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.getByRole('tab', { name: new RegExp(`^${name.replace(/\./g, '\\.')}`) }).first().waitFor();
}

async function expectQuickInputTitle(page: Page, title: RegExp): Promise<void> {
  await page.locator('.quick-input-widget .quick-input-title').filter({ hasText: title }).waitFor({ timeout: 10_000 });
}

async function expectStatusBar(page: Page, text: RegExp): Promise<void> {
  await page.getByRole('status').or(page.getByRole('button')).filter({ hasText: text }).first().waitFor({ timeout: 10_000 });
}

async function screenshot(page: Page, dir: string, name: string, widenSideBar = true): Promise<void> {
  // Widen the side bar so titles are not cut off in the picture (the sash is its right edge).
  const box = widenSideBar ? await page.locator('.part.sidebar').boundingBox() : null;
  if (box) {
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width - 1, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width + 160, y, { steps: 5 });
    await page.mouse.up();
  }
  // Let syntax colouring and the status bar settle (the Markdown extension activates late).
  await page.getByText('Activating Extensions').waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => undefined);
  await page.waitForTimeout(1_000);
  await page.screenshot({ path: path.join(dir, name) });
}
