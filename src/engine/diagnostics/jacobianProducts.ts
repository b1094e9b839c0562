// Jacobian-product norms ‖∂h_t/∂h_k‖₂ for a chosen step t (issue 4, "Diagnostics"; docs/maths.md "Backpropagation
// through time"): the product ∂h_t/∂h_k = Π_{k<i≤t} ∂h_i/∂h_{i−1} whose decay or growth with the lag t − k is the
// vanishing/exploding-gradient problem, drawn against the bound (λ₁γ)^(t−k) of diagnostics/spectral.ts.
// For the vanilla RNN ∂h_i/∂h_{i−1} = diag(σ'(a_i)) W_hh; for LSTM/GRU the step Jacobian also runs through the gates
// and, for LSTM, through c (h_k is then varied with c_k held fixed, the same convention as BPTT's ∂J/∂h_k).
//
// How: the product is multiplied out exactly on the probe sequence, one row at a time, by the cells' own backward
// pass (accumulateParameterGradients = false): seeding ∂(e_jᵀh_t)/∂h_t = e_j and running backwardStep(t … 0) leaves
// row j of ∂h_t/∂h_k in the layer's hiddenGradients row k, for every k ≤ t at once. H sweeps give the full H×H
// products, in O(H · t · G·H²) — the same cost as multiplying the matrices out, and exactly the maths the
// gradients use (no second implementation of each cell to drift from the first).
//
// Norm: the SPECTRAL norm ‖·‖₂ (largest singular value, linalg/singularValues.ts), because the Pascanu bound
// ‖∂h_t/∂h_k‖₂ ≤ (λ₁γ)^(t−k) is a bound on the operator 2-norm; the Frobenius norm (≥ ‖·‖₂, up to √H times larger)
// could sit above the bound and mislead the chart.
// Stacked layers: each layer's product is within the layer (its input from the layer below held fixed).
// Encoder stack only (the decoder's steps are fed back predictions; its ‖∂J/∂h‖ is in bptt.ts's diagnostics).
//
// JSON (JacobianProductNorms): { step: t, norm: "spectral", fromStep: k₀, values: number[L][t − k₀ + 1] } with
// values[l][i] = ‖∂h_t/∂h_{k₀+i}‖₂ of layer l; the last entry (k = t) is ‖I‖₂ = 1.
import { largestSingularValue } from '../linalg/singularValues';
import type { RecurrentModel, SequenceInput } from '../model';

/** Lags computed at most (k from t − DEFAULT_MAX_JACOBIAN_LAG to t): bounds the O(H⁴)-per-lag cost on long sequences. */
export const DEFAULT_MAX_JACOBIAN_LAG = 100;

export interface JacobianProductNorms {
  /** t (0-based encoder step). */
  readonly step: number;
  readonly norm: 'spectral';
  /** k₀: the earliest step k reported. */
  readonly fromStep: number;
  /** [L][t − k₀ + 1]: values[l][i] = ‖∂h_t/∂h_{k₀+i}‖₂. */
  readonly values: number[][];
}

export interface JacobianProductOptions {
  /** t; default the last encoder step T − 1. */
  readonly step?: number | null;
  /** Largest lag t − k computed (default DEFAULT_MAX_JACOBIAN_LAG). */
  readonly maxLag?: number;
}

/**
 * The products ∂h_t/∂h_k of every encoder layer, as row-major H×H matrices, for k = k₀ … t (index k − k₀).
 * Runs a forward pass over `example`; leaves model.gradients untouched.
 */
export function hiddenJacobianProducts(
  model: RecurrentModel,
  example: SequenceInput,
  options: JacobianProductOptions = {},
): { step: number; fromStep: number; layers: Float64Array[][] } {
  model.forward(example);
  const T = model.encoderSteps;
  const t = options.step ?? T - 1;
  if (!Number.isInteger(t) || t < 0 || t >= T) {
    throw new RangeError(`Jacobian products: step t = ${String(t)} is outside the probe sequence's steps 0…${T - 1}`);
  }
  const maxLag = options.maxLag ?? DEFAULT_MAX_JACOBIAN_LAG;
  if (!Number.isInteger(maxLag) || maxLag < 0) throw new RangeError(`Jacobian products: maxLag must be an integer ≥ 0, got ${String(maxLag)}`);
  const fromStep = Math.max(0, t - maxLag);
  const H = model.config.hiddenSize;
  const layers = model.encoder.layers.map((layer) => {
    const products = Array.from({ length: t - fromStep + 1 }, () => new Float64Array(H * H));
    // the sweep must not push anything into the layer below (or the decoder feed)
    const savedTarget = layer.inputGradientTarget;
    layer.inputGradientTarget = null;
    try {
      for (let j = 0; j < H; j++) {
        layer.beginBackward(null, null);
        // seed: ∂(e_jᵀ h_t)/∂h_t = e_j
        layer.hiddenGradientFromAbove[j] = 1;
        for (let k = t; k >= fromStep; k--) layer.backwardStep(k, false);
        // row k of hiddenGradients is now ∂h_t[j]/∂h_k = row j of ∂h_t/∂h_k
        for (let k = fromStep; k <= t; k++) products[k - fromStep]!.set(layer.hiddenGradients.subarray(k * H, (k + 1) * H), j * H);
      }
    } finally {
      layer.inputGradientTarget = savedTarget;
    }
    return products;
  });
  return { step: t, fromStep, layers };
}

/** ‖∂h_t/∂h_k‖₂ per layer for k = k₀ … t (see the header for the conventions). */
export function jacobianProductNorms(model: RecurrentModel, example: SequenceInput, options: JacobianProductOptions = {}): JacobianProductNorms {
  const H = model.config.hiddenSize;
  const { step, fromStep, layers } = hiddenJacobianProducts(model, example, options);
  return {
    step,
    norm: 'spectral',
    fromStep,
    values: layers.map((products) => products.map((product) => largestSingularValue(product, H, H))),
  };
}
