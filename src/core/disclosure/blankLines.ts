// Removing comments from an author's text can leave runs of blank lines, and blanks at either end.

/** Blank lines emptied, runs of them cut to one, none at either end; other lines untouched. */
export function tidyBlankLines(text: string): string {
  return text
    .split('\n')
    .map((l) => (l.trim() === '' ? '' : l))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '');
}
