// Wiring of the training commands: one RunManager (all runs of this window), the status bar item, and the five
// commands. Returned as one Disposable for context.subscriptions; `runs` lets panels follow the runs (issue 6).
import * as vscode from 'vscode';
import { Disposable } from '../platform/disposable';
import { TrainingStatusUi } from './progressUi';
import { RunManager } from './runManager';
import { allRunsRoots, runsLocationFor } from './runStoreLocation';
import type { TrainCommandArgs, TrainFlowContext } from './trainFlow';
import { OPEN_RUN_COMMAND, type OpenRunArgs, openRun } from './openRun';
import { OPEN_SAMPLES_COMMAND, type OpenSamplesArgs, openSamples } from './openSamples';
import { STOP_TRAINING_COMMAND, type StopTrainingArgs, stopTraining } from './stopTraining';
import { TRAIN_ON_FILE_COMMAND, trainOnFile } from './trainOnFile';
import { TRAIN_ON_SELECTION_COMMAND, trainOnSelection } from './trainOnSelection';

export class TrainingCommands extends Disposable {
  readonly runs: RunManager;

  constructor(context: vscode.ExtensionContext, output: vscode.OutputChannel) {
    super();
    const ui = this._register(new TrainingStatusUi(output));
    const workerScript = vscode.Uri.joinPath(context.extensionUri, 'dist', 'trainingWorker.js').fsPath;
    this.runs = this._register(new RunManager(workerScript, ui));
    const flow: TrainFlowContext = { runs: this.runs, output, storeFor: (resource) => runsLocationFor(context, resource) };

    this._register(
      vscode.commands.registerCommand(TRAIN_ON_SELECTION_COMMAND, (args?: TrainCommandArgs) => trainOnSelection(flow, args ?? {})),
    );
    this._register(vscode.commands.registerCommand(TRAIN_ON_FILE_COMMAND, (first?: unknown) => trainOnFile(flow, first)));
    this._register(
      vscode.commands.registerCommand(STOP_TRAINING_COMMAND, (args?: StopTrainingArgs) => stopTraining(this.runs, args ?? {})),
    );
    this._register(
      vscode.commands.registerCommand(OPEN_RUN_COMMAND, (args?: OpenRunArgs) => openRun(allRunsRoots(context), output, args ?? {})),
    );
    this._register(
      vscode.commands.registerCommand(OPEN_SAMPLES_COMMAND, (args?: OpenSamplesArgs) => openSamples(context.extensionUri, args ?? {})),
    );
  }
}
