import * as assert from 'assert';
import { noteId, slugify } from '../../src/core/noteFormat/fileName';

describe('slugify', () => {
  it('lower-cases and joins words with dashes', () => {
    assert.strictEqual(slugify('Flushed the production cache'), 'flushed-the-production-cache');
  });

  it('transliterates accents and drops other characters', () => {
    assert.strictEqual(slugify('Über-naïve façade: Straße & Ærø!'), 'uber-naive-facade-strasse-aero');
    assert.strictEqual(slugify('  --Deploy (prod) #42 -- '), 'deploy-prod-42');
  });

  it('falls back when nothing is left', () => {
    assert.strictEqual(slugify('缓存被清空'), 'incident');
    assert.strictEqual(slugify('!!!'), 'incident');
  });

  it('keeps at most 60 characters, cutting at a word boundary', () => {
    const slug = slugify('Dropped the orders table on the staging database while migrating the schema to v2');
    assert.ok(slug.length <= 60, slug);
    assert.strictEqual(slug, 'dropped-the-orders-table-on-the-staging-database-while');
    const oneWord = slugify('a'.repeat(80));
    assert.strictEqual(oneWord, 'a'.repeat(60));
    assert.match(slugify('x'.repeat(59) + ' yz'), /^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('makes ids with a UTC date and collision suffixes', () => {
    const date = new Date('2026-11-21T23:30:00-05:00');
    assert.strictEqual(noteId(date, 'x', 1), '2026-11-22-x');
    assert.strictEqual(noteId(date, 'x', 2), '2026-11-22-x-2');
    assert.strictEqual(noteId(date, 'x', 3), '2026-11-22-x-3');
  });
});
