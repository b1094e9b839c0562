// The demo end to end: load the samples, train the line-up one experiment after another (progress on stderr), then
// write report.html and one run folder per BPTT model (runs/<id>/: run.json, model.json, initial-model.json, readable
// by `rnn-lab report` and by the extension's "Open Run"). Wall and CPU time are measured around the training only.
import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { nodePlatform } from '../../node/nodePlatform';
import { INITIAL_MODEL_FILE, MODEL_FILE, RUN_FILE } from '../../lab/runs/runRecordFile';
import { renderReportHtml } from '../report/reportHtml';
import { loadAddingProblem, loadSineSeries, meanPredictorLoss, type DemoDataset } from '../../lab/lineup/lineupData';
import { demoLineup, type DemoTask } from '../../lab/lineup/lineup';
import { demoReportData, type DemoTimings } from './demoReport';
import type { DemoResult } from '../../lab/lineup/lineupResult';
import { ProgressBar, type ProgressStream } from './progressBar';
import { formatLoss } from './resultTable';
import { experimentEpochs, runDemoExperiment } from '../../lab/lineup/runLineupExperiment';

export interface DemoOptions {
  readonly samplesDirectory: string;
  /** Fewer epochs (same line-up). */
  readonly quick: boolean;
  /** Where the progress bar goes (stderr), or null for none. */
  readonly progress: ProgressStream | null;
}

export interface DemoRun {
  readonly results: DemoResult[];
  readonly timings: DemoTimings;
  readonly quick: boolean;
  /** Per task, validation J of always predicting the mean training target. */
  readonly meanPredictorLoss: Record<DemoTask, number>;
}

export async function runDemo(options: DemoOptions): Promise<DemoRun> {
  const data: Record<DemoTask, DemoDataset> = {
    adding: await loadAddingProblem(options.samplesDirectory, nodePlatform),
    sine: await loadSineSeries(options.samplesDirectory, nodePlatform),
  };
  const lineup = demoLineup(options.quick);
  const total = lineup.reduce((sum, experiment) => sum + experimentEpochs(experiment), 0);
  const bar = options.progress === null ? null : new ProgressBar(options.progress, total, () => performance.now());
  const wallStarted = performance.now();
  const cpuStarted = process.cpuUsage();
  const results: DemoResult[] = [];
  lineup.forEach((experiment, index) => {
    const title = `${experiment.label} on ${data[experiment.task].file} (${index + 1}/${lineup.length})`;
    bar?.begin(title);
    const result = runDemoExperiment(experiment, data[experiment.task], () => performance.now(), () => bar?.tick());
    bar?.finish(title, `validation J ${formatLoss(result.validationLoss)} in ${(result.wallMilliseconds / 1000).toFixed(1)} s${result.diverged === null ? '' : ' (diverged)'}`);
    results.push(result);
  });
  bar?.end();
  const cpu = process.cpuUsage(cpuStarted);
  return {
    results,
    timings: { wallSeconds: (performance.now() - wallStarted) / 1000, cpuSeconds: (cpu.user + cpu.system) / 1e6 },
    quick: options.quick,
    meanPredictorLoss: { adding: meanPredictorLoss(data.adding), sine: meanPredictorLoss(data.sine) },
  };
}

export interface DemoOutputs {
  readonly reportFile: string;
  readonly runFiles: string[];
}

/**
 * Writes DIR/report.html and DIR/runs/<id>/ with run.json and the model files it names (the folder is created; existing
 * files are replaced).
 */
export async function writeDemoOutputs(run: DemoRun, outDirectory: string, pageScript: string): Promise<DemoOutputs> {
  await mkdir(outDirectory, { recursive: true });
  const runFiles: string[] = [];
  for (const result of run.results) {
    if (result.record === null) continue;
    const folder = path.join(outDirectory, 'runs', result.record.id);
    await mkdir(folder, { recursive: true });
    if (result.modelFiles !== null) {
      await writeFile(path.join(folder, MODEL_FILE), result.modelFiles.model, 'utf8');
      await writeFile(path.join(folder, INITIAL_MODEL_FILE), result.modelFiles.initialModel, 'utf8');
    }
    const file = path.join(folder, RUN_FILE);
    await writeFile(file, `${JSON.stringify(result.record, null, 1)}\n`, 'utf8');
    runFiles.push(file);
  }
  const reportFile = path.join(outDirectory, 'report.html');
  await writeFile(reportFile, renderReportHtml(demoReportData(run.results, run.timings, run.quick, run.meanPredictorLoss), pageScript), 'utf8');
  return { reportFile, runFiles };
}
