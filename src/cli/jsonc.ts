// VS Code's settings.json is "JSON with comments": `//` and `/* */` comments and trailing commas.
// Both are removed outside strings (a URL's `//` in a value stays), then JSON.parse reads the
// rest, so anything else malformed fails exactly as JSON does.

export function parseJsonWithComments(text: string): unknown {
  return JSON.parse(withoutTrailingCommas(withoutComments(text.replace(/^\uFEFF/, ''))));
}

/** Index just past the string that starts at `start` (a `"`), or the end of its line if unclosed. */
function stringEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length && text[i] !== '\n') {
    if (text[i] === '\\') {
      i += 2;
    } else if (text[i] === '"') {
      return i + 1;
    } else {
      i++;
    }
  }
  return Math.min(i, text.length);
}

function withoutComments(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"') {
      const end = stringEnd(text, i);
      out += text.slice(i, end);
      i = end;
    } else if (text.startsWith('//', i)) {
      const eol = text.indexOf('\n', i);
      i = eol < 0 ? text.length : eol;
    } else if (text.startsWith('/*', i)) {
      const close = text.indexOf('*/', i + 2);
      if (close < 0) {
        throw new SyntaxError('a /* comment is never closed');
      }
      // Keeps the line breaks, so JSON.parse's positions still point at the right line.
      out += text.slice(i, close + 2).replace(/[^\n]/g, ' ');
      i = close + 2;
    } else {
      out += text[i++];
    }
  }
  return out;
}

function withoutTrailingCommas(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"') {
      const end = stringEnd(text, i);
      out += text.slice(i, end);
      i = end;
      continue;
    }
    if (text[i] === ',') {
      let next = i + 1;
      while (next < text.length && /\s/.test(text[next])) {
        next++;
      }
      if (text[next] === '}' || text[next] === ']') {
        out += ' ';
        i++;
        continue;
      }
    }
    out += text[i++];
  }
  return out;
}
