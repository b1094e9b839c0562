// Wiring of issue 7 in the editor: code lenses on model files (topology, train, last run; remedy fields), semantic
// diagnostics and hovers on *.rnn.json, and the commands "New Model Config…", "Train with This Config" and the
// lens-only "show gradient decay of last run". One Disposable for context.subscriptions.
import * as vscode from 'vscode';
import { ModelAnalysisCache } from './analysisCache';
import { showLastRunGradientDecay } from './lastRunGradientDecay';
import { LastRunMemory } from './lastRunMemory';
import { SHOW_LAST_RUN_GRADIENT_DECAY_COMMAND } from './lensCommandIds';
import { RemedyLensProvider } from './remedyLensProvider';
import { TopologyLensProvider } from './topologyLensProvider';
import { allRunsRoots } from '../training/runStoreLocation';
import { RnnConfigDiagnostics } from './diagnosticsProvider';
import { RnnConfigHoverProvider } from './hoverProvider';
import { NEW_MODEL_CONFIG_COMMAND, type NewModelConfigArgs, newModelConfig } from './newModelConfig';
import { TRAIN_WITH_CONFIG_COMMAND, trainWithConfig } from './trainWithConfig';

/** JSON documents of any scheme (files and untitled editors); *.rnn.json is JSON to VS Code. */
export const MODEL_DOCUMENT_SELECTOR: vscode.DocumentSelector = [{ language: 'json' }, { language: 'jsonc' }];

export function registerModelConfigFeatures(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): vscode.Disposable {
  const analyses = new ModelAnalysisCache();
  const topologyLenses = new TopologyLensProvider(analyses);
  const remedyLenses = new RemedyLensProvider(analyses);
  const lastRuns = new LastRunMemory();
  return vscode.Disposable.from(
    analyses,
    topologyLenses,
    remedyLenses,
    vscode.languages.registerCodeLensProvider(MODEL_DOCUMENT_SELECTOR, topologyLenses),
    vscode.languages.registerCodeLensProvider(MODEL_DOCUMENT_SELECTOR, remedyLenses),
    vscode.languages.registerHoverProvider(MODEL_DOCUMENT_SELECTOR, new RnnConfigHoverProvider()),
    new RnnConfigDiagnostics(),
    vscode.commands.registerCommand(NEW_MODEL_CONFIG_COMMAND, (args?: NewModelConfigArgs) => newModelConfig(context.extensionUri, args ?? {})),
    vscode.commands.registerCommand(TRAIN_WITH_CONFIG_COMMAND, (first?: unknown) => trainWithConfig(first, log, lastRuns)),
    vscode.commands.registerCommand(SHOW_LAST_RUN_GRADIENT_DECAY_COMMAND, (configUri?: unknown) =>
      showLastRunGradientDecay({ memory: lastRuns, runsRoots: () => allRunsRoots(context), log }, configUri instanceof vscode.Uri ? configUri : undefined),
    ),
  );
}
