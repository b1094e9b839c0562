import * as assert from 'assert';
import { buildWebviewHtml, contentSecurityPolicy, createNonce, escapeHtml } from '../../../src/host/platform/webviewHtml';

describe('webview HTML shell', () => {
  const source = 'https://file+.vscode-resource.vscode-cdn.net';

  it('builds exactly the required CSP: nonce scripts, styles/images/fonts from the webview origin only', () => {
    assert.strictEqual(
      contentSecurityPolicy(source, 'abc123'),
      `default-src 'none'; script-src 'nonce-abc123'; style-src ${source}; img-src ${source} data:; font-src ${source}`,
    );
  });

  it('draws 128-bit nonces that differ on every call', () => {
    const nonces = new Set(Array.from({ length: 200 }, () => createNonce()));
    assert.strictEqual(nonces.size, 200);
    for (const nonce of nonces) assert.strictEqual(Buffer.from(nonce, 'base64').length, 16);
  });

  it('has no inline style or script: one nonce-tagged external script, one stylesheet link', () => {
    const page = buildWebviewHtml({
      cspSource: source,
      nonce: 'n0nce',
      scriptUri: `${source}/dist/webview/topology.js`,
      styleUri: `${source}/dist/webview/topology.css`,
      title: 'Topologías <de la clase>',
      lang: 'es',
    });
    assert.ok(!/unsafe-inline|unsafe-eval/.test(page));
    assert.ok(!/<style|style=/.test(page));
    const scripts = page.match(/<script[^>]*>/g) ?? [];
    assert.deepStrictEqual(scripts, [`<script nonce="n0nce" src="${source}/dist/webview/topology.js">`]);
    assert.ok(page.includes(`<link rel="stylesheet" href="${source}/dist/webview/topology.css">`));
    assert.ok(page.includes('<title>Topologías &lt;de la clase&gt;</title>'));
    assert.ok(page.includes('<html lang="es">'));
  });

  it('escapes HTML metacharacters', () => {
    assert.strictEqual(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
