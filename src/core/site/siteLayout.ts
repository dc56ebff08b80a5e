// The frame every page of the site shares: a strict Content-Security-Policy (scripts and styles
// only from the site's own files, nothing inline, no network), the stylesheet, navigation and a
// skip link. Links are relative, so the site works from file:// and under any base URL.

export const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'";

export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

export interface PageFrame {
  siteTitle: string;
  title: string;
  /** From this page to the site root: '' or '../../'. */
  toRoot: string;
  current: 'index' | 'insights' | 'hotspots' | 'note';
  main: string;
  scripts?: string[];
}

export function page(frame: PageFrame): string {
  const r = frame.toRoot;
  const nav = (key: PageFrame['current'], href: string, label: string): string =>
    `<a href="${r}${href}"${frame.current === key ? ' aria-current="page"' : ''}>${label}</a>`;
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${esc(frame.title === frame.siteTitle ? frame.title : `${frame.title} · ${frame.siteTitle}`)}</title>`,
    `<link rel="stylesheet" href="${r}assets/site.css">`,
    `<link rel="alternate" type="application/atom+xml" title="${esc(frame.siteTitle)}" href="${r}feed.xml">`,
    '</head>',
    '<body>',
    '<a class="skip" href="#main">Skip to content</a>',
    `<header class="top"><a class="brand" href="${r}index.html">${esc(frame.siteTitle)}</a>`,
    `<nav aria-label="Site">${nav('index', 'index.html', 'Learnings')} ${nav('insights', 'insights.html', 'Insights')} ${nav('hotspots', 'hotspots.html', 'Hotspots')} <a href="${r}feed.xml">Feed</a></nav></header>`,
    `<main id="main">${frame.main}</main>`,
    '<footer class="foot">Built by Candor from in-repo incident notes.</footer>',
    ...(frame.scripts ?? []).map((s) => `<script src="${r}${s}"></script>`),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** `2026-01-02T10:00:00Z` → `2026-01-02`; anything else as written. */
export function day(value: string | undefined): string {
  return value ? value.slice(0, 10) : '';
}
