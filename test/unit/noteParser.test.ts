import * as assert from 'assert';
import { parseNote } from '../../src/core/noteFormat/noteParser';
import { hasErrors, isDateTime } from '../../src/core/noteFormat/noteModel';

const GOOD = `---
id: 2026-11-21-x
title: X
status: mitigated
severity: low
---
Body
`;

function errors(text: string): string[] {
  return parseNote(text, '2026-11-21-x.md').problems.filter((p) => p.level === 'error').map((p) => p.message);
}

describe('parseNote on bad input', () => {
  it('reads a good note with no problem', () => {
    const parsed = parseNote(GOOD, '2026-11-21-x.md');
    assert.deepStrictEqual(parsed.problems, []);
    assert.strictEqual(parsed.note.status, 'mitigated');
    assert.strictEqual(parsed.note.body, 'Body\n');
  });

  it('accepts a BOM and CRLF line breaks', () => {
    const parsed = parseNote('\uFEFF' + GOOD.replace(/\n/g, '\r\n'), '2026-11-21-x.md');
    assert.deepStrictEqual(parsed.problems, []);
    assert.strictEqual(parsed.note.title, 'X');
  });

  it('reports a missing front matter', () => {
    assert.match(errors('# Just markdown\n')[0], /No front matter/);
    assert.match(errors('---\ntitle: never closed\n')[0], /No front matter/);
  });

  it('reports invalid YAML with its line in the file', () => {
    const parsed = parseNote('---\nid: 2026-11-21-x\ntitle: [unclosed\n---\n', '2026-11-21-x.md');
    assert.ok(hasErrors(parsed));
    assert.ok(parsed.problems[0].line! >= 2, JSON.stringify(parsed.problems));
  });

  it('reports wrong types, unknown values and duplicate keys', () => {
    assert.match(errors(GOOD.replace('title: X', 'title: 123')).join(), /title.*must be text/);
    assert.match(errors(GOOD.replace('status: mitigated', 'status: done')).join(), /status.*done.*expected one of open, mitigated, resolved/);
    assert.match(errors(GOOD.replace('severity: low', 'severity: 11')).join(), /severity/);
    assert.match(errors(GOOD.replace('Body', '').replace('---\nBody', '---').replace('severity: low', 'severity: low\ncommits: {}')).join(), /commits.*must be a list/);
    assert.match(errors(GOOD.replace('severity: low', 'severity: low\nfiles:\n  - path: a.ts\n    lines: "abc"')).join(), /lines must be/);
    assert.match(errors(GOOD.replace('severity: low', 'severity: low\ntitle: again')).join(), /Invalid YAML/);
    assert.match(errors(GOOD.replace('severity: low', 'severity: low\noccurred: yesterday-ish')).join(), /not a date/);
  });

  it('refuses aliases (no YAML bomb expansion)', () => {
    const bomb = "---\ntitle: X\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n---\n";
    assert.match(errors(bomb).join(), /could not be read|alias/i);
  });

  it('survives deep nesting and NUL bytes', () => {
    assert.ok(errors(`---\ntitle: ${'['.repeat(20000)}\n---\n`).length > 0);
    assert.match(errors(GOOD.replace('Body', 'Bo\u0000dy')).join(), /NUL/);
  });

  it('reports nesting too deep for the YAML parser the same way however deep the stack already is', () => {
    const deeply = (depth: number, read: () => string[]): string[] => (depth > 0 ? deeply(depth - 1, read) : read());
    for (const yaml of [`title: ${'['.repeat(1500)}`, Array.from({ length: 600 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')]) {
      const text = `---\n${yaml}\n---\n`;
      const shallow = errors(text);
      assert.deepStrictEqual(shallow, ['The front matter could not be read: it is nested more than 256 levels deep.']);
      assert.deepStrictEqual(deeply(3000, () => errors(text)), shallow);
    }
    // 200 levels are still read by `yaml` (and explained, here an unclosed sequence).
    assert.match(errors(`---\ntitle: ${'['.repeat(200)}\n---\n`).join(), /Invalid YAML/);
  });

  it('accepts exactly the dates and times Date.parse accepts, Candor\'s own by a quicker test', () => {
    const pad = (n: number, width = 2) => String(n).padStart(width, '0');
    let checked = 0;
    for (let i = 0; i < 3000; i++) {
      // Every field at its bounds and in between, the ones the quick test takes and the ones it leaves.
      const year = (i * 7919) % 10000;
      const month = (i % 14);
      const day = (i * 31) % 33;
      const hour = (i * 5) % 26;
      const minute = (i * 13) % 61;
      const zone = ['Z', '+05:30', '-12:00', '+24:00', '', '+5:30'][i % 6];
      const fraction = ['', '.123', '.1', '.1234'][i % 4];
      const value = `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(minute)}${fraction}${zone}`;
      assert.strictEqual(isDateTime(value), !Number.isNaN(Date.parse(value)), value);
      checked++;
    }
    assert.strictEqual(checked, 3000);
    assert.strictEqual(isDateTime('2026-11-21T10:32:00Z'), true);
    assert.strictEqual(isDateTime('yesterday'), false);
  });

  it('flags linked paths that leave the repository and never keeps them', () => {
    const text = GOOD.replace('severity: low', 'severity: low\nfiles:\n  - path: ../../etc/passwd\n  - path: /etc/passwd\n  - path: src/ok.ts');
    const parsed = parseNote(text, '2026-11-21-x.md');
    assert.deepStrictEqual(parsed.note.files.map((f) => f.path), ['src/ok.ts']);
    assert.strictEqual(parsed.problems.filter((p) => /leaves the repository|is absolute/.test(p.message)).length, 2);
  });

  it('rejects a sha that is a git option', () => {
    const text = GOOD.replace('severity: low', 'severity: low\ncommits:\n  - sha: --output=x\n    role: related');
    assert.match(errors(text).join(), /not a commit sha/);
    assert.deepStrictEqual(parseNote(text, '2026-11-21-x.md').note.commits, []);
  });

  it('warns when the id does not match the file name', () => {
    const parsed = parseNote(GOOD, 'other-name.md');
    assert.ok(!hasErrors(parsed));
    assert.match(parsed.problems[0].message, /does not match the file name/);
  });
});
