// `npm run bench`: a benchmark, not a test. Builds the production bundle (as `npm run build --
// --production` does for dist/extension.js, but into bench/tmp/ so a development build in dist/ is
// left alone) and the benchmark suite (scripts/benchSuite.ts), then runs the suite, which prints
// a table and writes bench/results.json.
//
//   npm run bench                          # 1,000 and 10,000 notes
//   npm run bench -- --sizes 1000          # a quicker run
//   npm run bench -- --only review         # just `candor review` (generated and express histories)
//   npm run bench -- --label before --out bench/results-before.json
//   npm run bench -- --only similar        # Find Similar's figures alone
//   npm run bench -- --only index --sizes 10000   # cold and warm starts alone
//   npm run bench -- --only wording        # the wording check of a 1,000-line note alone
import * as esbuild from 'esbuild';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import { buildLazyLibraries, lazyLibrariesPlugin } from './lazyLibraries.mjs';
import * as path from 'path';
import { fileURLToPath } from 'url';

const repo = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const tmp = path.join(repo, 'bench', 'tmp');

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

fs.mkdirSync(tmp, { recursive: true });

// The same options as scripts/build.mjs uses for the extension with --production.
const extension = await esbuild.build({
  absWorkingDir: repo,
  entryPoints: { extension: 'src/extension.ts' },
  bundle: true,
  outdir: path.join(tmp, 'dist'),
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['vscode'],
  // As scripts/build.mjs: jsonc-parser's UMD `main` cannot be bundled, its ES module build can.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
  minify: true,
  sourcemap: false,
  metafile: true,
  // As scripts/build.mjs: the libraries only commands need are bundles of their own in dist/lib/.
  plugins: [lazyLibrariesPlugin],
  logLevel: 'warning',
});
const metafile = path.join(tmp, 'dist', 'meta.json');
fs.writeFileSync(metafile, JSON.stringify(extension.metafile));
await buildLazyLibraries(path.join(tmp, 'dist'), { minify: true, root: repo });

// The CLI as scripts/build.mjs bundles it (minified), for `candor review` and `candor list` measured as whole processes.
const version = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8')).version;
await esbuild.build({
  absWorkingDir: repo,
  entryPoints: { cli: 'src/cli/main.ts' },
  bundle: true,
  outdir: path.join(tmp, 'dist'),
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
  define: { __CANDOR_VERSION__: JSON.stringify(version) },
  minify: true,
  logLevel: 'warning',
});

await esbuild.build({
  absWorkingDir: repo,
  entryPoints: { benchSuite: 'scripts/benchSuite.ts' },
  bundle: true,
  outdir: tmp,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['vscode'],
  logLevel: 'error',
});

const options = {
  bundle: path.join(tmp, 'dist', 'extension.js'),
  cli: path.join(tmp, 'dist', 'cli.js'),
  only: option('only', ''),
  metafile,
  results: path.resolve(repo, option('out', option('only', '') ? `bench/results-${option('only', '')}.json` : 'bench/results.json')),
  sizes: option('sizes', '1000,10000').split(',').map(Number),
  label: option('label', 'current'),
  only: option('only', ''),
};
const run = spawnSync(process.execPath, [path.join(tmp, 'benchSuite.js'), JSON.stringify(options)], { cwd: repo, stdio: 'inherit' });
process.exit(run.status ?? 1);
