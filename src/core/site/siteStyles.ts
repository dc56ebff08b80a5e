// The site's stylesheet, a file of its own so the CSP can forbid inline styles. Colours meet WCAG
// AA contrast on their backgrounds; chart colours are classes so the SVG carries no style.
export const SITE_CSS = `:root { color-scheme: light; --fg: #1d1d1f; --muted: #555; --bg: #fff; --line: #d6d6d6; --accent: #0b57d0; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); }
a { color: var(--accent); }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 8px; top: 8px; background: #fff; padding: 4px 8px; }
.top { display: flex; flex-wrap: wrap; gap: 16px; align-items: baseline; padding: 12px 24px; border-bottom: 1px solid var(--line); background: #f6f6f6; }
.brand { font-weight: 700; color: var(--fg); text-decoration: none; }
.top nav a { margin-right: 12px; }
.top nav a[aria-current="page"] { font-weight: 700; color: var(--fg); }
main { max-width: 60rem; margin: 0 auto; padding: 16px 24px 48px; }
.foot { text-align: center; color: var(--muted); font-size: 14px; padding: 16px; border-top: 1px solid var(--line); }
.filters { display: flex; flex-wrap: wrap; gap: 12px; align-items: end; margin: 16px 0; }
.filters label { display: flex; flex-direction: column; font-size: 14px; color: var(--muted); }
.filters input, .filters select { font: inherit; padding: 4px 6px; border: 1px solid #767676; border-radius: 4px; color: var(--fg); background: #fff; }
.filters .search { flex: 1 1 20rem; }
.notes { list-style: none; padding: 0; }
.note { border-bottom: 1px solid var(--line); padding: 12px 0; }
.note h2 { font-size: 18px; margin: 0 0 4px; }
.meta { margin: 0; font-size: 14px; color: var(--muted); }
.learnings { margin: 6px 0 0; }
.badge { display: inline-block; padding: 0 6px; border-radius: 4px; font-size: 13px; border: 1px solid currentColor; }
.sev-critical { color: #8b0000; } .sev-high { color: #a63200; } .sev-medium { color: #6b5200; } .sev-low { color: #1f5f1f; } .sev-near-miss { color: #3d4f6b; }
.status-open { color: #8b0000; } .status-mitigated { color: #6b5200; } .status-resolved { color: #1f5f1f; }
.tag { font-size: 13px; color: var(--muted); }
.repo { font-size: 13px; color: var(--muted); }
.facts { display: flex; flex-wrap: wrap; gap: 8px 24px; margin: 8px 0 16px; }
.facts dt { font-size: 13px; color: var(--muted); }
.facts dd { margin: 0; }
pre { background: #f4f4f4; padding: 8px 12px; overflow-x: auto; border-radius: 4px; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 14px; }
figure.code { margin: 0 0 16px; }
figcaption { font-size: 14px; }
.sha, .uncommitted, .owner, .due, .role { color: var(--muted); font-size: 13px; }
.responses { list-style: none; padding: 0; }
.response { border-left: 3px solid var(--line); padding: 4px 0 4px 12px; margin: 0 0 12px; }
.response .text p { margin: 4px 0; }
.kind-thanks { color: #1f5f1f; } .kind-help { color: #0b57d0; } .kind-question { color: #6b5200; } .kind-learning { color: #5b2a86; }
table { border-collapse: collapse; }
th, td { border: 1px solid var(--line); padding: 4px 8px; }
.chart { max-width: 100%; height: auto; }
.chart .label, .chart .value { font-size: 13px; fill: var(--fg); }
.chart .bar { fill: #0b57d0; }
.chart .bar.sev-critical { fill: #8b0000; } .chart .bar.sev-high { fill: #c2410c; } .chart .bar.sev-medium { fill: #b58900; } .chart .bar.sev-low { fill: #2e7d32; } .chart .bar.sev-near-miss { fill: #5c6f8f; }
.chart .bar.status-open { fill: #8b0000; } .chart .bar.status-mitigated { fill: #b58900; } .chart .bar.status-resolved { fill: #2e7d32; }
.count { font-size: 14px; color: var(--muted); font-weight: 400; }
[hidden] { display: none !important; }
`;
