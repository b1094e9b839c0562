// Lenses above the model of a *.rnn.json or of a JSON file that parses as a Keras / TF.js model:
//   "⟲ many-to-one · sentiment analysis (sequence in → one output)" → the topology panel focused with the file's steps;
//   "▶ Train with this config" (RNN Lab configs that the editor can train) → a run with the config's values; in
//   Restricted Mode it says the workspace must be trusted first (the command then offers to manage trust), and the
//   lenses are redrawn when the user grants trust;
//   "Show gradient decay of last run" → the training panel for the newest run.
// Cheap: one parse + classification per document version (ModelAnalysisCache), no training, no linear algebra.
import * as vscode from 'vscode';
import { Disposable } from '../platform/disposable';
import type { ModelAnalysisCache } from './analysisCache';
import { CODE_LENS_SECTION, readCodeLensSettings } from './codeLensSettings';
import { SHOW_LAST_RUN_GRADIENT_DECAY_COMMAND, SHOW_TOPOLOGIES_COMMAND, TRAIN_WITH_CONFIG_COMMAND } from './lensCommandIds';
import { isRnnConfigFileName } from '../../modelFiles/rnnConfig/configFileNames';
import { topologyLensContent } from './topologyLensText';
import { onTrustGranted } from '../platform/workspaceTrust';

export class TopologyLensProvider extends Disposable implements vscode.CodeLensProvider {
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly analyses: ModelAnalysisCache) {
    super();
    this._register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(CODE_LENS_SECTION)) this.changed.fire();
      }),
    );
    this._register(onTrustGranted(() => this.changed.fire()));
    this._register(
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0 && isJsonDocument(event.document)) this.changed.fire();
      }),
    );
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!readCodeLensSettings(document.uri).topology) return [];
    const { recognition, rnnConfig } = this.analyses.get(document);
    if (recognition === null || recognition.modelRange === null) return [];
    const content = topologyLensContent(recognition, vscode.l10n);
    if (content === null) return [];
    const line = recognition.modelRange.start.line;
    const range = new vscode.Range(line, 0, line, 0);
    const lenses = [
      new vscode.CodeLens(range, {
        title: content.title,
        tooltip: content.tooltip,
        command: SHOW_TOPOLOGIES_COMMAND,
        arguments: content.focus === null ? [] : [content.focus],
      }),
    ];
    const trainable = rnnConfig !== null && rnnConfig.config.cell !== 'esn' && recognition.topology !== null;
    if (trainable && (isRnnConfigFileName(document.fileName) || document.isUntitled)) {
      lenses.push(
        new vscode.CodeLens(range, {
          title: vscode.workspace.isTrusted ? vscode.l10n.t('▶ Train with this config') : vscode.l10n.t('▶ Train with this config (trust the workspace first)'),
          tooltip: vscode.l10n.t('Train on the config\'s data (or a data file you pick) with the values of this file overriding the rnnLab.* settings.'),
          command: TRAIN_WITH_CONFIG_COMMAND,
          arguments: [document.uri],
        }),
      );
    }
    lenses.push(
      new vscode.CodeLens(range, {
        title: vscode.l10n.t('Show gradient decay of last run'),
        tooltip: vscode.l10n.t('Open the training panel for the newest saved run (of this config when there is one): ‖∂J/∂h_k‖ across time steps.'),
        command: SHOW_LAST_RUN_GRADIENT_DECAY_COMMAND,
        arguments: [document.uri],
      }),
    );
    return lenses;
  }
}

export function isJsonDocument(document: vscode.TextDocument): boolean {
  return document.languageId === 'json' || document.languageId === 'jsonc' || isRnnConfigFileName(document.fileName);
}
