// The index decodes and parses only the start of a note (its front matter) and reads the body
// later. These tests hold that to what parseNote makes of the whole file, for every cut a reader
// could make, on the bad-input fixtures, on hand-made edge cases and on a fuzz set.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { NoteIndex } from '../../src/core/noteIndex/noteIndex';
import { hasLazyBody, MAX_NOTE_BYTES } from '../../src/core/noteIndex/noteFileRead';
import { noteBody, parseNote, parseNoteStart } from '../../src/core/noteFormat/noteParser';
import type { Note } from '../../src/core/noteFormat/noteModel';
import { CASES, FIXTURES } from './badInput.test';
import { mutate, random, randomDocument } from './helpers/yamlFuzz';
import { tempDir } from './helpers/tempRepo';

const EDGE_CASES: Record<string, string> = {
  plain: '---\ntitle: A\nstatus: open\nseverity: low\n---\n\n## What happened\nText\n',
  empty: '---\n---\nbody\n',
  dots: '---\ntitle: A\n...\nbody\n---\nnot a fence\n',
  crlf: '---\r\ntitle: A\r\n---\r\n\r\nbody\r\n',
  bom: '\uFEFF---\ntitle: A\n---\nbody\n',
  'lone CR before the fence': '---\ntitle: A\r---\nbody\n---\nmore\n',
  'line separator before the fence': '---\ntitle: A\u2028---\nbody\n---\nmore\n',
  'fence with trailing text': '---\ntitle: A\n---x\nstill yaml: 1\n---\nbody\n',
  'fence with trailing spaces': '---\ntitle: A\n---  \t\nbody\n',
  'no closing fence': '---\ntitle: A\nbody\n',
  'no front matter': '# Just Markdown\n---\nrule above\n',
  'fence at the very end': '---\ntitle: A\n---',
  'NUL in the body': '---\ntitle: A\n---\nbo\u0000dy\n',
  'a rule first in the body': '---\ntitle: A\n---\n---\nbody\n',
  unicode: '---\ntitle: "Caf\u00e9 \u{1F525}"\ntags: [\u00e9t\u00e9]\n---\n\u00c9crit\n',
  'yaml the fast reader leaves': '---\ntitle: &a A\nauthor: *a\n---\nbody\n',
  'broken yaml': '---\ntitle: [\n---\nbody\n',
};

/** parseNote's result without the body, to compare with parseNoteStart's. */
function fieldsOf(parsed: { note: Note; problems: unknown; bodyLine: number }): unknown {
  const fields: Partial<Note> = { ...parsed.note };
  delete fields.body;
  return { fields, problems: parsed.problems, bodyLine: parsed.bodyLine };
}

/** Every cut just after a line break, and the whole text. */
function cuts(text: string): string[] {
  const out: string[] = [];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    out.push(text.slice(0, i + 1));
  }
  out.push(text);
  return out;
}

function assertStartAgrees(text: string, label: string): number {
  const whole = parseNote(text, 'n.md');
  if (text.includes('\u0000')) {
    // A NUL anywhere makes the file no note: the caller looks for one in the whole file's bytes
    // before asking parseNoteStart, which can only refuse a head that shows it.
    for (const head of cuts(text).filter((h) => h.includes('\u0000'))) {
      assert.strictEqual(parseNoteStart(head, 'n.md', (fields) => ({ ...fields, body: '' })), undefined);
    }
    return 0;
  }
  let parsedCuts = 0;
  for (const head of cuts(text)) {
    const start = parseNoteStart(head, 'n.md', (fields) => ({ ...fields, body: 'lazy' }));
    if (start) {
      parsedCuts++;
      assert.deepStrictEqual(fieldsOf(start), fieldsOf(whole), `${label}, cut at ${head.length}`);
      assert.strictEqual(start.note.body, 'lazy');
    }
  }
  assert.strictEqual(noteBody(text), whole.note.body, label);
  return parsedCuts;
}

describe('reading a note from its start', () => {
  it('gives what parseNote gives for the whole file, at every cut, or asks for the whole file', () => {
    let parsed = 0;
    for (const [label, text] of Object.entries(EDGE_CASES)) {
      parsed += assertStartAgrees(text, label);
    }
    for (const c of CASES) {
      parsed += assertStartAgrees(fs.readFileSync(path.join(FIXTURES, c.file), 'utf8'), c.file);
    }
    assert.ok(parsed > 100, `${parsed} cuts parsed`);
    // Where the whole text is needed, the start never answers.
    assert.strictEqual(parseNoteStart(EDGE_CASES['NUL in the body'], 'n.md', (f) => ({ ...f, body: '' })), undefined);
    assert.strictEqual(parseNoteStart(EDGE_CASES['no front matter'], 'n.md', (f) => ({ ...f, body: '' })), undefined);
  });

  it('agrees on 400 random and mutated front matters', () => {
    const rnd = random(20261121);
    for (let i = 0; i < 400; i++) {
      let yaml = randomDocument(rnd);
      if (i % 2 === 1) {
        yaml = mutate(rnd, yaml);
      }
      const eol = yaml.includes('\r\n') ? '\r\n' : '\n';
      assertStartAgrees(`---${eol}${yaml}---${eol}${eol}body ${i}${eol}---${eol}after a rule${eol}`, `fuzz ${i}`);
    }
  });

  it('an index scan reads every fixture as parseNote does, the body when asked for', async () => {
    const dir = tempDir();
    const texts = new Map<string, string>();
    for (const c of CASES) {
      const file = path.join(FIXTURES, c.file);
      // Notes over 1 MiB are listed unread, not parsed: nothing to compare.
      if (fs.statSync(file).size <= MAX_NOTE_BYTES) {
        texts.set(c.file, fs.readFileSync(file, 'utf8'));
      }
    }
    for (const [label, text] of Object.entries(EDGE_CASES)) {
      texts.set(`2026-01-01-${label.replace(/\W+/g, '-')}.md`, text);
    }
    for (const [name, text] of texts) {
      fs.writeFileSync(path.join(dir, name), text);
    }
    const index = new NoteIndex(dir);
    await index.scan();
    let compared = 0;
    for (const [name, text] of texts) {
      const entry = index.get(path.join(dir, name));
      if (!entry) {
        assert.fail(`${name} missing from the index`);
      }
      const whole = parseNote(text, name);
      assert.deepStrictEqual(fieldsOf(entry), fieldsOf(whole), name);
      assert.strictEqual(entry.note.body, whole.note.body, name);
      compared++;
    }
    assert.strictEqual(compared, texts.size);
  });

  it('a first scan, with no cache, reads the bodies it left unread in the background', async () => {
    const dir = tempDir();
    for (let i = 0; i < 30; i++) {
      fs.writeFileSync(path.join(dir, `2026-01-01-n${i}.md`), `---\ntitle: N${i}\n---\n\nBody ${i}\n`);
    }
    const index = new NoteIndex(dir);
    await index.scan();
    assert.ok(index.list().every((e) => hasLazyBody(e.note)), 'bodies are left for later by the scan');
    await new Promise((resolve) => setTimeout(resolve, 600));
    assert.deepStrictEqual(index.list().filter((e) => hasLazyBody(e.note)).map((e) => e.path), [], 'all read 600 ms later');
    assert.strictEqual(index.get(path.join(dir, '2026-01-01-n7.md'))?.note.body, '\nBody 7\n');
  });
});
