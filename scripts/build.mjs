// Bundles the extension and the `candor` CLI with esbuild. `--production` minifies and drops
// source maps so the .vsix stays small; `--watch` rebuilds on change for F5 development.
import * as esbuild from 'esbuild';
import { chmodSync, copyFileSync, mkdirSync, readFileSync } from 'fs';
import { createRequire } from 'module';
import * as path from 'path';
import { buildLazyLibraries, lazyLibrariesPlugin } from './lazyLibraries.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const options = {
  entryPoints: { extension: 'src/extension.ts' },
  bundle: true,
  outdir: 'dist',
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['vscode'],
  // jsonc-parser's `main` is a UMD build whose inner requires esbuild cannot follow; its ES module
  // build bundles cleanly.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
  minify: production,
  sourcemap: !production,
  metafile: true,
  logLevel: 'info',
};
const extensionOptions = { ...options, plugins: [lazyLibrariesPlugin] };

// The CLI is its own bundle: run by Node directly (hence the shebang), with no `vscode` to load —
// it is not external here, so a stray import of it fails the build instead of the command.
const version = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;
const cliOptions = {
  ...options,
  entryPoints: { cli: 'src/cli/main.ts' },
  external: [],
  banner: { js: '#!/usr/bin/env node' },
  define: { __CANDOR_VERSION__: JSON.stringify(version) },
};

if (watch) {
  const contexts = await Promise.all([esbuild.context(extensionOptions), esbuild.context(cliOptions)]);
  await buildLazyLibraries('dist', { minify: production });
  await Promise.all(contexts.map((ctx) => ctx.watch()));
} else {
  const results = await Promise.all([esbuild.build(extensionOptions), esbuild.build(cliOptions), ...await buildLazyLibraries('dist', { minify: production })]);
  // Executable, so `./dist/cli.js` and a hook can run it without naming node.
  chmodSync('dist/cli.js', 0o755);
  // `candor site` copies MiniSearch's browser build into every site: it ships beside the bundles.
  const minisearchCjs = createRequire(import.meta.url).resolve('minisearch');
  mkdirSync('dist', { recursive: true });
  copyFileSync(path.join(path.dirname(minisearchCjs), '..', 'umd', 'index.js'), 'dist/minisearch.umd.js');
  const bytes = results.flatMap((r) => Object.values(r.metafile.outputs)).reduce((n, o) => n + o.bytes, 0);
  console.log(`built dist/ (${(bytes / 1024).toFixed(0)} KiB${production ? ', minified' : ''})`);
}
