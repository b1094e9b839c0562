// Spectral diagnostics of the recurrent matrices (issue 4, "Diagnostics"; docs/maths.md "Backpropagation through
// time"). Pascanu, Mikolov & Bengio (2013): ∂X_{k+1}/∂X_k = W_recᵀ diag(σ'(x_k)), so
//   ‖∂X_{k+1}/∂X_k‖ ≤ ‖W_rec‖₂ · sup|σ'| = λ₁γ   and   ‖∂X_t/∂X_k‖ ≤ (λ₁γ)^(t−k).
// λ₁ < 1/γ is SUFFICIENT for vanishing gradients (the bound itself decays geometrically); λ₁ > 1/γ is NECESSARY for
// exploding ones (exploding is then possible, not certain). ρ (spectral radius) and the complex eigenvalues are shown
// beside λ₁ because ρ ≤ λ₁ and, for long products, the growth rate of W^k is governed by ρ (Gelfand).
//
// Which matrix is "W_rec":
//   rnn   W_rec = W_hh (`weight_hh_l{l}`, H×H), γ of the model's nonlinearity: tanh 1, sigmoid ¼, relu 1.
//   lstm  `weight_hh_l{l}` stacks four H×H blocks in gate order i, f, g, o (docs/maths.md "Parameter layout"). Each
//         block W_h· feeds one gate's pre-activation, so the bound is reported per block with that gate's γ
//         (i, f, o: sigmoid ¼; g: tanh 1), plus the full stacked 4H×H matrix (block "stacked", γ = 1 = the largest
//         gate γ; no eigenvalues, it is not square). These bound the paths through W_hh only: the LSTM cell path
//         ∂c_t/∂c_{t−1} = diag(f_t) bypasses W_hh, which is exactly why LSTM gradients survive (docs/maths.md
//         "Remedies → LSTM"), so for LSTM a "vanishing guaranteed" verdict applies to the W_hh paths, not to c.
//   gru   `weight_hh_l{l}` stacks r, z, n blocks (r, z: sigmoid ¼; n: tanh 1), reported the same way. The path
//         h_t = … + z⊙h_{t−1} likewise bypasses W_hh.
//   encoder–decoder models report the decoder stack too (`decoder.weight_hh_l{l}`).
//
// JSON (camelCase, as serialised by `rnn-lab train --json` and sent to the gradient panels):
//   SpectralDiagnostics { cell, nonlinearity, sequenceLength, matrices: RecurrentMatrixSpectrum[] }
//   RecurrentMatrixSpectrum {
//     parameter            PyTorch name of the matrix, e.g. "weight_hh_l0" or "decoder.weight_hh_l1"
//     stack                "encoder" | "decoder"
//     layer                0-based layer index within the stack
//     block                "W_hh" (rnn), "i" | "f" | "g" | "o" | "stacked" (lstm), "r" | "z" | "n" | "stacked" (gru)
//     rows, cols          shape of the block (H×H, or G·H×H for "stacked")
//     largestSingularValue λ₁ = ‖W‖₂
//     spectralRadius       ρ = max|λ_i| (null for the non-square "stacked" block)
//     eigenvalues          { re: number[], im: number[] } (null for "stacked" or when not requested)
//     gamma                γ = sup|σ'| of the nonlinearity applied after this block
//     lambdaGamma          λ₁γ, the per-step bound on ‖∂X_{k+1}/∂X_k‖
//     bound                (λ₁γ)^(t−k) for lags t−k = 0 … sequenceLength−1
//     verdict              "vanishing-guaranteed" (λ₁ < 1/γ) | "exploding-possible" (λ₁ > 1/γ) | "critical" (λ₁ = 1/γ
//                          to 1e-12 relative)
//   }
import { largestSingularValue } from '../linalg/singularValues';
import { eigenvalues } from '../linalg/eigenvalues';
import type { CellKind, ModelConfig, Nonlinearity } from '../modelConfig';
import type { ParameterSet } from '../tensor';

export type SpectralVerdict = 'vanishing-guaranteed' | 'exploding-possible' | 'critical';

/** γ = sup|σ'(x)|: tanh' ≤ 1 (at 0), sigmoid' ≤ ¼ (at 0), relu' ∈ {0, 1}. */
export const NONLINEARITY_GAMMA: Readonly<Record<Nonlinearity, number>> = { tanh: 1, sigmoid: 0.25, relu: 1 };

/** Gate blocks stacked along the rows of weight_hh, with the nonlinearity applied to each (docs/maths.md). */
const GATE_BLOCKS: Readonly<Record<Exclude<CellKind, 'rnn'>, readonly { name: string; nonlinearity: Nonlinearity }[]>> = {
  lstm: [
    { name: 'i', nonlinearity: 'sigmoid' },
    { name: 'f', nonlinearity: 'sigmoid' },
    { name: 'g', nonlinearity: 'tanh' },
    { name: 'o', nonlinearity: 'sigmoid' },
  ],
  gru: [
    { name: 'r', nonlinearity: 'sigmoid' },
    { name: 'z', nonlinearity: 'sigmoid' },
    { name: 'n', nonlinearity: 'tanh' },
  ],
};

/** λ₁γ within this relative distance of 1 is reported as "critical". */
const CRITICAL_TOLERANCE = 1e-12;

export interface ComplexList {
  readonly re: number[];
  readonly im: number[];
}

export interface RecurrentMatrixSpectrum {
  readonly parameter: string;
  readonly stack: 'encoder' | 'decoder';
  readonly layer: number;
  readonly block: string;
  readonly rows: number;
  readonly cols: number;
  readonly largestSingularValue: number;
  readonly spectralRadius: number | null;
  readonly eigenvalues: ComplexList | null;
  readonly gamma: number;
  readonly lambdaGamma: number;
  readonly bound: number[];
  readonly verdict: SpectralVerdict;
}

export interface SpectralDiagnostics {
  readonly cell: CellKind;
  readonly nonlinearity: Nonlinearity;
  readonly sequenceLength: number;
  readonly matrices: RecurrentMatrixSpectrum[];
}

export interface SpectralOptions {
  /** T: the bound is tabulated for lags 0 … T−1 (usually the training sequence length). */
  readonly sequenceLength: number;
  /** Compute the complex eigenvalues (O(H³) each); default true. ρ is always computed for square blocks. */
  readonly includeEigenvalues?: boolean;
}

/** Spectra of every recurrent matrix of a model (see the header for which blocks). */
export function spectralDiagnostics(config: ModelConfig, parameters: ParameterSet, options: SpectralOptions): SpectralDiagnostics {
  const { sequenceLength } = options;
  if (!Number.isInteger(sequenceLength) || sequenceLength < 1) {
    throw new RangeError(`spectralDiagnostics: sequenceLength must be a positive integer (got ${sequenceLength}).`);
  }
  const includeEigenvalues = options.includeEigenvalues ?? true;
  const stacks: { stack: 'encoder' | 'decoder'; prefix: string }[] = [{ stack: 'encoder', prefix: '' }];
  if (config.topology === 'many-to-many-encoder-decoder') stacks.push({ stack: 'decoder', prefix: 'decoder.' });
  const H = config.hiddenSize;
  const matrices: RecurrentMatrixSpectrum[] = [];

  for (const { stack, prefix } of stacks) {
    for (let layer = 0; layer < config.numLayers; layer++) {
      const parameter = `${prefix}weight_hh_l${layer}`;
      const tensor = parameters.tensors.find((t) => t.name === parameter);
      if (tensor === undefined) {
        throw new RangeError(`spectralDiagnostics: the model has no parameter "${parameter}" (cell ${config.cell}, ${config.numLayers} layer(s)).`);
      }
      const blocks = config.cell === 'rnn' ? [{ name: 'W_hh', nonlinearity: config.nonlinearity }] : GATE_BLOCKS[config.cell];
      const expectedRows = blocks.length * H;
      if (tensor.data.length !== expectedRows * H) {
        throw new RangeError(
          `spectralDiagnostics: "${parameter}" has ${tensor.data.length} entries, expected ${expectedRows}×${H} for a ${config.cell} with hidden size ${H}.`,
        );
      }
      const base = { parameter, stack, layer };
      blocks.forEach((block, index) => {
        const w = tensor.data.subarray(index * H * H, (index + 1) * H * H);
        matrices.push({
          ...base,
          ...recurrentMatrixSpectrum(w, H, H, NONLINEARITY_GAMMA[block.nonlinearity], sequenceLength, includeEigenvalues),
          block: block.name,
        });
      });
      if (blocks.length > 1) {
        matrices.push({ ...base, ...recurrentMatrixSpectrum(tensor.data, expectedRows, H, 1, sequenceLength, false), block: 'stacked' });
      }
    }
  }
  return { cell: config.cell, nonlinearity: config.nonlinearity, sequenceLength, matrices };
}

/**
 * λ₁, ρ, eigenvalues, γ, λ₁γ, the bound (λ₁γ)^lag and the verdict for one matrix W [rows×cols] (also used for an
 * echo-state reservoir, γ = 1 for its tanh). ρ and eigenvalues only when W is square.
 */
export function recurrentMatrixSpectrum(
  w: Float64Array,
  rows: number,
  cols: number,
  gamma: number,
  sequenceLength: number,
  includeEigenvalues = true,
): Omit<RecurrentMatrixSpectrum, 'parameter' | 'stack' | 'layer' | 'block'> {
  const lambda1 = largestSingularValue(w, rows, cols);
  let radius: number | null = null;
  let eigen: ComplexList | null = null;
  if (rows === cols) {
    const values = eigenvalues(w, rows);
    radius = 0;
    for (let i = 0; i < rows; i++) radius = Math.max(radius, Math.hypot(values.re[i], values.im[i]));
    if (includeEigenvalues) eigen = { re: Array.from(values.re), im: Array.from(values.im) };
  }
  const lambdaGamma = lambda1 * gamma;
  // (λ₁γ)^lag by repeated multiplication: exact powers for lag 0, 1 and monotone, no pow() rounding surprises.
  const bound: number[] = new Array<number>(sequenceLength);
  let power = 1;
  for (let lag = 0; lag < sequenceLength; lag++) {
    bound[lag] = power;
    power *= lambdaGamma;
  }
  return {
    rows,
    cols,
    largestSingularValue: lambda1,
    spectralRadius: radius,
    eigenvalues: eigen,
    gamma,
    lambdaGamma,
    bound,
    verdict: spectralVerdict(lambdaGamma),
  };
}

/** λ₁ < 1/γ ⇔ λ₁γ < 1: vanishing guaranteed; λ₁γ > 1: exploding possible (Pascanu et al. 2013, §2.1). */
export function spectralVerdict(lambdaGamma: number): SpectralVerdict {
  if (Math.abs(lambdaGamma - 1) <= CRITICAL_TOLERANCE) return 'critical';
  return lambdaGamma < 1 ? 'vanishing-guaranteed' : 'exploding-possible';
}
