// The sandbox's demo repository: a small service with a short history and a handful of
// realistic notes (open, mitigated with follow-ups, resolved by a commit that names it, a
// near-miss), so every view of Candor has something to show.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { renderNote } from '../../src/core/noteWriting/newNoteFile';
import { setFields, type FieldChanges } from '../../src/core/noteWriting/noteRewriter';

const FILES: Record<string, string> = {
  'src/cache.ts': `// In-memory cache with per-entry expiry, used by the API client.
export class Cache<T> {
  private readonly entries = new Map<string, { value: T; expiresAt: number }>();

  get(key: string, now = Date.now()): T | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.expiresAt - 1_000 <= now) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, value: T, ttlMs = 60_000): void {
    this.entries.set(key, { value, expiresAt: Date.now() + ttlMs });
  }

  flushAll(): void {
    this.entries.clear();
  }
}
`,
  'deploy/release.sh': `#!/bin/sh
# Releases the API: migrate, then roll the pods.
set -eu
npm run build
kubectl rollout restart deployment/api
`,
  'src/billing/invoices.ts': `export function invoiceTotal(lines: { amount: number; vat: number }[]): number {
  return lines.reduce((sum, l) => sum + l.amount * (1 + l.vat), 0);
}
`,
};

const DEMO_ORIGIN = 'https://github.com/candor-demo/shop.git';

export function ensureDemoRepo(root: string): string {
  if (fs.existsSync(path.join(root, '.git'))) {
    // A demo made before it had an origin gets one.
    try {
      execFileSync('git', ['remote', 'get-url', 'origin'], { cwd: root, stdio: 'ignore' });
    } catch {
      execFileSync('git', ['remote', 'add', 'origin', DEMO_ORIGIN], { cwd: root, stdio: 'ignore' });
    }
    return root;
  }
  fs.mkdirSync(root, { recursive: true });
  let hour = 0;
  const git = (...args: string[]) => execFileSync('git', args, {
    cwd: root, encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_DATE: `2026-10-0${1 + Math.floor(hour / 24)}T${String(9 + (hour % 8)).padStart(2, '0')}:00:00Z`, GIT_COMMITTER_DATE: `2026-10-0${1 + Math.floor(hour / 24)}T${String(9 + (hour % 8)).padStart(2, '0')}:00:00Z` },
  }).trim();
  const commit = (message: string, files: Record<string, string>) => {
    for (const [rel, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), text);
    }
    git('add', '--', ...Object.keys(files));
    hour += 5;
    git('commit', '-q', '-m', message);
    return git('rev-parse', 'HEAD');
  };
  git('init', '-q', '-b', 'main');
  git('config', 'user.name', 'Ada Lovelace');
  git('config', 'user.email', 'ada@example.com');
  // An origin URL (never fetched) so the notes' permalinks show, as they would in a real clone.
  git('remote', 'add', 'origin', DEMO_ORIGIN);
  // The first versions: expiry on time, migrations in the release; later commits change both.
  const base = commit('Add cache, billing and release script', {
    ...FILES,
    'src/cache.ts': FILES['src/cache.ts'].replace('entry.expiresAt - 1_000 <= now', 'entry.expiresAt <= now'),
    'deploy/release.sh': FILES['deploy/release.sh'].replace('npm run build\n', 'npm run build\nnpm run migrate\n'),
  });
  const ttl = commit('Expire cache entries a second early', { 'src/cache.ts': FILES['src/cache.ts'] });
  const release = commit('Skip migrations in the release script', { 'deploy/release.sh': FILES['deploy/release.sh'] });
  const fix = commit('Run migrations before rolling the pods\n\nIncident: 2026-10-02-released-without-running-migrations', {
    'deploy/release.sh': FILES['deploy/release.sh'].replace('npm run build\n', 'npm run build\nnpm run migrate\n'),
  });
  const head = git('rev-parse', 'HEAD');
  const incidents = path.join(root, 'incidents');
  fs.mkdirSync(incidents);
  const note = (id: string, draft: Parameters<typeof renderNote>[1], fields: FieldChanges = {}) =>
    fs.writeFileSync(path.join(incidents, `${id}.md`), setFields(renderNote(id, draft), fields));
  note('2026-10-03-flushed-the-production-cache', {
    title: 'Flushed the production cache', severity: 'high', author: 'Ada Lovelace <ada@example.com>',
    occurred: new Date('2026-10-03T10:32:00Z'), logged: new Date('2026-10-03T10:40:00Z'), branch: 'main', head,
    commits: [{ sha: ttl, role: 'introduced', subject: 'Expire cache entries a second early' }],
    files: [{ path: 'src/cache.ts', lines: [5, 12], commit: head, anchor: FILES['src/cache.ts'].split('\n').slice(4, 12).map((l) => l.slice(2)).join('\n') }],
    tags: ['cache', 'prod'],
    sections: {
      tryingTo: 'Clear one stale price from the cache after a hotfix.',
      action: 'Called `flushAll()` from the admin console on production instead of deleting the one key.',
      outcome: 'Every entry was dropped; the API fell back to the database and p95 latency tripled for 20 minutes.',
      impact: 'Slow checkout for about 20 minutes; no data lost.',
      recovery: '- [x] Warmed the cache from the nightly snapshot',
      prevention: '- [ ] Ask for confirmation before flushAll on production @ada due:2026-10-20\n- [ ] Add a delete-one-key command to the admin console @grace due:2026-12-15',
      need: 'A second pair of eyes on the admin console change.',
      learnings: 'A tool that can clear everything needs a safety catch.',
    },
  });
  note('2026-10-02-released-without-running-migrations', {
    title: 'Released without running migrations', status: 'resolved', severity: 'critical', author: 'Grace Hopper <grace@example.com>',
    occurred: new Date('2026-10-02T14:00:00Z'), logged: new Date('2026-10-02T14:25:00Z'), branch: 'main', head: release,
    commits: [{ sha: release, role: 'introduced', subject: 'Skip migrations in the release script' }],
    files: [{ path: 'deploy/release.sh', lines: [4, 5], commit: release, anchor: 'npm run build\nkubectl rollout restart deployment/api' }],
    tags: ['deploy', 'prod'],
    sections: { tryingTo: 'Speed up releases.', action: 'Removed the migrate step from release.sh.', outcome: 'The new pods crashed on a missing column.', learnings: 'The release script is the contract: test it like code.' },
  }, { resolved: '2026-10-02T16:00:00Z' });
  note('2026-09-28-almost-doubled-the-vat', {
    title: 'Almost doubled the VAT on invoices', severity: 'near-miss', author: 'Ada Lovelace <ada@example.com>',
    occurred: new Date('2026-09-28T09:00:00Z'), logged: new Date('2026-09-28T09:10:00Z'), branch: 'main', head: base,
    commits: [], files: [{ path: 'src/billing/invoices.ts', lines: [2, 2], commit: base, anchor: 'return lines.reduce((sum, l) => sum + l.amount * (1 + l.vat), 0);' }],
    tags: ['billing'], sections: { outcome: 'Caught in review: the VAT rate was applied twice in a draft.', learnings: 'Keep money maths in one tested function.' },
  });
  fs.mkdirSync(path.join(root, '.vscode'), { recursive: true });
  fs.writeFileSync(path.join(root, '.vscode', 'settings.json'), '{\n  "candor.incidentsFolder": "incidents"\n}\n');
  git('add', 'incidents');
  hour += 5;
  git('commit', '-q', '-m', 'Log incident notes');
  void fix;
  return root;
}
