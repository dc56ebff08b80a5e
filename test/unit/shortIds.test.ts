// Issue 16, item 11: short note ids (date + a few slug characters, grown until unique in the
// folder) and the one lookup every id-taking command uses: an id, or a prefix of exactly one.
import * as assert from 'assert';
import { lookUpNoteId, shortIds } from '../../src/core/listing/shortIds';
import { terminalWidth } from '../../src/cli/io';

describe('short note ids (issue 16, item 11)', () => {
  it('keeps the date and four slug characters when that is unique', () => {
    const shorts = shortIds(['2026-11-21-flushed-the-production-cache', '2026-11-22-rotated-the-key', '2026-11-22-typo']);
    assert.deepStrictEqual(Object.fromEntries(shorts), {
      '2026-11-21-flushed-the-production-cache': '2026-11-21-flus',
      '2026-11-22-rotated-the-key': '2026-11-22-rota',
      '2026-11-22-typo': '2026-11-22-typo',
    });
  });

  it('grows until unique, never ending on a separator', () => {
    const shorts = shortIds(['2026-12-05-changed-res-send-to-treat', '2026-12-05-changed-res-send-charset', '2026-12-05-dup-key', '2026-12-05-dup-value']);
    assert.strictEqual(shorts.get('2026-12-05-changed-res-send-to-treat'), '2026-12-05-changed-res-send-t');
    assert.strictEqual(shorts.get('2026-12-05-changed-res-send-charset'), '2026-12-05-changed-res-send-c');
    assert.strictEqual(shorts.get('2026-12-05-dup-key'), '2026-12-05-dup-k');
    assert.strictEqual(shorts.get('2026-12-05-dup-value'), '2026-12-05-dup-v');
    // One character short of the minimum rather than a dangling `-`, when that is still unique.
    assert.strictEqual(shortIds(['2026-12-05-dup-key', '2026-12-05-other']).get('2026-12-05-dup-key'), '2026-12-05-dup');
  });

  it('gives the whole id when another id starts with all of it, and handles ids without a date', () => {
    const shorts = shortIds(['2026-01-10-cache', '2026-01-10-cache-again', 'postmortem-of-the-outage', 'postmortem-of-the-deploy', 'x']);
    assert.strictEqual(shorts.get('2026-01-10-cache'), '2026-01-10-cache');
    assert.strictEqual(shorts.get('2026-01-10-cache-again'), '2026-01-10-cache-a');
    assert.strictEqual(shorts.get('postmortem-of-the-outage'), 'postmortem-of-the-o');
    assert.strictEqual(shorts.get('x'), 'x');
  });

  it('is unique and names its own note, for many similar ids', () => {
    const ids: string[] = [];
    for (let day = 1; day <= 28; day++) {
      for (const slug of ['flushed-the-cache', 'flushed-the-queue', 'flushed', 'fixed-a-typo', 'f', 'deploy-from-stale-branch']) {
        ids.push(`2026-02-${String(day).padStart(2, '0')}-${slug}`);
      }
    }
    const shorts = shortIds(ids);
    assert.strictEqual(new Set(shorts.values()).size, ids.length, 'unique');
    for (const id of ids) {
      const short = shorts.get(id)!;
      assert.ok(id.startsWith(short));
      assert.deepStrictEqual(lookUpNoteId(ids, short), { kind: 'found', id }, short);
    }
  });

  it('looks up an id, a short id, a unique prefix; an ambiguous prefix names the candidates', () => {
    const ids = ['2026-01-10-cache', '2026-01-10-cache-again', '2026-01-11-deploy'];
    assert.deepStrictEqual(lookUpNoteId(ids, '2026-01-10-cache'), { kind: 'found', id: '2026-01-10-cache' }, 'exact wins over prefix');
    assert.deepStrictEqual(lookUpNoteId(ids, '2026-01-10-cache.md'), { kind: 'found', id: '2026-01-10-cache' });
    assert.deepStrictEqual(lookUpNoteId(ids, '2026-01-11'), { kind: 'found', id: '2026-01-11-deploy' });
    assert.deepStrictEqual(lookUpNoteId(ids, '2026-01-10-ca'), { kind: 'ambiguous', candidates: ['2026-01-10-cache', '2026-01-10-cache-again'] });
    assert.deepStrictEqual(lookUpNoteId(ids, '2027'), { kind: 'none' });
    assert.deepStrictEqual(lookUpNoteId(ids, ''), { kind: 'none' });
  });
});

describe('the width CLI output fits (issue 16, item 11)', () => {
  it('takes the terminal\'s columns, else COLUMNS, else 80 on a terminal; a pipe without COLUMNS is not cut', () => {
    assert.strictEqual(terminalWidth({ isTTY: true, columns: 132 }, { COLUMNS: '60' }), 132);
    assert.strictEqual(terminalWidth({ isTTY: true }, { COLUMNS: '60' }), 60);
    assert.strictEqual(terminalWidth({ isTTY: true }, {}), 80);
    assert.strictEqual(terminalWidth({ isTTY: false }, { COLUMNS: '100' }), 100);
    assert.strictEqual(terminalWidth({ isTTY: false }, {}), undefined);
    for (const bad of ['0', '-5', 'wide', '12.5', '']) {
      assert.strictEqual(terminalWidth({ isTTY: true }, { COLUMNS: bad }), 80, bad);
    }
  });
});
