// Run records for the chart tests, built from known numbers: a 1×1 ReLU RNN whose gradient decay is exactly
// geometric (positive inputs keep every pre-activation positive, so σ' = 1 and ∂h_k/∂h_{k−1} = w_hh at every step),
// measured by the engine itself, and hand-made records for the other charts.
import { hiddenGradientDiagnostics } from '../../../src/engine/bptt';
import { spectralDiagnostics } from '../../../src/engine/diagnostics/spectral';
import { RecurrentModel, createZeroParameters } from '../../../src/engine/model';
import type { CellKind, ModelConfig } from '../../../src/engine/modelConfig';
import { resolveSettings } from '../../../src/lab/settings/resolveSettings';
import type { RunRecord } from '../../../src/lab/runs/runRecord';
import type { EpochMetrics, GradientNormSample, SpectralSample } from '../../../src/lab/runs/runRecord';
import { RUN_RECORD_FORMAT, RUN_RECORD_VERSION } from '../../../src/lab/runs/runRecord';

export const STEPS = 6;

export interface RecordParts {
  readonly cell?: CellKind;
  readonly topology?: 'many-to-one' | 'many-to-many-synced';
  readonly clipNorm?: number;
  readonly epochs?: readonly EpochMetrics[];
  readonly samples?: readonly GradientNormSample[];
  readonly spectra?: readonly SpectralSample[];
  readonly updateGradientNorms?: readonly number[];
}

export function epochMetrics(epoch: number, trainLoss: number, validationLoss: number | null, clippedFraction = 0): EpochMetrics {
  return { epoch, trainLoss, validationLoss, meanGradientNorm: 1, maxGradientNorm: 2, clippedFraction, elapsedMs: 5 };
}

export function makeRecord(parts: RecordParts = {}): RunRecord {
  const config = resolveSettings({
    args: {
      model: { cell: parts.cell ?? 'rnn', hiddenSize: 1, window: STEPS, topology: parts.topology ?? 'many-to-one', nonlinearity: 'relu' },
      remedies: { clipNorm: parts.clipNorm ?? 0 },
      training: { epochs: 3 },
    },
  }).settings;
  return {
    format: RUN_RECORD_FORMAT,
    version: RUN_RECORD_VERSION,
    id: 'run-1',
    name: 'geometric',
    status: 'completed',
    startedAt: '2026-11-27T21:00:00.000Z',
    finishedAt: '2026-11-27T21:00:01.000Z',
    durationMs: 1000,
    config,
    data: {
      source: 'test',
      fingerprint: 'f',
      shapes: { rowsRead: 40, columnsUsed: ['x'], trainWindows: 10, validationWindows: 4, inputShape: [14, STEPS, 1], targetShape: [14, 1, 1] },
      normalization: [],
      predicts: 'next value',
    },
    epochs: parts.epochs ?? [],
    gradientNormsPerTimestep: parts.samples ?? [],
    spectra: parts.spectra ?? [],
    updateGradientNorms: parts.updateGradientNorms ?? [],
    modelFile: null,
  };
}

/**
 * The engine's own measurement on a 1×1 ReLU RNN (many-to-one, T = STEPS): W_ih = 1, W_hh = `recurrent`, biases 0,
 * W_out = 1, inputs 1, target 0. Then h_k = Σ_{j≤k} w^j > 0, so ‖∂J/∂h_k‖ = ‖∂J/∂h_{T−1}‖ · w^(T−1−k) exactly.
 */
export function geometricSample(epoch: number, recurrent: number): { sample: GradientNormSample; spectral: SpectralSample; lastNorm: number } {
  const config: ModelConfig = {
    cell: 'rnn',
    nonlinearity: 'relu',
    inputSize: 1,
    hiddenSize: 1,
    outputSize: 1,
    numLayers: 1,
    topology: 'many-to-one',
    loss: 'mse',
    oneToManyInput: 'first-step',
    outputLength: 1,
  };
  const parameters = createZeroParameters(config);
  const set = (name: string, value: number): void => {
    const tensor = parameters.tensors.find((t) => t.name === name);
    if (tensor === undefined) throw new Error(`no parameter ${name}`);
    tensor.data[0] = value;
  };
  set('weight_ih_l0', 1);
  set('weight_hh_l0', recurrent);
  set('weight_out', 1);
  const model = new RecurrentModel(config, parameters);
  const example = { inputLength: STEPS, inputs: new Float64Array(STEPS).fill(1), targetLength: 1, targets: Float64Array.of(0) };
  const diagnostics = hiddenGradientDiagnostics(model, example, 0);
  const hiddenNorms = diagnostics.hiddenGradNorms[0]!;
  const sample: GradientNormSample = {
    epoch,
    layer: 0,
    hiddenNorms,
    lossTerm: 0,
    lossTermHiddenNorms: diagnostics.lossTermHiddenGradNorms![0]!,
  };
  const spectral: SpectralSample = { epoch, matrices: spectralDiagnostics(config, parameters, { sequenceLength: STEPS }).matrices };
  return { sample, spectral, lastNorm: hiddenNorms[STEPS - 1]! };
}
