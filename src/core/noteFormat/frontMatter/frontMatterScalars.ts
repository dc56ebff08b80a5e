// Scalars as the strict front matter reader (frontMatterReader.ts) reads them: plain words
// resolved by the YAML 1.2 core schema exactly as `yaml` resolves them (null, booleans, integers,
// floats, else a string), and single- and double-quoted scalars on one line. Anything outside
// that is "not sure" and left to `yaml`.

import { COLON, HASH, notSure, SPACE, TAB } from './frontMatterLines';

// The YAML 1.2 core schema, in the order `yaml` tries its tags (the first that matches wins).
const NULL_RE = /^(?:~|[Nn]ull|NULL)$/;
const BOOL_RE = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT_RE = /^0o[0-7]+$/;
const INT_RE = /^[-+]?[0-9]+$/;
const INT_HEX_RE = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN_RE = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP_RE = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT_RE = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
/** Only text that starts like a number or a special word can be anything but a string. */
const MAYBE_NOT_STRING = /^[-+.0-9~nNtTfF]/;

const DOUBLE_QUOTE_ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
  N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029', ' ': ' ', '"': '"', '/': '/', '\\': '\\', '\t': '\t',
};

/** Resolves a plain scalar as the YAML 1.2 core schema does in `yaml`. */
export function resolvePlain(text: string): unknown {
  if (!MAYBE_NOT_STRING.test(text)) {
    return text;
  }
  if (NULL_RE.test(text)) {
    return null;
  }
  if (BOOL_RE.test(text)) {
    return text[0] === 't' || text[0] === 'T';
  }
  if (INT_OCT_RE.test(text)) {
    return parseInt(text.substring(2), 8);
  }
  if (INT_RE.test(text)) {
    return parseInt(text, 10);
  }
  if (INT_HEX_RE.test(text)) {
    return parseInt(text.substring(2), 16);
  }
  if (FLOAT_NAN_RE.test(text)) {
    return text.slice(-3).toLowerCase() === 'nan' ? NaN : text[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  if (FLOAT_EXP_RE.test(text) || FLOAT_RE.test(text)) {
    return parseFloat(text);
  }
  return text;
}

/** A plain scalar on one line, up to a comment. */
export function plainScalar(src: string, p: number, end: number): unknown {
  let stop = end;
  for (let i = p; i < end; i++) {
    const ch = src.charCodeAt(i);
    if (ch === HASH) {
      const before = src.charCodeAt(i - 1);
      if (before === SPACE || before === TAB) {
        stop = i;
        break;
      }
    } else if (ch === COLON) {
      const after = i + 1 < end ? src.charCodeAt(i + 1) : SPACE;
      if (after === SPACE || after === TAB) {
        // `a: b: c` or a trailing `:`: a mapping where a scalar was expected.
        notSure();
      }
    }
  }
  while (stop > p && (src.charCodeAt(stop - 1) === SPACE || src.charCodeAt(stop - 1) === TAB)) {
    stop--;
  }
  return resolvePlain(src.slice(p, stop));
}

/** `'...'` on one line; returns the text and the offset after the closing quote. */
export function singleQuoted(src: string, p: number, end: number): [string, number] {
  let out = '';
  let from = p + 1;
  for (;;) {
    const q = src.indexOf("'", from);
    if (q < 0 || q >= end) {
      notSure();
    }
    out += src.slice(from, q);
    if (q + 1 < end && src.charCodeAt(q + 1) === 39) {
      out += "'";
      from = q + 2;
      continue;
    }
    return [out, q + 1];
  }
}

/** `"..."` on one line, with the escapes YAML defines; anything else is not ours. */
export function doubleQuoted(src: string, p: number, end: number): [string, number] {
  let out = '';
  let from = p + 1;
  let i = from;
  while (i < end) {
    const ch = src.charCodeAt(i);
    if (ch === 34) {
      return [out + src.slice(from, i), i + 1];
    }
    if (ch !== 92) {
      i++;
      continue;
    }
    out += src.slice(from, i);
    if (i + 1 >= end) {
      // An escaped line break: a multi-line scalar.
      notSure();
    }
    const esc = src[i + 1];
    const simple = DOUBLE_QUOTE_ESCAPES[esc];
    if (simple !== undefined && Object.prototype.hasOwnProperty.call(DOUBLE_QUOTE_ESCAPES, esc)) {
      out += simple;
      i += 2;
    } else if (esc === 'x' || esc === 'u' || esc === 'U') {
      const length = esc === 'x' ? 2 : esc === 'u' ? 4 : 8;
      const hex = src.slice(i + 2, i + 2 + length);
      if (i + 2 + length > end || !/^[0-9a-fA-F]+$/.test(hex) || hex.length !== length) {
        notSure();
      }
      const code = parseInt(hex, 16);
      if (code > 0x10ffff) {
        notSure();
      }
      out += String.fromCodePoint(code);
      i += 2 + length;
    } else {
      notSure();
    }
    from = i;
  }
  return notSure();
}
