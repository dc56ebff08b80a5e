// Headless Debian Chromium driven by playwright-core: Playwright's own browser builds are a
// download these machines cannot make, the distribution's Chromium is an apt package.
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM } from './codeServer';

// As root there is no usable sandbox; the rest stops Chromium calling home (no network here).
const FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
}

export interface WorkbenchHooks {
  /** The workbench's automation log: the extension host's console output among it. */
  onLog?(level: string, message: string): void;
  /** Called once when extension tests finish (0 when their run() resolved). */
  onExit?(code: number): void;
}

/** Opens `url` in a fresh browser context, with the automation hooks exposed before load. */
export async function openWorkbench(browser: Browser, url: string, hooks: WorkbenchHooks = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  // The workbench looks these names up on globalThis; they must exist before its scripts run.
  await page.exposeFunction('codeAutomationLog', (level: string, message: unknown) => {
    hooks.onLog?.(String(level), typeof message === 'string' ? message : JSON.stringify(message));
  });
  await page.exposeFunction('codeAutomationExit', (code: number) => hooks.onExit?.(code));
  await page.goto(url);
  return page;
}

/** Resolves once the workbench has rendered and the extension host has started its views. */
export async function waitForWorkbench(page: Page, timeoutMs = 60_000): Promise<void> {
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: timeoutMs });
  // The activity bar is filled from extension contributions once the extension host is up.
  await page.getByRole('tablist', { name: 'Active View Switcher' })
    .waitFor({ state: 'visible', timeout: timeoutMs });
}

/** What the harness hands to `run()` exported by out/test/e2e/index.js. */
export interface E2EContext {
  page: Page;
  /** Fixture repository opened in the workbench. */
  workspace: string;
  projectRoot: string;
  /** Where tests may save screenshots (.vscode-test/screenshots). */
  screenshotsDir: string;
}
