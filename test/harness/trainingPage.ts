// A standalone page that runs the built training-panel webview (dist/webview/training.js + .css) outside VS Code, for
// screenshots and CSP checks: the host's own HTML shell and CSP, a stub acquireVsCodeApi that answers `ready` with the
// state message the host sends (a real adding-problem run, trainingRunRecord.ts), and the Dark+/Light+ variables of
// topologyPage.ts. The stub records every message the page posts in window.__rnnLabPosted.
import type { TrainingStateMessage } from '../../src/protocol/trainingPanelProtocol';
import { DEFAULT_TRAINING_VIEW } from '../../src/protocol/trainingPanelProtocol';
import type { RunRecord } from '../../src/lab/runs/runRecord';
import { trainingPanelStrings } from '../../src/host/trainingPanel/trainingPanelStrings';
import { webviewHarnessPage, webviewStubScript } from './webviewHarness';
import type { HarnessTheme } from './topologyPage';
import { THEME_VARIABLES, bundleTranslator, themeStylesheet } from './topologyPage';
import { DEFAULT_ADDING_RUN, addingRunRecord } from './trainingRunRecord';
import type { Translator } from '../../src/host/platform/translator';

export { DEFAULT_ADDING_RUN, addingRunRecord, bundleTranslator, themeStylesheet, THEME_VARIABLES };


/** The state message the host sends after `ready` for a finished, saved run. */
export function trainingStateMessage(translator: Translator, record: RunRecord): TrainingStateMessage {
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
  return webviewStubScript(state, theme);
}

export function trainingHarnessPage(origin: string, lang: string): string {
  return webviewHarnessPage(origin, lang, 'training', 'RNN Lab: Training');
}
