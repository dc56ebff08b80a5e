import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as util from 'util';
import { createNoteFile, renderNote, type NoteDraft } from '../../src/core/noteWriting/newNoteFile';
import { parseNote } from '../../src/core/noteFormat/noteParser';
import { hasErrors } from '../../src/core/noteFormat/noteModel';
import { firstEmptySectionLine } from '../../src/core/noteFormat/noteSections';
import { makeAnchor } from '../../src/core/anchoring/recordedAnchor';
import { NoteIndex } from '../../src/core/noteIndex/noteIndex';
import { tempDir } from './helpers/tempRepo';

const SHA_A = 'a'.repeat(40);
const SHA_B = '0123456789abcdef0123456789abcdef01234567';

function draft(overrides: Partial<NoteDraft> = {}): NoteDraft {
  return {
    title: 'Flushed the production cache',
    severity: 'high',
    author: 'Ada Lovelace <ada@example.com>',
    occurred: new Date('2026-11-21T10:32:00Z'),
    logged: new Date('2026-11-21T10:40:12.345Z'),
    branch: 'main',
    head: SHA_A,
    commits: [{ sha: SHA_B, role: 'introduced', subject: 'Tune cache TTL' }],
    files: [{ path: 'src/dir with space/naïve.ts', lines: [12, 18], commit: SHA_A, anchor: 'const ttl = 0;\n  flush();' }],
    sections: { tryingTo: 'Clear one stale key.' },
    ...overrides,
  };
}

describe('note writer and parser', () => {
  it('writes the v1 format, fields in order, and reads it back', () => {
    const text = renderNote('2026-11-21-flushed-the-production-cache', draft());
    const keys = text.split('\n').filter((l) => /^[a-z_]+:/.test(l)).map((l) => l.split(':')[0]);
    assert.deepStrictEqual(keys, ['id', 'title', 'status', 'severity', 'author', 'occurred', 'logged', 'branch', 'head', 'commits', 'files', 'tags']);
    assert.match(text, /^---\nid: 2026-11-21-flushed-the-production-cache\n/);
    assert.match(text, /\noccurred: 2026-11-21T10:32:00Z\n/);
    assert.match(text, /\nlogged: 2026-11-21T10:40:12Z\n/);
    assert.match(text, /\n {4}lines: \[12, 18\]\n/);
    assert.match(text, /\ntags: \[\]\n---\n/);
    const headings = text.split('\n').filter((l) => l.startsWith('## '));
    assert.deepStrictEqual(headings, [
      '## What I was trying to do', '## What I did', '## What happened instead', '## Impact',
      '## Recovery', '## Prevention', '## What I need', '## Learnings',
    ]);
    const parsed = parseNote(text, '2026-11-21-flushed-the-production-cache.md');
    assert.deepStrictEqual(parsed.problems, []);
    assert.strictEqual(parsed.note.title, 'Flushed the production cache');
    assert.strictEqual(parsed.note.status, 'open');
    assert.deepStrictEqual(parsed.note.files[0], draft().files[0]);
    assert.deepStrictEqual(parsed.note.commits, draft().commits);
  });

  it('keeps any Unicode title exactly, quoting where YAML needs it', () => {
    for (const title of ['Déployé: "prod" #1', "it's - [x] {a: b} & *ref", '缓存被清空', 'yes', '123', 'null', '- dash']) {
      const parsed = parseNote(renderNote('2026-01-01-x', draft({ title })), '2026-01-01-x.md');
      assert.strictEqual(parsed.note.title, title);
      assert.ok(!hasErrors(parsed), JSON.stringify(parsed.problems));
    }
  });

  it('places the cursor in the first empty section', () => {
    const text = renderNote('2026-01-01-x', draft());
    const line = firstEmptySectionLine(text)!;
    const all = text.split('\n');
    assert.strictEqual(all[line - 2], '## What I did');
    assert.strictEqual(all[line], '');
    assert.strictEqual(all[line - 1], '');
  });

  it('creates notes exclusively, adding -2, -3 on collision', async () => {
    const dir = tempDir();
    const first = await createNoteFile(dir, draft());
    const second = await createNoteFile(dir, draft());
    const third = await createNoteFile(dir, draft());
    assert.deepStrictEqual([first.id, second.id, third.id], [
      '2026-11-21-flushed-the-production-cache',
      '2026-11-21-flushed-the-production-cache-2',
      '2026-11-21-flushed-the-production-cache-3',
    ]);
    for (const created of [first, second, third]) {
      assert.strictEqual(path.basename(created.path), `${created.id}.md`);
      assert.strictEqual(parseNote(fs.readFileSync(created.path, 'utf8'), `${created.id}.md`).problems.length, 0);
    }
    assert.deepStrictEqual(fs.readdirSync(dir).sort(), [first, second, third].map((c) => `${c.id}.md`).sort(), 'no temp files left');
  });

  it('never overwrites: 20 notes with the same title at the same moment all survive', async () => {
    const dir = tempDir();
    const created = await Promise.all(Array.from({ length: 20 }, (_, i) => createNoteFile(dir, draft({ sections: { tryingTo: `writer ${i}` } }))));
    const ids = new Set(created.map((c) => c.id));
    assert.strictEqual(ids.size, 20);
    const bodies = fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
    assert.strictEqual(bodies.length, 20);
    for (let i = 0; i < 20; i++) {
      assert.strictEqual(bodies.filter((b) => b.includes(`writer ${i}\n`)).length, 1, `writer ${i} kept exactly once`);
    }
    for (const c of created) {
      assert.strictEqual(parseNote(fs.readFileSync(c.path, 'utf8'), path.basename(c.path)).note.id, c.id);
    }
  });

  it('does not touch an existing file that has the name', async () => {
    const dir = tempDir();
    const existing = path.join(dir, '2026-11-21-flushed-the-production-cache.md');
    fs.writeFileSync(existing, 'hand-written, not a note yet');
    const created = await createNoteFile(dir, draft());
    assert.strictEqual(fs.readFileSync(existing, 'utf8'), 'hand-written, not a note yet');
    assert.strictEqual(created.id, '2026-11-21-flushed-the-production-cache-2');
  });
});

describe('anchors', () => {
  it('drops common indentation and trailing spaces, keeps relative indentation', () => {
    assert.strictEqual(makeAnchor(['    if (x) {  ', '      y();', '', '    }']), 'if (x) {\n  y();\n\n}');
  });

  it('keeps the first and last lines of a long range', () => {
    const anchor = makeAnchor(Array.from({ length: 40 }, (_, i) => `line ${i + 1}`))!;
    assert.match(anchor, /^line 1\n/);
    assert.match(anchor, /\n… 30 lines …\n/);
    assert.match(anchor, /\nline 40$/);
  });

  it('masks secrets and ignores blank ranges', () => {
    assert.strictEqual(makeAnchor(['const password = "hunter2hunter2";']), 'const password = "[redacted]";');
    assert.strictEqual(makeAnchor(['', '   ']), undefined);
  });
});

describe('NoteIndex', () => {
  it('scans, updates one file, and reconciles changes no watcher reported', async () => {
    const dir = tempDir();
    const a = await createNoteFile(dir, draft({ title: 'First' }));
    fs.writeFileSync(path.join(dir, 'README.md'), '# not a note');
    const index = new NoteIndex(dir);
    await index.scan();
    assert.deepStrictEqual(index.list().map((n) => n.note.title), ['First']);

    const b = await createNoteFile(dir, draft({ title: 'Second' }));
    assert.strictEqual(await index.update(b.path), true);
    assert.strictEqual(index.list().length, 2);

    fs.rmSync(a.path);
    fs.writeFileSync(b.path, fs.readFileSync(b.path, 'utf8').replace('title: Second', 'title: Second, edited'));
    const c = await createNoteFile(dir, draft({ title: 'Third' }));
    assert.strictEqual(await index.reconcile(), true);
    assert.deepStrictEqual(index.list().map((n) => n.note.title).sort(), ['Second, edited', 'Third']);
    assert.ok(index.get(c.path));
    assert.strictEqual(await index.reconcile(), false, 'nothing changed since');
  });

  it('lists a note over 1 MiB as too large without reading it', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, '2026-01-01-huge.md'), `---\ntitle: Huge\n---\n${'x'.repeat(1024 * 1024)}`);
    const index = new NoteIndex(dir);
    await index.scan();
    assert.match(index.list()[0].problems[0].message, /over 1 MiB are not read/);
  });

  it('keeps plain objects: the constructors it uses instead of literals are invisible', async () => {
    const dir = tempDir();
    const created = await createNoteFile(dir, draft({ tags: ['cache', 'prod'] }));
    const index = new NoteIndex(dir);
    await index.scan();
    const entry = index.get(created.path)!;
    const { note } = entry;
    const plainObjects = [entry, note, note.commits[0], note.files[0]];
    for (const value of plainObjects) {
      assert.strictEqual(Object.getPrototypeOf(value), Object.prototype);
      assert.doesNotMatch(util.inspect(value, { depth: 0 }), /^\w+ \{/, 'no class name in inspect output');
    }
    for (const list of [note.commits, note.files, note.tags, note.files[0].lines!]) {
      assert.ok(Array.isArray(list));
      assert.strictEqual(Object.getPrototypeOf(list), Array.prototype);
    }
    assert.deepStrictEqual(note.tags, ['cache', 'prod']);
    // Fields and values as parseNote gives them, compared strictly (prototypes included).
    const parsed = parseNote(fs.readFileSync(created.path, 'utf8'), path.basename(created.path));
    assert.deepStrictEqual({ ...note }, { ...parsed.note });
    assert.deepStrictEqual(JSON.parse(JSON.stringify(note)), JSON.parse(JSON.stringify(parsed.note)));
    assert.deepStrictEqual(entry.problems, []);
  });
});
