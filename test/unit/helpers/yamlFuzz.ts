// Documents for the fast YAML reader's differential test: random note drafts for the writer, and
// a fuzz set built from the reader's subset grammar plus mutations. Deterministic for a seed.
import { makeAnchor } from '../../../src/core/anchoring/recordedAnchor';
import type { NoteDraft } from '../../../src/core/noteWriting/newNoteFile';

/** Small deterministic PRNG (mulberry32): the same seed gives the same documents. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const SEED = Number(process.env.CANDOR_FUZZ_SEED ?? 20261121);

function pick<T>(rnd: () => number, items: readonly T[]): T {
  return items[Math.floor(rnd() * items.length)];
}

function int(rnd: () => number, min: number, max: number): number {
  return min + Math.floor(rnd() * (max - min + 1));
}

// Pieces of text people put in titles, paths, subjects and tags: YAML's special words and
// characters, numbers that must stay text, Unicode, spaces where YAML trims.
const TEXT_PIECES = [
  'cache', 'Flushed', 'prod', 'the', 'DB', 'yes', 'no', 'null', 'Null', '~', 'true', 'False', '123', '-1', '0o17', '0x1F',
  '1e3', '.5', '.inf', '.NaN', '1.', '+5', '-0', '007', ':', ': ', ' #', '#', '# ', "'", '"', "''", '\\', '\\n', '-', '- ',
  '?', '? ', '[', ']', '{', '}', ',', '&a', '*a', '!tag', '|', '>', '%', '@', '`', 'é', 'Über-naïve', '缓存', '😀', '\t',
  ' ', '  ', '---', '...', 'a: b', 'key:value', 'http://x.y/z?q=1#f', '\u00a0', 'C:\\dir',
];
/** What only a paste or a script could put in a title: control characters, line separators. */
const RARE_PIECES = ['\u0085', '\u2028', '\u0007', '\u001b'];

function randomText(rnd: () => number, maxPieces: number, rare: number): string {
  let out = '';
  const n = int(rnd, 1, maxPieces);
  for (let i = 0; i < n; i++) {
    out += rnd() < rare ? pick(rnd, RARE_PIECES) : pick(rnd, TEXT_PIECES);
    if (rnd() < 0.5) {
      out += ' ';
    }
  }
  return out;
}

const CODE_LINES = [
  'get(key: string) {', '  return cache[key];', '}', '', '    deeply.indented();', '\tif (x) {', '\t\treturn y;', '# not a comment',
  '---', '- item', 'key: value', '  ', '"quoted"', "it's", '  trailing  ', '|', '>', '#!/bin/sh', '😀 emoji', 'ends with colon:',
];

function randomAnchor(rnd: () => number, raw: boolean): string | undefined {
  const lines = Array.from({ length: int(rnd, 1, 16) }, () => pick(rnd, CODE_LINES));
  if (!raw) {
    // The writer's own anchors: common indentation removed, long ranges cut.
    return makeAnchor(lines);
  }
  // Raw, including forms makeAnchor would tidy: leading blank lines, trailing spaces.
  return lines.join('\n');
}

export const SHA = '0123456789abcdef0123456789abcdef01234567';

/**
 * A draft as Log Mistake could make it. `adversarial` adds what only a script or a paste could:
 * control characters and line separators in text, anchors makeAnchor would have tidied.
 */
export function randomDraft(rnd: () => number, adversarial: boolean): NoteDraft {
  const rare = adversarial ? 0.03 : 0;
  const text = (maxPieces: number) => randomText(rnd, maxPieces, rare);
  const files = Array.from({ length: int(rnd, 0, 3) }, () => ({
    path: rnd() < 0.7 ? `src/${text(2).trim() || 'x'}.ts` : text(5),
    lines: rnd() < 0.7 ? ([int(rnd, 1, 50), int(rnd, 51, 200)] as [number, number]) : undefined,
    commit: rnd() < 0.8 ? SHA : undefined,
    anchor: rnd() < 0.8 ? randomAnchor(rnd, adversarial && rnd() < 0.5) : undefined,
    uncommitted: rnd() < 0.2 ? pick(rnd, ['modified', 'untracked', 'unsaved'] as const) : undefined,
  }));
  return {
    title: text(8),
    severity: pick(rnd, ['near-miss', 'low', 'medium', 'high', 'critical'] as const),
    status: pick(rnd, ['open', 'mitigated', 'resolved'] as const),
    author: rnd() < 0.8 ? `${text(2)} <ada@example.com>` : undefined,
    occurred: new Date(Date.UTC(2026, 0, 1) + int(rnd, 0, 3e10)),
    logged: new Date(Date.UTC(2026, 0, 1) + int(rnd, 0, 3e10)),
    branch: rnd() < 0.8 ? pick(rnd, ['main', '(detached)', 'feature/x', text(2)]) : undefined,
    head: rnd() < 0.8 ? SHA : undefined,
    commits: Array.from({ length: int(rnd, 0, 3) }, () => ({
      sha: SHA,
      role: pick(rnd, ['introduced', 'fixed', 'related'] as const),
      subject: rnd() < 0.8 ? text(6) : undefined,
    })),
    files,
    tags: Array.from({ length: int(rnd, 0, 4) }, () => text(2)),
  };
}

export const PLAIN_DRAFT: NoteDraft = {
  title: 'Flushed the production cache',
  severity: 'high',
  author: 'Ada Lovelace <ada@example.com>',
  occurred: new Date('2026-11-21T10:32:00Z'),
  logged: new Date('2026-11-21T10:40:12Z'),
  branch: 'main',
  head: SHA,
  commits: [{ sha: SHA, role: 'introduced', subject: 'Tune cache TTL' }],
  files: [{ path: 'src/cache.ts', lines: [12, 18], commit: SHA, anchor: 'get(key: string) {\n  return cache[key];\n}' }],
  tags: ['cache', '123'],
};

// The fuzz grammar: the subset (block maps, block sequences of maps and scalars, flow sequences of
// scalars, plain / quoted scalars, block literals, comments, blank lines, CRLF). Each choice is
// usually an everyday form and sometimes (EDGE) one on or past the subset's edge, so that most
// documents exercise the fast path and many still probe where it must give up.
const EDGE = 0.025;

function choose<T>(rnd: () => number, common: readonly T[], edge: readonly T[]): T {
  return rnd() < EDGE ? pick(rnd, edge) : pick(rnd, common);
}

const KEYS = ['id', 'title', 'status', 'a', 'b', 'path', 'lines', 'anchor', 'x_1', 'my-key', 'Key', 'k', 'tags', 'subject', 'constructor', 'toString'];
const EDGE_KEYS = ['True', 'null', 'NULL', 'false', '__proto__', 'a b', '"q"', "'q'", '1', '-k', 'k ', '? k', 'id'];
const PLAIN = [
  'word', 'two words', '12', '-3', '+4', '0o17', '0o8', '0x1f', '0xG', '1.5', '1.', '.5', '1e3', '1E-2', '.inf', '-.Inf', '.nan',
  '.NaN', 'nan', 'inf', 'null', 'Null', 'NULL', 'nULL', '~', 'true', 'True', 'TRUE', 'tRUE', 'false', 'yes', 'on', '2026-11-21T10:32:00Z',
  '2026-11-21', '12:30', 'a:b', 'a#b', 'a # b', 'a\tb', 'a\t# b', '-x', '?x', ':x', '--- x', '...', "it's", 'say "hi"', 'a [b]',
  'a {b}', 'a, b', 'é', '😀', 'a\u00a0', '\u00a0a', 'a  ', '12345678901234567890', '-0', '00', '0.0', '1_000', '0b101', '=',
  'Ada Lovelace <ada@example.com>', SHA, '1234567', '1e10000', 'src/dir with space/naïve.ts', '(detached)',
];
const EDGE_PLAIN = ['x:', '-', '- x', '? x', ': x', '@x', '`x', '%x', '&x', '*x', '!x', '|x', '>x', ',x', ']x', '}x', '#x', '"x', "'x", 'a: b', '\u2028', 'a\t'];
const DOUBLE = [
  '""', '"a"', '"a: b"', '"\\t\\n\\\\"', '"\\u00e9"', '"\\x41"', '"\\U0001F600"', '"\\uD83D\\uDE00"', '"\\0"', '"\\/"', '"\\ "',
  '"\\N\\_\\L\\P"', '"\\e\\a\\b\\f\\v\\r"', '"tab\there"', '"a" # c', '"a\\"b"', '"  spaced  "', '"#x"', '"123"', '"\\\t"',
];
const EDGE_DOUBLE = ['"\\q"', '"\\x4"', '"\\U00110000"', '"a"# c', '"a" b', '"unterminated', '"a\\', '"\\uD800"', '"a"\t# c'];
const SINGLE = ["''", "'a'", "'it''s'", "'a: b # c'", "'\\n'", "'a' # c", "'  '", "''''", "'\"q\"'", "'tab\tin'"];
const EDGE_SINGLE = ["'a'b", "'unterminated", "'a'#c", "'''"];
const FLOW = [
  '[]', '[ ]', '[12, 18]', '[ 12, 18 ]', '[a, b]', '[a,b]', "['a', \"b\"]", '[a b, c]', '[a:b]', "[a#b, it's]", '[-1, 2]', '[-x, ?y, :z]',
  '[a] # c', '[null, ~, true, .5]', '[a, b,c]', '[ "x" ,y ]', '[k8s, "a, b"]', '[a"b]',
];
const EDGE_FLOW = ['[a, ]', '[,]', '[a: b]', '[a:]', '[a:,b]', '[?]', '[-]', '[- x]', '[1, [2]]', '[{a: 1}]', '[a # c]', '[a]x', '[1,', '[a\tb]', '[&a x]', '[a]#c'];
const HEADERS = ['|', '|-', '|+', '|2', '|-2', '|2-', '|+1', '|1', '| # c', '|- # c', '|-  '];
const EDGE_HEADERS = ['|++', '|-+', '|22', '|#c', '|x', '|0', '|--', '>', '>-', '|\t'];

function randomScalar(rnd: () => number): string {
  const r = rnd();
  if (r < 0.5) {
    return choose(rnd, PLAIN, EDGE_PLAIN);
  }
  if (r < 0.65) {
    return choose(rnd, DOUBLE, EDGE_DOUBLE);
  }
  if (r < 0.75) {
    return choose(rnd, SINGLE, EDGE_SINGLE);
  }
  if (r < 0.9) {
    return choose(rnd, FLOW, EDGE_FLOW);
  }
  return pick(rnd, PLAIN) + (rnd() < 0.5 ? '   # comment' : ' ');
}

function randomLiteral(rnd: () => number, indent: number): string[] {
  const header = choose(rnd, HEADERS, EDGE_HEADERS);
  // An indentation indicator usually matches the lines; sometimes it does not.
  const digit = /[1-9]/.exec(header);
  const step = digit && rnd() < 0.8 ? Number(digit[0]) : int(rnd, 1, 4);
  const pad = ' '.repeat(indent + step);
  const lines = [header];
  for (let i = int(rnd, 0, 5); i >= 0; i--) {
    const r = rnd();
    if (r < 0.12) {
      lines.push('');
    } else if (r < 0.2) {
      lines.push(' '.repeat(int(rnd, 0, indent + step + 3)));
    } else {
      lines.push(pad + ' '.repeat(rnd() < 0.2 ? int(rnd, 1, 3) : 0) + pick(rnd, CODE_LINES));
    }
  }
  return lines;
}

/** Lines of a block map at `indent`. */
function randomMap(rnd: () => number, indent: number, depth: number): string[] {
  const out: string[] = [];
  const pad = ' '.repeat(indent);
  const keys = [...KEYS];
  const n = int(rnd, 1, 5);
  for (let i = 0; i < n; i++) {
    if (rnd() < 0.1) {
      out.push(rnd() < 0.5 ? '' : `${' '.repeat(int(rnd, 0, 6))}# note`);
    }
    // Keys are unique unless the edge case asks for a duplicate or a key `yaml` reads otherwise.
    const key = rnd() < EDGE ? pick(rnd, EDGE_KEYS) : keys.splice(int(rnd, 0, keys.length - 1), 1)[0];
    const r = rnd();
    if (depth < 3 && r < 0.15) {
      out.push(`${pad}${key}:${rnd() < 0.2 ? '  # nested' : ''}`);
      out.push(...randomMap(rnd, indent + int(rnd, 1, 4), depth + 1));
    } else if (depth < 3 && r < 0.35) {
      out.push(`${pad}${key}:`);
      out.push(...randomSeq(rnd, rnd() < 0.3 ? indent : indent + int(rnd, 1, 3), depth + 1));
    } else if (r < 0.45) {
      const [header, ...body] = randomLiteral(rnd, indent);
      out.push(`${pad}${key}: ${header}`, ...body);
    } else if (r < 0.5) {
      out.push(`${pad}${key}:${rnd() < 0.5 ? ' ' : ''}`);
    } else {
      out.push(`${pad}${key}: ${randomScalar(rnd)}`);
    }
  }
  return out;
}

function randomSeq(rnd: () => number, indent: number, depth: number): string[] {
  const out: string[] = [];
  const pad = ' '.repeat(indent);
  const n = int(rnd, 1, 4);
  for (let i = 0; i < n; i++) {
    const r = rnd();
    if (depth < 4 && r < 0.5) {
      const gap = rnd() < 0.8 ? 1 : int(rnd, 2, 3);
      const [first, ...rest] = randomMap(rnd, indent + 1 + gap, depth + 1);
      out.push(`${pad}-${' '.repeat(gap)}${first.trimStart()}`, ...rest);
    } else if (r < 0.6) {
      out.push(`${pad}-`);
    } else {
      out.push(`${pad}- ${randomScalar(rnd)}`);
    }
  }
  return out;
}

export function randomDocument(rnd: () => number): string {
  const lines = randomMap(rnd, 0, 0);
  if (rnd() < 0.1) {
    lines.unshift('# header comment');
  }
  const eol = rnd() < 0.15 ? '\r\n' : '\n';
  return lines.join(eol) + eol;
}

const MUTATION_CHARS = [' ', ' ', '  ', '\t', ':', '-', '#', "'", '"', '|', '>', '[', ']', '{', '}', ',', '&', '*', '!', '?', '\n', '\r', '\\', 'x', '0', '.', '\u00a0', '\ufeff'];

/** One random edit: a character inserted or deleted, a line doubled, re-indented or dropped. */
export function mutate(rnd: () => number, doc: string): string {
  const r = rnd();
  const at = int(rnd, 0, Math.max(0, doc.length - 1));
  if (r < 0.35) {
    return doc.slice(0, at) + pick(rnd, MUTATION_CHARS) + doc.slice(at);
  }
  if (r < 0.6) {
    return doc.slice(0, at) + doc.slice(at + 1);
  }
  const lines = doc.split('\n');
  const l = int(rnd, 0, Math.max(0, lines.length - 2));
  if (r < 0.75) {
    lines.splice(l, 0, lines[l]);
  } else if (r < 0.9) {
    lines[l] = rnd() < 0.5 ? ` ${lines[l]}` : lines[l].replace(/^ /, '');
  } else {
    lines.splice(l, 1);
  }
  return lines.join('\n');
}
