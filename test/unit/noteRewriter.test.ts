import * as assert from 'assert';
import { setFields } from '../../src/core/noteRewriter';
import { parseNote } from '../../src/core/noteParser';

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
