// report.html: one self-contained file — the report data as JSON and the page script (Chart.js inlined, bundled by
// esbuild.js into dist/report-page.js) in the page itself. No network: no external script, style, font or image, so
// it opens from file:// anywhere, offline, and can be mailed as one attachment.
import type { ReportData } from './reportModel';

/** Id of the <script type="application/json"> element the page script reads. */
export const REPORT_DATA_ELEMENT_ID = 'rnn-lab-report-data';

/**
 * JSON safe inside <script>: every "<" becomes \u003c (so neither "</script>" nor "<!--" can end or confuse the
 * element) and U+2028/U+2029 are escaped; JSON.parse reads the same value back.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** JavaScript source safe inside <script>: "</script" is written "<\/script", which means the same in strings, regexps and comments. */
export function scriptSafeSource(source: string): string {
  return source.replace(/<\/(script)/gi, '<\\/$1');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const STYLE = `
:root { color-scheme: light dark; --fg: #1f2328; --muted: #59636e; --bg: #ffffff; --card: #f6f8fa; --rule: #d1d9e0; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --muted: #9198a1; --bg: #0d1117; --card: #151b23; --rule: #3d444d; } }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1180px; padding: 24px; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 28px 0 6px; border-bottom: 1px solid var(--rule); padding-bottom: 4px; }
.subtitle, .caption, .note, footer { color: var(--muted); }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(520px, 1fr)); gap: 16px; margin-top: 12px; }
figure { margin: 0; padding: 12px; background: var(--card); border: 1px solid var(--rule); border-radius: 6px; }
figcaption { font-weight: 600; margin-bottom: 6px; } .canvas-box { position: relative; height: 320px; }
.caption { font-size: 12.5px; margin: 6px 0 0; }
table { border-collapse: collapse; margin-top: 10px; font-variant-numeric: tabular-nums; font-size: 13px; }
th, td { padding: 4px 10px; border-bottom: 1px solid var(--rule); text-align: right; white-space: nowrap; }
th:nth-child(-n+2), td:nth-child(-n+2) { text-align: left; }
th { font-weight: 600; background: var(--card); }
footer { margin-top: 32px; font-size: 12px; }
noscript { display: block; padding: 12px; border: 1px solid var(--rule); }
`;

/** The whole page. `pageScript` is dist/report-page.js (see reportPageScript.ts). */
export function renderReportHtml(data: ReportData, pageScript: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(data.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main id="report"><h1>${escapeHtml(data.title)}</h1><p class="subtitle">${escapeHtml(data.subtitle)}</p>
<noscript>This report draws its tables and charts with JavaScript (inlined in this file, no network); enable JavaScript to see them.</noscript></main>
<script type="application/json" id="${REPORT_DATA_ELEMENT_ID}">${scriptSafeJson(data)}</script>
<script>${scriptSafeSource(pageScript)}</script>
</body>
</html>
`;
}
