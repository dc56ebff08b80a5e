// Find Similar against real git repositories in temp folders: the reasons it gives (same lines
// after the code moved, same introducing commit, same file, tags, words), the `related` field both
// ways and in checkNotes, and the quality floor on the 60-note fixture (the figure itself is
// printed by `npm run bench`).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { GitRunner } from '../../src/core/git/gitRunner';
import { checkNotes } from '../../src/core/noteFormat/noteCheck';
import { NoteIndex } from '../../src/core/noteIndex/noteIndex';
import type { IndexedNote } from '../../src/core/noteIndex/noteFileRead';
import { checkQueryFile, readDraftQuery, splitFileSpec } from '../../src/core/similar/similarArgs';
import { describeMatch, findSimilar, queryOfNote } from '../../src/core/similar/similarNotes';
import { RelatedIndex } from '../../src/core/similar/relatedNotes';
import { wordTerm } from '../../src/core/similar/wordMatch';
import { buildSimilarRepo, type SimilarRepo } from '../fixtures/similar/buildSimilarRepo';
import { tempDir } from './helpers/tempRepo';

/** The share of fixture queries whose intended note is in the top 3 must not fall below this. */
const TOP3_FLOOR = 0.9;

async function scan(dir: string): Promise<IndexedNote[]> {
  const index = new NoteIndex(dir);
  await index.scan();
  return index.list();
}

describe('Find Similar (core)', function () {
  this.timeout(120_000);
  let fixture: SimilarRepo;
  let notes: IndexedNote[];
  const git = new GitRunner({ isTrusted: () => true });

  before(async () => {
    fixture = buildSimilarRepo(tempDir('candor-similar-test-'));
    notes = await scan(fixture.incidents);
  });

  it('has at least 60 notes with known near-duplicates of each kind', () => {
    assert.ok(notes.length >= 60, `${notes.length} notes`);
    for (const kind of ['lines', 'commit', 'paraphrase'] as const) {
      assert.ok(fixture.cases.filter((c) => c.kind === kind).length >= 8, kind);
    }
  });

  it('finds the same lines after the code moved and changed, and says so', async () => {
    const later = fixture.cases.find((c) => c.kind === 'lines')!;
    const note = notes.find((n) => n.note.id === later.noteId)!;
    const found = await findSimilar(notes, queryOfNote(note.note), { repoRoot: fixture.root, git });
    assert.strictEqual(found[0].id, later.intended);
    assert.ok(found[0].reasons.includes('same lines'), found[0].reasons.join(', '));
    assert.ok(found.every((m) => m.id !== later.noteId), 'never the note itself');
    // Without git the anchor text alone finds the lines again.
    const textOnly = await findSimilar(notes, queryOfNote(note.note), { repoRoot: fixture.root });
    assert.strictEqual(textOnly[0].id, later.intended);
  });

  it('names the same introducing commit, a shared file and shared tags', async () => {
    const later = fixture.cases.find((c) => c.kind === 'commit')!;
    const found = await findSimilar(notes.filter((n) => n.note.id !== later.noteId), later.draft, { repoRoot: fixture.root, git });
    assert.strictEqual(found[0].id, later.intended);
    assert.match(found[0].reasons.join('|'), /^same commit [0-9a-f]{7}(\||$)/);
    const cacheNote = notes.find((n) => n.note.id.endsWith('flush-staging'))!;
    const byFile = await findSimilar(notes, { files: [{ path: 'src/cache.ts', startLine: 1, endLine: 2 }], tags: ['cache'] }, { repoRoot: fixture.root, git });
    const same = byFile.find((m) => m.id === cacheNote.note.id)!;
    assert.deepStrictEqual(same.reasons, ['same file src/cache.ts', 'tags: cache']);
  });

  it('ranks at most 10, best first, with a reason for each', async () => {
    const found = await findSimilar(notes, { title: 'cache staging production database deploy release billing' }, { repoRoot: fixture.root, git });
    assert.ok(found.length > 0 && found.length <= 10);
    for (let i = 1; i < found.length; i++) {
      assert.ok(found[i - 1].score >= found[i].score);
    }
    assert.ok(found.every((m) => m.reasons.length > 0 && typeof m.title === 'string'));
    assert.deepStrictEqual(await findSimilar(notes, { title: 'zzzz qqqq' }, { repoRoot: fixture.root, git }), []);
  });

  it(`puts the intended note in the top 3 for at least ${TOP3_FLOOR * 100} % of the fixture's queries`, async () => {
    let hits = 0;
    let total = 0;
    const misses: string[] = [];
    for (const c of fixture.cases) {
      const note = notes.find((n) => n.note.id === c.noteId)!;
      const asNote = await findSimilar(notes, queryOfNote(note.note), { repoRoot: fixture.root, git });
      const asDraft = await findSimilar(notes.filter((n) => n.note.id !== c.noteId), c.draft, { repoRoot: fixture.root, git });
      for (const [how, found] of [['note', asNote], ['draft', asDraft]] as const) {
        total++;
        if (found.slice(0, 3).some((m) => m.id === c.intended)) {
          hits++;
        } else {
          misses.push(`${how} ${c.noteId}`);
        }
      }
    }
    assert.ok(hits / total >= TOP3_FLOOR, `${hits}/${total}; missed: ${misses.join(', ')}`);
  });
});

describe('Find Similar: arguments and wording', () => {
  it('reads a draft and refuses bad ones with a message', () => {
    assert.deepStrictEqual(readDraftQuery({ text: 'x', files: [{ path: 'a.ts', startLine: 2, endLine: 3 }] }), { text: 'x', files: [{ path: 'a.ts', startLine: 2, endLine: 3 }] });
    assert.throws(() => readDraftQuery('flushed'), /Uri or \{ text\?/);
    assert.throws(() => readDraftQuery({}), /Give some text or at least one file/);
    assert.throws(() => readDraftQuery({ txt: 'x' }), /does not know "txt"/);
    assert.throws(() => readDraftQuery({ text: 3 }), /text must be text/);
    assert.throws(() => readDraftQuery({ files: 'a.ts' }), /files must be a list/);
    assert.throws(() => readDraftQuery({ files: [{ path: '../etc/passwd' }] }), /leaves the repository/);
    assert.throws(() => readDraftQuery({ files: [{ path: 'a.ts', startLine: 0 }] }), /startLine of a.ts must be a line number/);
    assert.throws(() => readDraftQuery({ files: [{ path: 'a.ts', startLine: 5, endLine: 2 }] }), /before its startLine/);
    assert.throws(() => readDraftQuery({ files: [{ path: 'a.ts', endLine: 2 }] }), /needs a startLine/);
  });

  it('splits --file specs', () => {
    assert.deepStrictEqual(splitFileSpec('lib/x.js:12-18'), { path: 'lib/x.js', startLine: 12, endLine: 18 });
    assert.deepStrictEqual(splitFileSpec('lib/x.js:12'), { path: 'lib/x.js', startLine: 12, endLine: undefined });
    assert.deepStrictEqual(splitFileSpec('lib/x.js'), { path: 'lib/x.js' });
    assert.throws(() => checkQueryFile(splitFileSpec('/etc/passwd:1')), /absolute/);
  });

  it('stems words and drops the commonest ones', () => {
    assert.strictEqual(wordTerm('Flushed'), 'flush');
    assert.strictEqual(wordTerm('flushing'), 'flush');
    assert.strictEqual(wordTerm('caches'), 'cach');
    assert.strictEqual(wordTerm('the'), null);
    assert.strictEqual(wordTerm('class'), 'class');
  });

  it('describes a match for a message', () => {
    assert.strictEqual(describeMatch({ id: '2025-03-02-x', title: 'Flushed the staging cache', score: 5, reasons: ['same lines'] }), '"Flushed the staging cache" (2025-03, same lines)');
  });
});

describe('the related field', () => {
  it('links both ways, once, and reports ids that name no note (checkNotes)', async () => {
    const dir = tempDir('candor-related-');
    const write = (id: string, related?: string) => fs.writeFileSync(path.join(dir, `${id}.md`), `---\ntitle: ${id}\nstatus: open\nseverity: low\n${related ? `related: ${related}\n` : ''}---\n\nBody\n`);
    write('2026-01-01-a');
    write('2026-01-02-b', '[2026-01-01-a, 2026-01-01-a, 2026-01-02-b, 2026-09-09-gone]');
    write('2026-01-03-c', '[2026-01-01-a]');
    const notes = await scan(dir);
    const index = new RelatedIndex(notes, (n) => n.note);
    const byId = (id: string) => notes.find((n) => n.note.id === id)!.note;
    const a = index.linksOf(byId('2026-01-01-a'));
    assert.deepStrictEqual(a.namedBy.map((n) => n.note.id).sort(), ['2026-01-02-b', '2026-01-03-c']);
    const b = index.linksOf(byId('2026-01-02-b'));
    assert.deepStrictEqual(b.names.map((n) => n.note.id), ['2026-01-01-a']);
    assert.deepStrictEqual(b.missing, ['2026-09-09-gone']);

    const report = await checkNotes(notes, { repoRoot: dir, today: '2026-02-01' });
    const problems = report.notes.find((n) => n.note.note.id === '2026-01-02-b')!.problems;
    const missing = problems.filter((p) => /related: there is no note "2026-09-09-gone"/.test(p.message));
    assert.strictEqual(missing.length, 1);
    assert.strictEqual(missing[0].level, 'warning');
    assert.strictEqual(missing[0].line, 5);
    assert.ok(report.notes.find((n) => n.note.note.id === '2026-01-03-c')!.problems.every((p) => !/related/.test(p.message)));
  });
});
