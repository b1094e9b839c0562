// A small noisy-free sine task shared by the worker tests: many-to-one, next value after a 12-step window.
import type { SequenceExample } from '../../../src/engine/dataset';
import type { ModelConfig } from '../../../src/engine/modelConfig';
import { plainSettings, resolveSettings, type SettingsOverrides } from '../../../src/lab/settings/resolveSettings';
import type { EpochMetrics, GradientNormSample, SpectralSample } from '../../../src/lab/runs/runRecord';
import { runTraining, type TrainingEvents, type TrainingJob, type TrainingRunResult } from '../../../src/lab/training/trainingRun';
import type { StartTrainingMessage } from '../../../src/protocol/workerProtocol';

export const WINDOW = 12;

export function sineExamples(rows: number): SequenceExample[] {
  const series = Float64Array.from({ length: rows }, (_, i) => Math.sin(0.3 * i));
  const examples: SequenceExample[] = [];
  for (let start = 0; start + WINDOW < rows; start++) {
    examples.push({ inputLength: WINDOW, inputs: series.slice(start, start + WINDOW), targetLength: 1, targets: series.slice(start + WINDOW, start + WINDOW + 1) });
  }
  return examples;
}

export function trainingJob(overrides: SettingsOverrides, rows = 120): TrainingJob {
  const settings = plainSettings(resolveSettings({ args: { model: { hiddenSize: 8, window: WINDOW }, ...overrides } }).settings);
  const model: ModelConfig = {
    cell: settings.model.cell,
    nonlinearity: settings.model.nonlinearity,
    inputSize: 1,
    hiddenSize: settings.model.hiddenSize,
    outputSize: 1,
    numLayers: settings.model.layers,
    topology: 'many-to-one',
    loss: 'mse',
    oneToManyInput: 'first-step',
    outputLength: 1,
  };
  const examples = sineExamples(rows);
  const cut = Math.floor(examples.length * 0.8);
  return {
    model,
    settings,
    data: { inputSize: 1, outputSize: 1, train: examples.slice(0, cut), validation: examples.slice(cut) },
    modelExtras: { normalization: { kind: 'none' } },
  };
}

/** The worker's `start` message for the same job. */
export function startMessage(overrides: SettingsOverrides, rows = 120): StartTrainingMessage {
  return { type: 'start', runId: 'test-run', ...trainingJob(overrides, rows), cancelFlag: new SharedArrayBuffer(4) };
}

/** Everything a run reports through its events, in order, and its result. */
export interface CollectedRun {
  readonly epochs: EpochMetrics[];
  readonly updateNorms: number[];
  readonly gradientSamples: GradientNormSample[];
  readonly spectra: SpectralSample[];
  readonly run: TrainingRunResult;
}

export function collectRun(job: TrainingJob, events: Partial<TrainingEvents> = {}): CollectedRun {
  const epochs: EpochMetrics[] = [];
  const updateNorms: number[] = [];
  const gradientSamples: GradientNormSample[] = [];
  const spectra: SpectralSample[] = [];
  const run = runTraining(job, {
    clock: () => 0,
    ...events,
    onEpoch: (metrics, report) => {
      epochs.push(metrics);
      return events.onEpoch?.(metrics, report);
    },
    onUpdateNorm: (norm) => updateNorms.push(norm),
    onDiagnostics: (_sample, samples, spectrum) => {
      gradientSamples.push(...samples);
      if (spectrum !== null) spectra.push(spectrum);
    },
  });
  return { epochs, updateNorms, gradientSamples, spectra, run };
}
