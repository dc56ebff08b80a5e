// The review engine against real repositories: what touches a linked range and what does not,
// where the range and the change are on the head side, and the revisions it compares.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { GitRunner } from '../../src/core/git/gitRunner';
import { NoteIndex } from '../../src/core/noteIndex/noteIndex';
import { reviewChanges, type ReviewOptions } from '../../src/core/review/reviewChanges';
import { ReviewError } from '../../src/core/review/reviewRevisions';
import { parseDiff, unquote } from '../../src/core/review/diffHunks';
import { headLine, touchingHunks } from '../../src/core/review/touchedRanges';
import { addNote, edit, link, reviewRepo, SOURCE } from './helpers/reviewRepo';
import { lines, TempRepo } from './helpers/tempRepo';

const git = new GitRunner({ isTrusted: () => true });

async function review(repo: TempRepo, options: ReviewOptions = {}) {
  const index = new NoteIndex(path.join(repo.root, 'incidents'));
  await index.scan();
  return reviewChanges(index.list(), git, repo.root, options);
}

describe('review: which learnings a change touches', () => {
  it('an edit inside the linked range touches it, with the head-side lines and change', async () => {
    const { repo, base } = reviewRepo();
    repo.write('src/cache.ts', edit(SOURCE, { replace: 21 }));
    const { report, workingTree } = await review(repo);
    assert.strictEqual(report.base, base);
    assert.strictEqual(workingTree, true);
    assert.strictEqual(report.touched.length, 1);
    const t = report.touched[0];
    assert.deepStrictEqual({ id: t.id, file: t.file, lines: t.lines, changed: t.changed, note: t.note }, {
      id: '2026-01-01-flushed-cache', file: 'src/cache.ts', lines: [20, 22], changed: [21, 21], note: 'incidents/2026-01-01-flushed-cache.md',
    });
    assert.strictEqual(t.severity, 'high');
    assert.strictEqual(t.status, 'open');
    assert.strictEqual(t.learnings, 'Never flush twice.');
    assert.deepStrictEqual(t.openFollowUps, ['Add a guard @ada due:2030-01-01']);
  });

  it('an edit 2 lines below touches with context 3, not with context 0', async () => {
    const { repo } = reviewRepo();
    repo.write('src/cache.ts', edit(SOURCE, { replace: 24 }));
    assert.strictEqual((await review(repo)).report.touched.length, 1);
    assert.deepStrictEqual((await review(repo)).report.touched[0].changed, [24, 24]);
    assert.strictEqual((await review(repo, { context: 0 })).report.touched.length, 0);
    assert.strictEqual((await review(repo, { context: 1 })).report.touched.length, 0);
    assert.strictEqual((await review(repo, { context: 2 })).report.touched.length, 1);
  });

  it('deleting the range touches it', async () => {
    const { repo } = reviewRepo();
    repo.write('src/cache.ts', edit(SOURCE, { remove: [20, 22] }));
    const { report } = await review(repo, { context: 0 });
    assert.strictEqual(report.touched.length, 1);
    assert.deepStrictEqual(report.touched[0].changed, [19, 19]);
    assert.deepStrictEqual(report.touched[0].lines, [19, 19]);
  });

  it('an insertion far above moves the range without touching it; an insertion inside touches', async () => {
    const { repo } = reviewRepo();
    repo.write('src/cache.ts', edit(SOURCE, { insertBefore: 5, count: 4 }));
    assert.strictEqual((await review(repo)).report.touched.length, 0);
    repo.write('src/cache.ts', edit(edit(SOURCE, { insertBefore: 21 }), { insertBefore: 5, count: 4 }));
    const { report } = await review(repo, { context: 0 });
    assert.strictEqual(report.touched.length, 1);
    assert.deepStrictEqual(report.touched[0].lines, [24, 27]);
    assert.deepStrictEqual(report.touched[0].changed, [25, 25]);
  });

  it('a file renamed with an edit keeps its links', async () => {
    const { repo } = reviewRepo();
    repo.git('mv', 'src/cache.ts', 'src/store.ts');
    repo.write('src/store.ts', edit(SOURCE, { replace: 22 }));
    repo.git('add', '-A');
    repo.git('commit', '-qm', 'Rename and edit');
    const { report } = await review(repo, { head: 'HEAD' });
    assert.strictEqual(report.touched.length, 1);
    assert.strictEqual(report.touched[0].file, 'src/store.ts');
    assert.deepStrictEqual(report.touched[0].changed, [22, 22]);
  });

  it('a note logged 50 commits before the base still finds its lines', async function () {
    this.timeout(120_000); // 50 commits made by git, one process each
    const repo = TempRepo.create();
    const first = repo.commit('Add cache', { 'src/cache.ts': SOURCE });
    const note = addNote(repo, '2025-06-01-old', [link(SOURCE, 'src/cache.ts', 20, 22, first)]);
    repo.commit('Log', { [note]: repo.read(note) });
    let text = SOURCE;
    for (let i = 0; i < 50; i++) {
      text = i % 2 === 0 ? `// header ${i}\n${text}` : text.replace(/(value1 = compute\()[^)]*\)/, `$1${i + 100})`);
      repo.commit(`Change ${i}`, { 'src/cache.ts': text });
    }
    repo.git('checkout', '-q', '-b', 'feat');
    // The range is now at 45-47 (25 header lines above): change line 46.
    const all = text.split('\n');
    assert.match(all[45], /value21 /);
    all[45] += ' // again';
    repo.write('src/cache.ts', all.join('\n'));
    const { report } = await review(repo);
    assert.strictEqual(report.touched.length, 1);
    assert.deepStrictEqual(report.touched[0].lines, [45, 47]);
    assert.deepStrictEqual(report.touched[0].changed, [46, 46]);
  });

  it('binary files in the diff: no lines, a whole-file link is touched, nothing fails', async () => {
    const repo = TempRepo.create();
    const first = repo.commit('Add', { 'logo.bin': 'a\u0000b', 'src/cache.ts': SOURCE });
    const note = addNote(repo, '2026-01-02-logo', [{ path: 'logo.bin', commit: first }, link(SOURCE, 'src/cache.ts', 20, 22, first)]);
    repo.commit('Log', { [note]: repo.read(note) });
    repo.git('checkout', '-q', '-b', 'feat');
    repo.commit('Binary', { 'logo.bin': 'c\u0000d\u0000e', 'new.bin': '\u0000\u0001' });
    const { report } = await review(repo);
    assert.deepStrictEqual(report.touched.map((t) => [t.file, t.lines, t.changed]), [['logo.bin', [1, 1], [1, 1]]]);
  });

  it('a merge commit as head: the merged-in lines count', async () => {
    const { repo } = reviewRepo();
    repo.commit('Unrelated', { 'src/other.ts': 'other changed\n' });
    repo.git('checkout', '-q', '-b', 'side', 'main');
    repo.commit('Edit the range', { 'src/cache.ts': edit(SOURCE, { replace: 20 }) });
    repo.git('checkout', '-q', 'feat');
    repo.git('merge', '-q', '--no-ff', '-m', 'Merge side', 'side');
    const { report } = await review(repo, { base: 'main', head: 'HEAD' });
    assert.strictEqual(report.head, repo.git('rev-parse', 'HEAD').trim());
    assert.deepStrictEqual(report.touched.map((t) => t.changed), [[20, 20]]);
  });

  it('an empty diff touches nothing and re-anchors no note', async () => {
    const { repo } = reviewRepo();
    const outcome = await review(repo);
    assert.deepStrictEqual(outcome.report.touched, []);
    assert.strictEqual(outcome.notesPlaced, 0);
  });

  it('only notes on changed files are re-anchored', async () => {
    const { repo } = reviewRepo();
    addNote(repo, '2026-01-03-other', [{ path: 'src/other.ts', lines: [1, 1] }]);
    repo.write('src/cache.ts', edit(SOURCE, { replace: 21 }));
    assert.strictEqual((await review(repo)).notesPlaced, 1);
  });

  it('--head reviews that commit alone, not the working tree', async () => {
    const { repo } = reviewRepo();
    repo.write('src/cache.ts', edit(SOURCE, { replace: 21 }));
    const outcome = await review(repo, { head: 'HEAD' });
    assert.strictEqual(outcome.workingTree, false);
    assert.strictEqual(outcome.report.touched.length, 0);
  });

  it('staged and unstaged changes both count', async () => {
    const { repo } = reviewRepo();
    repo.write('src/cache.ts', edit(SOURCE, { replace: 20 }));
    repo.git('add', 'src/cache.ts');
    repo.write('src/cache.ts', edit(edit(SOURCE, { replace: 20 }), { replace: 30 }));
    const { report } = await review(repo, { context: 0 });
    assert.deepStrictEqual(report.touched.map((t) => t.changed), [[20, 20]]);
  });

  it('bad revisions and a missing base are ReviewErrors of their kind', async () => {
    const { repo } = reviewRepo();
    await assert.rejects(review(repo, { base: 'no-such-branch' }), (e: unknown) => e instanceof ReviewError && e.kind === 'bad-ref');
    await assert.rejects(review(repo, { base: '--output=/tmp/x' }), (e: unknown) => e instanceof ReviewError && e.kind === 'bad-ref');
    const lone = TempRepo.create({});
    lone.git('checkout', '-q', '-b', 'topic');
    lone.commit('One', { 'a.txt': lines(3, (n) => `${n}`) });
    await assert.rejects(review(lone), (e: unknown) => e instanceof ReviewError && e.kind === 'no-base' && /origin\/HEAD, main or master/.test(e.message));
  });

  it('a shallow clone without the base says so', async () => {
    const { repo } = reviewRepo();
    repo.commit('More', { 'src/other.ts': 'x\n' });
    const clone = TempRepo.create({ init: false });
    fs.rmSync(clone.root, { recursive: true });
    new TempRepo(path.dirname(clone.root)).git('clone', '-q', '--depth', '1', '--branch', 'feat', `file://${repo.root}`, clone.root);
    const base = repo.git('rev-parse', 'main').trim();
    await assert.rejects(review(clone, { base }), (e: unknown) => e instanceof ReviewError && e.kind === 'shallow');
  });
});

describe('review: diff and range arithmetic', () => {
  it('parses renames, quoted paths, binaries and hunks without counts', () => {
    const changes = parseDiff([
      'diff --git a/x y.ts b/x y.ts', 'index 1..2 100644', '--- a/x y.ts', '+++ b/x y.ts', '@@ -3 +3 @@', '-a', '+b',
      'diff --git a/old.ts b/new.ts', 'similarity index 90%', 'rename from old.ts', 'rename to new.ts', '@@ -5,0 +6,2 @@',
      'diff --git "a/caf\\303\\251.bin" "b/caf\\303\\251.bin"', 'Binary files "a/caf\\303\\251.bin" and "b/caf\\303\\251.bin" differ',
    ].join('\n'));
    assert.deepStrictEqual(changes, [
      { oldPath: 'x y.ts', newPath: 'x y.ts', binary: false, hunks: [{ oldStart: 3, oldCount: 1, newStart: 3, newCount: 1 }] },
      { oldPath: 'old.ts', newPath: 'new.ts', binary: false, hunks: [{ oldStart: 5, oldCount: 0, newStart: 6, newCount: 2 }] },
      { oldPath: 'café.bin', newPath: 'café.bin', binary: true, hunks: [] },
    ]);
    assert.strictEqual(unquote('"tab\\there"'), 'tab\there');
  });

  it('insertions just outside touch only within the context', () => {
    const above = { oldStart: 9, oldCount: 0, newStart: 10, newCount: 1 };
    assert.strictEqual(touchingHunks([above], [10, 12], 0).length, 0);
    assert.strictEqual(touchingHunks([above], [10, 12], 1).length, 1);
    assert.strictEqual(headLine([above], 10), 11);
    assert.strictEqual(headLine([{ oldStart: 2, oldCount: 3, newStart: 2, newCount: 0 }], 10), 7);
  });
});
