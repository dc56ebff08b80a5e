// Bundles scripts/evalBlameless.ts (and the core it measures) with esbuild into bench/tmp and runs it.
import * as esbuild from 'esbuild';
import { spawnSync } from 'child_process';
import * as path from 'path';
import { fileURLToPath } from 'url';

const repo = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const out = path.join(repo, 'bench', 'tmp', 'evalBlameless.cjs');
await esbuild.build({
  absWorkingDir: repo, entryPoints: ['scripts/evalBlameless.ts'], bundle: true, outfile: out,
  platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning',
});
const run = spawnSync(process.execPath, [out, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(run.status ?? 1);
