// Connects the training panel to the run manager (issue 6: the panel opens when a run starts and follows it live),
// and registers the panel's commands (Show Gradient Decay, Export Chart…, Gradient Check, the text sample's
// rnnLab.sampleText) and the serializers of the training and Gradient Check panels.
// Called once from activate().
import * as vscode from 'vscode';
import type { RunRecord } from '../../lab/runs/runRecord';
import { EXPORT_TRAINING_CHART_COMMAND, exportTrainingChart } from './exportTrainingChart';
import { GRADIENT_CHECK_COMMAND, gradientCheck, gradientCheckRequestFromSettings } from '../gradientCheck/gradientCheckCommand';
import type { GradientDecaySources } from './showGradientDecay';
import { SHOW_GRADIENT_DECAY_COMMAND, showGradientDecay } from './showGradientDecay';
import type { RunEvent, RunManager } from '../training/runManager';
import { allRunsRoots } from '../training/runStoreLocation';
import type { TrainingPanelServices } from './trainingPanel';
import { TrainingPanel } from './trainingPanel';
import { TrainingPanelSerializer } from './trainingPanelSerializer';
import { GradientCheckPanel } from '../gradientCheck/gradientCheckPanel';
import { GradientCheckPanelSerializer } from '../gradientCheck/gradientCheckSerializer';
import { SAMPLE_TEXT_COMMAND, sampleTextCommand } from './sampleTextCommand';

function totalEpochsOf(record: RunRecord): number {
  return record.config.training.epochs.value;
}

/** Follows every run: open its panel at the start (beside the editor, keeping focus), stream progress, show the end. */
function followRuns(runs: RunManager, services: TrainingPanelServices): vscode.Disposable {
  return runs.onDidChangeRun((event: RunEvent) => {
    switch (event.kind) {
      case 'started': {
        const run = { record: event.snapshot, runJsonPath: null, totalEpochs: totalEpochsOf(event.snapshot) };
        // The render promise only matters to callers that wait for it; a failure is already logged by the panel.
        TrainingPanel.createOrShow(services, run, { preserveFocus: true, beside: true }).rendered.catch(() => undefined);
        return;
      }
      case 'progress':
        TrainingPanel.forRun(event.runId)?.appendProgress(event.progress);
        return;
      case 'ended': {
        const { result } = event;
        TrainingPanel.forRun(result.runId)?.show({ record: result.record, runJsonPath: result.runJsonPath, totalEpochs: totalEpochsOf(result.record) });
        return;
      }
    }
  });
}

export function registerTrainingPanel(context: vscode.ExtensionContext, log: vscode.LogOutputChannel, runs: RunManager): vscode.Disposable {
  const services: TrainingPanelServices = { extensionUri: context.extensionUri, log };
  const liveRun = (runId: string): { record: RunRecord; totalEpochs: number } | undefined => {
    const record = runs.snapshot(runId);
    return record === undefined ? undefined : { record, totalEpochs: totalEpochsOf(record) };
  };
  const sources: GradientDecaySources = {
    services,
    activeRuns: () =>
      runs.activeRunIds.flatMap((runId) => {
        const live = liveRun(runId);
        return live === undefined ? [] : [{ runId, ...live }];
      }),
    runRoots: () => allRunsRoots(context),
  };
  return vscode.Disposable.from(
    followRuns(runs, services),
    vscode.commands.registerCommand(SHOW_GRADIENT_DECAY_COMMAND, (args?: unknown) => showGradientDecay(sources, args)),
    vscode.commands.registerCommand(EXPORT_TRAINING_CHART_COMMAND, (args?: unknown) => exportTrainingChart(args)),
    vscode.commands.registerCommand(GRADIENT_CHECK_COMMAND, () => gradientCheck(context.extensionUri, log)),
    vscode.commands.registerCommand(SAMPLE_TEXT_COMMAND, (args?: unknown) => sampleTextCommand(args)),
    vscode.window.registerWebviewPanelSerializer(TrainingPanel.viewType, new TrainingPanelSerializer(services, liveRun)),
    vscode.window.registerWebviewPanelSerializer(
      GradientCheckPanel.viewType,
      new GradientCheckPanelSerializer(context.extensionUri, log, () => gradientCheckRequestFromSettings(vscode.window.activeTextEditor?.document.uri)),
    ),
  );
}
