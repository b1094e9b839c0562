// The JSON object `rnn-lab train --json` prints (fields documented in docs/train-json.md): losses, the final model's
// per-timestep gradient norms, speed, clipping, divergence, the sampled diagnostics, and an echo of the model, the
// effective settings and the data. Non-finite numbers (a diverged loss) become null.
import type { ModelConfig } from '../../engine/modelConfig';
import type { IntakePrepared } from '../../data/intake';
import type { TableOverview } from '../../data/intakeTypes';
import type { TrainingSettings } from '../../lab/runs/runRecord';
import type { TrainingRunResult } from '../../lab/training/trainingRun';

export function trainingJson(
  config: ModelConfig,
  settings: TrainingSettings,
  run: TrainingRunResult,
  data: DataEcho,
): Record<string, unknown> {
  const { outcome, remedies } = run;
  const { result, clipping } = outcome;
  const diagnostics = result.diagnostics;
  return {
    kind: data.overview.kind,
    trainLoss: finiteOrNull(result.trainLoss),
    validationLoss: finiteOrNull(result.validationLoss),
    // J of the saved parameters on the whole training / validation set, without penalties (trainLoss is the running
    // mean over the last epoch's mini-batches)
    finalTrainLoss: finiteOrNull(run.finalTrainLoss),
    finalValidationLoss: finiteOrNull(run.finalValidationLoss),
    lossPerEpoch: result.lossPerEpoch.map(finiteOrNull),
    validationLossPerEpoch: result.validationLossPerEpoch.map(finiteOrNull),
    ...characterFields(config, data.prepared, result.validationLoss, result.validationLossPerEpoch),
    hidden_grad_norms: diagnostics?.hiddenGradNorms ?? null,
    ...(config.cell === 'lstm' ? { cell_grad_norms: diagnostics?.cellGradNorms ?? null } : {}),
    ...(config.topology === 'many-to-many-encoder-decoder' ? { decoder_hidden_grad_norms: diagnostics?.decoderHiddenGradNorms ?? null } : {}),
    timestepsPerSecond: result.timestepsPerSecond,
    // how the run trained (lab/training/precision.ts): float32 batched or float64 exact, threads, kernels
    precision: run.precision.precision,
    precisionReason: run.precision.reason,
    threads: run.precision.threads,
    kernels: run.kernelBackend,
    epochs: result.epochsCompleted,
    updates: result.updates,
    clipping: {
      updates: clipping.updates,
      clipped: clipping.clippedCount,
      fraction: clipping.clippedFraction,
      maxPreClipNorm: clipping.maxPreClipNorm,
      preClipNorms: clipping.preClipNorms,
      clippedPerUpdate: outcome.clippedPerUpdate,
    },
    diverged: outcome.diverged,
    diagnostics: outcome.epochDiagnostics,
    config,
    settings,
    training: {
      optimizer: settings.training.optimizer,
      learningRate: settings.training.learningRate,
      batch: settings.training.batch,
      seed: settings.training.seed,
      tbptt: remedies.truncation,
      remedies: {
        clipNorm: remedies.clipNorm,
        clipValue: remedies.clipValue,
        l2: remedies.l2,
        omega: remedies.omega,
        tbptt: remedies.truncation,
        init: remedies.init,
        gradientNormBound: remedies.clipNorm === null && remedies.clipValue === null ? remedies.gradientNormBound : null,
      },
    },
    data: dataJson(data, settings),
  };
}

/** What the output says about the data. */
export interface DataEcho {
  readonly source: string;
  readonly overview: TableOverview;
  readonly prepared: IntakePrepared;
}

export function dataJson(data: DataEcho, settings: TrainingSettings): Record<string, unknown> {
  const { summary, prediction } = data.prepared;
  const grouping = data.overview.kind === 'grouped' ? data.overview.grouping : undefined;
  return {
    source: data.source,
    sha256: summary.fingerprint,
    // the input columns (a table of sequences lists its target after them)
    columns: summary.shapes.columnsUsed.slice(0, Math.max(1, data.prepared.data.inputSize)),
    rows: summary.shapes.rowsRead,
    window: prediction.window,
    horizon: prediction.horizon,
    stride: settings.data.stride,
    trainingWindows: summary.shapes.trainWindows,
    validationWindows: summary.shapes.validationWindows,
    normalization: data.prepared.normalization,
    ...(summary.missingValues !== undefined ? { missingValues: summary.missingValues } : {}),
    ...(grouping !== undefined ? { group: grouping.groupColumn, target: grouping.targetColumn } : {}),
  };
}

/**
 * Character models: the vocabulary (one class per character) and the validation loss in bits per character —
 * cross-entropy J is the mean −ln p of the next character, so J / ln 2 bits (docs/maths.md "Losses").
 */
function characterFields(config: ModelConfig, prepared: IntakePrepared, validationLoss: number, validationLossPerEpoch: readonly number[]): Record<string, unknown> {
  const training = prepared.extras.training;
  const vocabulary = training?.['vocabulary'];
  const labels = training?.['labels'];
  if (config.loss !== 'xent') return {};
  return {
    ...(Array.isArray(vocabulary) ? { vocabulary } : {}),
    ...(Array.isArray(labels) ? { labels } : {}),
    ...(prepared.prediction.kind === 'characters'
      ? {
          bitsPerCharacter: Number.isFinite(validationLoss) ? validationLoss / Math.LN2 : null,
          bitsPerCharacterPerEpoch: validationLossPerEpoch.map((loss) => (Number.isFinite(loss) ? loss / Math.LN2 : null)),
          unigramEntropyBits: unigramEntropyBits(prepared),
        }
      : {}),
  };
}

/**
 * H = −Σ_c p_c log₂ p_c of the characters the windows predict (training and validation): the bits per character of
 * a model that knows only how often each character occurs — what a character model must beat.
 */
function unigramEntropyBits(prepared: IntakePrepared): number | null {
  const counts = new Map<number, number>();
  let total = 0;
  for (const example of [...prepared.data.train, ...prepared.data.validation]) {
    for (const target of example.targetClasses ?? []) {
      counts.set(target, (counts.get(target) ?? 0) + 1);
      total++;
    }
  }
  if (total === 0) return null;
  let entropy = 0;
  for (const count of counts.values()) entropy -= (count / total) * Math.log2(count / total);
  return entropy;
}

function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}
