// Responses: the file format, reading and writing them, and what git does with them on two branches.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { GitRunner } from '../../src/core/git/gitRunner';
import { gitAuthor } from '../../src/core/responses/gitAuthor';
import { checkResponses } from '../../src/core/responses/responseCheck';
import { authorSlug, parseResponse, renderResponse, responseFileName } from '../../src/core/responses/responseFormat';
import { draftProblem, listAllResponses, listResponses, responsesDir, writeResponse } from '../../src/core/responses/responseStore';
import { NoteIndex } from '../../src/core/noteIndex/noteIndex';
import { renderNote } from '../../src/core/noteWriting/newNoteFile';
import { TempRepo, tempDir } from './helpers/tempRepo';

const NOTE = '2026-01-05-flushed-the-cache';
const DATE = new Date('2026-01-06T09:08:07.123Z');

function noteText(id = NOTE): string {
  const at = new Date('2026-01-05T10:00:00Z');
  return renderNote(id, { title: 'Flushed the cache', severity: 'high', occurred: at, logged: at, commits: [], files: [] });
}

describe('responses', () => {
  it('names the file by UTC time and the author\'s name, and writes the front matter the issue gives', () => {
    assert.strictEqual(responseFileName({ author: 'Grace Hopper <grace@example.com>', date: DATE }), '2026-01-06T090807Z-grace-hopper.md');
    assert.strictEqual(responseFileName({ author: undefined, date: DATE }, 2), '2026-01-06T090807Z-anonymous-2.md');
    assert.strictEqual(authorSlug('Zoë Çelik'), 'zoe-celik');
    const text = renderResponse(NOTE, { kind: 'thanks', text: '  Thank you.\r\nWhat do you need?  ', author: 'Grace Hopper <grace@example.com>', date: DATE });
    assert.strictEqual(text, `---\nnote: ${NOTE}\nkind: thanks\nauthor: Grace Hopper <grace@example.com>\ndate: 2026-01-06T09:08:07Z\n---\n\nThank you.\nWhat do you need?\n`);
    const parsed = parseResponse(text, NOTE);
    assert.deepStrictEqual(parsed.problems, []);
    assert.deepStrictEqual(parsed.response, { note: NOTE, kind: 'thanks', author: 'Grace Hopper <grace@example.com>', date: '2026-01-06T09:08:07Z', text: 'Thank you.\nWhat do you need?' });
  });

  it('reports what is wrong with a response, with lines, and never throws', () => {
    const bad = parseResponse('---\nnote: another-note\nkind: praise\ndate: yesterday\nmood: 3\n---\n\n', NOTE);
    assert.deepStrictEqual(bad.problems.map((p) => [p.level, p.line, p.message.split(' ').slice(0, 2).join(' ')]), [
      ['error', 2, '`note` is'],
      ['error', 3, '`kind` "praise"'],
      ['error', 4, '`date` is'],
      ['warning', 5, 'Unknown field'],
      ['warning', undefined, 'The response'],
    ]);
    assert.strictEqual(parseResponse('no front matter', NOTE).problems[0].level, 'error');
    assert.match(parseResponse('---\nnote: [\n---\n', NOTE).problems[0].message, /not valid YAML/);
  });

  it('writes exclusively (the same second twice gives -2), lists oldest first, and rejects bad drafts and ids', async () => {
    const dir = tempDir();
    const first = await writeResponse(dir, NOTE, { kind: 'help', text: 'I can pair on it.', author: 'Grace Hopper', date: DATE });
    const second = await writeResponse(dir, NOTE, { kind: 'question', text: 'Which cache?', author: 'Grace Hopper', date: DATE });
    await writeResponse(dir, NOTE, { kind: 'thanks', text: 'Thanks.', author: 'Alan Turing', date: new Date('2026-01-06T08:00:00Z') });
    assert.strictEqual(path.basename(first), '2026-01-06T090807Z-grace-hopper.md');
    assert.strictEqual(path.basename(second), '2026-01-06T090807Z-grace-hopper-2.md');
    assert.strictEqual(path.dirname(first), path.join(dir, NOTE, 'responses'));
    const listed = await listResponses(dir, NOTE);
    assert.deepStrictEqual(listed.map((r) => [r.kind, r.author, r.problems.length]), [['thanks', 'Alan Turing', 0], ['help', 'Grace Hopper', 0], ['question', 'Grace Hopper', 0]]);
    await assert.rejects(writeResponse(dir, NOTE, { kind: 'praise' as never, text: 'x', date: DATE }), /one of thanks, help, question, learning/);
    await assert.rejects(writeResponse(dir, NOTE, { kind: 'help', text: '  ', date: DATE }), /needs some text/);
    await assert.rejects(writeResponse(dir, '../escape', { kind: 'help', text: 'x', date: DATE }), /not a note id/);
    assert.throws(() => responsesDir(dir, '..'), /not a note id/);
    assert.strictEqual(draftProblem({ kind: 'learning', text: 'ok' }), undefined);
    assert.ok(!fs.existsSync(path.join(dir, '..', 'escape')));
    assert.deepStrictEqual(await listResponses(dir, 'no-such-note'), []);
  });

  it('are never read as notes by the index, and check reports a response whose note does not exist', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, `${NOTE}.md`), noteText());
    await writeResponse(dir, NOTE, { kind: 'thanks', text: 'Thanks.', date: DATE });
    await writeResponse(dir, '2026-01-01-gone', { kind: 'thanks', text: 'Thanks.', date: DATE });
    const index = new NoteIndex(dir);
    await index.scan();
    assert.deepStrictEqual(index.list().map((n) => n.note.id), [NOTE]);
    const all = await listAllResponses(dir);
    assert.deepStrictEqual([...all.keys()], ['2026-01-01-gone', NOTE]);
    const checked = checkResponses(all, new Set([NOTE]));
    assert.deepStrictEqual(checked.map((c) => c.problems.map((p) => p.message)), [['`note` 2026-01-01-gone does not exist: this response answers no note.'], []]);
  });

  it('two branches that each add a response to the same note merge with no conflict', async () => {
    const repo = TempRepo.create();
    repo.commit('Log a mistake', { [`incidents/${NOTE}.md`]: noteText() });
    const incidents = path.join(repo.root, 'incidents');
    repo.git('checkout', '-q', '-b', 'grace');
    await writeResponse(incidents, NOTE, { kind: 'thanks', text: 'Thank you for telling us.', author: 'Grace Hopper', date: DATE });
    repo.git('add', '-A');
    repo.git('commit', '-q', '-m', 'Grace responds');
    repo.git('checkout', '-q', 'main');
    // The same second, another person: a different file.
    await writeResponse(incidents, NOTE, { kind: 'help', text: 'I can pair on the guard.', author: 'Alan Turing', date: DATE });
    repo.git('add', '-A');
    repo.git('commit', '-q', '-m', 'Alan responds');
    repo.git('merge', '-q', '--no-edit', 'grace');
    assert.strictEqual(repo.git('status', '--porcelain'), '');
    const merged = await listResponses(incidents, NOTE);
    assert.deepStrictEqual(merged.map((r) => r.author).sort(), ['Alan Turing', 'Grace Hopper']);
    assert.ok(merged.every((r) => r.problems.length === 0));
  });

  it('takes the author from git config, the repository\'s own user over the global one', async () => {
    const repo = TempRepo.create();
    const git = new GitRunner({ isTrusted: () => true });
    assert.strictEqual(await gitAuthor(git, repo.root), 'Ada Lovelace <ada@example.com>');
    repo.git('config', 'user.name', 'Grace Hopper');
    assert.strictEqual(await gitAuthor(git, repo.root), 'Grace Hopper <ada@example.com>');
  });
});
