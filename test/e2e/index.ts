// End-to-end checks that drive the real workbench UI the way a person would. Loaded by the
// harness (test/harness/runIntegration.ts) after the mocha suite passed, on a fresh window.
import * as assert from 'node:assert/strict';
import type { E2EContext } from '../harness/browser';

export async function run({ page }: E2EContext): Promise<void> {
  // Role and accessible name, not CSS classes: those change between VS Code versions.
  const activityBar = page.getByRole('tablist', { name: 'Active View Switcher' });
  const candor = activityBar.getByRole('tab', { name: /Candor/ });
  await candor.first().waitFor({ state: 'visible', timeout: 30_000 });
  assert.equal(await candor.count(), 1, 'expected exactly one Candor item in the activity bar');
}
