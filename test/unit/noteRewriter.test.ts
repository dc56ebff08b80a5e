import * as assert from 'assert';
import { appendListItem, setField, setFields } from '../../src/core/noteWriting/noteRewriter';
import { parseNote } from '../../src/core/noteFormat/noteParser';

const HAND_EDITED = [
  '---',
  '# Reviewed with the team on Monday',
  'id: 2026-11-21-x   # never change this',
  'title: "Flushed: the cache"',
  'status: open       # open until the TTL fix ships',
  'severity: high',
  'reviewers: [grace, linus]   # not a Candor field',
  'custom:',
  '  nested: {a: 1}',
  'files:',
  '  - path: src/cache.ts',
  '    lines: [ 12, 18 ]',
  'tags: []',
  '---',
  '',
  '## What I did',
  '',
  'Ran `flushall` — on **prod**.   ',
  '',
].join('\r\n');

describe('setFields on a hand-edited note', () => {
  it('changes one value and keeps every other byte', () => {
    const out = setFields(HAND_EDITED, { status: 'resolved' });
    assert.strictEqual(out, HAND_EDITED.replace('status: open       #', 'status: resolved       #'));
  });

  it('appends new fields at the end of the front matter with the file\'s line breaks', () => {
    const out = setFields(HAND_EDITED, { resolved: '2026-11-22T09:00:00Z' });
    assert.strictEqual(out, HAND_EDITED.replace('tags: []\r\n---', 'tags: []\r\nresolved: 2026-11-22T09:00:00Z\r\n---'));
    assert.strictEqual(parseNote(out, '2026-11-21-x.md').problems.length, 0);
  });

  it('quotes values that need it and removes fields on null', () => {
    const out = setFields(HAND_EDITED, { title: 'A: "quoted" #title', custom: null });
    const parsed = parseNote(out, '2026-11-21-x.md');
    assert.strictEqual(parsed.note.title, 'A: "quoted" #title');
    assert.ok(!out.includes('nested'));
    assert.ok(out.includes('reviewers: [grace, linus]   # not a Candor field'));
  });

  it('refuses to replace a list with a single value, and a note without front matter', () => {
    assert.throws(() => setFields(HAND_EDITED, { files: 'x' }), /list or a set of fields/);
    assert.throws(() => setFields('# no front matter', { status: 'open' }), /no front matter/);
  });
});

describe('setField on nested fields', () => {
  const NOTE = [
    '---',
    'id: 2026-11-21-x',
    'title: X',
    'files:',
    '  - path: src/a.ts   # the cache',
    '    lines: [ 12, 18 ]',
    '    anchor: |-',
    '      if (x) {',
    '        y();',
    '    commit: abcdef1',
    '  - path: src/b.ts',
    'tags: [a]',
    '---',
    'body',
    '',
  ].join('\n');

  it('replaces a flow list, a scalar and a block scalar in a list item, touching nothing else', () => {
    let out = setField(NOTE, ['files', 0, 'lines'], [14, 20]);
    out = setField(out, ['files', 0, 'commit'], '1234567890abcdef1234567890abcdef12345678');
    out = setField(out, ['files', 0, 'anchor'], 'if (y) {\n  z();\n}');
    assert.strictEqual(out, NOTE
      .replace('lines: [ 12, 18 ]', 'lines: [14, 20]')
      .replace('commit: abcdef1', 'commit: 1234567890abcdef1234567890abcdef12345678')
      .replace('    anchor: |-\n      if (x) {\n        y();\n', '    anchor: |-\n      if (y) {\n        z();\n      }\n'));
    const parsed = parseNote(out, '2026-11-21-x.md');
    assert.deepStrictEqual(parsed.note.files[0].lines, [14, 20]);
    assert.strictEqual(parsed.note.files[0].anchor, 'if (y) {\n  z();\n}');
  });

  it('adds a field to a list item at its indentation, and removes one', () => {
    const added = setField(NOTE, ['files', 1, 'lines'], [3, 4]);
    assert.ok(added.includes('  - path: src/b.ts\n    lines: [3, 4]\ntags: [a]'), added);
    const multi = setField(NOTE, ['files', 1, 'anchor'], 'one\ntwo');
    assert.ok(multi.includes('  - path: src/b.ts\n    anchor: |-\n      one\n      two\ntags: [a]'), multi);
    assert.deepStrictEqual(parseNote(multi, '2026-11-21-x.md').note.files[1].anchor, 'one\ntwo');
    const removed = setField(NOTE, ['files', 0, 'anchor'], null);
    assert.ok(removed.includes('    lines: [ 12, 18 ]\n    commit: abcdef1\n'), removed);
    const plainToBlock = setField(NOTE, ['files', 0, 'commit'], 'a\nb');
    assert.ok(plainToBlock.includes('    commit: |-\n      a\n      b\n  - path: src/b.ts'), plainToBlock);
  });
});

describe('appendListItem', () => {
  const SHA = '0123456789abcdef0123456789abcdef01234567';
  it('appends to a block list at its indentation', () => {
    const text = '---\nid: x\ncommits:\n  - sha: aaaaaaa\n    role: introduced   # keep\ntags: []\n---\nbody\n';
    const out = appendListItem(text, 'commits', { sha: SHA, role: 'fixed', subject: 'Fix: a "quoted" subject' });
    assert.strictEqual(out, text.replace('tags: []', `  - sha: ${SHA}\n    role: fixed\n    subject: 'Fix: a "quoted" subject'\ntags: []`));
    assert.deepStrictEqual(parseNote(out, 'x.md').note.commits.map((c) => c.role), ['introduced', 'fixed']);
  });

  it('turns an empty or missing list into a block list, with CRLF kept', () => {
    const empty = '---\r\nid: x\r\ncommits: []\r\ntags: []\r\n---\r\n';
    assert.strictEqual(appendListItem(empty, 'commits', { sha: SHA, role: 'fixed' }), `---\r\nid: x\r\ncommits:\r\n  - sha: ${SHA}\r\n    role: fixed\r\ntags: []\r\n---\r\n`);
    const missing = '---\nid: x\n---\n';
    assert.strictEqual(appendListItem(missing, 'commits', { sha: SHA, role: 'related' }), `---\nid: x\ncommits:\n  - sha: ${SHA}\n    role: related\n---\n`);
  });

  it('appends to a list indented at column 0', () => {
    const text = '---\ncommits:\n- sha: aaaaaaa\n  role: introduced\n---\n';
    const out = appendListItem(text, 'commits', { sha: SHA, role: 'fixed' });
    assert.strictEqual(out, `---\ncommits:\n- sha: aaaaaaa\n  role: introduced\n- sha: ${SHA}\n  role: fixed\n---\n`);
  });
});
