// The layout reader reads notes laid out as Candor writes them in one pass, and gives up on
// anything else. These tests hold it to the general route (parseNote): whenever it answers, the
// note has the very fields, field order and body line parseNote gives, and parseNote finds no
// problem. They also check that it does answer for what the writer makes, or it would be no help.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { readLayout } from '../../src/core/layoutReader';
import { parseNote, parseNoteStart } from '../../src/core/noteParser';
import type { Note } from '../../src/core/noteModel';
import { renderNote } from '../../src/core/noteWriter';
import { CASES, FIXTURES } from './badInput.test';
import { PLAIN_DRAFT, SHA, mutate, random, randomDraft } from './helpers/yamlFuzz';

const NAME = '2026-11-21-flushed-the-production-cache.md';
const ID = NAME.slice(0, -3);

/** What parseNote starts a note named `name` from: its fields before the front matter, no body. */
function defaults(name: string): Omit<Note, 'body'> {
  const fields: Partial<Note> = { ...parseNote('', name).note };
  delete fields.body;
  return fields as Omit<Note, 'body'>;
}

/**
 * Reads `text` with the layout reader and, when it answers, checks the answer against parseNote.
 * Returns whether it answered.
 */
function agrees(text: string, label: string, name = NAME): boolean {
  if (text.includes('\u0000')) {
    // No note at all, whatever its front matter: callers look for NUL bytes in the whole file
    // first (noteFileRead.ts), as parseNoteStart requires.
    return false;
  }
  const fields = defaults(name);
  const before = JSON.stringify(fields);
  const bodyLine = readLayout(text, fields);
  if (bodyLine < 0) {
    assert.strictEqual(JSON.stringify(fields), before, `${label}: a refusal leaves the note as it was`);
    return false;
  }
  const whole = parseNote(text, name);
  assert.deepStrictEqual(whole.problems, [], `${label}: answered, but parseNote finds problems`);
  const expected: Partial<Note> = { ...whole.note };
  delete expected.body;
  assert.deepStrictEqual(fields, expected, label);
  assert.deepStrictEqual(Object.keys(fields), Object.keys(expected), `${label}: field order`);
  for (let i = 0; i < fields.files.length; i++) {
    assert.deepStrictEqual(Object.keys(fields.files[i]), Object.keys(expected.files?.[i] ?? {}), `${label}: file ${i} field order`);
  }
  assert.strictEqual(bodyLine, whole.bodyLine, `${label}: body line`);
  return true;
}

const PLAIN_NOTE = renderNote(ID, { ...PLAIN_DRAFT, status: 'open' });

describe('the layout reader', () => {
  it('reads every everyday note the writer makes, as parseNote does', () => {
    assert.ok(agrees(PLAIN_NOTE, 'plain draft'), 'the plain draft is read by the layout reader');
    const rnd = random(1121);
    const words = ['Flushed', 'the', 'cache', 'deploy', 'rollback', 'v1.2', '2fa', 'k8s', 'DNS', 'prod', 'café', 'naïve', '缓存', '(again)', 'it\'s', 'x/y', 'a.b', '#12', '"quoted"', 'C:\\temp', '50%', 'a,b', '[draft]'];
    const sentence = (n: number) => Array.from({ length: 1 + Math.floor(rnd() * n) }, () => words[Math.floor(rnd() * words.length)]).join(' ');
    const code = ['function f() {', '  return cache[key];', '}', '', '\tif (x) {', '    # not a comment: here', '  - item', 'key: value'];
    for (let i = 0; i < 300; i++) {
      const draft = randomDraft(rnd, false);
      draft.title = `${sentence(8)} ${i}`;
      draft.author = rnd() < 0.8 ? `${sentence(2)} <ada@example.com>` : undefined;
      draft.branch = rnd() < 0.8 ? 'feature/x' : undefined;
      draft.tags = Array.from({ length: Math.floor(rnd() * 4) }, () => ['cache', 'dns', 'k8s', '2fa', 'v1.2', 'data-loss', '123', 'true', 'sécurité'][Math.floor(rnd() * 9)]);
      draft.commits = draft.commits.map((c) => ({ ...c, subject: rnd() < 0.8 ? sentence(6) : undefined }));
      draft.files = draft.files.map((f) => ({
        ...f,
        path: `src/${sentence(1).replace(/\W/g, '') || 'x'}.ts`,
        anchor: f.anchor === undefined ? undefined : Array.from({ length: 1 + Math.floor(rnd() * 6) }, (_, k) => code[(i + k) % code.length]).join('\n').trim() || 'x();',
      }));
      assert.ok(agrees(renderNote(ID, draft), `everyday draft ${i}: ${JSON.stringify(draft)}`), `everyday draft ${i} read by the layout reader`);
    }
  });

  it('agrees with parseNote on random drafts', () => {
    const rnd = random(1121);
    let answered = 0;
    for (let i = 0; i < 600; i++) {
      if (agrees(renderNote(ID, randomDraft(rnd, i % 3 === 0)), `draft ${i}`)) {
        answered++;
      }
    }
    // Their text is chosen to be odd (YAML's special words and characters, quotes, escapes, tabs),
    // so many are left to the general route; enough are read to test the reader.
    assert.ok(answered > 100, `${answered} of 600 drafts read by the layout reader`);
  });

  it('reads the forms people and the other commands leave in a note', () => {
    const accepted: Record<string, string> = {
      'a comment line': PLAIN_NOTE.replace('title:', '# keep the id in sync\ntitle:'),
      'a comment after a value': PLAIN_NOTE.replace('status: open', 'status: open   # reviewed on Monday'),
      'a field of the team\'s own': PLAIN_NOTE.replace('tags:', 'reviewers: [grace, linus]\nticket: OPS-12\ntags:'),
      'a quoted title': PLAIN_NOTE.replace(/^title: .*$/m, `title: 'Cache: "flush" #12'`),
      'a double-quoted title': PLAIN_NOTE.replace(/^title: .*$/m, `title: "It's gone: all of it"`),
      'a resolved time': PLAIN_NOTE.replace('status: open', 'status: resolved\nresolved: 2026-11-22T09:00:00Z'),
      'CRLF line breaks': PLAIN_NOTE.replace(/\n/g, '\r\n'),
      'empty lists': PLAIN_NOTE.replace(/^commits:\n(?: {2}- .*\n(?: {4}.*\n)*)+/m, 'commits: []\n').replace(/^files:\n(?: {2}- .*\n(?: {4}.*\n)*)+/m, 'files: []\n'),
      'an anchor with a leading blank line': renderNote(ID, { ...PLAIN_DRAFT, files: [{ path: 'a.ts', lines: [1, 3], anchor: '\n  x();\n}' }] }),
      'an anchor indented more than its first line': renderNote(ID, { ...PLAIN_DRAFT, files: [{ path: 'a.ts', anchor: '    deep();\n  less();' }] }),
      'an anchor with tabs and blank lines': renderNote(ID, { ...PLAIN_DRAFT, files: [{ path: 'a.go', anchor: 'func f() {\n\treturn\n\n\t# not a comment: here\n}' }] }),
      'an anchor with a final line break': renderNote(ID, { ...PLAIN_DRAFT, files: [{ path: 'a.ts', anchor: 'x();\n' }] }),
      'uncommitted': renderNote(ID, { ...PLAIN_DRAFT, files: [{ path: 'a.ts', uncommitted: 'unsaved' }] }),
      'a numeric-looking tag and subject': renderNote(ID, { ...PLAIN_DRAFT, tags: ['2fa', 'k8s', 'v1.2'], commits: [{ sha: SHA, role: 'fixed', subject: '12 files' }] }),
    };
    for (const [label, text] of Object.entries(accepted)) {
      assert.ok(agrees(text, label), `${label}: read by the layout reader`);
    }
  });

  it('leaves to the general route what it does not read exactly', () => {
    const refused: Record<string, string> = {
      'a repeated key': PLAIN_NOTE.replace('severity: high', 'severity: high\nseverity: low'),
      'a repeated key of the team\'s': PLAIN_NOTE.replace('tags:', 'x: 1\nx: 2\ntags:'),
      'an unknown status': PLAIN_NOTE.replace('status: open', 'status: done'),
      'a missing status': PLAIN_NOTE.replace('status: open\n', ''),
      'a bad head': PLAIN_NOTE.replace(/^head: .*$/m, 'head: not-a-sha'),
      'a numeric head': PLAIN_NOTE.replace(/^head: .*$/m, 'head: 1234567'),
      'an id that is not the file name': PLAIN_NOTE.replace(/^id: .*$/m, 'id: another'),
      'an escaped quote': PLAIN_NOTE.replace(/^title: .*$/m, `title: 'it''s'`),
      'a backslash escape': PLAIN_NOTE.replace(/^title: .*$/m, 'title: "a\\tb"'),
      'a tab': PLAIN_NOTE.replace(/^title: .*$/m, 'title: a\tb'),
      'a title that is a number': PLAIN_NOTE.replace(/^title: .*$/m, 'title: 1e3'),
      'a title that is true': PLAIN_NOTE.replace(/^title: .*$/m, 'title: true'),
      'a map where text goes': PLAIN_NOTE.replace(/^title: .*$/m, 'title: a: b'),
      'a blank line': PLAIN_NOTE.replace('severity:', '\nseverity:'),
      'a flow map': PLAIN_NOTE.replace(/^title: .*$/m, 'title: {a: 1}'),
      'an alias': PLAIN_NOTE.replace(/^title: .*$/m, 'title: &t x'),
      'a nested unknown field': PLAIN_NOTE.replace('tags:', 'extra:\n  a: 1\ntags:'),
      'a kept literal': PLAIN_NOTE.replace('anchor: |-', 'anchor: |+'),
      'a literal with a trailing blank line': PLAIN_NOTE.replace(/^tags:/m, '\ntags:'),
      'a line break in the wrong place': PLAIN_NOTE.replace('role: introduced', 'role:\n      introduced'),
      'a lone carriage return': PLAIN_NOTE.replace('Tune cache', 'Tune\rcache'),
      'a line separator': PLAIN_NOTE.replace('Tune cache', 'Tune\u2028cache'),
      'a control character in a quoted title': PLAIN_NOTE.replace(/^title: .*$/m, "title: 'a\u0007b'"),
      'a BOM in a tag': PLAIN_NOTE.replace('tags: [cache', 'tags: [ca\ufeffche'),
      'a line separator in a tag': PLAIN_NOTE.replace('tags: [cache', 'tags: [ca\u2028che'),
      'a C1 control in a comment line': PLAIN_NOTE.replace('title:', '# a\u0085b\ntitle:'),
      'a lone carriage return in a comment': PLAIN_NOTE.replace('status: open', 'status: open # a\rb'),
      'a control character in a literal': PLAIN_NOTE.replace('return cache[key];', 'return\u0001cache[key];'),
      'a lone carriage return in a literal': PLAIN_NOTE.replace('return cache[key];', 'return\rcache[key];'),
      'a non-character in a team\'s field': PLAIN_NOTE.replace('tags:', 'ticket: a\uffffb\ntags:'),
      'a BOM': `\ufeff${PLAIN_NOTE}`,
      'a fence with spaces': PLAIN_NOTE.replace('---\n\n', '---  \n\n'),
      'no closing fence': PLAIN_NOTE.slice(0, PLAIN_NOTE.indexOf('\n---\n') + 1),
      'a path leaving the repository': renderNote(ID, { ...PLAIN_DRAFT, files: [{ path: '../etc/passwd' }] }),
      'lines out of order': PLAIN_NOTE.replace('[12, 18]', '[18, 12]'),
      'a zero line': PLAIN_NOTE.replace('[12, 18]', '[0, 18]'),
    };
    for (const [label, text] of Object.entries(refused)) {
      assert.ok(!agrees(text, label), `${label}: left to the general route`);
    }
  });

  it('agrees with parseNote on the bad-input fixtures and 4,000 mutated notes', () => {
    for (const c of CASES) {
      const file = path.join(FIXTURES, c.file);
      if (fs.statSync(file).size < 2 * 1024 * 1024) {
        agrees(fs.readFileSync(file, 'utf8'), c.file, c.file);
      }
    }
    const rnd = random(20261121);
    const seeds = [PLAIN_NOTE, ...Array.from({ length: 40 }, () => renderNote(ID, randomDraft(rnd, rnd() < 0.3)))];
    let answered = 0;
    for (let i = 0; i < 4000; i++) {
      let text = seeds[i % seeds.length];
      for (let k = 1 + Math.floor(rnd() * 3); k > 0; k--) {
        text = mutate(rnd, text);
      }
      if (agrees(text, `mutation ${i}: ${JSON.stringify(text)}`)) {
        answered++;
      }
    }
    // Many mutations leave a note the reader still reads; those are the ones that test it.
    assert.ok(answered > 500, `${answered} mutated notes read by the layout reader`);
  });

  it('is what parseNoteStart uses, with the body left to the caller', () => {
    const start = parseNoteStart(PLAIN_NOTE, NAME, (fields) => ({ ...fields, body: 'later' }));
    const whole = parseNote(PLAIN_NOTE, NAME);
    assert.ok(start);
    assert.strictEqual(start.note.body, 'later');
    assert.deepStrictEqual({ ...start.note, body: whole.note.body }, whole.note);
    assert.strictEqual(start.bodyLine, whole.bodyLine);
  });
});
