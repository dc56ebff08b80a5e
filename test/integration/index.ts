// Entry loaded inside the extension host by both runners (code-server via the `payload` URL
// parameter, desktop VS Code via --extensionTestsPath): runs every *.test.js next to it.
import * as fs from 'node:fs';
import * as path from 'node:path';

type MochaClass = typeof import('mocha');

// mocha 12 is an ES module: Node >= 20.19 can require() it and yields a namespace whose class is
// `.Mocha` (CommonJS mocha <= 11 returns the class itself). mocha 12 itself require()s its ES
// modules, so an older Node (e.g. inside desktop VS Code 1.99's Electron) cannot load it at all.
function loadMocha(): MochaClass {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require('mocha') as MochaClass & { Mocha?: MochaClass };
    return mod.Mocha ?? mod;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ERR_REQUIRE_ESM') throw err;
    throw new Error(`mocha needs Node >= 20.19 (require of ES modules); this extension host runs ${process.version}. ` +
      'Use a newer VS Code or mocha 11.');
  }
}

export function run(): Promise<void> {
  return runMochaIn(__dirname);
}

/** Runs every *.test.js in `dir` (the untrusted suite reuses this with its own folder). */
export async function runMochaIn(dir: string): Promise<void> {
  const Mocha = loadMocha();
  // The spec reporter writes through console.log, which the extension host forwards to the
  // harness (codeAutomationLog) or to the desktop runner's stdout.
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  // The extension host inherits the harness's environment: CANDOR_TEST_GREP=smoke runs a subset.
  if (process.env.CANDOR_TEST_GREP) mocha.grep(process.env.CANDOR_TEST_GREP);
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.test.js')).sort();
  for (const f of files) mocha.addFile(path.join(dir, f));

  const { passed, failed } = await new Promise<{ passed: number; failed: number }>((resolve) => {
    const runner = mocha.run((failures) => resolve({ passed: runner.stats?.passes ?? 0, failed: failures }));
  });
  // Machine-readable summary the harness parses; keep the format stable.
  console.log(`CANDOR_RESULT ${JSON.stringify({ passed, failed })}`);
  if (failed > 0) throw new Error(`${failed} integration test(s) failed.`);
}
