// The shape preview shown before training (issue 5): rows read, columns used, windows made, tensor shapes, the
// topology and what will be predicted — so a student checks the data's shape against the lecture's diagrams first.
// It is a notification, not a modal dialog, so the window stays usable while it waits ("Train" / "Change Settings");
// the whole preview is also in the RNN Lab output. rnnLab.training.confirmShapes = false trains without asking.
import * as vscode from 'vscode';
import type { TopologyId } from '../../engine/dataset';
import type { DataShapes } from '../../lab/runs/runRecord';
import type { PredictionSpec } from '../../data/prepare/seriesTrainingData';

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

/** "the value of "price" 1 step after each 20-step window", worded per topology (windowing.ts geometry). */
export function describePrediction(prediction: PredictionSpec): string {
  const { column, window, horizon, targetLength } = prediction;
  if (prediction.kind === 'characters') {
    return vscode.l10n.t('the next character at every one of the {0} steps of each window ({1} distinct characters)', window, prediction.vocabularySize ?? 0);
  }
  if (prediction.kind === 'labels') {
    return vscode.l10n.t('the class in "{0}" ({1} labels) after the last character of each sentence', column, prediction.vocabularySize ?? 0);
  }
  if (prediction.kind === 'sequences') {
    return prediction.topology === 'many-to-one'
      ? vscode.l10n.t('"{0}" after the last step of each sequence (one sequence per value of "{1}", up to {2} steps)', column, prediction.groupColumn ?? '', window)
      : vscode.l10n.t('"{0}" at every step of each sequence (one sequence per value of "{1}", up to {2} steps)', column, prediction.groupColumn ?? '', window);
  }
  switch (prediction.topology) {
    case 'many-to-one':
      return vscode.l10n.t('"{0}" {1} step(s) after the end of each {2}-step window', column, horizon, window);
    case 'many-to-many-synced':
      return vscode.l10n.t('"{0}" {1} step(s) ahead at every one of the {2} steps of each window', column, horizon, window);
    case 'many-to-many-encoder-decoder':
      return vscode.l10n.t('the next {0} values of "{1}" after each {2}-step window (from {3} step(s) ahead)', targetLength, column, window, horizon);
    case 'one-to-many':
      return vscode.l10n.t('the next {0} values of "{1}" from a single value', targetLength, column);
    case 'one-to-one':
      return vscode.l10n.t('"{0}" {1} step(s) after a single value', column, horizon);
  }
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
