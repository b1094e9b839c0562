// "RNN Lab: Stop Training": stops the running run (asks which when several run; `{ all: true }` or `{ runId }`
// skip the question), or cancels the reading and preparing of data a train command is still doing. Resolves to the stopped run ids once their workers have acknowledged.
import * as vscode from 'vscode';
import type { RunManager } from './runManager';

export { STOP_TRAINING_COMMAND } from './progressUi';

export interface StopTrainingArgs {
  readonly runId?: string;
  readonly all?: boolean;
}

export async function stopTraining(runs: RunManager, args: StopTrainingArgs = {}): Promise<string[]> {
  if (!runs.busy) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No training run is in progress.'));
    return [];
  }
  return runs.stop(args);
}
