// The shape preview shown before training (issue 5): rows read, columns used, windows made, tensor shapes, the
// topology and what will be predicted — so a student checks the data's shape against the lecture's diagrams first.
// It is a notification, not a modal dialog, so the window stays usable while it waits ("Train" / "Change Settings");
// the whole preview is also in the RNN Lab output. rnnLab.training.confirmShapes = false trains without asking.
import * as vscode from 'vscode';
import type { TopologyId } from '../../engine/dataset';
import type { DataShapes } from '../../lab/runs/runRecord';
import type { PredictionSpec } from '../../data/prepare/seriesTrainingData';
import { describePrediction as predictionText } from '../../lab/runs/predictionText';

export function topologyLabel(topology: TopologyId): string {
  switch (topology) {
    case 'one-to-one':
      return vscode.l10n.t('one-to-one');
    case 'one-to-many':
      return vscode.l10n.t('one-to-many');
    case 'many-to-one':
      return vscode.l10n.t('many-to-one');
    case 'many-to-many-encoder-decoder':
      return vscode.l10n.t('many-to-many encoder–decoder');
    case 'many-to-many-synced':
      return vscode.l10n.t('many-to-many synced');
  }
}

/** What the run predicts, in the user's language (lab/runs/predictionText.ts). */
export function describePrediction(prediction: PredictionSpec): string {
  return predictionText(vscode.l10n, prediction);
}

function shape(dimensions: readonly number[]): string {
  return `[${dimensions.join(' × ')}]`;
}

/** The preview as lines: the title line first, then one line per fact. */
export function shapePreviewLines(shapes: DataShapes, prediction: PredictionSpec, hiddenSize: number, cell: string): string[] {
  return [
    vscode.l10n.t('{0} rows read; columns used: {1}', shapes.rowsRead, shapes.columnsUsed.map((name) => `"${name}"`).join(', ')),
    prediction.kind === 'sequences'
      ? vscode.l10n.t('{0} sequences, one example each: {1} for training, {2} for validation (the last ones in the file)', shapes.trainWindows + shapes.validationWindows, shapes.trainWindows, shapes.validationWindows)
      : vscode.l10n.t('{0} windows: {1} for training, {2} for validation (the last ones in time)', shapes.trainWindows + shapes.validationWindows, shapes.trainWindows, shapes.validationWindows),
    vscode.l10n.t('inputs {0} (windows × timesteps × features), targets {1}', shape(shapes.inputShape), shape(shapes.targetShape)),
    vscode.l10n.t('topology {0}, {1} cell with {2} hidden units', topologyLabel(prediction.topology), cell.toUpperCase(), hiddenSize),
    vscode.l10n.t('predicts {0}', describePrediction(prediction)),
  ];
}

export const CONFIRM_SHAPES_SECTION = 'rnnLab.training';
export const CONFIRM_SHAPES_KEY = 'confirmShapes';

/** rnnLab.training.confirmShapes for the data's resource (default true: the preview is part of the lesson). */
export function shouldConfirmShapes(resource: vscode.Uri | undefined): boolean {
  return vscode.workspace.getConfiguration(CONFIRM_SHAPES_SECTION, resource).get<boolean>(CONFIRM_SHAPES_KEY, true) !== false;
}

/**
 * Shows the preview as a notification; resolves true when the user chooses to train. "Change Settings" opens the
 * RNN Lab settings (and does not train); closing the notification or `stopWaiting` settling (Stop Training) is a no.
 */
export async function confirmShapePreview(name: string, lines: readonly string[], stopWaiting: Promise<void>): Promise<boolean> {
  const train = vscode.l10n.t('Train');
  const change = vscode.l10n.t('Change Settings');
  const question = vscode.window.showInformationMessage(vscode.l10n.t('Train "{0}"? {1}', name, lines.join(' · ')), train, change);
  const choice = await Promise.race([question, stopWaiting.then(() => undefined)]);
  if (choice === change) void vscode.commands.executeCommand('workbench.action.openSettings', '@ext:rnn-lab.rnn-lab');
  return choice === train;
}
