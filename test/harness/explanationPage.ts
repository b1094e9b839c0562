// A standalone page that runs the built explanation webview (dist/webview/explain.js + .css) outside VS Code, for the
// walkthrough's screenshots and CSP checks: the host's HTML shell with the same CSP, a stub acquireVsCodeApi that
// answers `ready` with the state message the host builds (explanationView.ts), and Dark+ / Light+ theme variables
// (those of the topology harness plus the button and quote colours this page uses).
import type { ExplanationStateMessage } from '../../src/shared/protocol/explanationProtocol';
import { explanationStateMessage } from '../../src/host/teaching/explanationView';
import { isLectureTopicId } from '../../src/host/teaching/lectureTopics';
import { buildWebviewHtml, createNonce } from '../../src/host/panels/webviewHtml';
import type { HarnessTheme } from './topologyPage';
import { THEME_VARIABLES, bundleTranslator } from './topologyPage';

export { bundleTranslator };

/** Default Dark+ / Light+ / High Contrast values of the variables the explanation page adds. */
const EXTRA_VARIABLES: Readonly<Record<HarnessTheme, Readonly<Record<string, string>>>> = {
  dark: {
    '--vscode-button-background': '#0e639c',
    '--vscode-button-foreground': '#ffffff',
    '--vscode-button-hoverBackground': '#1177bb',
    '--vscode-textBlockQuote-background': '#222222',
    '--vscode-textBlockQuote-border': '#007acc80',
    '--vscode-errorForeground': '#f48771',
  },
  light: {
    '--vscode-button-background': '#007acc',
    '--vscode-button-foreground': '#ffffff',
    '--vscode-button-hoverBackground': '#0062a3',
    '--vscode-textBlockQuote-background': '#f2f2f2',
    '--vscode-textBlockQuote-border': '#007acc80',
    '--vscode-errorForeground': '#a1260d',
  },
  'high-contrast': {
    '--vscode-button-background': '#000000',
    '--vscode-button-foreground': '#ffffff',
    '--vscode-button-hoverBackground': '#000000',
    '--vscode-textBlockQuote-background': '#000000',
    '--vscode-textBlockQuote-border': '#ffffff',
    '--vscode-errorForeground': '#f48771',
  },
};

const BODY_CLASS: Readonly<Record<HarnessTheme, string>> = {
  dark: 'vscode-dark',
  light: 'vscode-light',
  'high-contrast': 'vscode-high-contrast',
};

/** The state the host sends for `topic` after `ready`, in the bundle's language. */
export function harnessExplanationState(bundle: Readonly<Record<string, string>>, topic: string): ExplanationStateMessage {
  if (!isLectureTopicId(topic)) throw new Error(`unknown lecture topic "${topic}"`);
  return explanationStateMessage(topic, bundleTranslator(bundle));
}

/** CSS that defines the theme variables on <html>, where VS Code puts them. */
export function explanationThemeStylesheet(theme: HarnessTheme): string {
  const variables = { ...THEME_VARIABLES[theme], ...EXTRA_VARIABLES[theme] };
  const lines = Object.entries(variables).map(([name, value]) => `  ${name}: ${value};`);
  return `html {\n${lines.join('\n')}\n}\n`;
}

/** The stub VS Code API: records posts in window.__rnnLabPosted and answers `ready` with `state`, as the host does. */
export function explanationStubScript(state: ExplanationStateMessage, theme: HarnessTheme): string {
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

/** The page: the host's own HTML shell (same CSP), plus the theme stylesheet and the stub, both from `origin`. */
export function explanationHarnessPage(origin: string, lang: string): string {
  const nonce = createNonce();
  const page = buildWebviewHtml({
    cspSource: origin,
    nonce,
    scriptUri: `${origin}/dist/webview/explain.js`,
    styleUri: `${origin}/dist/webview/explain.css`,
    title: 'RNN Lab: Explain',
    lang,
  });
  const injected = `<script nonce="${nonce}" src="${origin}/stub.js"></script>\n<link rel="stylesheet" href="${origin}/theme.css">\n<meta name="viewport"`;
  return page.replace('<meta name="viewport"', injected);
}
