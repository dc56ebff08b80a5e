// The field table (src/core/noteFormat/noteFields.ts) against the places that must know every field: the
// model, the parser, the index cache and the writer. A field added to Note but not to the table,
// or marked cached but dropped by the cache, fails here (the index cache once lost `resolved`).
import * as assert from 'assert';
import { parse } from 'yaml';
import { cachedFields } from '../../src/core/noteIndex/indexCache';
import { CACHED_FIELDS, NOTE_FIELDS, WRITTEN_FIELDS, defaultFields, type NoteFieldKey } from '../../src/core/noteFormat/noteFields';
import type { Note } from '../../src/core/noteFormat/noteModel';
import { parseNote } from '../../src/core/noteFormat/noteParser';
import { renderNote } from '../../src/core/noteWriting/newNoteFile';

// Every field of the model with a value none of them has by default. `Required` makes this fail
// to compile when Note gains a field that is not listed here.
const EVERY_FIELD: Required<Omit<Note, 'body'>> = {
  id: '2026-11-21-every-field',
  title: 'Every field',
  status: 'resolved',
  severity: 'high',
  author: 'Ada',
  occurred: '2026-11-21T10:00:00Z',
  logged: '2026-11-21T10:05:00Z',
  branch: 'main',
  head: 'a'.repeat(40),
  resolved: '2026-11-22T09:00:00Z',
  reviewed: '2026-11-24T15:00:00Z',
  commits: [{ sha: 'b'.repeat(40), role: 'fixed', subject: 'Fix it' }],
  files: [{ path: 'src/a.ts', lines: [3, 4], commit: 'a'.repeat(40), anchor: 'x()', uncommitted: 'modified' }],
  tags: ['cache', 'prod'],
  related: ['2026-11-02-flushed-the-staging-cache'],
};

const EVERY_FIELD_TEXT = `---
id: 2026-11-21-every-field
title: Every field
status: resolved
severity: high
author: Ada
occurred: 2026-11-21T10:00:00Z
logged: 2026-11-21T10:05:00Z
branch: main
head: ${'a'.repeat(40)}
resolved: 2026-11-22T09:00:00Z
reviewed: 2026-11-24T15:00:00Z
commits:
  - sha: ${'b'.repeat(40)}
    role: fixed
    subject: Fix it
files:
  - path: src/a.ts
    lines: [3, 4]
    commit: ${'a'.repeat(40)}
    anchor: x()
    uncommitted: modified
tags: [cache, prod]
related: [2026-11-02-flushed-the-staging-cache]
---

Body
`;

describe('the field table', () => {
  it('lists every field of the note model, and only those', () => {
    assert.deepStrictEqual(Object.keys(NOTE_FIELDS).sort(), Object.keys(EVERY_FIELD).sort());
    assert.deepStrictEqual(Object.keys(defaultFields('x.md')).sort(), Object.keys(EVERY_FIELD).sort());
  });

  it('is what the parser reads: every field of a note that sets them all, without problems', () => {
    const parsed = parseNote(EVERY_FIELD_TEXT, `${EVERY_FIELD.id}.md`);
    assert.deepStrictEqual(parsed.problems, []);
    const { body, ...fields } = parsed.note;
    assert.strictEqual(body, '\nBody\n');
    assert.deepStrictEqual(fields, EVERY_FIELD);
    for (const key of Object.keys(NOTE_FIELDS) as NoteFieldKey[]) {
      assert.notDeepStrictEqual(EVERY_FIELD[key], defaultFields('other.md')[key], `${key} is read, not its default`);
    }
  });

  it('is what the index cache keeps: every field marked cached, the resolved time included', () => {
    const note = parseNote(EVERY_FIELD_TEXT, `${EVERY_FIELD.id}.md`).note;
    const kept = cachedFields(note) as Record<string, unknown>;
    const expected = Object.keys(NOTE_FIELDS).filter((k) => k !== 'id');
    assert.deepStrictEqual(Object.keys(kept).sort(), expected.sort());
    assert.deepStrictEqual([...CACHED_FIELDS].sort(), expected.sort());
    for (const key of expected) {
      assert.deepStrictEqual(kept[key], EVERY_FIELD[key as NoteFieldKey], key);
    }
    // Through JSON, as the cache stores it.
    assert.deepStrictEqual(JSON.parse(JSON.stringify(kept)), JSON.parse(JSON.stringify({ ...EVERY_FIELD, id: undefined })));
  });

  it('is what a new note is written with, in its order, tags as a one-line list', () => {
    const text = renderNote(EVERY_FIELD.id, {
      ...EVERY_FIELD, occurred: new Date(EVERY_FIELD.occurred), logged: new Date(EVERY_FIELD.logged),
    });
    const yaml = text.split('---\n')[1];
    assert.deepStrictEqual(Object.keys(parse(yaml) as object), [...WRITTEN_FIELDS]);
    assert.match(yaml, /^tags: \[cache, prod\]$/m);
    assert.match(yaml, /^related: \[2026-11-02-flushed-the-staging-cache\]$/m);
    const read = parseNote(text, `${EVERY_FIELD.id}.md`).note;
    for (const key of WRITTEN_FIELDS) {
      assert.deepStrictEqual(read[key], EVERY_FIELD[key], key);
    }
  });

  it('leaves `related` out of a new note that names no related note', () => {
    const text = renderNote(EVERY_FIELD.id, {
      ...EVERY_FIELD, related: [], occurred: new Date(EVERY_FIELD.occurred), logged: new Date(EVERY_FIELD.logged),
    });
    assert.doesNotMatch(text, /related/);
  });

  it('reads `related` ids, dropping (with a warning) items that cannot be an id', () => {
    const parsed = parseNote('---\ntitle: T\nrelated: [2026-01-01-a, "../etc/passwd", {x: 1}, ""]\n---\n', 'n.md');
    assert.deepStrictEqual(parsed.note.related, ['2026-01-01-a']);
    assert.strictEqual(parsed.problems.filter((p) => p.level === 'warning' && /^related\[\d\]/.test(p.message)).length, 3);
    assert.ok(parsed.problems.every((p) => p.level === 'warning'));
  });
});
