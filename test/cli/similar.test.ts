// `candor similar` and `candor log --related` through the built CLI (dist/cli.js), on real git
// repositories in temp folders; `candor check` on the related field.
import * as assert from 'assert';
import { makeAnchor, sliceLines } from '../../src/core/anchoring/recordedAnchor';
import { lines, TempRepo } from '../unit/helpers/tempRepo';
import { ensureBuilt, runCli, writeNote } from './helpers/cli';

const SOURCE = lines(40, (n) => `export const value${n} = compute(${n}, 'key-${n * 7}');`);
const FIRST = '2026-01-05-flushed-the-staging-cache';
const OTHER = '2026-01-06-broke-the-invoice-totals';

/** A repository with src/cache.ts, a note on its lines 20-24, another on nothing; then 5 lines inserted on top. */
function repoWithNotes(): TempRepo {
  const repo = TempRepo.create();
  const sha = repo.commit('Add cache', { 'src/cache.ts': SOURCE });
  writeNote(repo.root, FIRST, {
    title: 'Flushed the staging cache', tags: ['cache'],
    files: [{ path: 'src/cache.ts', lines: [20, 24], commit: sha, anchor: makeAnchor(sliceLines(SOURCE, 20, 24)) }],
  });
  writeNote(repo.root, OTHER, { title: 'Broke the invoice totals', tags: ['billing'] });
  repo.commit('Move code down', { 'src/cache.ts': lines(5, (n) => `// header ${n}`) + SOURCE });
  return repo;
}

describe('candor similar', () => {
  before(ensureBuilt);

  it('ranks notes like a draft, with reasons, as text and as JSON', () => {
    const repo = repoWithNotes();
    const json = runCli(['similar', '--text', 'cache flushed on staging again', '--file', 'src/cache.ts:26-27', '--json'], { cwd: repo.root });
    assert.strictEqual(json.code, 0, json.stderr);
    const found = JSON.parse(json.stdout) as { id: string; title: string; score: number; reasons: string[] }[];
    assert.strictEqual(found[0].id, FIRST);
    assert.deepStrictEqual(found[0].reasons, ['same lines', 'similar words']);
    assert.ok(found.every((m) => m.id !== OTHER), 'nothing in common: not listed');
    const text = runCli(['similar', '--text', 'cache flushed on staging again'], { cwd: repo.root });
    assert.strictEqual(text.code, 0, text.stderr);
    assert.match(text.stdout, /"Flushed the staging cache" \(2026-01, similar words\)\n\s+2026-01-05-flushed-the-staging-cache\n$/);
  });

  it('takes a note id, and says when nothing is similar', () => {
    const repo = repoWithNotes();
    const result = runCli(['similar', OTHER], { cwd: repo.root });
    assert.strictEqual(result.code, 0, result.stderr);
    assert.strictEqual(result.stdout, 'No similar notes.\n');
  });

  it('exits 2 on usage errors, 3 without notes, 4 for an unknown id', () => {
    const repo = repoWithNotes();
    const cases: [string[], RegExp, number][] = [
      [['similar'], /Which note\?/, 2],
      [['similar', FIRST, '--text', 'x'], /not both/, 2],
      [['similar', FIRST, OTHER], /Unexpected argument/, 2],
      [['similar', '--file', '../outside.ts'], /outside the repository/, 2],
      [['similar', '--file', 'src/cache.ts:9-3'], /before its startLine/, 2],
      [['similar', 'no-such-note'], /No note no-such-note/, 4],
    ];
    for (const [args, message, code] of cases) {
      const result = runCli(args, { cwd: repo.root });
      assert.strictEqual(result.code, code, `${args.join(' ')}: ${result.stderr}`);
      assert.match(result.stderr, message);
    }
    const empty = TempRepo.create();
    const none = runCli(['similar', '--text', 'x'], { cwd: empty.root });
    assert.strictEqual(none.code, 3, none.stderr);
  });
});

describe('candor log --related, and check on related', () => {
  before(ensureBuilt);

  it('records related ids (repeatable), refuses an unknown one, and check warns about a missing one', () => {
    const repo = repoWithNotes();
    const logged = runCli(['log', '--title', 'Emptied the cache on test', '--related', FIRST, '--related', OTHER], { cwd: repo.root });
    assert.strictEqual(logged.code, 0, logged.stderr);
    assert.match(repo.read(logged.stdout.trim()), new RegExp(`^related: \\[${FIRST}, ${OTHER}\\]$`, 'm'));
    const unknown = runCli(['log', '--title', 'Another', '--related', '2026-01-05-flushed-the-stagin-cache'], { cwd: repo.root });
    assert.strictEqual(unknown.code, 4);
    assert.match(unknown.stderr, /Did you mean: 2026-01-05-flushed-the-staging-cache/);

    writeNote(repo.root, '2026-02-01-names-a-gone-note', { title: 'Names a gone note', related: ['2025-12-31-deleted-note'] });
    const check = runCli(['check'], { cwd: repo.root });
    assert.strictEqual(check.code, 0, check.stdout);
    assert.match(check.stdout, /warning.*related: there is no note "2025-12-31-deleted-note" in this folder\./);
  });
});
