// Everything the gradient panels chart for one sampled epoch (issue 4, "Diagnostics"; docs/maths.md
// "Backpropagation through time"), measured on one probe sequence (the first validation window, else the first
// training window) with the parameters at the end of that epoch. Sampling every epoch would cost an extra
// backward pass, H Jacobian sweeps and an eigen-decomposition each, so about DEFAULT_DIAGNOSTIC_SAMPLES epochs are
// sampled, evenly, always including the first and the last.
//
// JSON field names (camelCase, as `rnn-lab train --json` prints them under "diagnostics", one entry per sampled epoch;
// docs/train-json.md describes them for users):
//   epoch                   1-based epoch after which the sample was taken
//   probeLoss               J of the probe sequence alone
//   hiddenGradNorms         [L][T]  ‖∂J/∂h_k‖₂, total derivative through later steps and the layers above
//   cellGradNorms           [L][T]  ‖∂J/∂c_k‖₂ (LSTM), else null
//   decoderHiddenGradNorms  [L][M]  encoder–decoder: the same over the decoder's steps, else null
//   lossTerm                t of the single loss term J_t below (the last scored step)
//   lossTermHiddenGradNorms [L][T]  ‖∂J_t/∂h_k‖₂, the decay with lag t − k alone
//   jacobianProductNorms    { step, norm: "spectral", fromStep, values [L][…] }, ‖∂h_t/∂h_k‖₂ (jacobianProducts.ts);
//                           null when not asked for (it costs H Jacobian sweeps) or when it could not be measured
//   spectral                { cell, nonlinearity, sequenceLength, matrices[] }: λ₁, ρ, eigenvalues, γ, λ₁γ, the bound
//                           (λ₁γ)^(t−k) and the verdict of every W_hh (block) — diagnostics/spectral.ts; null when
//                           the eigen-solvers failed
//   omegaPenalty            α·Ω of the epoch's last mini-batch (remedies/omega.ts), null when Ω is off
//   unavailable             one line per diagnostic that could not be measured and why (absent when all were)
// A diagnostic that fails never stops training: it is reported missing with its reason instead.
import { hiddenGradientDiagnostics } from '../bptt';
import type { SequenceExample } from '../dataset';
import type { RecurrentModel } from '../model';
import { jacobianProductNorms, type JacobianProductNorms } from './jacobianProducts';
import { spectralDiagnostics, type SpectralDiagnostics } from './spectral';

/** About this many epochs of a run are sampled (enough for the decay chart's lines and the epoch × timestep heatmap). */
export const DEFAULT_DIAGNOSTIC_SAMPLES = 24;
/** Complex eigenvalues (O(H³) each, and H numbers per matrix in the JSON) only up to this hidden size; λ₁, ρ always. */
export const MAX_HIDDEN_SIZE_FOR_EIGENVALUES = 128;

export interface EpochDiagnostics {
  readonly epoch: number;
  readonly probeLoss: number;
  readonly hiddenGradNorms: number[][];
  readonly cellGradNorms: number[][] | null;
  readonly decoderHiddenGradNorms: number[][] | null;
  readonly lossTerm: number;
  readonly lossTermHiddenGradNorms: number[][] | null;
  readonly jacobianProductNorms: JacobianProductNorms | null;
  readonly spectral: SpectralDiagnostics | null;
  readonly omegaPenalty: number | null;
  readonly unavailable?: readonly string[];
}

/**
 * The sampled 1-based epochs of a run of `totalEpochs`: round(1 + i·(E − 1)/(n − 1)), i = 0 … n − 1 — the first,
 * the last, and evenly spaced ones between (every epoch when E ≤ n).
 */
export function sampledEpochs(totalEpochs: number, samples: number = DEFAULT_DIAGNOSTIC_SAMPLES): Set<number> {
  if (!Number.isInteger(totalEpochs) || totalEpochs < 1) throw new RangeError(`sampledEpochs: totalEpochs must be an integer ≥ 1, got ${totalEpochs}`);
  if (!Number.isInteger(samples) || samples < 1) throw new RangeError(`sampledEpochs: samples must be an integer ≥ 1, got ${samples}`);
  const epochs = new Set<number>();
  if (totalEpochs <= samples) {
    for (let epoch = 1; epoch <= totalEpochs; epoch++) epochs.add(epoch);
    return epochs;
  }
  if (samples === 1) return new Set([totalEpochs]);
  const stride = (totalEpochs - 1) / (samples - 1);
  for (let i = 0; i < samples; i++) epochs.add(Math.round(1 + i * stride));
  return epochs;
}

/** The loss term whose decay is isolated: the last scored step (0 for many-to-one and one-to-one). */
export function lastScoredStep(model: RecurrentModel, probe: SequenceExample): number {
  const topology = model.config.topology;
  return topology === 'many-to-one' || topology === 'one-to-one' ? 0 : probe.targetLength - 1;
}

export interface EpochDiagnosticsOptions {
  /** Measure ‖∂h_t/∂h_k‖ (default true). */
  readonly jacobianProducts?: boolean;
  /** t of ‖∂h_t/∂h_k‖ (default the last encoder step). */
  readonly jacobianStep?: number | null;
  readonly jacobianMaxLag?: number;
  readonly omegaPenalty?: number | null;
}

/** Measures one sample (see the header). Leaves model.gradients untouched. */
export function measureEpochDiagnostics(
  model: RecurrentModel,
  probe: SequenceExample,
  epoch: number,
  options: EpochDiagnosticsOptions = {},
): EpochDiagnostics {
  const lossTerm = lastScoredStep(model, probe);
  const gradients = hiddenGradientDiagnostics(model, probe, lossTerm);
  const unavailable: string[] = [];
  const jacobian =
    options.jacobianProducts === false
      ? null
      : measured('jacobianProductNorms', unavailable, () =>
          jacobianProductNorms(model, probe, {
            step: options.jacobianStep ?? null,
            ...(options.jacobianMaxLag !== undefined ? { maxLag: options.jacobianMaxLag } : {}),
          }),
        );
  const spectral = measured('spectral', unavailable, () =>
    spectralDiagnostics(model.config, model.parameters, {
      sequenceLength: Math.max(1, model.encoderStepsFor(probe)),
      includeEigenvalues: model.config.hiddenSize <= MAX_HIDDEN_SIZE_FOR_EIGENVALUES,
    }),
  );
  return {
    epoch,
    probeLoss: gradients.loss,
    hiddenGradNorms: gradients.hiddenGradNorms,
    cellGradNorms: gradients.cellGradNorms,
    decoderHiddenGradNorms: gradients.decoderHiddenGradNorms,
    lossTerm,
    lossTermHiddenGradNorms: gradients.lossTermHiddenGradNorms,
    jacobianProductNorms: jacobian,
    spectral,
    omegaPenalty: options.omegaPenalty ?? null,
    ...(unavailable.length > 0 ? { unavailable } : {}),
  };
}

/** Runs one numerical diagnostic; a failure (an eigen-solver that gives up, say) is recorded, not thrown. */
function measured<T>(field: string, unavailable: string[], measure: () => T): T | null {
  try {
    return measure();
  } catch (error) {
    unavailable.push(`${field}: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}
