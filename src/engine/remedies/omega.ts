// Pascanu's Ω regulariser against vanishing gradients (Pascanu, Mikolov & Bengio 2013, eq. 9; docs/maths.md
// "Remedies → Penalties"; issue 4 `--omega X`):
//   Ω = Σ_k ( ‖(∂J/∂x_{k+1}) (∂x_{k+1}/∂x_k)‖ / ‖∂J/∂x_{k+1}‖ − 1 )²,
// with ∂J/∂x_{k+1} treated as a constant and only W_rec receiving ∂Ω. It pushes every one-step Jacobian to preserve the
// norm of the error signal in the direction that error actually travels, so ‖∂J/∂h_k‖ neither decays nor grows.
//
// Variant implemented (the reference code, pascanur/trainingRNNs RNN.py, which the paper's experiments used):
//   - x is the hidden state h of a vanilla RNN, h_t = σ(a_t), a_t = W_ih x_t + b + W_hh h_{t−1}, so
//     ∂h_{k+1}/∂h_k = diag(σ'(a_{k+1})) W_hh, and the row vector δ_{k+1}ᵀ ∂h_{k+1}/∂h_k is, as a column,
//     v_k = W_hhᵀ u_k with u_k = σ'(a_{k+1}) ⊙ δ_{k+1}, δ_{k+1} = ∂J/∂h_{k+1} (the TOTAL derivative, as BPTT stores it);
//   - SQUARED norms: r_k = ‖v_k‖² / ‖δ_{k+1}‖² (not the ratio of plain norms in the paper's formula — the fixed point
//     r = 1 is the same, and the squared form has a polynomial gradient);
//   - every step of the sequence gives one term, including the step that maps into the initial state (the reference
//     differentiates every h_{k+1}, k + 1 = 0 … T−1); steps with ‖δ_{k+1}‖² < OMEGA_GRADIENT_FLOOR are skipped
//     (the reference's `bound`: a ratio of two vanishing numbers is noise);
//   - MEAN over the kept terms of every sequence of the mini-batch (the reference: mean over the batch, summed over
//     time, divided by the summed fraction of kept terms — the same number), weighted by α (DEFAULT_OMEGA_WEIGHT = 2);
//   - the gradient holds δ AND σ'(a) constant (the reference builds Ω from placeholders d_ht and ht and substitutes
//     BPTT's values after differentiating): with that, the only dependence on W_hh is the explicit one in v_k, and
//       ∂(r_k − 1)²/∂W_hh = 4 (r_k − 1) / ‖δ_{k+1}‖² · u_k v_kᵀ      (∂‖Wᵀu‖²/∂W_ij = 2 u_i (Wᵀu)_j).
// Stacked layers: each layer's W_hh gets its own Ω_l (its own δ, which includes what flows down from the layer
// above) and Ω = Σ_l Ω_l. Encoder–decoder models regularise the decoder's W_hh the same way.
// Vanilla RNN only: for LSTM/GRU "W_rec" is a stack of gate blocks and x would be the pair (h, c); the paper
// defines Ω for the plain recurrence, and an LSTM's cell path already keeps the error signal alive.
import type { RecurrentLayer } from '../cells/recurrentLayer';
import type { VanillaLayer } from '../cells/vanillaLayer';
import type { RecurrentModel } from '../model';
import type { Nonlinearity } from '../modelConfig';

/** α, the weight of Ω in the cost (the reference code's default). */
export const DEFAULT_OMEGA_WEIGHT = 2.0;
/** Terms whose ‖∂J/∂h_{k+1}‖² is below this are skipped (the reference code's `bound`). */
export const OMEGA_GRADIENT_FLOOR = 1e-20;
/** The error for gated cells, worded as the CLI flag's contract. */
export const OMEGA_VANILLA_ONLY = "--omega applies to the vanilla RNN's W_hh (--cell rnn); LSTM and GRU keep the error signal through their gates instead";

/** Σ_k (r_k − 1)² and the number of kept terms k of one layer over one backward pass. */
export interface OmegaSums {
  sumOfSquares: number;
  terms: number;
}

/** σ'(a) from the stored output h = σ(a): tanh' = 1 − h², sigmoid' = h(1 − h), relu' = [h > 0]. */
function derivativeFromOutput(nonlinearity: Nonlinearity, h: number): number {
  switch (nonlinearity) {
    case 'tanh':
      return 1 - h * h;
    case 'sigmoid':
      return h * (1 - h);
    case 'relu':
      return h > 0 ? 1 : 0;
  }
}

/**
 * Adds one layer's terms of Ω for a sequence of `steps` steps into `sums`, and (unless `gradientSum` is null) the
 * unnormalised Σ_k ∂(r_k − 1)²/∂W_hh into `gradientSum` [H×H]. Inputs are the layer's buffers after a backward pass:
 * `hiddenStates` [(steps+1)×H] (row k+1 is h_k), `hiddenGradients` [steps×H] (row k is ∂J/∂h_k). `u`, `v` are
 * scratch vectors of length H. Allocation-free.
 */
export function accumulateOmegaTerms(
  weightHh: Float64Array,
  hiddenSize: number,
  nonlinearity: Nonlinearity,
  hiddenStates: Float64Array,
  hiddenGradients: Float64Array,
  steps: number,
  sums: OmegaSums,
  gradientSum: Float64Array | null,
  u: Float64Array,
  v: Float64Array,
): void {
  const H = hiddenSize;
  for (let k = 0; k < steps; k++) {
    const deltaOffset = k * H; // δ = ∂J/∂h at row k of hiddenGradients
    const stateOffset = (k + 1) * H; // h at row k+1 of hiddenStates
    let deltaSquared = 0;
    for (let j = 0; j < H; j++) {
      const d = hiddenGradients[deltaOffset + j]!;
      deltaSquared += d * d;
      // u = σ'(a) ⊙ δ
      u[j] = derivativeFromOutput(nonlinearity, hiddenStates[stateOffset + j]!) * d;
    }
    if (!(deltaSquared >= OMEGA_GRADIENT_FLOOR)) continue;
    // v = W_hhᵀ u  (the error signal after one step back through the recurrence)
    v.fill(0);
    for (let i = 0; i < H; i++) {
      const ui = u[i]!;
      if (ui === 0) continue;
      const row = i * H;
      for (let j = 0; j < H; j++) v[j] += weightHh[row + j]! * ui;
    }
    let vSquared = 0;
    for (let j = 0; j < H; j++) vSquared += v[j]! * v[j]!;
    // r = ‖v‖² / ‖δ‖²; term (r − 1)²
    const excess = vSquared / deltaSquared - 1;
    sums.sumOfSquares += excess * excess;
    sums.terms++;
    if (gradientSum === null) continue;
    // ∂(r − 1)²/∂W_hh = 4 (r − 1)/‖δ‖² · u vᵀ
    const scale = (4 * excess) / deltaSquared;
    for (let i = 0; i < H; i++) {
      const sui = scale * u[i]!;
      if (sui === 0) continue;
      const row = i * H;
      for (let j = 0; j < H; j++) gradientSum[row + j] += sui * v[j]!;
    }
  }
}

/**
 * Ω over a mini-batch, driven by two hooks: `addSequence()` after every backward pass (it reads the layers' stored
 * h and ∂J/∂h), `applyToGradients()` once before the optimiser step (it adds α ∂Ω/∂W_hh to every W_hh's gradient,
 * resets the sums for the next batch, and returns α·Ω). Buffers are allocated once, here.
 */
export class OmegaRegularizer {
  private readonly layers: VanillaLayer[] = [];
  private readonly steps: Array<() => number> = [];
  private readonly sums: OmegaSums[] = [];
  private readonly gradientSums: Float64Array[] = [];
  private readonly u: Float64Array;
  private readonly v: Float64Array;
  /** α·Ω of the last mini-batch (NaN before the first). */
  lastPenalty = Number.NaN;
  /** Backward passes collected since the last applyToGradients. */
  private sequencesCollected = 0;

  constructor(
    private readonly model: RecurrentModel,
    readonly weight: number = DEFAULT_OMEGA_WEIGHT,
  ) {
    if (!(weight >= 0) || !Number.isFinite(weight)) throw new RangeError(`Ω weight α must be a finite number ≥ 0, got ${String(weight)}`);
    if (model.config.cell !== 'rnn') throw new RangeError(`${OMEGA_VANILLA_ONLY}; this model is ${model.config.cell}`);
    const H = model.config.hiddenSize;
    const add = (layer: RecurrentLayer, steps: () => number): void => {
      this.layers.push(layer as VanillaLayer);
      this.steps.push(steps);
      this.sums.push({ sumOfSquares: 0, terms: 0 });
      this.gradientSums.push(new Float64Array(H * H));
    };
    for (const layer of model.encoder.layers) add(layer, () => model.encoderSteps);
    for (const layer of model.decoder?.layers ?? []) add(layer, () => model.decoderSteps);
    this.u = new Float64Array(H);
    this.v = new Float64Array(H);
  }

  /** Adds the terms of the sequence (or TBPTT window) whose backward pass just ran. */
  addSequence(): void {
    this.sequencesCollected++;
    const H = this.model.config.hiddenSize;
    this.layers.forEach((layer, l) => {
      accumulateOmegaTerms(
        layer.parameters.weightHh,
        H,
        layer.nonlinearity,
        layer.hiddenStates,
        layer.hiddenGradients,
        this.steps[l]!(),
        this.sums[l]!,
        this.gradientSums[l]!,
        this.u,
        this.v,
      );
    });
  }

  /**
   * Adds α ∂Ω/∂W_hh (Ω_l = mean of the layer's kept terms) into each layer's W_hh gradient — the gradient arrays the
   * model's layers are bound to, i.e. model.gradients — and starts a new batch. Returns α·Ω = α Σ_l Ω_l.
   */
  applyToGradients(): number {
    if (this.sequencesCollected === 0) {
      // a wiring error, not a user error: Ω would silently be 0
      throw new Error("Ω: no backward pass was collected for this mini-batch; pass the remedies' afterBackward hook to the trainer");
    }
    this.sequencesCollected = 0;
    let omega = 0;
    this.layers.forEach((layer, l) => {
      const sums = this.sums[l]!;
      const gradientSum = this.gradientSums[l]!;
      if (sums.terms > 0) {
        omega += sums.sumOfSquares / sums.terms;
        const scale = this.weight / sums.terms;
        const dWhh = layer.gradients.weightHh;
        for (let i = 0; i < gradientSum.length; i++) dWhh[i] += scale * gradientSum[i]!;
      }
      sums.sumOfSquares = 0;
      sums.terms = 0;
      gradientSum.fill(0);
    });
    this.lastPenalty = this.weight * omega;
    return this.lastPenalty;
  }
}
