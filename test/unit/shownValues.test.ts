// Issue 16, item 8: what a note's status and severity are shown as — the file's own value, marked
// when it is invalid or missing, never the default the note holds in its place — including the
// Learnings tree's text for a note with errors; and YAML errors' one line number, in the file.
import * as assert from 'assert';
import {
  brokenNoteValues, fileValue, invalidFields, shownValue, shownValues, valueState, WORDED_MARKS,
} from '../../src/core/noteFormat/noteFields';
import { parseNote } from '../../src/core/noteFormat/noteParser';

const note = (...fields: string[]) => parseNote(`---\ntitle: Typo\n${fields.join('\n')}\n---\nBody\n`, '2026-02-21-typo.md');

describe('shown values of a note (issue 16, item 8)', () => {
  it('shows an invalid status as the file has it, marked, and keeps a valid severity', () => {
    const parsed = note('status: opne', 'severity: high');
    // The model holds the default in its place: that is what must never be shown as the file's.
    assert.strictEqual(parsed.note.status, 'open');
    assert.strictEqual(valueState(parsed, 'status'), 'invalid');
    assert.strictEqual(valueState(parsed, 'severity'), 'valid');
    assert.strictEqual(shownValue(parsed, 'status'), 'opne (invalid)');
    assert.strictEqual(shownValue(parsed, 'severity'), 'high');
    assert.strictEqual(fileValue(parsed, 'status'), 'opne');
    assert.deepStrictEqual(invalidFields(parsed, ['title', 'status', 'severity']), ['status']);
  });

  it('gives the Learnings tree\'s text for the note: description and tooltip', () => {
    const parsed = note('status: opne', 'severity: high');
    // The tree's description after the date, and the tooltip's `severity · status`.
    assert.strictEqual(brokenNoteValues(parsed), 'opne (invalid) · high');
    assert.strictEqual(shownValues(parsed, ['severity', 'status']), 'high · opne (invalid)');
    // The marks are the caller's (the editor passes translated ones, the CLI table short ones).
    assert.strictEqual(brokenNoteValues(parsed, { invalid: ' (!)', missing: ' (?)', unread: '?' }), 'opne (!) · high');
    const badSeverity = note('status: resolved', 'severity: 5');
    assert.strictEqual(brokenNoteValues(badSeverity), 'resolved · 5 (invalid)');
    // A note broken in another way keeps "malformed" (undefined here): its values are fine.
    assert.strictEqual(brokenNoteValues(parseNote('---\nstatus: open\nseverity: low\n---\n', 'x.md')), undefined);
  });

  it('marks a missing status or severity as the default, not set in the file', () => {
    const parsed = note('severity: low');
    assert.strictEqual(valueState(parsed, 'status'), 'missing');
    assert.strictEqual(shownValue(parsed, 'status'), 'open (not set)');
    assert.strictEqual(shownValues(parsed, ['severity', 'status']), 'low · open (not set)');
    // The format makes a missing status open (a warning): not an invalid field.
    assert.deepStrictEqual(invalidFields(parsed, ['status', 'severity']), []);
  });

  it('shows non-text values as compact text, and long ones cut', () => {
    assert.strictEqual(shownValue(note('status: 3', 'severity: low'), 'status'), '3 (invalid)');
    assert.strictEqual(shownValue(note('status: [open, resolved]', 'severity: low'), 'status'), '["open","resolved"] (invalid)');
    const long = shownValue(note(`status: {a: ${'x'.repeat(100)}}`, 'severity: low'), 'status');
    assert.ok(long.length < 60 && long.endsWith('… (invalid)'), long);
    assert.strictEqual(shownValue(note('status: open', 'severity: low', 'occurred: yesterday'), 'occurred'), 'yesterday (invalid)');
  });

  it('says the value is unknown when the front matter cannot be read, and names every defaulted field', () => {
    const parsed = parseNote('---\ntitle: Twice\nstatus: open\nstatus: resolved\n---\n', '2026-02-22-twice.md');
    assert.strictEqual(valueState(parsed, 'status'), 'unread');
    assert.strictEqual(shownValue(parsed, 'status'), WORDED_MARKS.unread);
    assert.strictEqual(shownValue(parsed, 'author'), '', 'an optional field is simply not shown');
    assert.deepStrictEqual(invalidFields(parsed, ['title', 'status', 'severity', 'occurred']), ['title', 'status', 'severity']);
  });
});

describe('YAML errors in a note (issue 16, item 8)', () => {
  const cases: [string, string, number][] = [
    // Read by the strict reader, which reports what `yaml` would.
    ['duplicate key', '---\ntitle: A\nstatus: open\nseverity: low\nstatus: resolved\n---\n', 5],
    ['unclosed flow sequence', '---\nid: x\ntitle: [unclosed\nstatus: open\n---\n', 4],
    // Read by `yaml` itself.
    // `yaml` finds the quote unclosed at the end of the front matter: the closing fence's line.
    ['unclosed quote', '---\ntitle: "unclosed\nstatus: open\n---\n', 4],
    ['bad indentation', '---\ntitle: A\n  status: open\n severity: low\n---\n', 2],
  ];
  for (const [name, text, expectedLine] of cases) {
    it(`gives one line number, counted in the file, and no dangling colon: ${name}`, () => {
      const problems = parseNote(text, 'x.md').problems.filter((p) => p.message.startsWith('Invalid YAML'));
      assert.ok(problems.length > 0, 'an Invalid YAML problem');
      for (const p of problems) {
        assert.doesNotMatch(p.message, /at line \d|column \d|:$/, p.message);
        assert.match(p.message, /\.$/);
        assert.strictEqual(p.field, undefined, 'a problem with the front matter as a whole');
      }
      assert.strictEqual(problems[0].line, expectedLine, JSON.stringify(problems));
    });
  }
});
