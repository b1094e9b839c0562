// A standalone page that runs the built training-panel webview (dist/webview/training.js + .css) outside VS Code, for
// screenshots and CSP checks: the host's own HTML shell and CSP, a stub acquireVsCodeApi that answers `ready` with the
// state message the host sends (a real adding-problem run, trainingRunRecord.ts), and the Dark+/Light+ variables of
// topologyPage.ts. The stub records every message the page posts in window.__rnnLabPosted.
import type { TrainingStateMessage } from '../../src/shared/protocol/trainingPanelProtocol';
import { DEFAULT_TRAINING_VIEW } from '../../src/shared/protocol/trainingPanelProtocol';
import type { PanelRunRecord } from '../../src/shared/protocol/panelRunRecord';
import type { Translator } from '../../src/host/panels/topologyStrings';
import { trainingPanelStrings } from '../../src/host/panels/trainingPanelStrings';
import { buildWebviewHtml, createNonce } from '../../src/host/panels/webviewHtml';
import type { HarnessTheme } from './topologyPage';
import { THEME_VARIABLES, bundleTranslator, themeStylesheet } from './topologyPage';
import { DEFAULT_ADDING_RUN, addingRunRecord } from './trainingRunRecord';

export { DEFAULT_ADDING_RUN, addingRunRecord, bundleTranslator, themeStylesheet, THEME_VARIABLES };

const BODY_CLASS: Readonly<Record<HarnessTheme, string>> = { dark: 'vscode-dark', light: 'vscode-light', 'high-contrast': 'vscode-high-contrast' };

/** The state message the host sends after `ready` for a finished, saved run. */
export function trainingStateMessage(translator: Translator, record: PanelRunRecord): TrainingStateMessage {
  return {
    type: 'state',
    requestId: 0,
    run: record,
    runJsonPath: `/workspace/.rnn-lab/runs/${record.id}/run.json`,
    totalEpochs: record.config.training.epochs.value,
    view: DEFAULT_TRAINING_VIEW,
    strings: trainingPanelStrings(translator),
  };
}

export function trainingStubScript(state: TrainingStateMessage, theme: HarnessTheme): string {
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

export function trainingHarnessPage(origin: string, lang: string): string {
  const nonce = createNonce();
  const page = buildWebviewHtml({
    cspSource: origin,
    nonce,
    scriptUri: `${origin}/dist/webview/training.js`,
    styleUri: `${origin}/dist/webview/training.css`,
    title: 'RNN Lab: Training',
    lang,
  });
  const injected = `<script nonce="${nonce}" src="${origin}/stub.js"></script>\n<link rel="stylesheet" href="${origin}/theme.css">\n<meta name="viewport"`;
  return page.replace('<meta name="viewport"', injected);
}
