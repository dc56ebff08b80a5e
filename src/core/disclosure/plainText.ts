// An author's Markdown as plain text for email: the words stay exactly as written, only the syntax
// goes (emphasis markers, backticks, link brackets, heading hashes, task boxes). Lines are never
// re-wrapped: the author chose where they break.
import { tidyBlankLines } from './blankLines';
import { fillSpans, markdownBlocks } from './markdownSegments';

export function markdownToPlainText(markdown: string): string {
  let out = '';
  for (const block of markdownBlocks(markdown)) {
    if (block.kind === 'prose') {
      const plain = block.text.split('\n').map((line) => plainInline(plainLineStart(line))).join('\n');
      out += fillSpans(plain, block.spans, codeSpanContent);
    } else if (block.kind === 'code') {
      // Indented, the usual way to set code apart in a plain-text mail.
      out += block.text.trim() === '' ? block.text : `    ${block.text}`;
    }
  }
  return tidyBlankLines(out);
}

function plainLineStart(line: string): string {
  // Thematic breaks before list markers: `* * *` is a rule, not an item.
  return line
    .replace(/^([ \t]*)#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*(\r?)$/, '$1$2$3')
    .replace(/^([ \t]*)(?:[-*+]|(\d+[.)]))[ \t]+\[([ xX])\][ \t]+/, (_m, indent: string, number: string | undefined, box: string) =>
      `${indent}${number ?? '-'} ${box === ' ' ? '' : '(done) '}`)
    .replace(/^([ \t]*)(?:\*[ \t]*){3,}$|^([ \t]*)(?:_[ \t]*){3,}$/, '$1$2---')
    .replace(/^([ \t]*)[*+][ \t]+/, '$1- ');
}

function plainInline(text: string): string {
  return text
    .replace(/!\[([^\]\n]*)\]\(([^)\s]+)(?:[ \t]+"[^"\n]*")?\)/g, (_m, alt: string, url: string) => (alt ? `${alt} (${url})` : url))
    .replace(/\[([^\]\n]+)\]\(([^)\s]+)(?:[ \t]+"[^"\n]*")?\)/g, (_m, label: string, url: string) => (label === url ? url : `${label} (${url})`))
    .replace(/<((?:https?|mailto):[^>\s]+)>/g, '$1')
    .replace(/(?<![\\*])\*\*(?=\S)(.*?\S)\*\*(?!\*)/g, '$1')
    .replace(/(?<![\w\\_])__(?=\S)(.*?\S)__(?![\w_])/g, '$1')
    .replace(/(?<![\w*\\])\*(?=[^\s*])([^*\n]*?[^\s*\\])\*(?![\w*])/g, '$1')
    .replace(/(?<![\w\\_])_(?=[^\s_])([^_\n]*?[^\s_\\])_(?![\w_])/g, '$1')
    .replace(/(?<!\\)~~(?=\S)(.*?\S)~~/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!|~<>])/g, '$1');
}

/** `` `x` `` → x; one space on each side is padding when both are there (CommonMark). */
function codeSpanContent(span: string): string {
  const ticks = /^`+/.exec(span)![0].length;
  const inner = span.slice(ticks, span.length - ticks).replace(/\r?\n/g, ' ');
  return /^ .*\S.* $/.test(inner) ? inner.slice(1, -1) : inner;
}
