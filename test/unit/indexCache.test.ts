// The persisted index cache: found without git, used only for files whose stamp matches, read
// only when signed with this user's key, rewritten atomically when old, foreign or broken, never
// written where the workspace is untrusted. And NoteIndex.scan's progress and cancellation hooks.
import * as assert from 'assert';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { CACHE_KEY_FILE, readCacheKey, userStateDir } from '../../src/core/noteIndex/cacheKey';
import { IndexCache, INDEX_CACHE_FILE, openIndexCache } from '../../src/core/noteIndex/indexCache';
import { findGitDir } from '../../src/core/repository/repoRoot';
import { NoteIndex } from '../../src/core/noteIndex/noteIndex';
import type { IndexedNote } from '../../src/core/noteIndex/noteFileRead';
import { noteBody, parseNote } from '../../src/core/noteFormat/noteParser';
import { createNoteFile, type NoteDraft } from '../../src/core/noteWriting/newNoteFile';
import { TempRepo, tempDir } from './helpers/tempRepo';

const SHA = 'a'.repeat(40);

function draft(title: string, overrides: Partial<NoteDraft> = {}): NoteDraft {
  return {
    title,
    severity: 'high',
    author: 'Ada Lovelace <ada@example.com>',
    occurred: new Date('2026-11-21T10:32:00Z'),
    logged: new Date('2026-11-21T10:40:12Z'),
    branch: 'main',
    head: SHA,
    commits: [{ sha: SHA, role: 'introduced', subject: 'Tune cache TTL' }],
    files: [{ path: 'src/cache.ts', lines: [12, 18], commit: SHA, anchor: 'get(key) {\n  return x;\n}' }],
    sections: { tryingTo: `Text of ${title}.`, learnings: '- [ ] add a test' },
    ...overrides,
  };
}

/** A repository with an incidents folder of notes, some of them broken. */
async function repoWithNotes(): Promise<{ repo: TempRepo; dir: string }> {
  const repo = TempRepo.create();
  const dir = path.join(repo.root, 'incidents');
  for (const title of ['First', 'Second: "quoted" #2', 'Third']) {
    await createNoteFile(dir, draft(title));
  }
  fs.writeFileSync(path.join(dir, '2026-01-01-broken.md'), '---\ntitle: [unclosed\n---\nbody\n');
  fs.writeFileSync(path.join(dir, '2026-01-02-nofm.md'), '# no front matter\n');
  return { repo, dir };
}

/** Notes as plain data: what a reader of the index can observe (undefined-valued keys aside). */
function observable(notes: IndexedNote[]): unknown {
  return JSON.parse(JSON.stringify([...notes].sort((a, b) => a.path.localeCompare(b.path))));
}

/** One signing key for the tests of this file, as one user has. */
const KEY_DIR = tempDir();

function cacheFor(repo: TempRepo, dir: string, writable = true, keyDir = KEY_DIR): IndexCache {
  const cache = openIndexCache(repo.root, dir, { writable: () => writable, keyDir });
  assert.ok(cache);
  return cache;
}

/**
 * Rewrites every entry of the cache file through `edit` (lines of entries, each a JSON array);
 * with `resignWith`, signs the folder's section again with that key, as Candor would have.
 */
function editEntries(file: string, edit: (entry: unknown[]) => unknown[], resignWith?: Buffer): void {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const edited = lines.map((l) => (l.startsWith('[') ? JSON.stringify((JSON.parse(l) as unknown[][]).map(edit)) : l));
  if (resignWith) {
    // One folder: the first line, the folder line and the entry lines, then the signature line.
    const mac = crypto.createHmac('sha256', resignWith).update(`${edited.slice(0, -2).join('\n')}\n`).digest('hex');
    edited[edited.length - 2] = JSON.stringify({ mac });
  }
  fs.writeFileSync(file, edited.join('\n'));
}

async function scanned(dir: string, cache: IndexCache | undefined): Promise<NoteIndex> {
  const index = new NoteIndex(dir, { cache, racyMs: -60_000 });
  await index.scan();
  await index.whenCacheSaved();
  return index;
}

describe('index cache', () => {
  it('lives in the git dir, found without git, also for a worktree', () => {
    const repo = TempRepo.create();
    assert.strictEqual(findGitDir(repo.root), path.join(repo.root, '.git'));
    assert.strictEqual(cacheFor(repo, path.join(repo.root, 'docs', 'incidents')).file, path.join(repo.root, '.git', 'candor', INDEX_CACHE_FILE));
    assert.strictEqual(cacheFor(repo, path.join(repo.root, 'docs', 'incidents')).folder, 'docs/incidents');

    repo.commit('init', { 'a.txt': 'a\n' });
    const worktree = path.join(tempDir(), 'wt');
    repo.git('worktree', 'add', '-q', worktree);
    const gitDir = findGitDir(worktree);
    assert.ok(gitDir && fs.realpathSync(gitDir).startsWith(fs.realpathSync(path.join(repo.root, '.git', 'worktrees'))), gitDir);

    // Not a repository, and a `.git` that points at something that is not a git dir: no cache.
    const plain = tempDir();
    assert.strictEqual(openIndexCache(plain, path.join(plain, 'incidents'), { writable: () => true }), undefined);
    fs.writeFileSync(path.join(plain, '.git'), `gitdir: ${tempDir()}\n`);
    assert.strictEqual(findGitDir(plain), undefined);
    // A folder outside the repository has no key in its cache.
    assert.strictEqual(openIndexCache(repo.root, tempDir(), { writable: () => true }), undefined);
  });

  it('gives the same index warm as cold, reading only stat data for unchanged notes', async () => {
    const { repo, dir } = await repoWithNotes();
    const cache = cacheFor(repo, dir);
    const cold = await scanned(dir, cache);
    assert.ok(fs.existsSync(cache.file));
    assert.deepStrictEqual(observable((await scanned(dir, cache)).list()), observable(cold.list()));
    assert.deepStrictEqual(observable((await scanned(dir, undefined)).list()), observable(cold.list()));
    // The same through the asynchronous path a slow file system switches to, cold and warm.
    for (const cacheOrNot of [undefined, cache]) {
      const slow = new NoteIndex(dir, { cache: cacheOrNot, racyMs: -60_000, slowFileMs: -1 });
      await slow.scan();
      assert.deepStrictEqual(observable(slow.list()), observable(cold.list()));
    }

    // Proof that the warm scan did not parse: a changed title in the cache shows, since the
    // file's stamp still matches (the test edits the cache behind Candor's back, and signs it).
    editEntries(cache.file, (e) => {
      const parsed = e[5] as { note: { title: string } };
      parsed.note.title = `${parsed.note.title} (cached)`;
      return e;
    }, readCacheKey(KEY_DIR, false));
    assert.ok((await scanned(dir, cache)).list().some((n) => n.note.title === 'Third (cached)'));

    // A file changed on disk wins over its cache entry, and only it is read again.
    const third = (await scanned(dir, cache)).list().find((n) => n.note.title.startsWith('Third'))!;
    fs.writeFileSync(third.path, fs.readFileSync(third.path, 'utf8').replace('title: Third', 'title: Third, edited'));
    const after = await scanned(dir, cache);
    assert.strictEqual(after.get(third.path)?.note.title, 'Third, edited');
    assert.ok(after.list().some((n) => n.note.title === 'First (cached)'), 'unchanged notes still come from the cache');
  });

  it('gives every field warm as parsed: the resolved time, problems and all', async () => {
    const repo = TempRepo.create();
    const dir = path.join(repo.root, 'incidents');
    await createNoteFile(dir, draft('Plain'));
    await createNoteFile(dir, draft('Sparse', { author: undefined, branch: undefined, head: undefined, commits: [{ sha: SHA, role: 'fixed' }], files: [{ path: 'a.ts' }], tags: ['x', '123'] }));
    const resolved = await createNoteFile(dir, draft('Resolved'));
    fs.writeFileSync(resolved.path, resolved.text.replace('status: open', 'status: resolved\nresolved: 2026-11-22T09:00:00Z'));
    fs.writeFileSync(path.join(dir, '2026-01-01-problems.md'), '---\ntitle: P\nstatus: done\nhead: nope\nfiles:\n  - path: ../x\n---\nbody\n');
    fs.writeFileSync(path.join(dir, '2026-01-02-broken.md'), '---\ntitle: [unclosed\n---\nbody\n');
    const cache = cacheFor(repo, dir);
    await scanned(dir, cache);
    const warm = await scanned(dir, cache);
    assert.strictEqual((await cache.load()).size, 5, 'all five notes cached');
    for (const entry of warm.list()) {
      const parsed = parseNote(fs.readFileSync(entry.path, 'utf8'), path.basename(entry.path));
      assert.deepStrictEqual(observable([entry]), observable([{ ...entry, ...parsed }]), path.basename(entry.path));
    }
    // Insights' time to fix needs it: a warm start once lost it.
    assert.strictEqual(warm.list().find((e) => e.note.title === 'Resolved')?.note.resolved, '2026-11-22T09:00:00Z');
  });

  it('reads only a cache signed with this user\'s key: a planted or edited one is ignored, the files win', async () => {
    const { repo, dir } = await repoWithNotes();
    const cache = cacheFor(repo, dir);
    const cold = observable((await scanned(dir, cache)).list()) as unknown[];
    const hostile: ((e: unknown[]) => unknown[])[] = [
      (e) => { (e[5] as { note: { files: { path: string }[] } }).note.files = [{ path: '../../../etc/passwd' }]; return e; },
      (e) => { (e[5] as { note: { status: string } }).note.status = 'pwned'; return e; },
      (e) => { (e[5] as { note: { head: string } }).note.head = '--output=/tmp/x'; return e; },
      (e) => { (e[5] as { note: { title: string } }).note.title = 'x'.repeat(5_000_000); return e; },
      (e) => { (e[5] as { problems: unknown }).problems = 'none'; return e; },
      (e) => { e[2] = (e[2] as number) + 1; (e[5] as { note: { title: string } }).note.title = 'stale'; return e; },
    ];
    for (const edit of hostile) {
      await scanned(dir, cache);
      assert.strictEqual((await cache.load()).size, cold.length, 'our own cache is read');
      editEntries(cache.file, edit);
      assert.strictEqual((await cache.load()).size, 0, edit.toString());
      assert.deepStrictEqual(observable((await scanned(dir, cache)).list()), cold, edit.toString());
    }

    // A cache brought along with the repository, signed with someone else's key.
    const planted = cacheFor(repo, dir, true, tempDir());
    await scanned(dir, planted);
    assert.strictEqual((await planted.load()).size, cold.length);
    assert.strictEqual((await cache.load()).size, 0, 'signed with another key');
    // Edited after it was signed, even that one is refused by its own key.
    const text = fs.readFileSync(cache.file, 'utf8').replace(/"status":"open"/g, '"status":"resolved"');
    fs.writeFileSync(cache.file, text);
    assert.strictEqual((await planted.load()).size, 0);
  });

  it('makes the signing key once per user, readable by that user only, and never in read-only mode', () => {
    const dir = path.join(tempDir(), 'state');
    assert.strictEqual(readCacheKey(dir, false), undefined);
    assert.ok(!fs.existsSync(dir), 'read-only: nothing made');
    const key = readCacheKey(dir, true);
    assert.strictEqual(key?.length, 32);
    assert.deepStrictEqual(readCacheKey(dir, true), key, 'made once');
    if (process.platform !== 'win32') {
      assert.strictEqual(fs.statSync(path.join(dir, CACHE_KEY_FILE)).mode & 0o777, 0o600);
    }
    fs.writeFileSync(path.join(dir, CACHE_KEY_FILE), 'guessable\n');
    assert.strictEqual(readCacheKey(dir, true), undefined, 'a key edited by hand is no key');

    assert.strictEqual(userStateDir({ CANDOR_STATE_DIR: '/srv/state' }, 'linux', '/home/ada'), '/srv/state');
    assert.strictEqual(userStateDir({}, 'linux', '/home/ada'), path.join('/home/ada', '.local', 'state', 'candor'));
    assert.strictEqual(userStateDir({ XDG_STATE_HOME: '/x/state' }, 'linux', '/home/ada'), path.join('/x/state', 'candor'));
    assert.strictEqual(userStateDir({ XDG_STATE_HOME: 'relative' }, 'linux', '/home/ada'), path.join('/home/ada', '.local', 'state', 'candor'));
    assert.strictEqual(userStateDir({}, 'darwin', '/Users/ada'), path.join('/Users/ada', 'Library', 'Application Support', 'candor'));
  });

  it('neither reads nor writes a cache without a key, and reads one written before in read-only mode', async () => {
    const { repo, dir } = await repoWithNotes();
    const keyDir = path.join(tempDir(), 'state');
    const readOnly = cacheFor(repo, dir, false, keyDir);
    await scanned(dir, readOnly);
    assert.ok(!fs.existsSync(readOnly.file) && !fs.existsSync(keyDir));
    const notes = (await scanned(dir, cacheFor(repo, dir, true, keyDir))).list().length;
    assert.strictEqual((await readOnly.load()).size, notes);
  });

  it('ignores and rewrites a cache that is broken, old or foreign', async () => {
    const { repo, dir } = await repoWithNotes();
    const cache = cacheFor(repo, dir);
    const cold = observable((await scanned(dir, cache)).list());
    const good = fs.readFileSync(cache.file, 'utf8');
    const broken = [
      'not json at all',
      '',
      good.replace(/"version":\d+/, '"version":999'),
      good.replace(/"parser":\d+/, '"parser":-1'),
      good.replace('"format":"candor-index-cache"', '"format":"something-else"'),
      good.replace(/"notes":\d+/, '"notes":99'),
      good.slice(0, good.length / 2),
      good.replace(/\n\[/, '\n{"oops": ['),
      good.replace(/"mac":"[0-9a-f]+"/, '"mac":"00"'),
      good.replace(/\{"mac":.*\n$/, ''),
    ];
    for (const text of broken) {
      fs.writeFileSync(cache.file, text);
      assert.deepStrictEqual(observable((await scanned(dir, cache)).list()), cold);
      assert.strictEqual(fs.readFileSync(cache.file, 'utf8').split('\n')[0], good.split('\n')[0], 'rewritten with our header');
    }
    assert.deepStrictEqual(fs.readdirSync(path.dirname(cache.file)), [INDEX_CACHE_FILE], 'no temporary files left');
  });

  it('keeps the sections of other incidents folders of the same repository', async () => {
    const repo = TempRepo.create();
    const a = path.join(repo.root, 'incidents');
    const b = path.join(repo.root, 'team-b', 'incidents');
    await createNoteFile(a, draft('In A'));
    await createNoteFile(b, draft('In B'));
    await Promise.all([scanned(a, cacheFor(repo, a)), scanned(b, cacheFor(repo, b))]);
    const text = fs.readFileSync(cacheFor(repo, a).file, 'utf8');
    assert.match(text, /"folder":"incidents"/);
    assert.match(text, /"folder":"team-b\/incidents"/);
    assert.strictEqual((await cacheFor(repo, a).load()).size, 1);
    assert.strictEqual((await cacheFor(repo, b).load()).size, 1);
  });

  it('writes nothing where it may not write, and never through a planted link', async () => {
    const { repo, dir } = await repoWithNotes();
    await scanned(dir, cacheFor(repo, dir, false));
    assert.ok(!fs.existsSync(path.join(repo.root, '.git', 'candor')));

    const elsewhere = tempDir();
    fs.symlinkSync(elsewhere, path.join(repo.root, '.git', 'candor'));
    await scanned(dir, cacheFor(repo, dir));
    assert.deepStrictEqual(fs.readdirSync(elsewhere), []);
  });

  it('does not cache a note changed moments before it was read', async () => {
    const { repo, dir } = await repoWithNotes();
    const cache = cacheFor(repo, dir);
    const index = new NoteIndex(dir, { cache });
    await index.scan();
    await index.whenCacheSaved();
    // All five files were written just now: none may be trusted by their stamp yet.
    assert.strictEqual((await cache.load()).size, 0);
  });
});

describe('bodies of cached notes', () => {
  it('are read from the note file when first asked for, exactly as parseNote reads them', async () => {
    const { repo, dir } = await repoWithNotes();
    fs.writeFileSync(path.join(dir, '2026-01-03-nul.md'), '---\ntitle: N\n---\nbo\u0000dy\n');
    fs.writeFileSync(path.join(dir, '2026-01-04-crlf.md'), '\uFEFF---\r\ntitle: C\r\n---\r\n\r\nbody\r\n');
    const cache = cacheFor(repo, dir);
    await scanned(dir, cache);
    const warm = await scanned(dir, cache);
    for (const entry of warm.list()) {
      const text = fs.readFileSync(entry.path, 'utf8');
      assert.strictEqual(entry.note.body, parseNote(text, path.basename(entry.path)).note.body, entry.path);
      assert.strictEqual(noteBody(text), parseNote(text, path.basename(entry.path)).note.body);
    }
    assert.ok(!fs.readFileSync(cache.file, 'utf8').includes('Text of First'), 'bodies are not in the cache');
  });
});

describe('NoteIndex.scan hooks', () => {
  it('reports progress ending at the total, and stops when cancelled', async () => {
    const dir = tempDir();
    for (let i = 0; i < 40; i++) {
      fs.writeFileSync(path.join(dir, `2026-01-01-n${i}.md`), `---\ntitle: N${i}\nstatus: open\nseverity: low\n---\n`);
    }
    const reports: [number, number][] = [];
    const index = new NoteIndex(dir);
    assert.strictEqual(await index.scan({ onProgress: (done, total) => reports.push([done, total]) }), true);
    assert.deepStrictEqual(reports[0], [0, 40]);
    assert.deepStrictEqual(reports[reports.length - 1], [40, 40]);
    assert.strictEqual(index.list().length, 40);

    // With a cache, a scan takes every file's stat first, then the notes: one progress in notes,
    // never going back, ending at the total; a note gone and one added since the cache was
    // written are seen.
    const { repo, dir: cachedDir } = await repoWithNotes();
    const cache = cacheFor(repo, cachedDir);
    await scanned(cachedDir, cache);
    assert.ok(cache.present());
    const gone = fs.readdirSync(cachedDir).find((n) => n.includes('third'))!;
    fs.rmSync(path.join(cachedDir, gone));
    fs.writeFileSync(path.join(cachedDir, '2026-02-02-added.md'), '---\ntitle: Added\nstatus: open\nseverity: low\n---\n');
    const warmReports: [number, number][] = [];
    const warm = new NoteIndex(cachedDir, { cache, racyMs: -60_000 });
    assert.strictEqual(await warm.scan({ onProgress: (done, total) => warmReports.push([done, total]) }), true);
    assert.deepStrictEqual(warmReports[0], [0, 5]);
    assert.deepStrictEqual(warmReports[warmReports.length - 1], [5, 5]);
    assert.ok(warmReports.every(([done], i) => i === 0 || done >= warmReports[i - 1][0]), JSON.stringify(warmReports));
    const titles = warm.list().map((n) => n.note.title);
    assert.ok(titles.includes('Added') && !titles.includes('Third'), titles.join(', '));
    // Without a cache file, no stat pass: the scan reads the notes straight away.
    fs.rmSync(cache.file);
    assert.strictEqual(cache.present(), false);

    let asked = 0;
    const cancelled = new NoteIndex(dir);
    assert.strictEqual(await cancelled.scan({ isCancelled: () => ++asked > 5 }), false);
    assert.ok(cancelled.list().length < 40, `${cancelled.list().length} notes read after cancelling`);
  });
});
