// The insights report as a webview page: plain HTML and SVG bars coloured by the theme's chart
// colours, no network, a strict content security policy, and every text from notes escaped.
// Translated texts are escaped too: a translation is not markup.
import * as vscode from 'vscode';
import type { Insights } from '../../core/insights/insights';
import { hours } from '../../core/insights/insightsReport';
import { notesCount } from '../notes/folderPicker';

// Bars are coloured by class: the strict CSP allows only the nonce'd style sheet, so an inline
// `style` on each bar would be dropped (and the bars drawn black). Keys outside these lists (tags,
// months) get their chart's default class.
const BAR_COLOURS: Record<string, string> = {
  'status-open': 'red',
  'status-mitigated': 'yellow',
  'status-resolved': 'green',
  'severity-near-miss': 'green',
  'severity-low': 'blue',
  'severity-medium': 'yellow',
  'severity-high': 'orange',
  'severity-critical': 'red',
};
const BAR_RULES = ['red', 'yellow', 'green', 'blue', 'orange', 'purple']
  .map((c) => `  rect.bar-${c} { fill: var(--vscode-charts-${c}); }`).join('\n');

export function insightsHtml(insights: Insights, folderName: string, cspSource: string, nonce: string, trusted: boolean): string {
  const csp = `default-src 'none'; style-src ${cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}';`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${esc(vscode.l10n.t('Candor Insights'))}</title>
<style nonce="${nonce}">
  body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 0 1.5rem 2rem; max-width: 60rem; }
  h1 { font-weight: 600; margin-bottom: .2rem; }
  .sub { color: var(--vscode-descriptionForeground); margin-top: 0; }
  .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); gap: .8rem; margin: 1rem 0 1.5rem; }
  .card { border: 1px solid var(--vscode-widget-border, var(--vscode-panel-border)); border-radius: 4px; padding: .7rem .9rem; }
  .card .value { font-size: 1.6rem; font-weight: 600; }
  .card .label { color: var(--vscode-descriptionForeground); font-size: .85rem; }
  .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(22rem, 1fr)); gap: 1.5rem; }
  h2 { font-size: 1.05rem; font-weight: 600; margin: 1.2rem 0 .5rem; }
  svg text { fill: var(--vscode-foreground); font-size: 12px; font-family: var(--vscode-font-family); }
  table { border-collapse: collapse; width: 100%; }
  td { padding: .2rem .4rem; border-bottom: 1px solid var(--vscode-widget-border, transparent); }
  td.n { text-align: right; font-variant-numeric: tabular-nums; }
  code { font-family: var(--vscode-editor-font-family); }
  button { background: var(--vscode-button-background); color: var(--vscode-button-foreground); border: none; padding: .35rem .8rem; border-radius: 2px; cursor: pointer; margin-right: .4rem; }
  button:hover { background: var(--vscode-button-hoverBackground); }
  .empty { color: var(--vscode-descriptionForeground); }
  .note { color: var(--vscode-descriptionForeground); font-size: .85rem; }
${BAR_RULES}
</style>
</head>
<body>
<h1>${esc(vscode.l10n.t('Incident insights'))}</h1>
<p class="sub">${esc(folderName)} · ${esc(notesCount(insights.total))}${insights.unreadable ? ` · ${esc(vscode.l10n.t('{0} unreadable (left out)', insights.unreadable))}` : ''}</p>
<p><button id="export">${esc(vscode.l10n.t('Export as Markdown…'))}</button><button id="refresh">${esc(vscode.l10n.t('Refresh'))}</button></p>
<div class="cards" role="list">
  ${card(hours(insights.medianHoursToLog), vscode.l10n.t('median time to disclose'), vscode.l10n.t('from the introducing commit to the note ({0})', notesCount(insights.samples.toLog)))}
  ${card(hours(insights.medianHoursToFix), vscode.l10n.t('median time to fix'), vscode.l10n.t('from the note to the first fix or resolution ({0})', notesCount(insights.samples.toFix)))}
  ${card(String(insights.followUps.open), vscode.l10n.t('open follow-ups'), vscode.l10n.t('{0} overdue · {1} done', insights.followUps.overdue, insights.followUps.done))}
  ${card(String(insights.byStatus.open ?? 0), vscode.l10n.t('open notes'), vscode.l10n.t('{0} mitigated · {1} resolved', insights.byStatus.mitigated ?? 0, insights.byStatus.resolved ?? 0))}
</div>
${trusted ? '' : `<p class="note">${esc(vscode.l10n.t('This workspace is not trusted: Candor ran no git, so the times from commits are not shown.'))}</p>`}
<div class="grid">
  <section><h2>${esc(vscode.l10n.t('By status'))}</h2>${bars(insights.byStatus, (k) => BAR_COLOURS[`status-${k}`])}</section>
  <section><h2>${esc(vscode.l10n.t('By severity'))}</h2>${bars(insights.bySeverity, (k) => BAR_COLOURS[`severity-${k}`])}</section>
  <section><h2>${esc(vscode.l10n.t('By month'))}</h2>${bars(insights.byMonth, () => 'purple')}</section>
  <section><h2>${esc(vscode.l10n.t('By tag'))}</h2>${bars(Object.fromEntries(Object.entries(insights.byTag).sort((a, b) => b[1] - a[1]).slice(0, 12)), () => 'blue')}</section>
</div>
<h2>${esc(vscode.l10n.t('Hotspots'))}</h2>
${insights.hotspots.length === 0 ? `<p class="empty">${esc(vscode.l10n.t('No linked files yet.'))}</p>` : `<table>${insights.hotspots.map((h) => `<tr><td><code>${esc(h.path)}</code></td><td class="n">${h.count}</td></tr>`).join('')}</table>`}
<h2>${esc(vscode.l10n.t('Recurring tags'))}</h2>
${insights.recurringTags.length === 0 ? `<p class="empty">${esc(vscode.l10n.t('No tag is on more than one note.'))}</p>` : `<p>${insights.recurringTags.map((t) => `<code>${esc(t.tag)}</code> × ${t.count}`).join(' · ')}</p>`}
<script nonce="${nonce}">
  const vscode = acquireVsCodeApi();
  document.getElementById('export').addEventListener('click', () => vscode.postMessage({ type: 'export' }));
  document.getElementById('refresh').addEventListener('click', () => vscode.postMessage({ type: 'refresh' }));
</script>
</body>
</html>`;
}

function card(value: string, label: string, detail: string): string {
  return `<div class="card" role="listitem"><div class="value">${esc(value)}</div><div class="label">${esc(label)}</div><div class="note">${esc(detail)}</div></div>`;
}

/** A horizontal bar chart as SVG, with the numbers written out for screen readers and print. */
function bars(counts: Record<string, number>, colour: (key: string) => string | undefined): string {
  const entries = Object.entries(counts);
  if (entries.length === 0) {
    return `<p class="empty">${esc(vscode.l10n.t('No data yet.'))}</p>`;
  }
  const max = Math.max(1, ...entries.map(([, n]) => n));
  const rowHeight = 22;
  const labelWidth = 110;
  const barWidth = 220;
  const rows = entries.map(([key, n], i) => {
    const width = Math.round((n / max) * barWidth);
    const y = i * rowHeight;
    return `<text x="0" y="${y + 15}">${esc(key.length > 16 ? `${key.slice(0, 15)}…` : key)}</text>`
      + `<rect x="${labelWidth}" y="${y + 4}" width="${width}" height="${rowHeight - 8}" rx="2" class="bar-${colour(key) ?? 'blue'}"></rect>`
      + `<text x="${labelWidth + width + 6}" y="${y + 15}">${n}</text>`;
  }).join('');
  const label = entries.map(([k, n]) => `${k}: ${n}`).join(', ');
  return `<svg role="img" aria-label="${esc(label)}" width="${labelWidth + barWidth + 40}" height="${entries.length * rowHeight}">${rows}</svg>`;
}

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}
