// The float32 batched GradientComputer (training/gradientComputer.ts): the sequences of a mini-batch share that have
// the same length run together through Float32Stack (float32Stack.ts) as matrix–matrix products on the float32
// kernels (WebAssembly SIMD or TypeScript), then the readout and the loss of docs/maths.md "Losses" over all their
// scored rows at once:
//   Ŷ = S·W_outᵀ + b_out (S: the top layer's h_t of the scored steps),
//   MSE  J_share = 1/(2m) Σ (ŷ − y)²,  dŶ = (Ŷ − Y)/m;   cross-entropy J_share = −(1/m) Σ log softmax(ŷ)_y,
//   dŶ = (softmax(ŷ) − onehot(y))/m;  dW_out += dŶᵀ·S, db_out += Σ_rows dŶ, ∂J/∂S = dŶ·W_out.
// Covers the cells rnn (tanh, relu, sigmoid), lstm and gru, stacked layers, and the topologies whose scored steps are
// the encoder's own (one-to-one, many-to-one, synced, one-to-many); the encoder–decoder's autoregressive decoder stays
// on the float64 path (computers.ts). Losses are summed in float64; parameters and gradients cross over as float64.
import { scoredValueCount } from '../bptt';
import type { SequenceExample } from '../dataset';
import type { RecurrentModel } from '../model';
import type { ModelConfig } from '../modelConfig';
import { gateCount } from '../parameterLayout';
import type { F32Kernels } from '../kernels/f32/f32Kernels';
import type { CancellationFlag } from '../training/cancellation';
import type { GradientComputer } from '../training/gradientComputer';
import { Float32Parameters } from './float32Parameters';
import { Float32Stack, type StackInput } from './float32Stack';

/** Most sequences run together (bounds the activation memory; GEMM speed saturates well below). */
export const MAX_BATCH_ROWS = 64;
/**
 * Most float32 values the activations of one sub-batch may take (1 GiB): very long sequences run in fewer rows at a
 * time, so the WebAssembly memory (at most 4 GiB) is never exhausted.
 */
export const MAX_ACTIVATION_FLOATS = 256 * 1024 * 1024;

type OneHotExample = SequenceExample & { readonly inputClasses?: Int32Array };

/** Whether the float32 batched path covers models of `config` (everything but the encoder–decoder). */
export function float32Covers(config: ModelConfig): boolean {
  return config.topology !== 'many-to-many-encoder-decoder';
}

/**
 * Whether layer 0 reads this sequence's class indices (a lookup of W_ih's columns) instead of dense rows: one-hot
 * examples, except one-to-many, whose steps after the first are generated.
 */
export function readsInputClasses(config: ModelConfig, example: OneHotExample): boolean {
  return config.topology !== 'one-to-many' && example.inputClasses !== undefined;
}

interface Workspace {
  readonly parameters: Float32Parameters;
  readonly stack: Float32Stack;
  /** Dense layer-0 inputs [T·B × I]; −1 while every sequence has been one-hot (not reserved: 8 MB at T = 1000, V = 65). */
  readonly inputs: number;
  readonly classes: number;
  readonly outputs: number;
}

export class Float32GradientComputer implements GradientComputer {
  readonly precision = 'float32';
  private workspace: Workspace | null = null;
  private readonly every: boolean;

  constructor(
    private readonly config: ModelConfig,
    private readonly kernels: F32Kernels,
  ) {
    if (!float32Covers(config)) throw new Error('the float32 path does not cover the encoder–decoder topology');
    this.every = config.topology === 'many-to-many-synced' || config.topology === 'one-to-many';
  }

  get backend(): F32Kernels['backend'] {
    return this.kernels.backend;
  }

  accumulate(model: RecurrentModel, examples: readonly SequenceExample[], order: ArrayLike<number>, start: number, count: number, m: number, cancel?: CancellationFlag): number {
    const indices: number[] = [];
    for (let b = 0; b < count; b++) indices.push(order[start + b]!);
    const loss = this.run(model, examples, indices, m, true, cancel);
    if (Number.isNaN(loss) && cancel?.aborted === true) return Number.NaN;
    this.workspace!.parameters.addGradientsInto(model.gradients);
    return loss;
  }

  evaluate(model: RecurrentModel, examples: readonly SequenceExample[], cancel?: CancellationFlag): number | null {
    let m = 0;
    for (const example of examples) m += scoredValueCount(model, example);
    if (m === 0) return Number.NaN;
    const loss = this.run(model, examples, examples.map((_, i) => i), m, false, cancel);
    return Number.isNaN(loss) && cancel?.aborted === true ? null : loss;
  }

  /** ŷ of each example's last scored step, [examples.length × O] (forward only); null when cancelled. */
  lastStepOutputs(model: RecurrentModel, examples: readonly SequenceExample[], cancel?: CancellationFlag): Float64Array | null {
    const outputs = new Float64Array(examples.length * this.config.outputSize);
    const loss = this.run(model, examples, examples.map((_, i) => i), 1, false, cancel, outputs);
    return Number.isNaN(loss) && cancel?.aborted === true ? null : outputs;
  }

  dispose(): void {
    this.workspace = null;
    this.kernels.arena.clear();
  }

  /** Forward (and backward) over examples[indices] grouped by length, in sub-batches of ≤ MAX_BATCH_ROWS. */
  private run(
    model: RecurrentModel,
    examples: readonly SequenceExample[],
    indices: readonly number[],
    m: number,
    withGradient: boolean,
    cancel: CancellationFlag | undefined,
    lastOutputs: Float64Array | null = null,
  ): number {
    const groups = new Map<number, number[]>();
    for (const index of indices) {
      const steps = this.stepsOf(examples[index]!);
      const group = groups.get(steps);
      if (group === undefined) groups.set(steps, [index]);
      else group.push(index);
    }
    let longest = 0;
    let widest = 0;
    for (const [steps, group] of groups) {
      longest = Math.max(longest, steps);
      widest = Math.max(widest, Math.min(group.length, this.rowsFor(steps)));
    }
    const dense = indices.some((index) => !readsInputClasses(this.config, examples[index]!));
    const workspace = this.ensureWorkspace(widest, longest, dense);
    workspace.parameters.load(model.parameters);
    let loss = 0;
    for (const [steps, group] of groups) {
      const rowsAtOnce = this.rowsFor(steps);
      for (let first = 0; first < group.length; first += rowsAtOnce) {
        const members = group.slice(first, first + rowsAtOnce);
        const rows = members.map((index) => examples[index]!);
        const share = this.subBatch(workspace, rows, steps, m, withGradient, cancel);
        if (Number.isNaN(share) && cancel?.aborted === true) return Number.NaN;
        loss += share;
        if (lastOutputs !== null) this.copyLastOutputs(workspace, members, steps, lastOutputs);
      }
    }
    return loss;
  }

  /** ŷ rows of the last scored step (row (T−1)·B + b, or b) into out[index·O …], before any gradient overwrites them. */
  private copyLastOutputs(w: Workspace, members: readonly number[], T: number, out: Float64Array): void {
    const f32 = this.kernels.arena.f32;
    const O = this.config.outputSize;
    const B = members.length;
    members.forEach((index, b) => {
      const row = w.outputs + ((this.every ? (T - 1) * B : 0) + b) * O;
      for (let o = 0; o < O; o++) out[index * O + o] = f32[row + o]!;
    });
  }

  private stepsOf(example: SequenceExample): number {
    return this.config.topology === 'one-to-many' ? example.targetLength : example.inputLength;
  }

  /**
   * Sequences of T steps run together: MAX_BATCH_ROWS, or fewer when their activations (per step and sequence: every
   * layer's h, gates, c and ∂J/∂h, the input and the output row) would pass MAX_ACTIVATION_FLOATS.
   */
  private rowsFor(T: number): number {
    const { hiddenSize: H, inputSize: I, outputSize: O, numLayers: L } = this.config;
    const G = gateCount(this.config.cell);
    const perStep = L * (3 * H + 2 * G * H) + I + O;
    return Math.max(1, Math.min(MAX_BATCH_ROWS, Math.floor(MAX_ACTIVATION_FLOATS / ((T + 1) * perStep))));
  }

  private ensureWorkspace(rows: number, steps: number, dense: boolean): Workspace {
    const current = this.workspace;
    if (current !== null && current.stack.rows >= rows && current.stack.steps >= steps && (!dense || current.inputs >= 0)) return current;
    const B = Math.max(rows, current?.stack.rows ?? 0);
    const T = Math.max(steps, current?.stack.steps ?? 0);
    const arena = this.kernels.arena;
    arena.clear();
    const { inputSize: I, outputSize: O } = this.config;
    const parameters = new Float32Parameters(this.config, arena);
    const stack = new Float32Stack(this.config, this.kernels, parameters, B, T);
    this.workspace = {
      parameters,
      stack,
      inputs: dense || (current !== null && current.inputs >= 0) ? arena.reserve(T * B * I) : -1,
      classes: arena.reserve(T * B),
      outputs: arena.reserve(T * B * O),
    };
    return this.workspace;
  }

  private subBatch(w: Workspace, rows: readonly OneHotExample[], T: number, m: number, withGradient: boolean, cancel: CancellationFlag | undefined): number {
    const k = this.kernels;
    const B = rows.length;
    const { hiddenSize: H, outputSize: O } = this.config;
    const input = this.packInputs(w, rows, T);
    if (!w.stack.forward(input, B, T, cancel)) return Number.NaN;
    // the scored rows: every step's h_t (blocks 1…T) or the last step's (block T)
    const scoredRows = this.every ? T * B : B;
    const scored = w.stack.topStates() + (this.every ? B * H : T * B * H);
    const readout = w.parameters.readout;
    k.gemm(false, false, scoredRows, O, H, scored, H, readout.weightOutT, O, 0, w.outputs, O);
    k.addRowVector(w.outputs, scoredRows, O, O, readout.biasOut);
    const loss = this.loss(w.outputs, rows, T, m, withGradient);
    if (!withGradient) return loss;
    const dY = w.outputs;
    k.gemm(true, false, O, H, scoredRows, dY, O, scored, H, 1, readout.dWeightOut, H);
    k.addColumnSums(dY, scoredRows, O, O, readout.dBiasOut);
    // ∂J/∂h_t from the readout, step by step as the stack asks: dŶ_t·W_out (every step) or only at the last step
    const topGradient = (t: number, target: number, accumulate: boolean): void => {
      if (this.every) {
        k.gemm(false, false, B, H, O, dY + t * B * O, O, readout.weightOut, H, accumulate ? 1 : 0, target, H);
      } else if (t === T - 1) {
        k.gemm(false, false, B, H, O, dY, O, readout.weightOut, H, accumulate ? 1 : 0, target, H);
      } else if (!accumulate) {
        k.arena.f32.fill(0, target, target + B * H);
      }
    };
    if (!w.stack.backward(input, B, T, topGradient, cancel)) return Number.NaN;
    return loss;
  }

  /** Layer 0's input rows t·B + b: class indices when every sequence is one-hot, else dense values. */
  private packInputs(w: Workspace, rows: readonly OneHotExample[], T: number): StackInput {
    const B = rows.length;
    const I = this.config.inputSize;
    const arena = this.kernels.arena;
    if (rows.every((example) => readsInputClasses(this.config, example))) {
      const i32 = arena.i32;
      rows.forEach((example, b) => {
        const classes = example.inputClasses!;
        for (let t = 0; t < T; t++) i32[w.classes + t * B + b] = classes[t]!;
      });
      return { kind: 'one-hot', classes: w.classes };
    }
    const f32 = arena.f32;
    const repeat = this.config.oneToManyInput === 'every-step';
    const generated = this.config.topology === 'one-to-many';
    rows.forEach((example, b) => {
      const values = example.inputs;
      for (let t = 0; t < T; t++) {
        const row = w.inputs + (t * B + b) * I;
        // one-to-many: x at step 1, then zeros ('first-step') or x again ('every-step'), as model.ts
        const source = generated ? (t === 0 || repeat ? 0 : -1) : t * I;
        for (let i = 0; i < I; i++) f32[row + i] = source < 0 ? 0 : values[source + i]!;
      }
    });
    return { kind: 'dense', offset: w.inputs };
  }

  /** The loss share of the scored rows (row t·B + b, or b for the last step); overwrites them with dŶ. */
  private loss(outputs: number, rows: readonly OneHotExample[], T: number, m: number, withGradient: boolean): number {
    const f32 = this.kernels.arena.f32;
    const B = rows.length;
    const O = this.config.outputSize;
    const steps = this.every ? T : 1;
    let total = 0;
    for (let t = 0; t < steps; t++) {
      for (let b = 0; b < B; b++) {
        const example = rows[b]!;
        const row = outputs + (t * B + b) * O;
        if (this.config.loss === 'mse') {
          const targets = example.targets;
          for (let o = 0; o < O; o++) {
            const difference = f32[row + o]! - targets[t * O + o]!;
            total += difference * difference;
            if (withGradient) f32[row + o] = difference / m;
          }
        } else {
          const classes = example.targetClasses;
          if (classes === undefined) throw new Error('cross-entropy needs targetClasses in every example');
          let maximum = -Infinity;
          for (let o = 0; o < O; o++) maximum = Math.max(maximum, f32[row + o]!);
          let sumExp = 0;
          for (let o = 0; o < O; o++) sumExp += Math.exp(f32[row + o]! - maximum);
          const logSumExp = maximum + Math.log(sumExp);
          const target = classes[t]!;
          total += logSumExp - f32[row + target]!;
          if (withGradient) {
            for (let o = 0; o < O; o++) f32[row + o] = (Math.exp(f32[row + o]! - logSumExp) - (o === target ? 1 : 0)) / m;
          }
        }
      }
    }
    return this.config.loss === 'mse' ? total / (2 * m) : total / m;
  }
}
