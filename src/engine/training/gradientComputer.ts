// How a mini-batch's loss and ∂J/∂θ are computed (docs/maths.md "Losses" and "Backpropagation through time"):
//   J_batch = 1/(2m) Σ_sequences Σ_scored (ŷ − y)²  (or the cross-entropy),  m = the scored values of the WHOLE batch,
//   ∂J/∂θ  = Σ_sequences ∂J_s/∂θ.
// Because m is the whole batch's count, any split of a batch into shards (threads, sub-batches of equal length)
// gives shares of J and of ∂J/∂θ that add up to the whole: a GradientComputer computes one such share.
// The float64 computer runs the exact per-sequence BPTT of model.ts (what the lecture's numbers use); the float32
// computer (fast/) runs the sequences of a shard together as matrix–matrix products.
import { evaluateLoss, sequenceLoss } from '../bptt';
import type { SequenceExample } from '../dataset';
import type { RecurrentModel } from '../model';
import type { CancellationFlag } from './cancellation';

export type Precision = 'float32' | 'float64';

export interface GradientComputer {
  readonly precision: Precision;
  /** float32 computers: the kernels they run on ('wasm-simd' or 'typescript'). */
  readonly backend?: string;
  /**
   * ADDS ∂J_share/∂θ of examples[order[start … start+count−1]] to model.gradients (never zeroes them) and returns
   * J_share, the loss of these sequences normalised by `m` (the scored values of the whole mini-batch). Reads
   * model.parameters as they are now (they change between calls). When `cancel` becomes set during the call it may
   * return early with NaN (training then stops as cancelled).
   */
  accumulate(
    model: RecurrentModel,
    examples: readonly SequenceExample[],
    order: ArrayLike<number>,
    start: number,
    count: number,
    m: number,
    cancel?: CancellationFlag,
  ): number;
  /**
   * J over a whole set (mean over all its scored values), forward passes only; NaN for an empty set; null when
   * `cancel` became set during the call (a float32 pass over a book's validation windows can take seconds).
   */
  evaluate(model: RecurrentModel, examples: readonly SequenceExample[], cancel?: CancellationFlag): number | null;
  /**
   * Optional: ŷ of each example's last scored step, [examples.length × O], forward passes only, in the computer's own
   * precision (validation predictions of a float32 run); null when cancelled.
   */
  lastStepOutputs?(model: RecurrentModel, examples: readonly SequenceExample[], cancel?: CancellationFlag): Float64Array | null;
  /** Frees what the computer holds (worker threads, WebAssembly memory); idempotent. */
  dispose(): void;
}

/** The exact float64 path: one sequence at a time through model.forward / model.backward. */
export class Float64GradientComputer implements GradientComputer {
  readonly precision = 'float64';

  constructor(private readonly afterBackward: (() => void) | null = null) {}

  accumulate(model: RecurrentModel, examples: readonly SequenceExample[], order: ArrayLike<number>, start: number, count: number, m: number): number {
    let loss = 0;
    for (let b = 0; b < count; b++) {
      const example = examples[order[start + b]!]!;
      model.forward(example);
      loss += sequenceLoss(model, example, m, true);
      model.backward(model.outputGradient, true);
      this.afterBackward?.();
    }
    return loss;
  }

  evaluate(model: RecurrentModel, examples: readonly SequenceExample[]): number {
    return evaluateLoss(model, examples);
  }

  dispose(): void {}
}
