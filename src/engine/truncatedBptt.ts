// Truncated BPTT(k1, k2) (Williams & Peng 1990; docs/maths.md, "Truncated BPTT"): every k1 forward steps,
// backpropagate k2 ≥ k1 steps. The state (h, and c for LSTM) at the start of each backward window is carried over from
// the previous window WITHOUT gradient. Each scored value enters J exactly once — in the window whose newest steps
// contain it — and m is the same as for full BPTT.
//
// Window w advances the sequence from e_{w−1} to e_w = min(w·k1, T) and backpropagates from e_w over the steps
// [s_w, e_w) with s_w = max(0, e_w − k2): EVERY backward pass reaches back k2 steps, or to the start of the sequence —
// also the last one when T mod k1 ≠ 0 (a short last segment of r < k1 new steps still looks back k2 steps, not
// k2 − k1 + r). Its forward runs from the state after step s_w − 1, which the previous window's forward already
// computed (s_{w−1} ≤ s_w ≤ e_{w−1}, since e_w − e_{w−1} ≤ k1 ≤ k2). The scored steps of the window are the new ones,
// [e_{w−1}, e_w).
// Windows that start at step 0 share one backward pass: while s_{w+1} = 0 too, window w's scored steps are deferred to
// window w+1, which runs the same steps from the same (initial) state, so the gradient is the same sum of terms, taken
// in one pass. Hence TBPTT(k1, k2) with k2 ≥ T is exactly full BPTT, bit for bit (one forward, one backward), and so
// is BPTT(k2 = 20; k1 = 19) on T = 20 — as Williams & Peng's definition says it must be.
// Applies to the topologies that read a long input sequence step by step: many-to-one (only the window containing
// the last step is scored) and synced many-to-many.
import { scoredValueCount } from './bptt';
import type { SequenceExample } from './dataset';
import { meanSquaredError, softmaxCrossEntropy } from './losses';
import type { RecurrentModel, RecurrentState } from './model';

export interface TruncationOptions {
  /** Forward steps between two backward passes. */
  readonly k1: number;
  /** Steps each backward pass reaches back (k2 ≥ k1). */
  readonly k2: number;
}

export function checkTruncation(model: RecurrentModel, truncation: TruncationOptions): void {
  const { k1, k2 } = truncation;
  if (!Number.isInteger(k1) || !Number.isInteger(k2) || k1 < 1 || k2 < k1) {
    throw new Error(`truncated BPTT needs integers 1 ≤ k1 ≤ k2, got k1 = ${k1}, k2 = ${k2}`);
  }
  const topology = model.config.topology;
  if (topology !== 'many-to-one' && topology !== 'many-to-many-synced') {
    throw new Error(`truncated BPTT applies to many-to-one and many-to-many-synced, not ${topology}`);
  }
}

/** Like computeBatchGradients, with truncated BPTT(k1, k2); returns the batch loss J. */
export function truncatedBatchGradients(
  model: RecurrentModel,
  examples: readonly SequenceExample[],
  order: ArrayLike<number>,
  start: number,
  count: number,
  truncation: TruncationOptions,
  afterBackward: (() => void) | null = null,
): number {
  checkTruncation(model, truncation);
  model.zeroGradients();
  let m = 0;
  for (let b = 0; b < count; b++) m += scoredValueCount(model, examples[order[start + b]!]!);
  let loss = 0;
  for (let b = 0; b < count; b++) loss += truncatedSequenceGradients(model, examples[order[start + b]!]!, m, truncation, afterBackward);
  return loss;
}

function truncatedSequenceGradients(
  model: RecurrentModel,
  example: SequenceExample,
  m: number,
  truncation: TruncationOptions,
  afterBackward: (() => void) | null,
): number {
  const { k1, k2 } = truncation;
  const { inputSize: I, outputSize: O, numLayers: L, hiddenSize: H } = model.config;
  const synced = model.config.topology === 'many-to-many-synced';
  const T = example.inputLength;
  const size = L * H;
  let state: RecurrentState = { hidden: new Float64Array(size), cell: model.config.cell === 'lstm' ? new Float64Array(size) : null };
  let loss = 0;
  let windowStart = 0; // s of the last forward pass
  let scoredFrom = 0; // the first step whose loss term has not entered J yet (synced)
  for (let end = Math.min(k1, T); ; end = Math.min(end + k1, T)) {
    const isLast = end === T;
    // defer to the next window when it starts at step 0 as well (same steps, same state: one backward pass)
    if (!isLast && Math.min(end + k1, T) - k2 <= 0) continue;
    const start = Math.max(0, end - k2);
    if (start > windowStart) {
      // the state after step start−1: row (start − windowStart) of the previous window's forward, taken without gradient
      const next: RecurrentState = { hidden: new Float64Array(size), cell: state.cell === null ? null : new Float64Array(size) };
      model.encoder.copyState(start - windowStart, next.hidden, next.cell);
      state = next;
    }
    windowStart = start;
    const steps = end - start;
    model.forward(
      { inputLength: steps, inputs: example.inputs.subarray(start * I, end * I), targetLength: synced ? steps : 1 },
      state,
    );
    // scored in this window: synced — the new steps [scoredFrom, e_w); many-to-one — step T−1, in the last window only
    const firstScored = synced ? scoredFrom : isLast ? T - 1 : -1;
    if (firstScored >= 0) {
      const gradient = model.outputGradient;
      const firstRow = synced ? firstScored - start : 0;
      const rows = synced ? end - firstScored : 1;
      const targetRow = synced ? firstScored : 0;
      gradient.fill(0, 0, model.scoredSteps * O);
      if (model.config.loss === 'xent') {
        loss += softmaxCrossEntropy(
          model.outputs.subarray(firstRow * O),
          example.targetClasses!.subarray(targetRow),
          rows,
          O,
          m,
          gradient.subarray(firstRow * O),
        );
      } else {
        loss += meanSquaredError(
          model.outputs.subarray(firstRow * O),
          example.targets.subarray(targetRow * O),
          rows * O,
          m,
          gradient.subarray(firstRow * O),
        );
      }
      model.backward(gradient, true);
      // every window's backward pass, like every sequence's in full BPTT
      afterBackward?.();
    }
    if (isLast) break;
    scoredFrom = end;
  }
  return loss;
}
