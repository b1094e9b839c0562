// What every panel's screenshot harness shares: the stub VS Code API that answers `ready` with the host's state
// message, the theme stylesheet, and the host's own HTML shell (same CSP) with the stub and theme injected.
import { buildWebviewHtml, createNonce } from '../../src/host/platform/webviewHtml';

export type HarnessTheme = 'dark' | 'light' | 'high-contrast';

const BODY_CLASS: Readonly<Record<HarnessTheme, string>> = {
  dark: 'vscode-dark',
  light: 'vscode-light',
  'high-contrast': 'vscode-high-contrast',
};

/** CSS that defines the theme variables on <html>, where VS Code puts them. */
export function variablesStylesheet(variables: Readonly<Record<string, string>>): string {
  const lines = Object.entries(variables).map(([name, value]) => `  ${name}: ${value};`);
  return `html {\n${lines.join('\n')}\n}\n`;
}

/**
 * The stub VS Code API (a separate script, loaded with the page's nonce): records what the page posts in
 * window.__rnnLabPosted, and answers `ready` with `state` asynchronously, as the host does.
 */
export function webviewStubScript(state: unknown, theme: HarnessTheme): string {
  return `'use strict';
window.__rnnLabPosted = [];
window.__rnnLabCspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => window.__rnnLabCspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
let saved;
window.acquireVsCodeApi = () => ({
  postMessage(message) {
    window.__rnnLabPosted.push(message);
    if (message && message.type === 'ready') {
      document.body.classList.add(${JSON.stringify(BODY_CLASS[theme])});
      setTimeout(() => window.postMessage(${JSON.stringify(state)}, '*'), 0);
    }
  },
  getState() { return saved; },
  setState(value) { saved = value; return value; },
});
`;
}

/** The page of `dist/webview/<panel>.js`: the host's HTML shell plus the theme stylesheet and the stub from `origin`. */
export function webviewHarnessPage(origin: string, lang: string, panel: string, title: string): string {
  const nonce = createNonce();
  const page = buildWebviewHtml({
    cspSource: origin,
    nonce,
    scriptUri: `${origin}/dist/webview/${panel}.js`,
    styleUri: `${origin}/dist/webview/${panel}.css`,
    title,
    lang,
  });
  // Right after the CSP meta, so the stub's violation listener is in place before any other resource loads.
  const injected = `<script nonce="${nonce}" src="${origin}/stub.js"></script>\n<link rel="stylesheet" href="${origin}/theme.css">\n<meta name="viewport"`;
  return page.replace('<meta name="viewport"', injected);
}
