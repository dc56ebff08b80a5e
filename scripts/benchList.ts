// `candor list` in `npm run bench`: the CLI bundle run as a user runs it, in its own process, over
// the largest generated folder, cold (no index cache) and warm (the cache the cold run left), with
// the plain readFileSync loop and a bare `node -e ""` start measured in the same run. The process
// start is part of what a user waits for, so it is in the figure, and shown on its own beside it.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { openIndexCache } from '../src/core/noteIndex/indexCache';
import { isNoteFileName } from '../src/core/noteIndex/noteIndex';

export interface ListRun {
  baselineSyncMs: number;
  nodeStartMs: number;
  listMs: number;
  rows: number;
}

function timed(run: () => void): number {
  const t = performance.now();
  run();
  return performance.now() - t;
}

export function listRun(a: { root: string; incidents: string; cli: string; warm: boolean }): ListRun {
  const baselineSyncMs = timed(() => {
    for (const name of fs.readdirSync(a.incidents).filter(isNoteFileName)) {
      fs.readFileSync(path.join(a.incidents, name), 'utf8');
    }
  });
  const nodeStartMs = timed(() => execFileSync(process.execPath, ['-e', '']));
  const cache = openIndexCache(a.root, a.incidents, { writable: () => true });
  if (cache && !a.warm) {
    fs.rmSync(cache.file, { force: true });
  }
  let out = '';
  const listMs = timed(() => {
    out = execFileSync(process.execPath, [a.cli, 'list', '--json'], { cwd: a.root, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' });
  });
  return { baselineSyncMs, nodeStartMs, listMs, rows: (JSON.parse(out) as unknown[]).length };
}
