// End-to-end: a teammate responds to a note through the real UI — the note's context menu in the
// Learnings tree, Respond…, *Thanks*, the prefilled text accepted — and the response appears under
// the note and on disk. Called from index.ts with its UI helpers (passed in, so the two files do
// not import each other).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';

export interface RespondUi {
  quickInput(page: Page): Locator;
  expectQuickInputTitle(page: Page, title: RegExp): Promise<void>;
  screenshot(page: Page, dir: string, name: string, widenSideBar?: boolean): Promise<void>;
  setColorTheme(page: Page, theme: string): Promise<void>;
}

const PREFILL = 'Thank you for telling us. What do you need from me?';

export async function respondFlow(page: Page, workspace: string, screenshotsDir: string, title: string, ui: RespondUi): Promise<void> {
  // Errors the workbench logs about responses while this runs (an exception in the command, a
  // rejected tree request) would not fail a step on their own: collect them and fail at the end.
  const errors: string[] = [];
  const onConsole = (msg: { type(): string; text(): string }) => {
    if (msg.type() === 'error' && /respon/i.test(msg.text())) errors.push(msg.text());
  };
  page.on('console', onConsole);

  const note = page.getByRole('treeitem', { name: new RegExp(title) }).first();
  await note.click();
  await note.click({ button: 'right' });
  // The workbench's context menu highlights an item on hover and runs it on Enter (a synthetic
  // click can leave it open).
  const respondItem = page.getByRole('menuitem', { name: /^Respond…/ }).first();
  await respondItem.hover();
  await page.keyboard.press('Enter');

  // The kinds, with their prefilled text as detail; Thanks is picked by click, as a person would.
  await page.getByRole('option', { name: /Offer help/ }).first().waitFor({ timeout: 10_000 });
  await page.getByRole('option', { name: /Thanks/ }).first().click();
  await ui.expectQuickInputTitle(page, new RegExp(`^Thanks: ${title}$`));
  assert.equal(await ui.quickInput(page).inputValue(), PREFILL, 'the input starts from the prefilled thanks');
  await page.keyboard.press('Enter');
  await page.getByText(new RegExp(`Your response to "${title}" is saved as its own file`)).first().waitFor({ timeout: 15_000 });

  // On disk: one file under the note's responses folder, with the prefilled text.
  const id = fs.readdirSync(path.join(workspace, 'incidents')).find((f) => f.endsWith('.md') && fs.readFileSync(path.join(workspace, 'incidents', f), 'utf8').includes(`title: ${title}`))!.replace(/\.md$/, '');
  const dir = path.join(workspace, 'incidents', id, 'responses');
  const files = fs.readdirSync(dir);
  assert.equal(files.length, 1);
  assert.match(files[0], /^\d{4}-\d{2}-\d{2}T\d{6}Z-test-user\.md$/);
  assert.match(fs.readFileSync(path.join(dir, files[0]), 'utf8'), new RegExp(`^---\\nnote: ${id}\\nkind: thanks\\nauthor: Test User <test@example\\.com>\\ndate: [0-9TZ:-]+\\n---\\n\\n${PREFILL.replace(/[.?]/g, "\\$&")}\\n$`));

  // In the tree: the count beside the note, and the response under it (expanded if it was not).
  await page.getByRole('treeitem', { name: new RegExp(`${title}.*1 response`) }).first().waitFor({ timeout: 10_000 });
  const response = page.getByRole('treeitem', { name: new RegExp(PREFILL.replace(/[.?]/g, '\\$&')) }).first();
  if (!(await response.isVisible())) {
    await note.click();
    await note.press('ArrowRight');
  }
  await response.waitFor({ timeout: 10_000 });
  await response.hover();
  await ui.screenshot(page, screenshotsDir, 'respond.png');
  await ui.setColorTheme(page, 'Dark Modern');
  await ui.screenshot(page, screenshotsDir, 'respond-dark.png', false);
  await ui.setColorTheme(page, 'Light Modern');

  page.off('console', onConsole);
  assert.deepEqual(errors, [], 'no errors about responses in the console');
}
