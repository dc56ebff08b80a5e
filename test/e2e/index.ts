// End-to-end: the main flow through the real workbench UI, driven by the keyboard and mouse as a
// person would, with role and label selectors rather than CSS chains. Loaded by the harness
// (test/harness/runIntegration.ts) after the mocha suite passed, on a fresh window and fixture.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import type { E2EContext } from '../harness/browser';
import { respondFlow } from './respondFlow';

const TITLE = 'Flushed the production cache';

export async function run({ page, workspace, screenshotsDir }: E2EContext): Promise<void> {
  const activityBar = page.getByRole('tablist', { name: 'Active View Switcher' });
  const candorTab = activityBar.getByRole('tab', { name: /Candor/ });
  await candorTab.first().waitFor({ state: 'visible', timeout: 30_000 });
  assert.equal(await candorTab.count(), 1, 'exactly one Candor item in the activity bar');

  // Content-Security-Policy violations anywhere in the page, webview frames included.
  const cspViolations: string[] = [];
  page.on('console', (msg) => {
    if (/Content[ -]Security[ -]Policy/i.test(msg.text())) cspViolations.push(`${msg.location().url}: ${msg.text()}`);
  });

  // The empty Learnings view invites the first note, and the first start without notes opens
  // Candor's walkthrough (once).
  await candorTab.click();
  await page.getByRole('button', { name: 'Log Mistake' }).first().waitFor({ timeout: 15_000 });
  await page.getByRole('tab', { name: /^Walkthrough: Candor/ }).first().waitFor({ timeout: 60_000 });
  await page.getByText('Own a mistake with Candor').first().waitFor();
  await closeAllEditors(page);

  // Open src/cache.ts and select lines 12-18.
  await quickOpen(page, 'cache.ts', 12);
  await expectStatusBar(page, /Ln 12, Col 1/);
  for (let i = 0; i < 7; i++) {
    await page.keyboard.press('Shift+ArrowDown');
  }

  // F1 → Log Mistake → title → severity → the three questions (the second skipped with Enter).
  await openPalette(page);
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
  // Escape once the title is typed asks first; Keep Editing comes back to the same question.
  await page.keyboard.press('Escape');
  await answerDialog(page, /Discard this mistake\?/, 'Keep Editing');
  await expectQuickInputTitle(page, /Log Mistake \(4\/5\)/);
  await page.keyboard.press('Enter');
  await expectQuickInputTitle(page, /Log Mistake \(5\/5\)/);
  await quickInput(page).fill('Every key was dropped');
  await page.keyboard.press('Enter');

  // The note opens as the active editor, and is on disk with its links.
  const today = new Date().toISOString().slice(0, 10);
  const fileName = `${today}-flushed-the-production-cache.md`;
  // Log Mistake runs git (blame, log) before writing: a loaded machine can take a while.
  await page.getByRole('tab', { name: new RegExp(fileName.replace(/\./g, '\\.')) }).first().waitFor({ timeout: 60_000 });
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
  // Every title-bar button, first with nothing selected in the tree, then with the note selected
  // (VS Code then passes the selected item to the command).
  assert.equal(await page.locator('.part.sidebar [role="treeitem"][aria-selected="true"]').count(), 0, 'nothing selected yet');
  await titleBarButtons(page, workspace, async () => undefined);
  await titleBarButtons(page, workspace, async () => {
    // Grouped by tag, the note sits in the collapsed "No tag" group: open it first.
    const noTagGroup = page.getByRole('treeitem', { name: /^No tag/ }).first();
    if (!(await note.first().isVisible()) && (await noTagGroup.isVisible())) {
      await noTagGroup.click();
      await noTagGroup.press('ArrowRight');
    }
    await note.first().click();
    await page.locator('.part.sidebar [role="treeitem"][aria-selected="true"]').filter({ hasText: TITLE }).first().waitFor();
  });
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
  await openPalette(page);
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
  await openPalette(page);
  await quickInput(page).fill('>Candor: Draft Disclosure');
  await page.getByRole('option', { name: /Candor: Draft Disclosure/ }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.getByRole('tab', { name: /^Disclosure .*flushed-the-production-cache/ }).first().waitFor({ timeout: 15_000 });
  await page.getByText(`I made a mistake: ${TITLE}`).first().waitFor();
  await screenshot(page, screenshotsDir, 'disclosure.png', false);

  // A teammate responds from the note's context menu (test/e2e/respondFlow.ts), with only the
  // note open (a click in the tree opens it in the active group, beside the disclosure otherwise).
  await closeAllEditors(page);
  await respondFlow(page, workspace, screenshotsDir, TITLE, { quickInput, expectQuickInputTitle, screenshot, setColorTheme });
  await clearNotifications(page);

  // Build Static Site of Learnings from the palette: the folder dialog (code-server's own, typed into), then the
  // message naming what was built.
  await buildSiteFromPalette(page);

  // Insights: the bars take the theme's chart colours (not black), in a light and a dark theme,
  // and nothing Candor shows breaks the Content-Security-Policy.
  await closeAllEditors(page);
  await titleButton(page, /^Show Insights/).click();
  await page.getByRole('tab', { name: /^Insights: / }).first().waitFor({ timeout: 15_000 });
  await expectColouredBars(page);
  await screenshot(page, screenshotsDir, 'insights-light.png', false);
  await setColorTheme(page, 'Dark Modern');
  await expectColouredBars(page);
  await screenshot(page, screenshotsDir, 'insights-dark.png', false);
  await closeAllEditors(page);
  await page.getByRole('treeitem', { name: new RegExp(TITLE) }).first().click();
  await screenshot(page, screenshotsDir, 'learnings-dark.png');
  await setColorTheme(page, 'Light Modern');
  if (cspViolations.length > 0) console.log(`e2e: CSP messages:\n  ${cspViolations.join('\n  ')}`);
  assert.deepEqual(cspViolations, [], 'no Content-Security-Policy violation');
}

/** The Learnings view's title-bar buttons, each clicked after `select()`, and what each does. */
async function titleBarButtons(page: Page, workspace: string, select: () => Promise<void>): Promise<void> {
  const notesBefore = fs.readdirSync(path.join(workspace, 'incidents')).sort();

  // Group By: the quick pick comes, and choosing works.
  await select();
  await titleButton(page, /^Group Learnings By/).click();
  await page.getByRole('option', { name: /^Tag/ }).first().waitFor();
  await quickInput(page).fill('Tag');
  await page.keyboard.press('Enter');
  await page.getByRole('treeitem', { name: /^No tag/ }).first().waitFor({ timeout: 10_000 });
  await select();
  await titleButton(page, /^Group Learnings By/).click();
  await page.getByRole('option', { name: /^Status/ }).first().waitFor();
  await quickInput(page).fill('Status');
  await page.keyboard.press('Enter');
  await page.getByRole('treeitem', { name: /^Open/ }).first().waitFor({ timeout: 10_000 });

  // Filter: both prompts come and the filter applies (shown in the view's message); Clear Filter
  // appears with it and removes it.
  await select();
  await titleButton(page, /^Filter Learnings/).click();
  await expectQuickInputTitle(page, /Filter Learnings \(1\/2\)/);
  await quickInput(page).fill('production');
  await page.keyboard.press('Enter');
  await expectQuickInputTitle(page, /Filter Learnings \(2\/2\)/);
  await page.keyboard.press('Enter');
  // The view's message, not the description beside the title (cut off at this width).
  const message = page.locator('.part.sidebar').getByText(/^Filtered: "production"\. .*Clear Filter shows all notes\.$/).first();
  await message.waitFor({ timeout: 10_000 });
  await select();
  await titleButton(page, /^Clear Learnings Filter/).click();
  await message.waitFor({ state: 'hidden', timeout: 10_000 });

  // Refresh: the notes are read again; the note is still there.
  await select();
  await titleButton(page, /^Refresh Learnings/).click();
  await page.getByRole('treeitem', { name: new RegExp(TITLE) }).first().waitFor({ timeout: 10_000 });

  // Show Insights: the report opens.
  await select();
  await titleButton(page, /^Show Insights/).click();
  await page.getByRole('tab', { name: /^Insights: / }).first().waitFor({ timeout: 15_000 });
  await closeAllEditors(page);

  // "+": with a note (or nothing) in the editor, Log Mistake links nothing; with a source file
  // active it links the file. Escape at the title writes nothing, later it asks first.
  await select();
  await titleButton(page, /^Log Mistake/).click();
  await expectQuickInputTitle(page, /^Log Mistake \(1\/5\)$/);
  await page.keyboard.press('Escape');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  // (Linking a source file from "+" is covered in the extension host: entryPoints.test.ts.)
  await select();
  await titleButton(page, /^Log Mistake/).click();
  await expectQuickInputTitle(page, /^Log Mistake \(1\/5\)$/);
  await quickInput(page).fill('Throwaway mistake');
  await page.keyboard.press('Enter');
  await expectQuickInputTitle(page, /Log Mistake \(2\/5\)/);
  await page.keyboard.press('Escape');
  await answerDialog(page, /Discard this mistake\?/, 'Discard');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  assert.deepEqual(fs.readdirSync(path.join(workspace, 'incidents')).sort(), notesBefore, 'Discard writes nothing');
  await closeAllEditors(page);
}

function titleButton(page: Page, name: RegExp) {
  return page.locator('.part.sidebar .title-actions, .part.sidebar .pane-header .actions').getByRole('button', { name }).first();
}

async function answerDialog(page: Page, question: RegExp, button: string): Promise<void> {
  const dialog = page.getByRole('dialog').filter({ hasText: question }).first();
  await dialog.waitFor({ timeout: 10_000 });
  await dialog.getByRole('button', { name: button, exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
}

async function closeAllEditors(page: Page): Promise<void> {
  // Each tab's own close button, as a person clicks it: a key or the palette can stay inside a
  // focused webview (insights), a click on the workbench's tab bar cannot.
  const tabs = page.locator('.part.editor .tabs-container .tab');
  for (let i = 0; i < 20 && (await tabs.count()) > 0; i++) {
    const tab = tabs.first();
    await tab.hover();
    await tab.locator('.tab-actions .action-label').first().click();
  }
  await tabs.first().waitFor({ state: 'detached', timeout: 10_000 });
}

/** Notifications: Clear All Notifications, so that no toast covers the next screenshot. */
async function clearNotifications(page: Page): Promise<void> {
  await openPalette(page);
  await quickInput(page).fill('>Notifications: Clear All Notifications');
  await page.getByRole('option', { name: /Notifications: Clear All Notifications/ }).first().click();
  await page.locator('.notifications-toasts .notification-toast').first().waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => undefined);
}

/**
 * Candor: Build Static Site of Learnings from the palette, as a person runs it: the folder is typed into the
 * workbench's folder dialog and accepted with its Build Site Here button; the site is on disk and
 * the message says how many pages were built.
 */
async function buildSiteFromPalette(page: Page): Promise<void> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'candor-e2e-site-'));
  await openPalette(page);
  await quickInput(page).fill('>Candor: Build Static Site');
  await page.getByRole('option', { name: /Candor: Build Static Site of Learnings/ }).first().waitFor();
  await page.keyboard.press('Enter');
  await expectQuickInputTitle(page, /choose a folder for the site/);
  // The dialog fills in the workspace's folder once it has listed it; typed before, the path is lost.
  await waitForInputValue(page, /\/$/);
  // As a person replaces it: select all, type the path (the dialog completes as one types).
  await quickInput(page).press('Control+a');
  await page.keyboard.type(`${out}/`, { delay: 10 });
  await waitForInputValue(page, new RegExp(`^${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/$`));
  await page.waitForTimeout(1_000);
  await page.locator('.quick-input-widget').getByRole('button', { name: 'Build Site Here' }).or(page.locator('.quick-input-widget .monaco-button').filter({ hasText: 'Build Site Here' })).first().click();
  await page.getByText(/Built \d+ pages from \d+ notes into/).first().waitFor({ timeout: 60_000 });
  assert.ok(fs.existsSync(path.join(out, 'index.html')), `no index.html in ${out}`);
  assert.ok(fs.readdirSync(path.join(out, 'notes')).length >= 1, 'a page per note');
  await clearNotifications(page);
}

async function waitForInputValue(page: Page, value: RegExp): Promise<void> {
  for (let i = 0; i < 50; i++) {
    if (value.test(await quickInput(page).inputValue().catch(() => ''))) {
      return;
    }
    await page.waitForTimeout(200);
  }
  assert.fail(`the quick input never read ${value}: "${await quickInput(page).inputValue().catch(() => '')}"`);
}

/** Preferences: Color Theme, as a person switches it. */
async function setColorTheme(page: Page, theme: string): Promise<void> {
  await openPalette(page);
  await quickInput(page).fill('>Preferences: Color Theme');
  // Clicked, not Enter: "Browse Color Themes in Marketplace" can rank first (and needs a network).
  await page.getByRole('option', { name: /^Preferences: Color Theme/ }).first().click();
  await quickInput(page).fill(theme);
  await page.getByRole('option', { name: new RegExp(`^${theme}`) }).first().click();
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  await page.waitForTimeout(500);
}

/** The insights webview's bars: each filled with a chart colour, none black or unset. */
async function expectColouredBars(page: Page): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt++) {
    for (const frame of page.frames()) {
      const fills = await frame.locator('svg rect').evaluateAll((rects) => rects.map((r) => (globalThis as unknown as { getComputedStyle(e: unknown): { fill: string } }).getComputedStyle(r).fill)).catch(() => []);
      if (fills.length > 0) {
        assert.ok(fills.every((f) => f !== 'rgb(0, 0, 0)' && f !== 'none' && f !== ''), `bar colours: ${fills.join(', ')}`);
        assert.ok(new Set(fills).size >= 2, `status and severity colours differ: ${fills.join(', ')}`);
        return;
      }
    }
    await page.waitForTimeout(200);
  }
  assert.fail('the insights bars were not found in any frame');
}

async function quickOpenLine(page: Page, name: string, line: number): Promise<void> {
  await openQuickOpen(page);
  await quickInput(page).fill(`${name}:${line}`);
  await page.getByRole('option', { name: new RegExp(name.replace(/\./g, '\\.')) }).first().waitFor();
  await page.keyboard.press('Enter');
  await expectStatusBar(page, new RegExp(`Ln ${line},`));
}

/** Ctrl+P, or a click on the command center when the key does not reach the workbench. */
async function openQuickOpen(page: Page): Promise<void> {
  await page.keyboard.press('Control+p');
  const opened = await quickInput(page).waitFor({ timeout: 3_000 }).then(() => true, () => false);
  if (!opened) {
    await page.locator('.command-center').first().click();
    await quickInput(page).waitFor({ timeout: 15_000 });
  }
}

/**
 * F1, as a person presses it. With a webview focused (insights) the key can stay inside its frame:
 * then a click on the title bar's command center (workbench DOM, always there) opens quick access,
 * and the caller's `>` prefix switches it to commands, as it does for a person.
 */
async function openPalette(page: Page): Promise<void> {
  await page.keyboard.press('F1');
  const opened = await quickInput(page).waitFor({ timeout: 3_000 }).then(() => true, () => false);
  if (!opened) {
    await page.locator('.command-center').first().click();
    await quickInput(page).waitFor({ timeout: 15_000 });
  }
}

function quickInput(page: Page) {
  return page.locator('.quick-input-widget input').filter({ visible: true }).first();
}

async function quickOpen(page: Page, name: string, line: number): Promise<void> {
  await openQuickOpen(page);
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
