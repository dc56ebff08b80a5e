// Splits Markdown into the parts that are prose and the parts that are code or hidden, so that
// converting it (to plain text, to Slack) or checking its wording never touches code or comments.
// Only what notes use is recognised: fenced code blocks, inline code spans and HTML comments.
// Hand-written rather than markdown-it's tokenizer, by measurement (`npm run bench`, the 1,000-line
// note of the wording check): markdown-it's parse alone took 19-20× this splitter (13.6 ms against
// 0.73 ms, median of 15), plus ~30 ms to load, and its inline tokens carry no source offsets, which
// every segment needs; the blameless check runs on every edit of a note (docs/performance.md).
import { tidyBlankLines } from './blankLines';

export type SegmentKind =
  /** Prose, possibly with Markdown syntax. */
  | 'text'
  /** A fence line of a fenced code block (``` or ~~~, with its info string and line break). */
  | 'fence'
  /** A line inside a fenced code block, with its line break. */
  | 'code'
  /** An inline code span, backticks included. */
  | 'inline-code'
  /** `<!-- … -->`. */
  | 'comment';

export interface Segment {
  kind: SegmentKind;
  /** Offset in the text. */
  start: number;
  text: string;
}

/** Markdown without its HTML comments (hints that render as nothing but would show in chat). */
export function withoutComments(markdown: string): string {
  return tidyBlankLines(markdownSegments(markdown).filter((s) => s.kind !== 'comment').map((s) => s.text).join(''));
}

export type MarkdownBlock =
  /** Prose lines, HTML comments removed, each inline code span stood in for by a placeholder. */
  | { kind: 'prose'; text: string; spans: string[] }
  | { kind: 'fence' | 'code'; text: string };

const SPAN_OPEN = '\uE000';
const SPAN_CLOSE = '\uE001';

/**
 * The text as prose blocks and code lines. Converters rewrite a prose block whole (so `**`x`**`
 * or a link around code is seen as one) while code spans cannot be touched: they are placeholders
 * of private-use characters, no word characters and no spaces, until fillSpans puts them back.
 */
export function markdownBlocks(text: string): MarkdownBlock[] {
  const blocks: MarkdownBlock[] = [];
  for (const segment of markdownSegments(text)) {
    if (segment.kind === 'fence' || segment.kind === 'code') {
      blocks.push({ kind: segment.kind, text: segment.text });
      continue;
    }
    let last = blocks[blocks.length - 1];
    if (!last || last.kind !== 'prose') {
      last = { kind: 'prose', text: '', spans: [] };
      blocks.push(last);
    }
    if (segment.kind === 'inline-code') {
      last.text += `${SPAN_OPEN}${last.spans.length}${SPAN_CLOSE}`;
      last.spans.push(segment.text);
    } else if (segment.kind === 'text') {
      last.text += segment.text;
    }
  }
  return blocks;
}

/** Puts a prose block's code spans back, each as `render` gives it. */
export function fillSpans(text: string, spans: string[], render: (span: string) => string): string {
  return text.replace(new RegExp(`${SPAN_OPEN}(\\d+)${SPAN_CLOSE}`, 'g'), (_m, index: string) => render(spans[Number(index)]));
}

const OPEN_FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;

/** The segments of `text`, in order; their texts joined give `text` back. */
export function markdownSegments(text: string): Segment[] {
  const segments: Segment[] = [];
  let fence: { char: string; length: number } | undefined;
  let proseStart = -1;
  let offset = 0;
  const flushProse = (end: number): void => {
    if (proseStart >= 0 && end > proseStart) {
      segments.push(...inlineSegments(text.slice(proseStart, end), proseStart));
    }
    proseStart = -1;
  };
  while (offset < text.length) {
    const newline = text.indexOf('\n', offset);
    const end = newline < 0 ? text.length : newline + 1;
    const line = text.slice(offset, end).replace(/\r?\n$/, '');
    if (fence) {
      const close = new RegExp(`^ {0,3}${fence.char === '`' ? '`' : '~'}{${fence.length},}[ \\t]*$`);
      if (close.test(line)) {
        segments.push({ kind: 'fence', start: offset, text: text.slice(offset, end) });
        fence = undefined;
      } else {
        segments.push({ kind: 'code', start: offset, text: text.slice(offset, end) });
      }
    } else {
      const open = OPEN_FENCE.exec(line);
      // A backtick fence's info string cannot hold a backtick (CommonMark), else it is inline code.
      if (open && !(open[1][0] === '`' && open[2].includes('`'))) {
        flushProse(offset);
        segments.push({ kind: 'fence', start: offset, text: text.slice(offset, end) });
        fence = { char: open[1][0], length: open[1].length };
      } else if (proseStart < 0) {
        proseStart = offset;
      }
    }
    offset = end;
  }
  flushProse(text.length);
  return segments;
}

interface BacktickRun {
  start: number;
  length: number;
  /** After a backslash: cannot open a code span (it may still close one, where `\` is literal). */
  escaped: boolean;
}

/**
 * Inline code spans and comments inside a run of prose lines. Every backtick run and paragraph
 * break is found once and walked with pointers that only move forward: notes can be a megabyte
 * of one paragraph, and a search from each backtick would take seconds there.
 */
function inlineSegments(prose: string, base: number): Segment[] {
  const out: Segment[] = [];
  const push = (kind: SegmentKind, from: number, to: number): void => {
    if (to > from) {
      out.push({ kind, start: base + from, text: prose.slice(from, to) });
    }
  };
  const runs = backtickRuns(prose);
  const closers = closingRuns(runs);
  const breaks = paragraphBreaks(prose);
  let breakIndex = 0;
  let runIndex = 0;
  let comment = prose.indexOf('<!--');
  let textStart = 0;
  let at = 0;
  for (;;) {
    while (runIndex < runs.length && runs[runIndex].start < at) {
      runIndex++;
    }
    if (comment >= 0 && comment < at) {
      comment = prose.indexOf('<!--', at);
    }
    const run = runs[runIndex];
    if (comment >= 0 && (!run || comment < run.start)) {
      const close = prose.indexOf('-->', comment + 4);
      const end = close < 0 ? prose.length : close + 3;
      push('text', textStart, comment);
      push('comment', comment, end);
      textStart = at = end;
      continue;
    }
    if (!run) {
      break;
    }
    at = run.start + run.length;
    if (run.escaped) {
      continue;
    }
    while (breakIndex < breaks.length && breaks[breakIndex] < at) {
      breakIndex++;
    }
    const limit = breakIndex < breaks.length ? breaks[breakIndex] : prose.length;
    const close = closers(runIndex);
    if (close === undefined || close.start >= limit) {
      continue; // literal backticks
    }
    push('text', textStart, run.start);
    push('inline-code', run.start, close.start + close.length);
    textStart = at = close.start + close.length;
  }
  push('text', textStart, prose.length);
  return out;
}

function backtickRuns(prose: string): BacktickRun[] {
  const runs: BacktickRun[] = [];
  for (let i = prose.indexOf('`'); i >= 0; i = prose.indexOf('`', i)) {
    let end = i;
    while (prose[end] === '`') {
      end++;
    }
    runs.push({ start: i, length: end - i, escaped: i > 0 && prose[i - 1] === '\\' });
    i = end;
  }
  return runs;
}

/** For run `i`, the next run of the same length; asked with `i` never decreasing. */
function closingRuns(runs: BacktickRun[]): (i: number) => BacktickRun | undefined {
  const byLength = new Map<number, number[]>();
  runs.forEach((run, i) => {
    const list = byLength.get(run.length) ?? [];
    list.push(i);
    byLength.set(run.length, list);
  });
  const next = new Map<number, number>();
  return (i) => {
    const list = byLength.get(runs[i].length)!;
    let p = next.get(runs[i].length) ?? 0;
    while (p < list.length && list[p] <= i) {
      p++;
    }
    next.set(runs[i].length, p);
    return p < list.length ? runs[list[p]] : undefined;
  };
}

/** Offsets of the blank lines that end paragraphs: a code span never crosses one. */
function paragraphBreaks(prose: string): number[] {
  const breaks: number[] = [];
  const blank = /\n[ \t]*\r?\n/g;
  for (let m = blank.exec(prose); m; m = blank.exec(prose)) {
    breaks.push(m.index);
    blank.lastIndex = m.index + 1;
  }
  return breaks;
}
