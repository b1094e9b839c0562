// A demo experiment as a RunRecord (src/lab/runs/runRecord.ts), the run.json the extension saves under
// .rnn-lab/runs/<ts>-<name>/: the demo writes one per BPTT model (so `rnn-lab report` and "RNN Lab: Open Run" read
// them) and the report draws its charts from them through src/lab/charts/chartSeries.ts, exactly as the panels do.
import type { ModelConfig } from '../../engine/modelConfig';
import type { RemedyTrainingResult } from '../../engine/remedies/trainWithRemedies';
import { resolveSettings } from '../settings/resolveSettings';
import {
  RUN_RECORD_FORMAT,
  RUN_RECORD_VERSION,
  type DivergenceInfo,
  type EpochMetrics,
  type GradientNormSample,
  type RunRecord,
  type SpectralSample,
} from '../runs/runRecord';
import { DEMO_VALIDATION_FRACTION, type DemoDataset } from './lineupData';
import type { BpttExperiment } from './lineup';

export interface DemoRunInput {
  readonly experiment: BpttExperiment;
  readonly data: DemoDataset;
  readonly config: ModelConfig;
  readonly trained: RemedyTrainingResult;
  /** Cumulative training milliseconds after each epoch (EpochProgress.trainingMilliseconds). */
  readonly epochMilliseconds: readonly number[];
  readonly startedAt: Date;
  readonly wallMilliseconds: number;
}

export function demoRunRecord(input: DemoRunInput): RunRecord {
  const { experiment, data, config, trained, startedAt } = input;
  const truncation = experiment.remedies.truncation ?? null;
  const { settings } = resolveSettings({
    args: {
      model: { cell: config.cell, nonlinearity: config.nonlinearity, hiddenSize: config.hiddenSize, layers: config.numLayers, topology: config.topology, window: data.steps, horizon: 1 },
      training: {
        epochs: experiment.epochs,
        batch: experiment.batchSize,
        optimizer: experiment.optimizer,
        learningRate: experiment.learningRate,
        seed: experiment.seed,
        validationSplit: DEMO_VALIDATION_FRACTION,
      },
      remedies: {
        clipNorm: experiment.remedies.clipNorm ?? 0,
        clipValue: experiment.remedies.clipValue ?? 0,
        tbpttK1: truncation?.k1 ?? 0,
        tbpttK2: truncation?.k2 ?? 0,
        l2: experiment.remedies.l2 ?? 0,
        init: experiment.init.scheme,
      },
      data: { normalization: data.normalization.kind },
    },
  });
  const { result, clipping, clippedPerUpdate } = trained;
  const trainCount = data.training.examples.length;
  const validationCount = data.validation.examples.length;
  const updatesPerEpoch = Math.ceil(trainCount / experiment.batchSize);
  const epochs: EpochMetrics[] = result.lossPerEpoch.map((trainLoss, index) => {
    const norms = clipping.preClipNorms.slice(index * updatesPerEpoch, (index + 1) * updatesPerEpoch);
    const clipped = clippedPerUpdate.slice(index * updatesPerEpoch, (index + 1) * updatesPerEpoch);
    const validationLoss = result.validationLossPerEpoch[index];
    return {
      epoch: index + 1,
      trainLoss,
      validationLoss: validationLoss === undefined || Number.isNaN(validationLoss) ? null : validationLoss,
      meanGradientNorm: norms.length === 0 ? 0 : norms.reduce((sum, norm) => sum + norm, 0) / norms.length,
      maxGradientNorm: norms.reduce((max, norm) => Math.max(max, norm), 0),
      clippedFraction: clipped.length === 0 ? 0 : clipped.filter(Boolean).length / clipped.length,
      elapsedMs: input.epochMilliseconds[index] ?? 0,
    };
  });
  const gradientNormsPerTimestep: GradientNormSample[] = [];
  const spectra: SpectralSample[] = [];
  for (const sample of trained.epochDiagnostics) {
    sample.hiddenGradNorms.forEach((hiddenNorms, layer) => {
      const cellNorms = sample.cellGradNorms?.[layer];
      const lossTermHiddenNorms = sample.lossTermHiddenGradNorms?.[layer];
      gradientNormsPerTimestep.push({
        epoch: sample.epoch,
        layer,
        hiddenNorms,
        ...(cellNorms !== undefined ? { cellNorms } : {}),
        lossTerm: sample.lossTerm,
        ...(lossTermHiddenNorms !== undefined ? { lossTermHiddenNorms } : {}),
      });
    });
    spectra.push({ epoch: sample.epoch, matrices: sample.spectral.matrices });
  }
  const finishedAt = new Date(startedAt.getTime() + input.wallMilliseconds);
  const divergence: DivergenceInfo | undefined =
    trained.diverged === null
      ? undefined
      : {
          reason: trained.diverged.reason,
          epoch: trained.diverged.epoch,
          value: clipping.maxPreClipNorm,
          detail: trained.diverged.detail,
          hints: trained.diverged.remedies,
          lastGoodEpoch: Math.floor(trained.diverged.keptUpdates / updatesPerEpoch),
        };
  return {
    format: RUN_RECORD_FORMAT,
    version: RUN_RECORD_VERSION,
    id: experiment.id,
    name: `${experiment.label} — ${data.file}`,
    status: trained.diverged !== null ? 'diverged' : 'completed',
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    durationMs: Math.round(input.wallMilliseconds),
    config: settings,
    data: {
      source: `samples/${data.file}`,
      fingerprint: data.fingerprint,
      shapes: {
        rowsRead: data.rows,
        columnsUsed: data.columns,
        trainWindows: trainCount,
        validationWindows: validationCount,
        inputShape: [trainCount, data.steps, data.training.inputSize],
        targetShape: [trainCount, 1, data.training.outputSize],
      },
      normalization: data.normalization.columns.map((column) => ({ column: column.name, kind: data.normalization.kind, offset: column.offset, scale: column.scale })),
      predicts: data.predicts,
    },
    epochs,
    gradientNormsPerTimestep,
    spectra,
    updateGradientNorms: [...clipping.preClipNorms],
    ...(divergence !== undefined ? { divergence } : {}),
    modelFile: null,
  };
}
