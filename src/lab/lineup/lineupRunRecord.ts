// A line-up experiment as the extension would run it: its settings (the `rnnLab.*` values of its model, budget and
// remedy) and the RunRecord its run builds (lab/runs/runRecordBuilder.ts, the builder the editor's runs use), so
// `rnn-lab report`, "RNN Lab: Open Run" and the report's charts read the demo's runs exactly like the editor's.
import { resolveSettings, plainSettings, type SettingsOverrides } from '../settings/resolveSettings';
import type { SourcedSettings, TrainingSettings } from '../runs/runRecord';
import { RunRecordBuilder } from '../runs/runRecordBuilder';
import { dataSettingsOf, type DemoDataset } from './lineupData';
import type { BpttExperiment } from './lineup';

/** The experiment's settings, every other one at its default, with where each came from. */
export function experimentSettings(experiment: BpttExperiment, data: DemoDataset): { readonly sourced: SourcedSettings; readonly plain: TrainingSettings } {
  const truncation = experiment.remedies.truncation ?? null;
  const dataSettings = dataSettingsOf(data.task, data.steps);
  const overrides: SettingsOverrides = {
    ...dataSettings,
    model: {
      ...(dataSettings.model ?? {}),
      cell: experiment.cell,
      nonlinearity: experiment.nonlinearity,
      hiddenSize: experiment.hiddenSize,
      layers: 1,
      topology: 'many-to-one',
      window: data.steps,
    },
    training: {
      ...(dataSettings.training ?? {}),
      epochs: experiment.epochs,
      batch: experiment.batchSize,
      optimizer: experiment.optimizer,
      learningRate: experiment.learningRate,
      seed: experiment.seed,
    },
    remedies: {
      clipNorm: experiment.remedies.clipNorm ?? 0,
      clipValue: experiment.remedies.clipValue ?? 0,
      tbpttK1: truncation?.k1 ?? 0,
      tbpttK2: truncation?.k2 ?? 0,
      l2: experiment.remedies.l2 ?? 0,
      omega: experiment.remedies.omega ?? 0,
      init: experiment.init.scheme,
      ...(experiment.init.identityScale !== undefined ? { identityScale: experiment.init.identityScale } : {}),
      ...(experiment.init.spectralRadius !== undefined ? { spectralRadius: experiment.init.spectralRadius } : {}),
    },
  };
  const resolved = resolveSettings({ args: overrides });
  if (resolved.problems.length > 0) throw new Error(`line-up experiment ${experiment.id}: ${resolved.problems.map((problem) => `${problem.key} = ${String(problem.value)}`).join(', ')}`);
  return { sourced: resolved.settings, plain: plainSettings(resolved.settings) };
}

/** The record builder of one experiment's run, with the data summary of its sample. */
export function experimentRecordBuilder(experiment: BpttExperiment, data: DemoDataset, sourced: SourcedSettings, startedAt: Date): RunRecordBuilder {
  const trainCount = data.training.examples.length;
  const validationCount = data.validation.examples.length;
  const total = trainCount + validationCount;
  return new RunRecordBuilder({
    id: experiment.id,
    name: `${experiment.label} — ${data.file}`,
    startedAt,
    config: sourced,
    data: {
      source: `samples/${data.file}`,
      fingerprint: data.fingerprint,
      shapes: {
        rowsRead: data.rows,
        columnsUsed: data.columns,
        trainWindows: trainCount,
        validationWindows: validationCount,
        inputShape: [total, data.steps, data.training.inputSize],
        targetShape: [total, 1, data.training.outputSize],
      },
      normalization: data.normalization.columns.map((column) => ({ column: column.name, kind: data.normalization.kind, offset: column.offset, scale: column.scale })),
      predicts: data.predicts,
    },
  });
}
