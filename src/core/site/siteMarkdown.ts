// A note's Markdown as HTML for the site. Notes may come from hostile repositories, so markdown-it
// runs with raw HTML off and its output is passed through sanitize-html with a strict allowlist:
// no element or attribute that can run script, no `javascript:`/`data:` links, no inline styles
// (the site's CSP forbids them anyway). Secrets are masked before rendering, as in disclosures.
// Both libraries are loaded on first use, so the extension's activation does not pay for them.
/* eslint-disable @typescript-eslint/no-require-imports */
type MarkdownIt = InstanceType<typeof import('markdown-it')>;
import { maskSecrets } from '../secrets';

let md: MarkdownIt | undefined;
let sanitize: typeof import('sanitize-html') | undefined;

function renderer(): MarkdownIt {
  if (!md) {
    const MarkdownItCtor = require('markdown-it') as typeof import('markdown-it');
    md = new MarkdownItCtor({ html: false, linkify: false, typographer: false });
    // markdown-it's own check refuses javascript:, vbscript:, file: and most data: URLs; the
    // sanitiser below is the second wall.
  }
  return md;
}

const ALLOWED_TAGS = [
  'p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'code', 'em', 'strong', 's',
  'ul', 'ol', 'li', 'a', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
];

/**
 * Markdown → sanitised HTML; `masked` says the text was masked already (siteSources masks each
 * note once). A body's `#` becomes an h2 (the page's title is the h1), and the
 * template's sections left empty are dropped: a reader sees what was written, not blank headings.
 */
export function renderMarkdown(markdown: string, options: { masked?: boolean } = {}): string {
  const html = sanitizeHtml(renderer().render(options.masked ? markdown : maskSecrets(markdown)));
  return html.replace(/<h2>[^<]*<\/h2>\n?(?=<h2>|$)/g, '');
}

export function sanitizeHtml(html: string): string {
  sanitize ??= require('sanitize-html') as typeof import('sanitize-html');
  return sanitize(html, SANITIZE_OPTIONS);
}

// One options object for every note (sanitize-html reads it on each call; it is not copied).
const SANITIZE_OPTIONS: import('sanitize-html').IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: { a: ['href', 'title', 'rel'], ol: ['start'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'escape',
  transformTags: {
    h1: 'h2',
    // Links leave the site for somewhere a note chose: no referrer, no opener.
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'noopener noreferrer nofollow' } }),
  },
};
