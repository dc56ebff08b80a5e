// The bad-input suite: every hostile or broken note in test/fixtures/bad-notes goes through the
// index, grouping, filtering, task parsing, re-anchoring and rewriting. Nothing may throw out of
// them, every valid note must load cleanly, and every invalid one must carry its message.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { locateLinks } from '../../src/core/anchoring/locateLinks';
import { GitRunner } from '../../src/core/git/gitRunner';
import { groupNotes, matchesFilter, GROUP_BY } from '../../src/core/listing/noteGrouping';
import { NoteIndex } from '../../src/core/noteIndex/noteIndex';
import { hasErrors } from '../../src/core/noteFormat/noteModel';
import { setFields } from '../../src/core/noteWriting/noteRewriter';
import { resolveInside } from '../../src/core/repository/repoPaths';
import { findTaskItems } from '../../src/core/noteFormat/taskItems';
import { lines, tempDir, TempRepo } from './helpers/tempRepo';

export interface BadInputCase {
  file: string;
  kind: string;
  valid: boolean;
  message?: string;
}

export const FIXTURES = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'bad-notes');
export const CASES = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'cases.json'), 'utf8')) as BadInputCase[];

/** A real repository holding the fixtures as its notes, plus a symbolic link that leaves it. */
function repoWithFixtures(): TempRepo {
  const repo = TempRepo.create();
  repo.commit('Add cache', { 'src/cache.ts': lines(30, (n) => `export const v${n} = ${n};`) });
  const incidents = path.join(repo.root, 'incidents');
  fs.mkdirSync(incidents);
  for (const c of CASES) {
    fs.copyFileSync(path.join(FIXTURES, c.file), path.join(incidents, c.file));
  }
  fs.symlinkSync(tempDir('candor-outside-'), path.join(repo.root, 'link-out'));
  return repo;
}

describe(`bad input: ${CASES.length} kinds of hostile and broken notes`, () => {
  it('has at least 25 kinds, each with a fixture', () => {
    assert.ok(CASES.length >= 25, `${CASES.length} kinds`);
    for (const c of CASES) {
      assert.ok(fs.existsSync(path.join(FIXTURES, c.file)), c.file);
      assert.ok(c.valid || c.message, `${c.file} says what message it expects`);
    }
  });

  it('indexes every note: valid ones cleanly, invalid ones with their message, none hidden', async () => {
    const repo = repoWithFixtures();
    const index = new NoteIndex(path.join(repo.root, 'incidents'));
    await index.scan();
    assert.strictEqual(index.list().length, CASES.length);
    for (const c of CASES) {
      const note = index.get(path.join(repo.root, 'incidents', c.file));
      assert.ok(note, `${c.file} is listed`);
      const errors = note.problems.filter((p) => p.level === 'error').map((p) => p.message);
      if (c.valid) {
        assert.deepStrictEqual(errors, [], `${c.kind}: ${errors.join('; ')}`);
      } else {
        assert.ok(errors.length > 0, `${c.kind}: expected an error`);
        assert.match(errors.join('\n'), new RegExp(c.message!, 'i'), `${c.kind}`);
      }
    }
  });

  it('groups, filters, finds tasks, locates links and rewrites without an exception escaping', async () => {
    const repo = repoWithFixtures();
    const index = new NoteIndex(path.join(repo.root, 'incidents'));
    await index.scan();
    const notes = index.list();
    for (const by of GROUP_BY) {
      const groups = groupNotes(notes, by, (n) => n);
      assert.strictEqual(groups.find((g) => g.key === 'attention')?.items.length, notes.filter(hasErrors).length, by);
    }
    notes.forEach((n) => matchesFilter(n.note, { text: 'note', authorEmail: 'a@b.c', touchedNoteIds: new Set(['x']) }));
    notes.forEach((n) => findTaskItems(n.note.body));
    const git = new GitRunner({ isTrusted: () => true });
    for (const n of notes) {
      const located = await locateLinks(n.note.files, { git, repoRoot: repo.root });
      assert.strictEqual(located.length, n.note.files.length);
      located.forEach((l) => assert.ok(l.status === 'orphaned' ? l.reason : true, `${n.path}: an orphaned link says why`));
      const text = fs.readFileSync(n.path, 'latin1');
      try {
        setFields(text, { status: 'resolved' });
      } catch (err) {
        assert.ok(err instanceof Error && err.message.length > 0, `${n.path}: a clear error`);
      }
    }
  });

  it('never resolves a link through a symbolic link that leaves the repository', async () => {
    const repo = repoWithFixtures();
    assert.strictEqual(resolveInside(repo.root, 'link-out/passwd'), undefined);
    const [located] = await locateLinks([{ path: 'link-out/passwd', lines: [1, 1] }], { repoRoot: repo.root });
    assert.strictEqual(located.status, 'orphaned');
  });
});
