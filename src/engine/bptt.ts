// Loss and exact gradients over mini-batches, and the per-timestep gradient diagnostics
// (docs/maths.md, "Losses" and "Backpropagation through time"):
//   ∂J/∂θ = Σ_sequences Σ_t ∂J_t/∂θ, with J normalised by m = every scored value of every sequence in the batch.
import { meanSquaredError, softmaxCrossEntropy } from './losses';
import type { RecurrentModel, RecurrentState } from './model';
import type { SequenceExample } from './dataset';

/** Scored values of one sequence: outputSize per scored step for MSE, one class label per scored step for xent. */
export function scoredValueCount(model: RecurrentModel, example: SequenceExample): number {
  const steps = model.config.topology === 'one-to-one' || model.config.topology === 'many-to-one' ? 1 : example.targetLength;
  return model.config.loss === 'mse' ? steps * model.config.outputSize : steps;
}

/**
 * The loss share of the sequence of the last forward pass (normalised by the batch's m); writes ∂J/∂ŷ into
 * model.outputGradient when `withGradient`.
 */
export function sequenceLoss(model: RecurrentModel, example: SequenceExample, m: number, withGradient: boolean): number {
  const gradient = withGradient ? model.outputGradient : null;
  const steps = model.scoredSteps;
  if (model.config.loss === 'xent') {
    if (example.targetClasses === undefined) throw new Error('cross-entropy needs targetClasses in every example');
    return softmaxCrossEntropy(model.outputs, example.targetClasses, steps, model.config.outputSize, m, gradient);
  }
  return meanSquaredError(model.outputs, example.targets, steps * model.config.outputSize, m, gradient);
}

export interface BatchOptions {
  /** Initial state of every sequence's encoder (default zeros). */
  readonly initialState?: RecurrentState | null;
  /** Called after every sequence's backward pass, while the layers still hold its h_t and ∂J/∂h_t (e.g. Pascanu's Ω). */
  readonly afterBackward?: (() => void) | null;
}

/**
 * Zeroes model.gradients, then forward + backward over examples[order[start … start+count−1]]; returns the batch
 * loss J (mean over all scored values of the batch). Nothing is allocated.
 */
export function computeBatchGradients(
  model: RecurrentModel,
  examples: readonly SequenceExample[],
  order: ArrayLike<number>,
  start: number,
  count: number,
  options: BatchOptions = {},
): number {
  model.zeroGradients();
  let m = 0;
  for (let b = 0; b < count; b++) m += scoredValueCount(model, examples[order[start + b]!]!);
  let loss = 0;
  for (let b = 0; b < count; b++) {
    const example = examples[order[start + b]!]!;
    model.forward(example, options.initialState ?? null);
    loss += sequenceLoss(model, example, m, true);
    model.backward(model.outputGradient, true);
    options.afterBackward?.();
  }
  return loss;
}

/**
 * J over a whole set (mean over all its scored values), forward passes only; NaN for an empty set.
 * `initialState` (default zeros) is every sequence's encoder initial state.
 */
export function evaluateLoss(
  model: RecurrentModel,
  examples: readonly SequenceExample[],
  initialState: RecurrentState | null = null,
): number {
  let m = 0;
  for (const example of examples) m += scoredValueCount(model, example);
  if (m === 0) return Number.NaN;
  let loss = 0;
  for (const example of examples) {
    model.forward(example, initialState);
    loss += sequenceLoss(model, example, m, false);
  }
  return loss;
}

/** What the gradient charts plot for one sequence (docs/maths.md, "Backpropagation through time"). */
export interface HiddenGradientDiagnostics {
  /** J of this sequence alone. */
  readonly loss: number;
  /** ‖∂J/∂h_k‖₂, [L][T] (encoder steps; k = 0 is h after the first input). */
  readonly hiddenGradNorms: number[][];
  /** LSTM only: ‖∂J/∂c_k‖₂, [L][T]. */
  readonly cellGradNorms: number[][] | null;
  /** Encoder–decoder only: the same over the decoder's M steps, [L][M]. */
  readonly decoderHiddenGradNorms: number[][] | null;
  readonly decoderCellGradNorms: number[][] | null;
  /**
   * ‖∂J_t/∂h_k‖₂ for the chosen loss term t alone (t indexes the scored steps: 0 for many-to-one), [L][T]; the
   * decay with lag t − k that the bound (λ₁γ)^(t−k) is drawn against. Null when no term was asked for.
   */
  readonly lossTerm: number | null;
  readonly lossTermHiddenGradNorms: number[][] | null;
  readonly lossTermDecoderHiddenGradNorms: number[][] | null;
}

/**
 * Forward + backward over one sequence WITHOUT touching model.gradients; with `lossTerm`, a second backward pass
 * seeded only with ∂J_t/∂ŷ_t isolates that term.
 */
export function hiddenGradientDiagnostics(
  model: RecurrentModel,
  example: SequenceExample,
  lossTerm: number | null = null,
): HiddenGradientDiagnostics {
  const m = scoredValueCount(model, example);
  model.forward(example);
  const loss = sequenceLoss(model, example, m, true);
  model.backward(model.outputGradient, false);
  const hiddenGradNorms = model.hiddenGradientNorms();
  const cellGradNorms = model.cellGradientNorms();
  const decoderHiddenGradNorms = model.decoderHiddenGradientNorms();
  const decoderCellGradNorms = model.decoderCellGradientNorms();
  let lossTermHiddenGradNorms: number[][] | null = null;
  let lossTermDecoderHiddenGradNorms: number[][] | null = null;
  if (lossTerm !== null) {
    if (!Number.isInteger(lossTerm) || lossTerm < 0 || lossTerm >= model.scoredSteps) {
      throw new Error(`loss term ${lossTerm} is out of range: this sequence scores steps 0…${model.scoredSteps - 1}`);
    }
    // keep only J_t's share of ∂J/∂ŷ: zero every other scored step
    const O = model.config.outputSize;
    const gradient = model.outputGradient;
    for (let i = 0; i < model.scoredSteps * O; i++) {
      if (Math.floor(i / O) !== lossTerm) gradient[i] = 0;
    }
    model.backward(gradient, false);
    lossTermHiddenGradNorms = model.hiddenGradientNorms();
    lossTermDecoderHiddenGradNorms = model.decoderHiddenGradientNorms();
  }
  return {
    loss,
    hiddenGradNorms,
    cellGradNorms,
    decoderHiddenGradNorms,
    decoderCellGradNorms,
    lossTerm,
    lossTermHiddenGradNorms,
    lossTermDecoderHiddenGradNorms,
  };
}
