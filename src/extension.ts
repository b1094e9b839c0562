// activate(): wiring only. Every registration goes into context.subscriptions.
import * as vscode from 'vscode';
import { TrainingCommands } from './host/training/registerTrainingCommands';
import { registerTopologyPanel } from './host/topology/topologyCommand';
import { registerTrainingPanel } from './host/trainingPanel/trainingPanelWiring';
import { registerModelConfigFeatures } from './host/modelFiles/registerModelFileFeatures';
import { registerExplainCommands } from './host/explain/explainCommand';
import { registerCompareRemedies } from './host/compareRemedies/compareRemediesCommand';
import { registerExportRun } from './host/exportRun/exportRunCommand';
import { registerWorkerLimits } from './host/platform/workerMemory';
import { setTrustLog } from './host/platform/workspaceTrust';

export function activate(context: vscode.ExtensionContext): void {
  // One log for the whole extension (Output → RNN Lab); rejected webview messages and panel events go here.
  const log = vscode.window.createOutputChannel('RNN Lab', { log: true });
  context.subscriptions.push(log);
  // Every worker's memory limit (rnnLab.workers.maxMemoryMB) and its out-of-memory message; workspace trust refusals are logged.
  registerWorkerLimits();
  setTrustLog(log);
  context.subscriptions.push(registerTopologyPanel(context.extensionUri, log));
  // Train on Selection / on File…, Stop Training, Open Run…, Open Samples; `training.runs` follows every run.
  const training = new TrainingCommands(context, log);
  context.subscriptions.push(training);
  // Training panel: opens when a run starts and follows it; Show Gradient Decay, Export Chart…, panel restore.
  context.subscriptions.push(registerTrainingPanel(context, log, training.runs));
  // Model files: topology and remedy code lenses, *.rnn.json diagnostics and hovers, New Model Config…, Train with This Config.
  context.subscriptions.push(registerModelConfigFeatures(context, log));
  // Teaching: Explain… (lecture topics with formula, sources and an experiment), Run Lecture Experiment…, panel restore.
  context.subscriptions.push(registerExplainCommands(context.extensionUri, log));
  // Compare Remedies: the lecture's line-up trained in workers with the same seed and budget, then the comparison panel.
  context.subscriptions.push(registerCompareRemedies(context.extensionUri, log));
  // Export Run as PyTorch Script…: a saved run → a standalone training script written by a worker into the run folder.
  context.subscriptions.push(registerExportRun(context, log));
}

export function deactivate(): void {
  // Everything registered is disposed through context.subscriptions.
}
