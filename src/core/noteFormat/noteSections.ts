// Finding the body's sections, for placing the cursor and (later) for reading them back.
import { bodyStartLine } from './frontMatter/frontMatter';

/** 0-based line where a person should start typing: inside the first section with no text yet. */
export function firstEmptySectionLine(text: string): number | undefined {
  const lines = text.split(/\r?\n/);
  const bodyStart = bodyStartLine(lines);
  for (let i = bodyStart; i < lines.length; i++) {
    if (!/^##\s/.test(lines[i])) {
      continue;
    }
    let next = i + 1;
    while (next < lines.length && !/^#{1,2}\s/.test(lines[next])) {
      if (lines[next].trim() !== '') {
        break;
      }
      next++;
    }
    if (next >= lines.length || /^#{1,2}\s/.test(lines[next])) {
      // Empty: the middle of its blank lines, so typed text is framed by blank lines.
      const blanks = next - i - 1;
      return i + Math.max(1, Math.ceil(blanks / 2));
    }
  }
  return undefined;
}

/** The text of a `## <heading>` section of a body, trimmed; undefined when absent or empty. */
export function sectionText(body: string, heading: string): string | undefined {
  const lines = body.split(/\r?\n/);
  const start = lines.findIndex((l) => l.replace(/\s+$/, '').toLowerCase() === `## ${heading}`.toLowerCase());
  if (start < 0) {
    return undefined;
  }
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((l) => /^#{1,2}\s/.test(l));
  const text = (end < 0 ? rest : rest.slice(0, end)).join('\n').trim();
  return text === '' ? undefined : text;
}
