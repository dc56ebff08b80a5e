// The CLI's own small pieces, in process: JSON with comments, terminal widths, suggestions.
import * as assert from 'assert';
import { parseJsonWithComments } from '../../src/cli/jsonc';
import { closestMatches, editDistance } from '../../src/cli/suggest';
import { displayWidth, safeLine, truncate } from '../../src/cli/terminalText';

describe('CLI helpers', () => {
  it('reads JSON with comments and trailing commas, leaving strings alone', () => {
    assert.deepStrictEqual(parseJsonWithComments([
      '\uFEFF{',
      '  // a comment with "quotes" and a /* in it',
      '  "url": "https://example.com//x", /* block',
      '  spanning lines */',
      '  "quote": "a \\" // not a comment",',
      '  "slashes": "/* not a comment */",',
      '  "list": [1, 2, /* two */ ],',
      '  "nested": { "a": [ { "b": 1, }, ], },',
      '}',
    ].join('\n')), {
      url: 'https://example.com//x', quote: 'a " // not a comment', slashes: '/* not a comment */', list: [1, 2], nested: { a: [{ b: 1 }] },
    });
    assert.deepStrictEqual(parseJsonWithComments('{"a": ","}'), { a: ',' });
    assert.deepStrictEqual(parseJsonWithComments('{"a": "x\\\\", "b": 1,}'), { a: 'x\\', b: 1 });
    assert.throws(() => parseJsonWithComments('{ "a": 1 /* open'), /never closed/);
    assert.throws(() => parseJsonWithComments('{ "a": }'), SyntaxError);
    assert.throws(() => parseJsonWithComments('{ "a": 1,, }'), SyntaxError);
  });

  it('measures and cuts text in terminal columns', () => {
    assert.strictEqual(displayWidth('abc'), 3);
    assert.strictEqual(displayWidth('網站'), 4);
    assert.strictEqual(displayWidth('e\u0301'), 1);
    assert.strictEqual(displayWidth('🔥'), 2);
    assert.strictEqual(displayWidth('👩‍💻'), 2);
    assert.strictEqual(truncate('Flushed the cache', 10), 'Flushed t…');
    assert.strictEqual(truncate('網站網站', 5), '網站…');
    assert.strictEqual(truncate('short', 10), 'short');
    assert.strictEqual(displayWidth(truncate('👩‍💻👩‍💻👩‍💻', 4)), 3);
    assert.strictEqual(safeLine('a\tb\nc\u001b[31m\u202e'), 'a b<U+000A>c<U+001B>[31m<U+202E>');
  });

  it('measures and cuts printable ASCII by its quick path exactly as by grapheme segmenting', () => {
    // A zero-width space at the end sends the same text down the segmenting path.
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let n = 0; n < 300; n++) {
      const text = Array.from({ length: Math.floor(random() * 40) }, () => String.fromCharCode(32 + Math.floor(random() * 95))).join('');
      assert.strictEqual(displayWidth(text), displayWidth(`${text}\u200b`), JSON.stringify(text));
      for (const max of [0, 1, 2, 5, 17, 39]) {
        if (text.length > max) {
          assert.strictEqual(truncate(text, max), truncate(`${text}\u200b`, max), `${JSON.stringify(text)} to ${max}`);
        }
      }
    }
  });

  it('suggests ids that contain the query first, then the closest by edit distance', () => {
    assert.strictEqual(editDistance('kitten', 'sitting'), 3);
    assert.strictEqual(editDistance('abc', 'abcdefgh', 2), 3);
    const ids = ['2026-01-10-flushed-the-cache', '2026-01-11-flushed-the-queue', '2026-05-01-typo-in-config'];
    assert.deepStrictEqual(closestMatches('queue', ids), ['2026-01-11-flushed-the-queue']);
    assert.deepStrictEqual(closestMatches('2026-01-10-flushed-teh-cache', ids), ['2026-01-10-flushed-the-cache', '2026-01-11-flushed-the-queue']);
    assert.deepStrictEqual(closestMatches('zzzzzzzzzzzzzzzzzzzzzz', ids), []);
  });
});
