import * as assert from 'assert';
import { markdownSegments, withoutComments } from '../../src/core/disclosure/markdownSegments';
import { markdownToPlainText } from '../../src/core/disclosure/plainText';
import { markdownToSlack } from '../../src/core/disclosure/slackMrkdwn';

describe('markdownSegments', () => {
  it('splits prose, fences, code, inline code and comments, losing nothing', () => {
    const text = 'a `b` c <!-- d -->\n```ts\ncode `x`\n```\n``e ` f`` g\n`unclosed\n\nnext` para';
    const segments = markdownSegments(text);
    assert.strictEqual(segments.map((s) => s.text).join(''), text);
    assert.deepStrictEqual(segments.map((s) => [s.kind, s.text]), [
      ['text', 'a '], ['inline-code', '`b`'], ['text', ' c '], ['comment', '<!-- d -->'], ['text', '\n'],
      ['fence', '```ts\n'], ['code', 'code `x`\n'], ['fence', '```\n'],
      ['inline-code', '``e ` f``'], ['text', ' g\n`unclosed\n\nnext` para'],
    ]);
    for (const s of segments) {
      assert.strictEqual(text.slice(s.start, s.start + s.text.length), s.text);
    }
  });

  it('runs an unclosed fence to the end, and drops comments with the blank lines they leave', () => {
    assert.deepStrictEqual(markdownSegments('x\n~~~\ny').map((s) => s.kind), ['text', 'fence', 'code']);
    assert.strictEqual(withoutComments('A\n\n<!-- hint -->\n\nB <!-- x --> C\n'), 'A\n\nB  C');
  });
});

describe('markdownToPlainText', () => {
  it('keeps the words and drops the syntax', () => {
    const cases: [string, string][] = [
      ['**bold**, __strong__, *em*, _em_ and ~~gone~~', 'bold, strong, em, em and gone'],
      ['snake_case_name and 2*3*4 stay', 'snake_case_name and 2*3*4 stay'],
      ['See [the docs](https://x.test/a) or <https://x.test/b>', 'See the docs (https://x.test/a) or https://x.test/b'],
      ['[https://x.test](https://x.test) and ![chart](https://x.test/c.png)', 'https://x.test and chart (https://x.test/c.png)'],
      ['Run `rm -rf` and `` a`b ``', 'Run rm -rf and a`b'],
      ['### Heading ###\n* one\n+ two\n- [ ] open\n- [x] done\n1. [ ] numbered', 'Heading\n- one\n- two\n- open\n- (done) done\n1. numbered'],
      ['* * *\n> quoted', '---\n> quoted'],
      ['\\*not em\\* and a \\_', '*not em* and a _'],
      ['Text\n\n```js\nconst a = **b**;\n\nx();\n```\nAfter', 'Text\n\n    const a = **b**;\n\n    x();\nAfter'],
      ['Before <!-- hidden -->after', 'Before after'],
    ];
    for (const [markdown, plain] of cases) {
      assert.strictEqual(markdownToPlainText(markdown), plain, markdown);
    }
  });
});

describe('markdownToSlack', () => {
  it('turns Markdown into mrkdwn and escapes what Slack reads as markup', () => {
    const cases: [string, string][] = [
      ['**bold** and *em* and ~~gone~~', '*bold* and _em_ and ~gone~'],
      ['[the docs](https://x.test/a?b=1&c=2)', '<https://x.test/a?b=1&amp;c=2|the docs>'],
      ['## Heading\n> quote', '*Heading*\n> quote'],
      ['a < b & c > d, <!channel> <https://x.test>', 'a &lt; b &amp; c &gt; d, &lt;!channel&gt; <https://x.test>'],
      ['`a < b` and **`x`**', '`a &lt; b` and *`x`*'],
      ['```ts\nif (a && b) {}\n```', '```\nif (a &amp;&amp; b) {}\n```'],
      ['src/my\\_file.ts <!-- hint -->', 'src/my_file.ts'],
    ];
    for (const [markdown, slack] of cases) {
      assert.strictEqual(markdownToSlack(markdown), slack, markdown);
    }
  });
});
