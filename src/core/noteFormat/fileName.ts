// File names for notes: `<YYYY-MM-DD>-<slug>.md`, readable in any file system and URL.

const MAX_SLUG_LENGTH = 60;
const FALLBACK_SLUG = 'incident';

// Letters that Unicode decomposition does not reduce to ASCII.
const TRANSLITERATIONS: Record<string, string> = {
  ß: 'ss', æ: 'ae', Æ: 'ae', œ: 'oe', Œ: 'oe', ø: 'o', Ø: 'o', ł: 'l', Ł: 'l',
  đ: 'd', Đ: 'd', ð: 'd', Ð: 'd', þ: 'th', Þ: 'th', ı: 'i', ĳ: 'ij', Ĳ: 'ij',
};

export function slugify(title: string): string {
  const ascii = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\u0000-\u007f]/g, (ch) => TRANSLITERATIONS[ch] ?? ' ')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (ascii.length === 0) {
    return FALLBACK_SLUG;
  }
  if (ascii.length <= MAX_SLUG_LENGTH) {
    return ascii;
  }
  // Cut at a word boundary when one is reasonably close, so slugs don't end mid-word.
  const cut = ascii.slice(0, MAX_SLUG_LENGTH);
  const lastDash = cut.lastIndexOf('-');
  return (lastDash >= MAX_SLUG_LENGTH / 2 ? cut.slice(0, lastDash) : cut).replace(/-+$/, '');
}

/** `2026-11-21` in UTC, so the name matches the `occurred` timestamp whatever the local zone. */
export function datePrefix(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The note id for the n-th candidate (1 = no suffix, then -2, -3, …). */
export function noteId(date: Date, slug: string, n: number): string {
  return `${datePrefix(date)}-${slug}${n > 1 ? `-${n}` : ''}`;
}

export const NOTE_ID_PATTERN = /^\d{4}-\d{2}-\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*$/;
