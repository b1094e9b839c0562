// The HTML shell every RNN Lab panel loads: a strict Content-Security-Policy, one nonce'd script bundle, one
// stylesheet. No inline styles or scripts anywhere (so no 'unsafe-inline'), no eval (no 'unsafe-eval').
// Pure string building (no vscode import), so the screenshot harness renders the very same page.
import { randomBytes } from 'node:crypto';

/** 128 random bits, base64: unguessable per page load, so only our own <script> tag can run. */
export function createNonce(): string {
  return randomBytes(16).toString('base64');
}

/**
 * `cspSource` is webview.cspSource (the origin asWebviewUri resources are served from). Scripts need the nonce;
 * styles, images and fonts come only from that origin (images may also be data: URIs, e.g. a chart exported as PNG).
 */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource}`,
    `img-src ${cspSource} data:`,
    `font-src ${cspSource}`,
  ].join('; ');
}

export interface WebviewPageOptions {
  readonly cspSource: string;
  readonly nonce: string;
  /** URI (as a string) of the panel's bundle, dist/webview/<panel>.js. */
  readonly scriptUri: string;
  /** URI (as a string) of the panel's stylesheet, dist/webview/<panel>.css. */
  readonly styleUri: string;
  /** Document title (read by screen readers). */
  readonly title: string;
  /** BCP 47 language of the UI, e.g. `en` or `es`. */
  readonly lang: string;
}

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]);
}

export function buildWebviewHtml(options: WebviewPageOptions): string {
  const csp = contentSecurityPolicy(options.cspSource, options.nonce);
  return `<!DOCTYPE html>
<html lang="${escapeHtml(options.lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(options.styleUri)}">
<title>${escapeHtml(options.title)}</title>
</head>
<body>
<main id="app" aria-live="polite"></main>
<script nonce="${escapeHtml(options.nonce)}" src="${escapeHtml(options.scriptUri)}"></script>
</body>
</html>
`;
}
