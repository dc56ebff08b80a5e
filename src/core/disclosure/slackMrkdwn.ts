// Slack does not read Markdown: it has its own `mrkdwn` (*bold*, _italic_, ~strike~, <url|label>)
// and treats `&`, `<` and `>` as markup, so they must be escaped or a message can ping @channel
// or turn into a link. This turns the Markdown of a draft into mrkdwn and leaves code as code.
import { fillSpans, markdownBlocks } from './markdownSegments';

export function markdownToSlack(markdown: string): string {
  let out = '';
  for (const block of markdownBlocks(markdown)) {
    if (block.kind === 'prose') {
      out += fillSpans(slackProse(block.text), block.spans, escapeSlack);
    } else if (block.kind === 'code') {
      out += escapeSlack(block.text);
    } else {
      // Slack knows only ``` fences and shows an info string (```ts) as code: a bare fence.
      out += `\`\`\`${/\r?\n$/.exec(block.text)?.[0] ?? ''}`;
    }
  }
  return out.replace(/\n{3,}/g, '\n\n').replace(/^\n+|\s+$/g, '');
}

/** Plain text made safe for Slack: only the three characters it reads as markup are escaped. */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function slackProse(text: string): string {
  return text
    .split('\n')
    .map((line) =>
      slackInline(
        escapeSlack(line)
          // As Markdown bold, which slackInline then turns into Slack's *bold*.
          .replace(/^([ \t]*)#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/, '$1**$2**')
          .replace(/^([ \t]*)&gt;/, '$1>'), // a block quote, which Slack has
      ),
    )
    .join('\n');
}

function slackInline(text: string): string {
  return text
    .replace(/!?\[([^\]\n]+)\]\(([^)\s]+)(?:[ \t]+"[^"\n]*")?\)/g, (_m, label: string, url: string) => `<${url}|${label.replace(/\|/g, '¦')}>`)
    .replace(/&lt;((?:https?|mailto):[^\s]+?)&gt;/g, '<$1>')
    // Italic first: once bold is `*x*` it would read as italic.
    .replace(/(?<![\w*\\])\*(?=[^\s*])([^*\n]*?[^\s*\\])\*(?![\w*])/g, '_$1_')
    .replace(/(?<![\\*])\*\*(?=\S)(.*?\S)\*\*(?!\*)/g, '*$1*')
    .replace(/(?<![\w\\_])__(?=\S)(.*?\S)__(?![\w_])/g, '*$1*')
    .replace(/(?<!\\)~~(?=\S)(.*?\S)~~/g, '~$1~')
    .replace(/\\([\\`*_{}[\]()#+\-.!|~])/g, '$1');
}
