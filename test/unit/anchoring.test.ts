import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { makeAnchor, sliceLines } from '../../src/core/anchoring/recordedAnchor';
import { locateLinks } from '../../src/core/anchoring/locateLinks';
import type { AnchorLocation } from '../../src/core/anchoring/types';
import { GitRunner } from '../../src/core/git/gitRunner';
import type { LinkedFile } from '../../src/core/noteFormat/noteModel';
import { tempDir, TempRepo } from './helpers/tempRepo';

const trusted = () => new GitRunner({ isTrusted: () => true });

/** A distinctive block, so fuzzy matching has something to tell apart from the filler. */
const BLOCK = [
  'export function flushCache(cache: Map<string, string>, key: string): void {',
  '  const ttl = readTtl(key);',
  '  if (ttl <= 0) {',
  '    cache.delete(key);',
  '    metrics.increment("cache.flush");',
  '  }',
  '}',
];

function filler(from: number, count: number, tag = 'line'): string[] {
  return Array.from({ length: count }, (_, i) => `// ${tag} ${from + i}: nothing to see here`);
}

function text(...parts: string[][]): string {
  return parts.flat().join('\n') + '\n';
}

/** The link Log Mistake would record for lines first..last of a committed file. */
function linkTo(repo: TempRepo, rel: string, first: number, last: number, commit: string, fromText?: string): LinkedFile {
  const source = fromText ?? repo.git('show', `${commit}:${rel}`);
  return { path: rel, lines: [first, last], commit, anchor: makeAnchor(sliceLines(source, first, last)) };
}

/** `git: null` locates without git (no runner given). */
async function locate(links: LinkedFile[], repo: TempRepo, git: GitRunner | null = trusted(), currentText?: (p: string) => string | undefined): Promise<AnchorLocation[]> {
  return locateLinks(links, { git: git ?? undefined, repoRoot: repo.root, currentText });
}

/** A repository with `src/cache.ts`: 20 filler lines, BLOCK at 21-27, 20 more filler lines. */
function cacheRepo(): { repo: TempRepo; sha: string; link: LinkedFile } {
  const repo = TempRepo.create();
  const sha = repo.commit('Add cache', { 'src/cache.ts': text(filler(1, 20), BLOCK, filler(21, 20)) });
  return { repo, sha, link: linkTo(repo, 'src/cache.ts', 21, 27, sha) };
}

describe('locateLinks (re-anchoring) over real git repositories', () => {
  it('stops, rejecting, when cancelled: a re-anchor then writes nothing', async () => {
    const { repo, link } = cacheRepo();
    await assert.rejects(locateLinks([link, link], { git: trusted(), repoRoot: repo.root, signal: AbortSignal.abort() }), { name: 'AbortError' });
    // The same call, not cancelled, answers.
    assert.strictEqual((await locateLinks([link], { git: trusted(), repoRoot: repo.root, signal: new AbortController().signal }))[0].status, 'exact');
  });

  it('finds unchanged lines exactly where they were', async () => {
    const { repo, link } = cacheRepo();
    assert.deepStrictEqual(await locate([link], repo), [{ status: 'exact', path: 'src/cache.ts', lines: [21, 27] }]);
  });

  it('follows lines inserted above in a later commit', async () => {
    const { repo, link } = cacheRepo();
    repo.commit('More above', { 'src/cache.ts': text(filler(1, 20), filler(1, 5, 'new'), BLOCK, filler(21, 20)) });
    assert.deepStrictEqual(await locate([link], repo), [{ status: 'moved', path: 'src/cache.ts', lines: [26, 32] }]);
  });

  it('follows lines removed above in a later commit', async () => {
    const { repo, link } = cacheRepo();
    repo.commit('Less above', { 'src/cache.ts': text(filler(1, 12), BLOCK, filler(21, 20)) });
    assert.deepStrictEqual(await locate([link], repo), [{ status: 'moved', path: 'src/cache.ts', lines: [13, 19] }]);
  });

  it('reports a block with one line changed as edited, at its lines, with a reason', async () => {
    const { repo, sha, link } = cacheRepo();
    const changed = BLOCK.map((l, i) => (i === 1 ? '  const ttl = readTtl(key) ?? DEFAULT_TTL;' : l));
    repo.commit('Default TTL', { 'src/cache.ts': text(filler(1, 20), filler(1, 2, 'new'), changed, filler(21, 20)) });
    const [loc] = await locate([link], repo);
    assert.strictEqual(loc.status, 'edited');
    assert.deepStrictEqual(loc.lines, [23, 29]);
    assert.match(loc.reason!, new RegExp(`edited since ${sha.slice(0, 7)} \\(\\d+% similar\\)`));
  });

  it('follows a block moved and edited in the same commit', async () => {
    const { repo, link } = cacheRepo();
    const changed = BLOCK.map((l, i) => (i === 4 ? '    metrics.increment("cache.flush", { key });' : l));
    repo.commit('Move and tweak', { 'src/cache.ts': text(filler(1, 20), filler(21, 20), changed) });
    const [loc] = await locate([link], repo);
    assert.deepStrictEqual([loc.status, loc.lines], ['edited', [41, 47]]);
  });

  it('follows a line inserted or removed inside the block, as edited with the new extent', async () => {
    const { repo, link } = cacheRepo();
    repo.commit('Insert inside', { 'src/cache.ts': text(filler(1, 20), [...BLOCK.slice(0, 3), '    log.debug("expired", key);', ...BLOCK.slice(3)], filler(21, 20)) });
    const [grown] = await locate([link], repo);
    assert.deepStrictEqual([grown.status, grown.lines], ['edited', [21, 28]]);
    repo.commit('Remove inside', { 'src/cache.ts': text(filler(1, 20), [...BLOCK.slice(0, 4), ...BLOCK.slice(5)], filler(21, 20)) });
    const [shrunk] = await locate([link], repo);
    assert.deepStrictEqual([shrunk.status, shrunk.lines], ['edited', [21, 26]]);
  });

  it('treats re-indentation and CRLF line breaks as the same text', async () => {
    const { repo, link } = cacheRepo();
    repo.commit('Wrap in a class', { 'src/cache.ts': text(filler(1, 20), ['class Cache {'], BLOCK.map((l) => `  ${l}`), ['}'], filler(21, 20)) });
    assert.deepStrictEqual(await locate([link], repo), [{ status: 'moved', path: 'src/cache.ts', lines: [22, 28] }]);
    repo.write('src/cache.ts', text(filler(1, 20), BLOCK, filler(21, 20)).replace(/\n/g, '\r\n'));
    assert.deepStrictEqual(await locate([link], repo), [{ status: 'exact', path: 'src/cache.ts', lines: [21, 27] }]);
  });

  it('with git, orphans a deleted block rather than pointing at a near-twin that was already there', async () => {
    const repo = TempRepo.create();
    const twin = BLOCK.map((l) => l.replace(/Cache/g, 'Store').replace(/cache/g, 'store'));
    const sha = repo.commit('Two look-alikes', { 'f.ts': text(filler(1, 10), BLOCK, filler(11, 5), twin, filler(16, 5)) });
    const link = linkTo(repo, 'f.ts', 11, 17, sha);
    // Edited in place: git's prediction decides between the look-alikes.
    const edited = BLOCK.map((l, i) => (i === 1 ? '  const ttl = readTtl(key, now());' : l));
    repo.commit('Edit', { 'f.ts': text(filler(1, 10), edited, filler(11, 5), twin, filler(16, 5)) });
    const [loc] = await locate([link], repo);
    assert.deepStrictEqual([loc.status, loc.lines], ['edited', [11, 17]]);
    // Deleted: the twin is code that was already elsewhere at the recorded commit.
    repo.commit('Delete', { 'f.ts': text(filler(1, 10), filler(11, 5), twin, filler(16, 5)) });
    const [gone] = await locate([link], repo);
    assert.deepStrictEqual(gone, { status: 'orphaned', path: 'f.ts', reason: `The linked lines were deleted since ${sha.slice(0, 7)}` });
  });

  it('places one-line links: an edited line, and a closing brace among others', async () => {
    const { repo, sha } = cacheRepo();
    const line = linkTo(repo, 'src/cache.ts', 24, 24, sha); // cache.delete(key);
    const brace = linkTo(repo, 'src/cache.ts', 27, 27, sha); // the function's closing brace
    repo.commit('Edit one line, add above', {
      'src/cache.ts': text(filler(1, 3, 'new'), filler(1, 20), BLOCK.map((l, i) => (i === 3 ? '    cache.delete(key.trim());' : l)), filler(21, 20)),
    });
    const [l, b] = await locate([line, brace], repo);
    assert.deepStrictEqual([l.status, l.lines], ['edited', [27, 27]]);
    assert.deepStrictEqual(b, { status: 'moved', path: 'src/cache.ts', lines: [30, 30] });
  });

  it('follows a block moved elsewhere in the file', async () => {
    const { repo, link } = cacheRepo();
    repo.commit('Move flush down', { 'src/cache.ts': text(filler(1, 20), filler(21, 15), BLOCK, filler(36, 5)) });
    assert.deepStrictEqual(await locate([link], repo), [{ status: 'moved', path: 'src/cache.ts', lines: [36, 42] }]);
  });

  it('follows a file renamed and committed (git mv)', async () => {
    const { repo, link } = cacheRepo();
    repo.git('mv', 'src/cache.ts', 'src/store.ts');
    repo.commit('Rename and grow', { 'src/store.ts': text(filler(1, 3, 'new'), filler(1, 20), BLOCK, filler(21, 20)) });
    const [loc] = await locate([link], repo);
    assert.deepStrictEqual({ ...loc, reason: undefined }, { status: 'moved', path: 'src/store.ts', lines: [24, 30], reason: undefined });
    assert.match(loc.reason!, /src\/cache.ts was renamed to src\/store.ts/);
  });

  it('follows a file renamed but not committed yet (git mv only)', async () => {
    const { repo, link } = cacheRepo();
    fs.mkdirSync(path.join(repo.root, 'lib'));
    repo.git('mv', 'src/cache.ts', 'lib/cache.ts');
    const [loc] = await locate([link], repo);
    assert.strictEqual(loc.status, 'moved');
    assert.strictEqual(loc.path, 'lib/cache.ts');
    assert.deepStrictEqual(loc.lines, [21, 27]);
  });

  it('follows renames through several commits and a staged one, with spaces and non-ASCII in the names', async () => {
    const repo = TempRepo.create();
    const first = repo.commit('Add', { 'src/a.ts': text(filler(1, 10), BLOCK, filler(11, 10)), 'src/keep.ts': text(filler(1, 5, 'keep')) });
    const link = linkTo(repo, 'src/a.ts', 11, 17, first);
    repo.git('mv', 'src/a.ts', 'src/b.ts');
    repo.git('commit', '-q', '-m', 'a to b');
    const second = repo.commit('Grow b', { 'src/b.ts': text(filler(1, 2, 'new'), filler(1, 10), BLOCK, filler(11, 10)) });
    const link2 = linkTo(repo, 'src/b.ts', 13, 19, second);
    fs.mkdirSync(path.join(repo.root, 'lib dir'));
    repo.git('mv', 'src/b.ts', 'lib dir/naïve cache.ts');
    repo.git('commit', '-q', '-m', 'b to naive');
    fs.mkdirSync(path.join(repo.root, 'staged'));
    repo.git('mv', 'lib dir/naïve cache.ts', 'staged/ü.ts');
    const git = trusted();
    const locs = await locate([link, link2, { path: 'src/a.ts', commit: first }, { path: 'src/keep.ts', commit: first }], repo, git);
    assert.deepStrictEqual(locs.map((l) => [l.status, l.path, l.lines]), [
      ['moved', 'staged/ü.ts', [13, 19]],
      ['moved', 'staged/ü.ts', [13, 19]],
      ['moved', 'staged/ü.ts', undefined],
      ['exact', 'src/keep.ts', undefined],
    ]);
    assert.ok(git.processCount <= 4, `started ${git.processCount} git processes`);
  });

  it('follows uncommitted edits on disk', async () => {
    const { repo, link } = cacheRepo();
    repo.write('src/cache.ts', text(filler(1, 3), filler(1, 4, 'new'), filler(4, 17), BLOCK, filler(21, 20)));
    assert.deepStrictEqual(await locate([link], repo), [{ status: 'moved', path: 'src/cache.ts', lines: [25, 31] }]);
  });

  it('follows unsaved edits given as the current text, not the file on disk', async () => {
    const { repo, link } = cacheRepo();
    const buffer = text(filler(1, 9, 'unsaved'), filler(1, 20), BLOCK, filler(21, 20));
    const asked: string[] = [];
    const locs = await locate([link], repo, trusted(), (p) => {
      asked.push(p);
      return p === 'src/cache.ts' ? buffer : undefined;
    });
    assert.deepStrictEqual(locs, [{ status: 'moved', path: 'src/cache.ts', lines: [30, 36] }]);
    assert.ok(asked.includes('src/cache.ts'));
    // On disk the lines did not move.
    assert.deepStrictEqual(await locate([link], repo), [{ status: 'exact', path: 'src/cache.ts', lines: [21, 27] }]);
  });

  it('orphans a deleted block with a reason naming the recorded commit', async () => {
    const { repo, sha, link } = cacheRepo();
    repo.commit('Drop flush', { 'src/cache.ts': text(filler(1, 20), filler(21, 20)) });
    const [loc] = await locate([link], repo);
    assert.deepStrictEqual(loc, { status: 'orphaned', path: 'src/cache.ts', reason: `The linked lines were deleted since ${sha.slice(0, 7)}` });
  });

  it('orphans the lines of a deleted file', async () => {
    const { repo, link } = cacheRepo();
    repo.git('rm', '-q', 'src/cache.ts');
    repo.git('commit', '-q', '-m', 'Remove cache');
    assert.deepStrictEqual(await locate([link], repo), [{ status: 'orphaned', path: 'src/cache.ts', reason: 'src/cache.ts no longer exists' }]);
  });

  it('locates whole-file links by path alone: kept, renamed, deleted', async () => {
    const repo = TempRepo.create();
    const sha = repo.commit('Add files', {
      'a.ts': text(filler(1, 30, 'a')), 'b.ts': text(filler(1, 30, 'b')), 'c.ts': text(filler(1, 30, 'c')),
    });
    fs.mkdirSync(path.join(repo.root, 'src'));
    repo.git('mv', 'b.ts', 'src/b2.ts');
    repo.git('rm', '-q', 'c.ts');
    repo.git('commit', '-q', '-m', 'Move b, drop c');
    const links: LinkedFile[] = ['a.ts', 'b.ts', 'c.ts'].map((p) => ({ path: p, commit: sha }));
    const locs = await locate(links, repo);
    assert.deepStrictEqual(locs[0], { status: 'exact', path: 'a.ts' });
    assert.deepStrictEqual({ status: locs[1].status, path: locs[1].path, lines: locs[1].lines }, { status: 'moved', path: 'src/b2.ts', lines: undefined });
    assert.deepStrictEqual(locs[2], { status: 'orphaned', path: 'c.ts', reason: 'c.ts no longer exists' });
  });

  it('picks, of duplicate identical blocks, the one git predicts (and without git the one nearest the recorded lines)', async () => {
    const repo = TempRepo.create();
    const sha = repo.commit('Two copies', { 'dup.ts': text(filler(1, 9), BLOCK, filler(10, 23), BLOCK, filler(33, 10)) });
    const link = linkTo(repo, 'dup.ts', 40, 46, sha); // the second copy
    // 31 lines inserted between the copies: the first copy stays at 10, the second goes to 71 —
    // 30 and 31 lines away from the recorded 40.
    repo.commit('Grow the middle', { 'dup.ts': text(filler(1, 9), BLOCK, filler(10, 23), filler(1, 31, 'new'), BLOCK, filler(33, 10)) });
    assert.deepStrictEqual(await locate([link], repo), [{ status: 'moved', path: 'dup.ts', lines: [71, 77] }]);
    assert.deepStrictEqual(await locate([link], repo, null), [{ status: 'moved', path: 'dup.ts', lines: [10, 16] }]);
  });

  it('searches by text alone when git cannot be started', async () => {
    const { repo, link } = cacheRepo();
    repo.commit('More above', { 'src/cache.ts': text(filler(1, 4, 'new'), filler(1, 20), BLOCK, filler(21, 20)) });
    const noGit = new GitRunner({ isTrusted: () => true, binary: 'candor-no-such-git' });
    assert.deepStrictEqual(await locate([link, { ...link, lines: [1, 1], anchor: '// line 1: nothing to see here' }], repo, noGit), [
      { status: 'moved', path: 'src/cache.ts', lines: [25, 31] },
      { status: 'moved', path: 'src/cache.ts', lines: [5, 5] },
    ]);
    assert.ok(noGit.processCount <= 1, `tried git ${noGit.processCount} times`);
  });

  it('starts no git process for an untrusted workspace and still searches by text', async () => {
    const { repo, link } = cacheRepo();
    repo.commit('More above', { 'src/cache.ts': text(filler(1, 4, 'new'), filler(1, 20), BLOCK, filler(21, 20)) });
    const untrusted = new GitRunner({ isTrusted: () => false });
    const locs = await locate([link, { path: 'src/gone.ts', commit: link.commit }], repo, untrusted);
    assert.deepStrictEqual(locs, [
      { status: 'moved', path: 'src/cache.ts', lines: [25, 31] },
      { status: 'orphaned', path: 'src/gone.ts', reason: 'src/gone.ts no longer exists' },
    ]);
    assert.strictEqual(untrusted.processCount, 0);
  });

  it('finds an edited block by text alone, and refuses a weak or contested likeness', async () => {
    const { repo, link } = cacheRepo();
    const changed = BLOCK.map((l, i) => (i === 3 ? '    cache.delete(normalise(key));' : l));
    repo.write('src/cache.ts', text(filler(1, 20), changed, filler(21, 20)));
    const [edited] = await locate([link], repo, null);
    assert.strictEqual(edited.status, 'edited');
    assert.deepStrictEqual(edited.lines, [21, 27]);
    assert.match(edited.reason!, /^The linked lines were edited \(\d+% similar\)$/);
    // One filler line, changed: every other filler line looks just as much like it.
    const one: LinkedFile = { path: 'src/cache.ts', lines: [5, 5], anchor: '// line 5: nothing to see here, really' };
    const [contested] = await locate([one], repo, null);
    assert.strictEqual(contested.status, 'orphaned');
    assert.match(contested.reason!, /several places|no longer in the file/);
  });

  it('locates a long range from its head and tail, and notices edits inside it', async () => {
    const repo = TempRepo.create();
    const body = Array.from({ length: 30 }, (_, i) => `  step${i + 1}(context, "${'abcdefghij'[i % 10]}${i}");`);
    const sha = repo.commit('Long function', { 'long.ts': text(filler(1, 10), ['function run(context) {'], body, ['}'], filler(11, 10)) });
    const link = linkTo(repo, 'long.ts', 11, 42, sha);
    assert.match(link.anchor!, /^function run\(context\) \{\n[\s\S]*\n… 22 lines …\n[\s\S]*\n\}$/);

    repo.commit('Lines above', { 'long.ts': text(filler(1, 10), filler(1, 3, 'new'), ['function run(context) {'], body, ['}'], filler(11, 10)) });
    assert.deepStrictEqual(await locate([link], repo), [{ status: 'moved', path: 'long.ts', lines: [14, 45] }]);
    assert.deepStrictEqual(await locate([link], repo, null), [{ status: 'moved', path: 'long.ts', lines: [14, 45] }]);

    const edited = body.map((l, i) => (i === 14 ? '  stepFifteen(context, "changed");' : l));
    repo.commit('Edit the middle', { 'long.ts': text(filler(1, 10), filler(1, 3, 'new'), ['function run(context) {'], edited, ['}'], filler(11, 10)) });
    const [inside] = await locate([link], repo);
    assert.deepStrictEqual({ ...inside, reason: undefined }, { status: 'edited', path: 'long.ts', lines: [14, 45], reason: undefined });
    assert.match(inside.reason!, new RegExp(`inside the linked range were edited since ${sha.slice(0, 7)}`));

    const longer = [...body.slice(0, 10), '  extraStep(context);', ...body.slice(10)];
    repo.write('long.ts', text(filler(1, 10), ['function run(context) {'], longer, ['}'], filler(11, 10)));
    const [grown] = await locate([link], repo, null);
    assert.deepStrictEqual(grown, { status: 'edited', path: 'long.ts', lines: [11, 43], reason: 'The linked range now spans 33 lines instead of 32' });
  });

  it('treats hostile links as orphaned with a reason, never reading outside or passing them to git', async () => {
    const { repo, link } = cacheRepo();
    const outside = tempDir();
    fs.writeFileSync(path.join(outside, 'secret.ts'), text(BLOCK));
    fs.symlinkSync(outside, path.join(repo.root, 'escape'));
    const git = trusted();
    const hostile = [
      { ...link, path: '/etc/passwd' },
      { ...link, path: '../../etc/passwd' },
      { ...link, path: 'src/cache.ts\u0000.png' },
      { ...link, path: 'C:\\Windows\\win.ini' },
      { ...link, path: 'escape/secret.ts', lines: [1, 7] },
      { ...link, lines: [0, -3] },
      { ...link, lines: [5, 2] },
      { ...link, lines: ['1', '2'] },
      { ...link, path: '' },
      { ...link, path: 42 },
      null,
      'src/cache.ts',
    ] as unknown as LinkedFile[];
    const locs = await locate(hostile, repo, git);
    assert.strictEqual(locs.length, hostile.length);
    for (const loc of locs) {
      assert.strictEqual(loc.status, 'orphaned', JSON.stringify(loc));
      assert.ok(loc.reason && loc.reason.length > 0);
      assert.strictEqual(loc.lines, undefined);
    }
    assert.match(locs[0].reason!, /is absolute/);
    assert.match(locs[1].reason!, /leaves the repository/);
    assert.match(locs[2].reason!, /NUL/);
    assert.match(locs[4].reason!, /outside the repository/);
    assert.match(locs[5].reason!, /not a valid range/);

    // A commit that is not hex never reaches git: the link is searched by text alone.
    const sneaky = { ...link, commit: '--output=/tmp/candor-pwned' };
    assert.deepStrictEqual(await locate([sneaky], repo, git), [{ status: 'exact', path: 'src/cache.ts', lines: [21, 27] }]);
    assert.ok(!fs.existsSync('/tmp/candor-pwned'));
    // A commit missing from the repository: text alone too.
    assert.deepStrictEqual(await locate([{ ...link, commit: 'deadbeefdeadbeef' }], repo, git), [{ status: 'exact', path: 'src/cache.ts', lines: [21, 27] }]);
    assert.deepStrictEqual(await locateLinks(undefined as unknown as LinkedFile[], { repoRoot: repo.root }), []);
    assert.deepStrictEqual(await locateLinks([link], { repoRoot: path.join(repo.root, 'no-such-folder') }).then((l) => l[0].status), 'orphaned');
  });

  it('costs at most a few git processes for 20 links across 2 commits on one file', async () => {
    const repo = TempRepo.create();
    const many = (tag: string, n: number) => Array.from({ length: n }, (_, i) => `export const ${tag}${i} = compute("${tag}", ${i * 7}); // ${tag} value ${i}`);
    const first = repo.commit('First', { 'big.ts': text(many('alpha', 100)) });
    const second = repo.commit('Second', { 'big.ts': text(many('beta', 5), many('alpha', 100)) });
    repo.commit('Third', { 'big.ts': text(many('gamma', 3), many('beta', 5), many('alpha', 100)) });
    const links = [
      ...Array.from({ length: 10 }, (_, i) => linkTo(repo, 'big.ts', 10 + i * 8, 12 + i * 8, first)),
      ...Array.from({ length: 10 }, (_, i) => linkTo(repo, 'big.ts', 12 + i * 8, 12 + i * 8, second)),
    ];
    const git = trusted();
    const locs = await locate(links, repo, git);
    assert.ok(git.processCount <= 4, `started ${git.processCount} git processes`);
    locs.slice(0, 10).forEach((loc, i) => assert.deepStrictEqual(loc, { status: 'moved', path: 'big.ts', lines: [18 + i * 8, 20 + i * 8] }));
    locs.slice(10).forEach((loc, i) => assert.deepStrictEqual(loc, { status: 'moved', path: 'big.ts', lines: [15 + i * 8, 15 + i * 8] }));
  });

  it('costs the same few processes for 50 links from 20 commits', async () => {
    const repo = TempRepo.create();
    const commits: string[] = [];
    const lines: string[] = Array.from({ length: 60 }, (_, i) => `export const item${i} = ${i * 3}; // original ${i}`);
    for (let c = 0; c < 20; c++) {
      lines.unshift(`// header added by commit ${c}`);
      commits.push(repo.commit(`Commit ${c}`, { 'items.ts': text(lines) }));
    }
    const links = Array.from({ length: 50 }, (_, i) => {
      const c = i % 20;
      const line = c + 2 + (i % 30); // commit c has c+1 headers, then item0
      return linkTo(repo, 'items.ts', line, line, commits[c]);
    });
    const git = trusted();
    const locs = await locate(links, repo, git);
    assert.ok(git.processCount <= 4, `started ${git.processCount} git processes`);
    locs.forEach((loc, i) => {
      const item = i % 30;
      assert.deepStrictEqual(loc.lines, [21 + item, 21 + item], `link ${i}`);
      assert.strictEqual(loc.status, i % 20 === 19 ? 'exact' : 'moved');
    });
  });

  it('finds lines recorded from unsaved text in the commit the note names', async () => {
    const { repo, sha } = cacheRepo();
    // Recorded while the editor had 3 unsaved lines at the top: the note's lines are the buffer's.
    const buffer = text(filler(1, 3, 'draft'), filler(1, 20), BLOCK, filler(21, 20));
    const link: LinkedFile = { ...linkTo(repo, 'src/cache.ts', 24, 30, sha, buffer), uncommitted: 'unsaved' };
    // Since then a commit added 2 lines above; the draft was never saved.
    repo.commit('Above', { 'src/cache.ts': text(filler(1, 2, 'new'), filler(1, 20), BLOCK, filler(21, 20)) });
    assert.deepStrictEqual(await locate([link], repo), [{ status: 'moved', path: 'src/cache.ts', lines: [23, 29] }]);
  });

  it('matches anchors whose secrets were masked', async () => {
    const repo = TempRepo.create();
    const secretLines = ['const config = {', '  password = "hunter2hunter2",', '  host: "db.internal",', '};'];
    const sha = repo.commit('Config', { 'config.ts': text(filler(1, 5), secretLines, filler(6, 5)) });
    const link = linkTo(repo, 'config.ts', 6, 9, sha);
    assert.match(link.anchor!, /\[redacted\]/);
    assert.doesNotMatch(link.anchor!, /hunter2/);
    repo.commit('Above', { 'config.ts': text(filler(1, 1, 'new'), filler(1, 5), secretLines, filler(6, 5)) });
    assert.deepStrictEqual(await locate([link], repo), [{ status: 'moved', path: 'config.ts', lines: [7, 10] }]);
    assert.deepStrictEqual(await locate([link], repo, null), [{ status: 'moved', path: 'config.ts', lines: [7, 10] }]);
  });

  it('uses git alone for files too large to search (> 5 MB)', async function () {
    this.timeout(60_000);
    const repo = TempRepo.create();
    const huge = (extra: string[]) => text(extra, Array.from({ length: 70_000 }, (_, i) => `row ${i}: ${'x'.repeat(70)} ${i * 13}`));
    const sha = repo.commit('Huge', { 'data.txt': huge([]) });
    assert.ok(fs.statSync(path.join(repo.root, 'data.txt')).size > 5 * 1024 * 1024);
    const link = linkTo(repo, 'data.txt', 100, 102, sha, huge([]));
    repo.write('data.txt', huge(['a new first line']));
    assert.deepStrictEqual(await locate([link], repo), [{ status: 'moved', path: 'data.txt', lines: [101, 103] }]);
    const [changed] = await locate([link], repo, trusted(), (p) => (p === 'data.txt' ? huge([]).replace('row 100:', 'row one hundred:') : undefined));
    assert.strictEqual(changed.status, 'orphaned');
    assert.match(changed.reason!, /too large to search \(\d+\.\d MB\) and the linked lines changed since/);
    const [noGit] = await locate([link], repo, null);
    assert.strictEqual(noGit.status, 'orphaned');
    assert.match(noGit.reason!, /too large to search/);
  });

  it('places links without anchor text by git alone, or as recorded', async () => {
    const { repo, sha } = cacheRepo();
    const link: LinkedFile = { path: 'src/cache.ts', lines: [21, 27], commit: sha };
    repo.commit('Above', { 'src/cache.ts': text(filler(1, 1, 'new'), filler(1, 20), BLOCK, filler(21, 20)) });
    assert.deepStrictEqual(await locate([link], repo), [{ status: 'moved', path: 'src/cache.ts', lines: [22, 28] }]);
    const [unchecked] = await locate([link], repo, null);
    assert.strictEqual(unchecked.status, 'exact');
    assert.match(unchecked.reason!, /no anchor text/);
    const [beyond] = await locate([{ path: 'src/cache.ts', lines: [500, 501] }], repo, null);
    assert.strictEqual(beyond.status, 'orphaned');
  });
});
