// Wording is checked in prose only: front matter, code (fenced or inline), HTML comments and URLs
// say what a machine said, and "just" in `just build` or a URL is nobody's minimising.
import { splitFrontMatter } from '../noteFormat/frontMatter/frontMatter';
import { markdownSegments } from './markdownSegments';

/** Stands in for every character that is not prose: neither a word character nor a space. */
export const NOT_PROSE = '\uFFFF';

const URL = /\b(?:https?|ftp|mailto):[^\s<>"]+|\bwww\.[^\s<>"]+/gi;
const NOT_LINE_BREAK = /[^\r\n]/g;

/**
 * The text with everything that is not prose replaced, character for character, by NOT_PROSE
 * (line breaks kept): offsets, lines and columns stay those of the original text. Built from
 * slices of the text (prose as it is, the rest blanked) rather than an array of its characters,
 * which for a long note was most of the check's garbage.
 */
export function proseOnly(text: string): string {
  const parts: string[] = [];
  let done = 0;
  const blank = (from: number, to: number): void => {
    if (to <= done) {
      return;
    }
    const start = Math.max(from, done);
    parts.push(text.slice(done, start), text.slice(start, to).replace(NOT_LINE_BREAK, NOT_PROSE));
    done = to;
  };
  const split = splitFrontMatter(text);
  const bodyStart = split ? split.bodyStart : 0;
  blank(0, bodyStart);
  for (const segment of markdownSegments(text.slice(bodyStart))) {
    const start = bodyStart + segment.start;
    if (segment.kind !== 'text') {
      blank(start, start + segment.text.length);
      continue;
    }
    URL.lastIndex = 0;
    for (let url = URL.exec(segment.text); url; url = URL.exec(segment.text)) {
      blank(start + url.index, start + url.index + url[0].length);
    }
  }
  parts.push(text.slice(done));
  return parts.join('');
}
