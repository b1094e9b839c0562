// A standalone page that runs the built explanation webview (dist/webview/explain.js + .css) outside VS Code, for the
// walkthrough's screenshots and CSP checks: the host's HTML shell with the same CSP, a stub acquireVsCodeApi that
// answers `ready` with the state message the host builds (explanationView.ts), and Dark+ / Light+ theme variables
// (those of the topology harness plus the button and quote colours this page uses).
import type { ExplanationStateMessage } from '../../src/protocol/explainProtocol';
import { explanationStateMessage } from '../../src/host/explain/explainView';
import { isLectureTopicId } from '../../src/host/explain/lectureTopics';
import { variablesStylesheet, webviewHarnessPage, webviewStubScript } from './webviewHarness';
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

/** The state the host sends for `topic` after `ready`, in the bundle's language. */
export function harnessExplanationState(bundle: Readonly<Record<string, string>>, topic: string): ExplanationStateMessage {
  if (!isLectureTopicId(topic)) throw new Error(`unknown lecture topic "${topic}"`);
  return explanationStateMessage(topic, bundleTranslator(bundle));
}

/** CSS that defines the theme variables on <html>, where VS Code puts them. */
export function explanationThemeStylesheet(theme: HarnessTheme): string {
  return variablesStylesheet({ ...THEME_VARIABLES[theme], ...EXTRA_VARIABLES[theme] });
}

/** The stub VS Code API: records posts in window.__rnnLabPosted and answers `ready` with `state`, as the host does. */
export function explanationStubScript(state: ExplanationStateMessage, theme: HarnessTheme): string {
  return webviewStubScript(state, theme);
}

/** The page: the host's own HTML shell (same CSP), plus the theme stylesheet and the stub, both from `origin`. */
export function explanationHarnessPage(origin: string, lang: string): string {
  return webviewHarnessPage(origin, lang, 'explain', 'RNN Lab: Explain');
}
