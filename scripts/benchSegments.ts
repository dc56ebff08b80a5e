// The prose/code/comment splitter's part of `npm run bench`: our markdownSegments against
// markdown-it's tokenizer (what the issue suggested instead) on the same 1,000-line note as the
// wording check. markdown-it is timed for its parse alone — the token stream, before any mapping
// back to source offsets the segments need — so the ratio is a lower bound of what it would cost.
/* eslint-disable @typescript-eslint/no-require-imports */
import { markdownSegments } from '../src/core/disclosure/markdownSegments';
import { wordingNote } from './benchWording';

export interface SegmentsRun {
  lines: number;
  segments: number;
  oursMs: number[];
  markdownItMs: number[];
  markdownItLoadMs: number;
}

export function segmentsRun(runs = 15): SegmentsRun {
  const note = wordingNote(1000);
  let t = performance.now();
  const MarkdownIt = require('markdown-it') as typeof import('markdown-it');
  const md = new MarkdownIt({ html: true });
  const markdownItLoadMs = performance.now() - t;
  const result: SegmentsRun = { lines: 1000, segments: markdownSegments(note).length, oursMs: [], markdownItMs: [], markdownItLoadMs };
  md.parse(note, {});
  for (let r = 0; r < runs; r++) {
    t = performance.now();
    markdownSegments(note);
    result.oursMs.push(performance.now() - t);
    t = performance.now();
    md.parse(note, {});
    result.markdownItMs.push(performance.now() - t);
  }
  return result;
}
