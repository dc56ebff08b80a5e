// The Learnings view's "changed on this branch" filter, line-accurate, against real repositories:
// a note shows only when the branch's change (commits since the fork, plus the working tree)
// touches its linked lines, not merely its file.
import * as assert from 'assert';
import * as path from 'path';
import { GitRunner } from '../../src/core/git/gitRunner';
import { NoteIndex } from '../../src/core/noteIndex/noteIndex';
import { notesTouchedOnBranch } from '../../src/core/review/branchTouches';
import { addNote, edit, link, reviewRepo, SOURCE } from './helpers/reviewRepo';
import { TempRepo } from './helpers/tempRepo';

const git = new GitRunner({ isTrusted: () => true });

async function touched(repo: TempRepo) {
  const index = new NoteIndex(path.join(repo.root, 'incidents'));
  await index.scan();
  const result = await notesTouchedOnBranch(index.list(), git, repo.root);
  return { ids: [...result.noteIds].sort(), fallback: result.fallback };
}

describe('notes touched on this branch (the Learnings filter)', () => {
  function twoNotesOnOneFile() {
    const made = reviewRepo(); // 2026-01-01-flushed-cache links src/cache.ts 20-22
    const main = made.repo.git('rev-parse', 'main').trim();
    made.repo.git('checkout', '-q', 'main');
    const note = addNote(made.repo, '2026-01-04-header', [link(SOURCE, 'src/cache.ts', 1, 2, main)], { title: 'Header' });
    made.repo.commit('Log the header', { [note]: made.repo.read(note) });
    made.repo.git('checkout', '-q', 'feat');
    made.repo.git('merge', '-q', 'main');
    return made.repo;
  }

  it('a commit on the branch touching one range shows that note, not the other note on the same file', async () => {
    const repo = twoNotesOnOneFile();
    repo.commit('Edit line 21', { 'src/cache.ts': edit(SOURCE, { replace: 21 }) });
    assert.deepStrictEqual(await touched(repo), { ids: ['2026-01-01-flushed-cache'], fallback: undefined });
  });

  it('an edit far from both ranges shows neither, though the file changed', async () => {
    const repo = twoNotesOnOneFile();
    repo.commit('Edit line 35', { 'src/cache.ts': edit(SOURCE, { replace: 35 }) });
    assert.deepStrictEqual((await touched(repo)).ids, []);
  });

  it('uncommitted edits count with the branch\'s commits', async () => {
    const repo = twoNotesOnOneFile();
    repo.commit('Edit line 21', { 'src/cache.ts': edit(SOURCE, { replace: 21 }) });
    repo.write('src/cache.ts', edit(edit(SOURCE, { replace: 21 }), { replace: 1 }));
    assert.deepStrictEqual((await touched(repo)).ids, ['2026-01-01-flushed-cache', '2026-01-04-header']);
  });

  it('without a base branch only the uncommitted change counts, and it says so', async () => {
    const repo = TempRepo.create();
    repo.git('checkout', '-q', '-b', 'topic');
    const first = repo.commit('Add cache', { 'src/cache.ts': SOURCE });
    const note = addNote(repo, '2026-01-01-flushed-cache', [link(SOURCE, 'src/cache.ts', 20, 22, first)]);
    repo.commit('Log', { [note]: repo.read(note) });
    assert.deepStrictEqual((await touched(repo)).ids, []);
    repo.write('src/cache.ts', edit(SOURCE, { replace: 22 }));
    const result = await touched(repo);
    assert.deepStrictEqual(result.ids, ['2026-01-01-flushed-cache']);
    assert.match(result.fallback ?? '', /none of origin\/HEAD, main or master exists\. Only uncommitted changes count\./);
  });

  it('a repository with no commit yet: nothing, and why', async () => {
    const repo = TempRepo.create({});
    const result = await touched(repo);
    assert.deepStrictEqual(result.ids, []);
    assert.match(result.fallback ?? '', /HEAD is not a commit yet/);
  });
});
