// `npm run test:integration`: runs the mocha suite in out/test/integration inside a real VS Code
// extension host, then (if it passed) the UI checks in out/test/e2e, and prints one summary line.
//   CANDOR_VSCODE_EXECUTABLE=/path/to/code  run the mocha suite in this desktop VS Code
//   CANDOR_TEST_GREP=<pattern>              run only the mocha tests whose title matches
//   CANDOR_HARNESS_VERBOSE=1                also print the workbench's own log chatter
// Without CANDOR_VSCODE_EXECUTABLE the suite runs in code-server opened in headless Chromium
// (see /work/shared/notes/real-vscode-tests.md): the only real VS Code reachable offline.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format, stripVTControlCharacters } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openWorkbench, waitForWorkbench, type E2EContext, type WorkbenchHooks } from './browser';
import { ensureCodeServer, startCodeServer, type CodeServer } from './codeServer';
import { makeFixtureRepo } from './workspace';

const projectRoot = path.resolve(__dirname, '..', '..', '..');
const cacheDir = path.join(projectRoot, '.vscode-test');
const testsIndex = path.join(projectRoot, 'out', 'test', 'integration', 'index.js');
const e2eIndex = path.join(projectRoot, 'out', 'test', 'e2e', 'index.js');
const untrustedIndex = path.join(projectRoot, 'out', 'test', 'untrusted', 'index.js');
const PHASE_TIMEOUT_MS = 5 * 60_000;
const verbose = process.env.CANDOR_HARNESS_VERBOSE === '1';

interface Counts { passed: number; failed: number }
const RESULT_LINE = /^CANDOR_RESULT (\{.*\})\s*$/;

// Workbench log lines that say nothing about the extension; the gallery ones come from having
// no network. Everything else (the extension host's console among it) is printed.
const NOISE = [
  /^Resolv(ing|ed) connection token/,
  /^Creating a socket/,
  /^ChatSessionStore:/,
  /^Updating additional builtin extensions cache/,
  /^\[Service Worker\]/,
  /open-vsx\.org/,
  /^\[driver\]/,
  /^\[lifecycle\] Long running operations during shutdown/,
];

/** The automation log carries each console call's arguments as a JSON array; render it as console.log would. */
function renderLog(message: string): string {
  try {
    const args: unknown = JSON.parse(message);
    if (Array.isArray(args)) return format(...(args as unknown[]));
  } catch {
    // Not JSON: print as is.
  }
  return message;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Mocha suite in a desktop VS Code via @vscode/test-electron; returns the exit code. */
async function runMochaDesktop(executable: string, workspace: string, onLine: (line: string) => void): Promise<number> {
  const { runTests } = await import('@vscode/test-electron');
  // runTests copies VS Code's output to our stdout; tee it to find the CANDOR_RESULT line.
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
    chunk.toString().split('\n').forEach(onLine);
    return write(chunk, ...rest);
  }) as typeof process.stdout.write;
  try {
    await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: projectRoot,
      extensionTestsPath: testsIndex,
      launchArgs: [workspace, '--disable-extensions'],
    });
    return 0;
  } catch (err) {
    console.error(`harness: desktop VS Code run failed: ${(err as Error).message}`);
    return 1;
  } finally {
    process.stdout.write = write;
  }
}

type Payload = [string, string][];

/** Starts a server, opens one workbench window on `workspace`, runs `use`, and always closes both. */
async function inWorkbench<T>(
  bin: string, browser: Browser, workspace: string, payload: (server: CodeServer) => Payload,
  hooks: WorkbenchHooks, use: (page: Page) => Promise<T>, options: { untrusted?: boolean } = {},
): Promise<T> {
  const server = await startCodeServer(bin, options);
  let page: Page | undefined;
  try {
    page = await openWorkbench(browser, server.url(workspace, payload(server)), hooks);
    return await use(page);
  } finally {
    // Page first: a workbench that outlives its server floods the log with reconnect attempts.
    await page?.context().close();
    server.stop();
  }
}

/** Mocha suite in code-server's extension host, driven from Chromium; returns the exit code. */
function runMochaWeb(bin: string, browser: Browser, workspace: string, onLine: (line: string) => void): Promise<number> {
  let finished = false;
  let exit!: (code: number) => void;
  const exited = new Promise<number>((resolve) => (exit = resolve));
  const hooks: WorkbenchHooks = {
    onLog: (_level, message) => {
      // After the exit only shutdown chatter (cancelled reads) follows.
      if (finished) return;
      // Filter whole messages: a noisy one may carry a multi-line stack. Plain text: mocha 12
      // colours its ✔ (log-symbols) when CI=true even with color: false.
      const text = stripVTControlCharacters(renderLog(message));
      if (verbose || !NOISE.some((re) => re.test(text))) text.split('\n').forEach(onLine);
    },
    onExit: (code) => {
      finished = true;
      exit(code);
    },
  };
  const payload = (server: CodeServer): Payload => [
    ['extensionDevelopmentPath', server.remoteUri(projectRoot)],
    ['extensionTestsPath', server.remoteUri(testsIndex)],
  ];
  return inWorkbench(bin, browser, workspace, payload, hooks, async (page) => {
    page.once('crash', () => { console.error('harness: the workbench page crashed'); exit(1); });
    try {
      return await withTimeout(exited, PHASE_TIMEOUT_MS, 'The extension tests');
    } catch (err) {
      console.error(`harness: ${(err as Error).message} (codeAutomationExit was never called).`);
      await page.screenshot({ path: path.join(cacheDir, 'integration-timeout.png') }).catch(() => undefined);
      return 1;
    }
  });
}

/**
 * The suite in out/test/untrusted, in a window where Workspace Trust is on and the folder is not
 * trusted (Restricted Mode). When the suite logs `CANDOR_ACTION grant-trust`, the harness grants
 * trust through the workbench UI, as a person would. Returns the suite's counts.
 */
async function runUntrusted(bin: string, browser: Browser): Promise<Counts> {
  const workspace = await makeFixtureRepo();
  writeLinkedNote(workspace);
  let counts: Counts | undefined;
  let finished = false;
  let exit!: (code: number) => void;
  const exited = new Promise<number>((resolve) => (exit = resolve));
  let requestGrant!: () => void;
  const grantRequested = new Promise<void>((resolve) => (requestGrant = resolve));
  const hooks: WorkbenchHooks = {
    onLog: (_level, message) => {
      if (finished) return;
      const text = stripVTControlCharacters(renderLog(message));
      if (text.includes('CANDOR_ACTION grant-trust')) {
        requestGrant();
        return;
      }
      if (verbose || !NOISE.some((re) => re.test(text))) {
        for (const line of text.split('\n')) {
          const m = RESULT_LINE.exec(line);
          if (m) counts = JSON.parse(m[1]) as Counts;
          else console.log(line);
        }
      }
    },
    onExit: (code) => {
      finished = true;
      exit(code);
    },
  };
  const payload = (server: CodeServer): Payload => [
    ['extensionDevelopmentPath', server.remoteUri(projectRoot)],
    ['extensionTestsPath', server.remoteUri(untrustedIndex)],
  ];
  try {
    const code = await inWorkbench(bin, browser, workspace, payload, hooks, async (page) => {
      void grantRequested.then(() => grantTrust(page)).catch((err: unknown) => console.log(`harness: could not grant trust: ${String(err)}`));
      return withTimeout(exited, PHASE_TIMEOUT_MS, 'The untrusted suite').catch(() => 1);
    }, { untrusted: true });
    const total = counts ?? { passed: 0, failed: 0 };
    if (code !== 0 && total.failed === 0) total.failed = 1;
    return total;
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

/** Workspaces: Manage Workspace Trust → Trust, through the command palette and the trust editor. */
async function grantTrust(page: Page): Promise<void> {
  await page.locator('.monaco-workbench').waitFor();
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').filter({ visible: true }).first().fill('>Manage Workspace Trust');
  await page.getByRole('option', { name: /Manage Workspace Trust/ }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Trust', exact: true }).first().click({ timeout: 30_000 });
}

/** A note linked to src/cache.ts lines 12-18 of the fixture, as Log Mistake would have written it. */
function writeLinkedNote(workspace: string): void {
  const lines = fs.readFileSync(path.join(workspace, 'src', 'cache.ts'), 'utf8').split('\n').slice(11, 18);
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length));
  const anchor = lines.map((l) => `      ${l.slice(indent)}`.replace(/\s+$/, '')).join('\n');
  fs.mkdirSync(path.join(workspace, 'incidents'));
  fs.writeFileSync(path.join(workspace, 'incidents', '2025-03-05-expired-entries-early.md'), [
    '---', 'id: 2025-03-05-expired-entries-early', 'title: Expired entries a second early', 'status: open', 'severity: medium',
    'occurred: 2025-03-05T10:00:00Z', 'files:', '  - path: src/cache.ts', '    lines: [12, 18]', '    anchor: |-', anchor, 'tags: []', '---', '',
    '## Learnings', '', 'Never shorten an expiry without a test.', '',
  ].join('\n'));
}

/** UI checks on a fresh window and fixture; returns true when they passed. */
async function runE2E(bin: string, browser: Browser): Promise<boolean> {
  const workspace = await makeFixtureRepo();
  const screenshotsDir = path.join(cacheDir, 'screenshots');
  fs.mkdirSync(screenshotsDir, { recursive: true });
  const payload = (server: CodeServer): Payload => [['extensionDevelopmentPath', server.remoteUri(projectRoot)]];
  // Errors only: the extension's failures matter here, the workbench's chatter does not.
  const hooks: WorkbenchHooks = {
    onLog: (level, message) => {
      const text = renderLog(message);
      if (level === 'error' && !NOISE.some((re) => re.test(text))) console.log(`  [workbench] ${text}`);
    },
  };
  try {
    return await inWorkbench(bin, browser, workspace, payload, hooks, async (page) => {
      try {
        await waitForWorkbench(page);
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const e2e = require(e2eIndex) as { run(ctx: E2EContext): Promise<void> };
        await withTimeout(e2e.run({ page, workspace, projectRoot, screenshotsDir }), PHASE_TIMEOUT_MS, 'The e2e run');
        console.log('e2e: passed');
        return true;
      } catch (err) {
        // Playwright colours its call log; keep the output plain for CI logs.
        console.log(`e2e: failed ${stripVTControlCharacters(String((err as Error).stack ?? err))}`);
        const shot = path.join(cacheDir, 'e2e-failure.png');
        await page.screenshot({ path: shot }).then(() => console.log(`e2e: screenshot ${shot}`), () => undefined);
        return false;
      }
    });
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  const desktop = process.env.CANDOR_VSCODE_EXECUTABLE;
  const workspace = await makeFixtureRepo();
  let counts: Counts | undefined;
  // Takes the result line out of the stream and prints the rest (desktop output is already printed).
  const onLine = (line: string): void => {
    const m = RESULT_LINE.exec(line);
    if (m) counts = JSON.parse(m[1]) as Counts;
    else if (!desktop) console.log(line);
  };

  let browser: Browser | undefined;
  let bin: string | undefined;
  const web = async (): Promise<[string, Browser]> => {
    bin ??= ensureCodeServer(projectRoot);
    browser ??= await launchBrowser();
    return [bin, browser];
  };
  try {
    const code = desktop
      ? await runMochaDesktop(desktop, workspace, onLine)
      : await web().then(([b, br]) => runMochaWeb(b, br, workspace, onLine));
    const total: Counts = counts ?? { passed: 0, failed: 0 };
    // A crash or timeout reports no failing test; still count one so the summary never says 0 failed.
    if (code !== 0 && total.failed === 0) total.failed = 1;

    let e2eOk = true;
    if (code === 0 && fs.existsSync(e2eIndex)) {
      e2eOk = await web().then(([b, br]) => runE2E(b, br));
      total[e2eOk ? 'passed' : 'failed'] += 1;
    }
    let untrustedOk = true;
    if (code === 0 && e2eOk && !desktop && fs.existsSync(untrustedIndex)) {
      console.log('untrusted workspace:');
      const untrusted = await web().then(([b, br]) => runUntrusted(b, br));
      total.passed += untrusted.passed;
      total.failed += untrusted.failed;
      untrustedOk = untrusted.failed === 0;
    }
    console.log(`${total.passed} passed, ${total.failed} failed`);
    return code === 0 && e2eOk && untrustedOk ? 0 : 1;
  } finally {
    await browser?.close();
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`harness: ${(err as Error).stack ?? err}`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
