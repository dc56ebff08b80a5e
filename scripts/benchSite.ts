// The `candor site` part of the benchmark: building the site of the generated notes, against the
// baseline of plainly reading the same files in the same process, and the sizes that decide how
// fast the index opens (the index page, and the search data it loads on first search).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildSite } from '../src/core/site/buildSite';
import { isNoteFileName } from '../src/core/noteIndex/noteIndex';

export interface SiteRun {
  baselineMs: number;
  buildMs: number;
  /** CPU time of the process during the build: what the build costs, whatever the machine's load. */
  buildCpuMs: number;
  notes: number;
  pages: number;
  indexBytes: number;
  searchBytes: number;
  assetBytes: number;
  totalBytes: number;
}

function folderBytes(dir: string): number {
  return fs.readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? folderBytes(path.join(dir, e.name)) : fs.statSync(path.join(dir, e.name)).size), 0);
}

/** One build in a fresh process (no git: the generated repository has no remote to link to). */
export async function siteRun(a: { root: string; incidents: string }): Promise<SiteRun> {
  let t = performance.now();
  for (const name of fs.readdirSync(a.incidents).filter(isNoteFileName)) {
    fs.readFileSync(path.join(a.incidents, name), 'utf8');
  }
  const baselineMs = performance.now() - t;
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'candor-bench-site-')), 'site');
  t = performance.now();
  const cpu = process.cpuUsage();
  const result = await buildSite([{ root: a.root, incidentsDir: a.incidents, name: 'bench' }], undefined, { out });
  const buildMs = performance.now() - t;
  const used = process.cpuUsage(cpu);
  const buildCpuMs = (used.user + used.system) / 1000;
  const size = (rel: string): number => fs.statSync(path.join(out, rel)).size;
  const run: SiteRun = {
    baselineMs, buildMs, buildCpuMs, notes: result.notes, pages: result.pages,
    indexBytes: size('index.html'), searchBytes: size('search-index.js'),
    assetBytes: size('assets/site.css') + size('assets/site.js') + size('assets/minisearch.js'),
    totalBytes: folderBytes(out),
  };
  fs.rmSync(path.dirname(out), { recursive: true, force: true });
  return run;
}
