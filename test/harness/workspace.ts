// A small, real git repository for the extension to work on: fixed content and dates so that
// hashes, blame and history are the same on every run and machine.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const USER = ['-c', 'user.name=Test User', '-c', 'user.email=test@example.com'];

const CACHE_V1 = `// In-memory cache with per-entry expiry, used by the API client.
export interface Entry<T> {
  value: T;
  expiresAt: number;
}

export class Cache<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(private readonly now: () => number = Date.now) {}

  get(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) {
      return undefined;
    }
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, value: T, ttlMs = 60_000): void {
    this.entries.set(key, { value, expiresAt: this.now() + ttlMs });
  }

  clear(): void {
    this.entries.clear();
  }
}
`;

// Commit 2 rewrites every one of lines 12-18 (the top of get), so blame on any of them names it.
const CACHE_V2_LINES_12_18 = `  get(key: string, now: number = this.now()): T | undefined {
    const entry = this.entries.get(key) ?? null;
    if (entry === null) {
      return undefined; // miss
    } // Expire one second early so callers never act on a value about to lapse.
    if (entry.expiresAt - 1_000 <= now) {
      this.entries.delete(key); // stale: evict`;

function replaceLines(text: string, from: number, to: number, replacement: string): string {
  const lines = text.split('\n');
  lines.splice(from - 1, to - from + 1, ...replacement.split('\n'));
  return lines.join('\n');
}

/** Creates a temp git repository with three commits and workspace settings; returns its path. */
export function makeFixtureRepo(): Promise<string> {
  // realpath: on some systems the temp folder is a symlink, and the workbench reports real paths.
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'candor-fixture-')));
  const write = (rel: string, text: string): void => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  };
  let day = 0;
  const git = (...args: string[]): void => {
    execFileSync('git', [...USER, ...args], { cwd: root, stdio: 'pipe' });
  };
  const commit = (subject: string, ...files: string[]): void => {
    git('add', '--', ...files);
    const date = `2025-03-0${++day}T10:00:00+00:00`;
    execFileSync('git', [...USER, 'commit', '-q', '-m', subject], {
      cwd: root,
      stdio: 'pipe',
      env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
    });
  };

  git('init', '-q', '-b', 'main');
  // Local identity too, so commits the extension makes later (without our -c flags) succeed.
  git('config', 'user.name', 'Test User');
  git('config', 'user.email', 'test@example.com');

  write('src/cache.ts', CACHE_V1);
  write('README.md', '# Fixture service\n\nA tiny service used by the Candor integration tests.\n');
  commit('Add response cache', 'src/cache.ts', 'README.md');

  write('src/cache.ts', replaceLines(CACHE_V1, 12, 18, CACHE_V2_LINES_12_18));
  commit('Tune cache TTL', 'src/cache.ts');

  // A path with a space and a non-ASCII letter catches quoting and encoding bugs.
  write('src/dir with space/naïve file.ts', 'export const naive = (s: string): string => s.trim();\n');
  commit('Add naïve helper', 'src/dir with space/naïve file.ts');

  // Workspace settings are not part of the history; excluded so the tree stays clean.
  write('.vscode/settings.json', JSON.stringify({ 'candor.incidentsFolder': 'incidents' }, null, 2) + '\n');
  fs.appendFileSync(path.join(root, '.git', 'info', 'exclude'), '.vscode/\n');
  return Promise.resolve(root);
}
