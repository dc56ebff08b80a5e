import * as assert from 'assert';
import { GROUP_BY, groupNotes, matchesFilter, regroupChanged, type GroupBy } from '../../src/core/listing/noteGrouping';
import { parseNote } from '../../src/core/noteFormat/noteParser';
import { findTaskItems, setTaskDone } from '../../src/core/noteFormat/taskItems';
import { sectionText } from '../../src/core/noteFormat/noteSections';
import type { ParsedNote } from '../../src/core/noteFormat/noteModel';

function note(id: string, fields: string, body = ''): ParsedNote {
  return parseNote(`---\nid: ${id}\n${fields}\n---\n${body}`, `${id}.md`);
}

const NOTES = [
  note('2026-01-05-a', 'title: A\nstatus: open\nseverity: high\noccurred: 2026-01-05T10:00:00Z\nauthor: Ada <ada@example.com>\ntags: [db, k8s]\nfiles:\n  - path: src/a.ts', 'Dropped the table'),
  note('2026-02-01-b', 'title: B\nstatus: resolved\nseverity: low\noccurred: 2026-02-01T10:00:00Z\nauthor: Grace <grace@example.com>\ntags: [k8s]'),
  note('2026-01-20-c', 'title: C\nstatus: open\nseverity: critical\noccurred: 2026-01-20T10:00:00Z\nfiles:\n  - path: src/a.ts\n  - path: src/b.ts'),
  note('2026-03-01-d', 'title: [broken'),
];

function grouped(by: GroupBy): [string, string[]][] {
  return groupNotes(NOTES, by, (n) => n).map((g) => [g.label, g.items.map((n) => n.note.title)]);
}

describe('grouping and filtering notes', () => {
  it('groups by status, newest first, broken notes first under Needs attention', () => {
    assert.deepStrictEqual(grouped('status'), [['Needs attention', ['2026-03-01-d']], ['Open', ['C', 'A']], ['Resolved', ['B']]]);
  });

  it('groups by severity (most severe first), tag, file, month and author', () => {
    assert.deepStrictEqual(grouped('severity').slice(1), [['critical', ['C']], ['high', ['A']], ['low', ['B']]]);
    assert.deepStrictEqual(grouped('tag').slice(1), [['db', ['A']], ['k8s', ['B', 'A']], ['No tag', ['C']]]);
    assert.deepStrictEqual(grouped('file').slice(1), [['src/a.ts', ['C', 'A']], ['src/b.ts', ['C']], ['No linked file', ['B']]]);
    assert.deepStrictEqual(grouped('month').slice(1), [['2026-02', ['B']], ['2026-01', ['C', 'A']]]);
    assert.deepStrictEqual(grouped('author').slice(1), [['Ada', ['A']], ['Grace', ['B']], ['Unknown author', ['C']]]);
  });

  it('filters by words, by author e-mail and by the notes a change touches', () => {
    const titles = (filter: Parameters<typeof matchesFilter>[1]) => NOTES.filter((n) => matchesFilter(n.note, filter)).map((n) => n.note.title);
    assert.deepStrictEqual(titles({ text: 'dropped TABLE' }), ['A']);
    assert.deepStrictEqual(titles({ text: 'k8s' }), ['A', 'B']);
    assert.deepStrictEqual(titles({ authorEmail: 'GRACE@example.com' }), ['B']);
    assert.deepStrictEqual(titles({ touchedNoteIds: new Set([NOTES.find((n) => n.note.title === 'C')!.note.id]) }), ['C']);
    assert.deepStrictEqual(titles({ touchedNoteIds: new Set() }), []);
  });
});

describe('task items and sections', () => {
  const TEXT = '---\ntitle: "- [ ] not a task"\n---\n## Prevention\n\n- [ ] Add a confirmation prompt @grace due:2026-12-01\r\n* [x] Done already\n```\n- [ ] in code\n```\n  1. [X] numbered\n\n## Learnings\n\nAsk before flushing.\n';

  it('finds task items with owner and due date, skipping front matter and code', () => {
    const items = findTaskItems(TEXT);
    assert.deepStrictEqual(items.map((i) => [i.text, i.done, i.owner, i.due]), [
      ['Add a confirmation prompt @grace due:2026-12-01', false, 'grace', '2026-12-01'],
      ['Done already', true, undefined, undefined],
      ['numbered', true, undefined, undefined],
    ]);
    assert.strictEqual(items[0].line, 5);
  });

  it('ticks one item by changing exactly one character', () => {
    const [first] = findTaskItems(TEXT);
    const ticked = setTaskDone(TEXT, first, true);
    assert.strictEqual(ticked.length, TEXT.length);
    assert.strictEqual(ticked, TEXT.replace('- [ ] Add', '- [x] Add'));
    assert.strictEqual(setTaskDone(ticked, first, false), TEXT);
    assert.throws(() => setTaskDone('changed', first, true), /no longer where it was/);
  });

  it('reads a section', () => {
    assert.strictEqual(sectionText(TEXT, 'Learnings'), 'Ask before flushing.');
    assert.strictEqual(sectionText(TEXT, 'Impact'), undefined);
  });
});

describe('regroupChanged', () => {
  // Random notes, random changes: the incremental result must equal grouping from scratch.
  function randomNote(i: number, seed: number): ParsedNote {
    const pick = <T>(xs: readonly T[]) => xs[(i * 7 + seed * 13) % xs.length];
    const day = String(1 + ((i * 11 + seed) % 28)).padStart(2, '0');
    const broken = (i + seed) % 17 === 0;
    return note(`2026-01-${day}-n${i}`, broken ? 'status: nope' : [
      `status: ${pick(['open', 'mitigated', 'resolved'] as const)}`,
      `severity: ${pick(['low', 'high', 'critical'] as const)}`,
      `occurred: 2026-01-${day}T${String((i * seed) % 24).padStart(2, '0')}:00:00Z`,
      `tags: [${pick(['a', 'b', 'a, b', ''])}]`,
      `author: ${pick(['Ada <a@x>', 'Grace <g@x>'])}`,
      `files:\n  - path: ${pick(['src/a.ts', 'src/b.ts', 'lib/c.ts'])}`,
    ].join('\n'));
  }

  it('gives what a full regroup gives, for every grouping, over random changes', () => {
    for (const by of GROUP_BY) {
      for (let seed = 1; seed <= 12; seed++) {
        const before = Array.from({ length: 60 }, (_, i) => randomNote(i, seed));
        const changedIds = new Set(before.filter((_, i) => (i + seed) % 9 === 0).map((n) => n.note.id));
        const replaced = before.filter((n) => changedIds.has(n.note.id)).map((n, k) => (k % 3 === 0 ? undefined : randomNote(Number(n.note.id.split('-n')[1]), seed + 5)));
        const added = [...replaced.filter((n): n is ParsedNote => n !== undefined).map((n, k) => note(n.note.id, `status: open\nseverity: low\noccurred: 2026-01-${String(1 + k).padStart(2, '0')}T00:00:00Z\ntags: [${k % 2 ? 'new' : 'a'}]`)), randomNote(1000 + seed, seed)];
        const after = [...before.filter((n) => !changedIds.has(n.note.id)), ...added];
        const incremental = regroupChanged(groupNotes(before, by, (n) => n), by, (n) => n, (n) => changedIds.has(n.note.id), added);
        const full = groupNotes(after, by, (n) => n);
        const shape = (groups: typeof full) => groups.map((g) => [g.key, g.label, g.items.map((n) => n.note.id)]);
        assert.deepStrictEqual(shape(incremental), shape(full), `${by}, seed ${seed}`);
      }
    }
  });
});
