// The recurrent stack of the float32 batched path: B sequences of the same length T advance together, so every
// step is a matrix–matrix product over the batch (docs/maths.md "Backpropagation through time", "Cells").
//
// Time-major buffers, row t·B + b is sequence b at step t:
//   states   [(T+1)·B × H]   block 0 is h_{−1} = 0, block t+1 is h_t (the layer above reads blocks 1…T as its input)
//   LSTM: gates [T·B × 4H] (activated i, f, g, o), cells [(T+1)·B × H] (block 0 = c_{−1} = 0); tanh(c_t) is
//         recomputed backward into a [B × H] scratch (the same kernel, so the same values) instead of kept for T steps
//   GRU:  inputGates [T·B × 3H] (r, z, n after the step), hiddenGates [T·B × 3H] (W_hh h_{t−1} + b_hh)
//   hiddenGradients [T·B × H]  ∂J/∂h_t: from above (readout or the layer above) before the layer's backward pass,
//                              plus the recurrence dZ_{t+1}·W_hh added in place during it (gemm with β = 1). The top
//                              layer keeps only a ring of CHUNK_STEPS + 1 blocks (block t at t mod (CHUNK_STEPS + 1)):
//                              the readout's share of each chunk is written just before the chunk (TopGradientSource)
// Backward runs in chunks of CHUNK_STEPS steps: the chunk's dZ rows feed the weight gradients as two large products
// dW_hh += dZᵀ·H_{t−1} and dW_ih += dZᵀ·X_t, and the layer below's ∂J/∂x_t = dZ·W_ih — so dZ never needs T rows.
import { gateCount } from '../parameterLayout';
import type { ModelConfig } from '../modelConfig';
import type { F32Activation, F32Kernels } from '../kernels/f32/f32Kernels';
import type { Float32Layer, Float32Parameters } from './float32Parameters';
import type { CancellationFlag } from '../training/cancellation';

/** Steps per backward chunk (dZ rows = CHUNK_STEPS · B). */
export const CHUNK_STEPS = 32;
/** Steps between checks of the cancel flag. */
const CANCEL_EVERY = 8;

interface LayerBuffers {
  readonly states: number;
  readonly gates: number;
  readonly cells: number;
  readonly tanhCells: number;
  readonly hiddenGates: number;
  readonly hiddenGradients: number;
}

/**
 * Writes the readout's ∂J/∂h_t of the top layer, step t, into `target` [B × H]: added to what is there (the
 * recurrence from step t+1) when `accumulate`, else overwriting it.
 */
export type TopGradientSource = (t: number, target: number, accumulate: boolean) => void;

/** Where layer 0's input comes from: dense rows [T·B × I] or one class index per row (one-hot). */
export type StackInput = { readonly kind: 'dense'; readonly offset: number } | { readonly kind: 'one-hot'; readonly classes: number };

export class Float32Stack {
  private readonly G: number;
  private readonly H: number;
  private readonly layers: LayerBuffers[] = [];
  /** dZ of one chunk [CHUNK_STEPS·B × G·H] (GRU: input side), GRU hidden side, LSTM dc carry [B × H], GRU dh_{t−1} [B × H]. */
  private readonly chunkGradients: number;
  private readonly chunkHiddenGradients: number;
  private readonly cellCarry: number;
  private readonly previousGradient: number;
  private readonly biasGradientSum: number;
  /** Blocks of the top layer's ring of ∂J/∂h_t. */
  private readonly ringBlocks: number;

  constructor(
    private readonly config: ModelConfig,
    private readonly kernels: F32Kernels,
    private readonly parameters: Float32Parameters,
    readonly rows: number,
    readonly steps: number,
  ) {
    const arena = kernels.arena;
    this.G = gateCount(config.cell);
    this.H = config.hiddenSize;
    const B = rows;
    const T = steps;
    const H = this.H;
    const GH = this.G * H;
    const cell = config.cell;
    this.ringBlocks = Math.min(T, CHUNK_STEPS) + 1;
    for (let l = 0; l < config.numLayers; l++) {
      const top = l === config.numLayers - 1;
      this.layers.push({
        states: arena.reserve((T + 1) * B * H),
        gates: cell === 'rnn' ? -1 : arena.reserve(T * B * GH),
        cells: cell === 'lstm' ? arena.reserve((T + 1) * B * H) : -1,
        tanhCells: cell === 'lstm' ? arena.reserve(B * H) : -1,
        hiddenGates: cell === 'gru' ? arena.reserve(T * B * GH) : -1,
        hiddenGradients: arena.reserve((top ? this.ringBlocks : T) * B * H),
      });
    }
    const chunkRows = Math.min(T, CHUNK_STEPS) * B;
    this.chunkGradients = arena.reserve(chunkRows * GH);
    this.chunkHiddenGradients = cell === 'gru' ? arena.reserve(chunkRows * GH) : -1;
    this.cellCarry = arena.reserve(B * H);
    this.previousGradient = arena.reserve(B * H);
    this.biasGradientSum = arena.reserve(GH);
  }

  /** Offset of h_t of the top layer for t = −1 … T−1 (block t+1). */
  topStates(): number {
    return this.layers[this.layers.length - 1]!.states;
  }

  /** Offset of ∂J/∂h_t (block t) of layer l: the top layer's ring, or the full buffer below it. */
  private gradientBlock(l: number, B: number, t: number): number {
    const buffers = this.layers[l]!;
    const block = l === this.layers.length - 1 ? t % this.ringBlocks : t;
    return buffers.hiddenGradients + block * B * this.H;
  }

  /** Forward over T steps of B sequences; false when cancelled. */
  forward(input: StackInput, B: number, T: number, cancel: CancellationFlag | undefined): boolean {
    const k = this.kernels;
    const H = this.H;
    const GH = this.G * H;
    for (let l = 0; l < this.layers.length; l++) {
      const buffers = this.layers[l]!;
      const layer = this.parameters.layers[l]!;
      const rowsTB = T * B;
      // h_{−1} = 0 (and c_{−1} = 0): block 0 of this sub-batch may hold rows of a wider earlier one
      const f32 = this.kernels.arena.f32;
      f32.fill(0, buffers.states, buffers.states + B * H);
      if (buffers.cells >= 0) f32.fill(0, buffers.cells, buffers.cells + B * H);
      // the input projection of every step at once: P = X·W_ihᵀ + bias, into the step's pre-activation rows
      const target = this.config.cell === 'rnn' ? buffers.states + B * H : buffers.gates;
      if (l === 0 && input.kind === 'one-hot') {
        f32.fill(0, target, target + rowsTB * GH);
        k.gatherAddRows(layer.weightIhT, GH, input.classes, rowsTB, GH, target, GH);
      } else {
        const x = l === 0 && input.kind === 'dense' ? input.offset : this.layers[l - 1]!.states + B * H;
        k.gemm(false, false, rowsTB, GH, layer.inputSize, x, layer.inputSize, layer.weightIhT, GH, 0, target, GH);
      }
      // RNN and LSTM add b_ih + b_hh here; GRU adds b_ih here and b_hh to the hidden side (r multiplies it)
      k.addRowVector(target, rowsTB, GH, GH, this.config.cell === 'gru' ? layer.biasIh : layer.biasSum);
      for (let t = 0; t < T; t++) {
        if (t % CANCEL_EVERY === CANCEL_EVERY - 1 && cancel?.aborted === true) return false;
        this.forwardStep(buffers, layer, B, t);
      }
    }
    return true;
  }

  private forwardStep(buffers: LayerBuffers, layer: Float32Layer, B: number, t: number): void {
    const k = this.kernels;
    const H = this.H;
    const GH = this.G * H;
    const previous = buffers.states + t * B * H;
    const next = buffers.states + (t + 1) * B * H;
    switch (this.config.cell) {
      case 'rnn':
        // h_t = σ(P_t + h_{t−1}·W_hhᵀ)
        k.gemm(false, false, B, H, H, previous, H, layer.weightHhT, GH, 1, next, H);
        k.activate(this.config.nonlinearity as F32Activation, next, B, H, H);
        return;
      case 'lstm': {
        const gates = buffers.gates + t * B * GH;
        k.gemm(false, false, B, GH, H, previous, H, layer.weightHhT, GH, 1, gates, GH);
        k.lstmForward(gates, GH, buffers.cells + t * B * H, buffers.cells + (t + 1) * B * H, buffers.tanhCells, next, H, B, H);
        return;
      }
      case 'gru': {
        const hidden = buffers.hiddenGates + t * B * GH;
        k.gemm(false, false, B, GH, H, previous, H, layer.weightHhT, GH, 0, hidden, GH);
        k.addRowVector(hidden, B, GH, GH, layer.biasHh);
        k.gruForward(buffers.gates + t * B * GH, GH, hidden, GH, previous, H, next, H, B, H);
        return;
      }
    }
  }

  /**
   * Backward over T steps, top layer first, from ∂J/∂h_t of the top layer (topHiddenGradients); adds the weight
   * gradients into the float32 accumulators. False when cancelled.
   */
  backward(input: StackInput, B: number, T: number, top: TopGradientSource, cancel: CancellationFlag | undefined): boolean {
    const k = this.kernels;
    const arena = k.arena;
    const H = this.H;
    const GH = this.G * H;
    const gru = this.config.cell === 'gru';
    for (let l = this.layers.length - 1; l >= 0; l--) {
      const buffers = this.layers[l]!;
      const layer = this.parameters.layers[l]!;
      const I = layer.inputSize;
      const below = l > 0 ? this.layers[l - 1]! : null;
      arena.f32.fill(0, this.cellCarry, this.cellCarry + B * H);
      for (let chunkEnd = T; chunkEnd > 0; chunkEnd -= CHUNK_STEPS) {
        const chunkStart = Math.max(0, chunkEnd - CHUNK_STEPS);
        if (l === this.layers.length - 1) {
          // the readout's share; block chunkEnd − 1 already holds the recurrence from step chunkEnd (if any)
          for (let t = chunkStart; t < chunkEnd; t++) top(t, this.gradientBlock(l, B, t), t === chunkEnd - 1 && chunkEnd < T);
          // step chunkStart adds its recurrence into block chunkStart − 1, which holds an older step until then
          if (chunkStart > 0) {
            const below = this.gradientBlock(l, B, chunkStart - 1);
            arena.f32.fill(0, below, below + B * H);
          }
        }
        for (let t = chunkEnd - 1; t >= chunkStart; t--) {
          if (t % CANCEL_EVERY === 0 && cancel?.aborted === true) return false;
          this.backwardStep(l, buffers, layer, B, t, t - chunkStart);
        }
        const chunkRows = (chunkEnd - chunkStart) * B;
        const dZ = this.chunkGradients;
        const dZHidden = gru ? this.chunkHiddenGradients : dZ;
        // dW_hh += dZᵀ·H_{t−1} over the chunk (rows of states block t = h_{t−1})
        k.gemm(true, false, GH, H, chunkRows, dZHidden, GH, buffers.states + chunkStart * B * H, H, 1, layer.dWeightHh, H);
        // dW_ih += dZᵀ·X_t (one-hot: dW_ihᵀ[class] += dZ row)
        if (l === 0 && input.kind === 'one-hot') {
          k.scatterAddRows(dZ, GH, input.classes + chunkStart * B, chunkRows, GH, layer.dWeightIhT, GH);
        } else {
          const x = l === 0 && input.kind === 'dense' ? input.offset : below!.states + B * H;
          k.gemm(true, false, GH, I, chunkRows, dZ, GH, x + chunkStart * B * I, I, 1, layer.dWeightIh, I);
        }
        if (gru) {
          k.addColumnSums(dZ, chunkRows, GH, GH, layer.dBiasIh);
          k.addColumnSums(dZHidden, chunkRows, GH, GH, layer.dBiasHh);
        } else {
          // both biases see the same dZ: sum once, add twice
          arena.f32.fill(0, this.biasGradientSum, this.biasGradientSum + GH);
          k.addColumnSums(dZ, chunkRows, GH, GH, this.biasGradientSum);
          k.addRowVector(layer.dBiasIh, 1, GH, GH, this.biasGradientSum);
          k.addRowVector(layer.dBiasHh, 1, GH, GH, this.biasGradientSum);
        }
        // ∂J/∂h_t of the layer below (its input x_t) = dZ·W_ih: its only source from above
        if (below !== null) {
          k.gemm(false, false, chunkRows, H, GH, dZ, GH, layer.weightIh, I, 0, this.gradientBlock(l - 1, B, chunkStart), H);
        }
      }
    }
    return true;
  }

  /** Step t of a layer's backward pass; dZ goes to chunk row block `slot`. */
  private backwardStep(l: number, buffers: LayerBuffers, layer: Float32Layer, B: number, t: number, slot: number): void {
    const k = this.kernels;
    const H = this.H;
    const GH = this.G * H;
    const dh = this.gradientBlock(l, B, t);
    const dZ = this.chunkGradients + slot * B * GH;
    // ∂J/∂h_{t−1} receives dZ_t·W_hh (hidden side) on top of what came from above
    const previousGradient = t > 0 ? this.gradientBlock(l, B, t - 1) : -1;
    switch (this.config.cell) {
      case 'rnn':
        k.activationBackward(this.config.nonlinearity as F32Activation, buffers.states + (t + 1) * B * H, H, dh, H, dZ, GH, B, H);
        if (previousGradient >= 0) k.gemm(false, false, B, H, GH, dZ, GH, layer.weightHh, H, 1, previousGradient, H);
        return;
      case 'lstm': {
        // tanh(c_t) again, from the kept c_t
        const f32 = k.arena.f32;
        const cell = buffers.cells + (t + 1) * B * H;
        f32.copyWithin(buffers.tanhCells, cell, cell + B * H);
        k.activate('tanh', buffers.tanhCells, B, H, H);
        k.lstmBackward(buffers.gates + t * B * GH, GH, buffers.cells + t * B * H, buffers.tanhCells, dh, H, this.cellCarry, dZ, GH, B, H);
        if (previousGradient >= 0) k.gemm(false, false, B, H, GH, dZ, GH, layer.weightHh, H, 1, previousGradient, H);
        return;
      }
      case 'gru': {
        const dZHidden = this.chunkHiddenGradients + slot * B * GH;
        k.gruBackward(
          buffers.gates + t * B * GH, GH,
          buffers.hiddenGates + t * B * GH, GH,
          buffers.states + t * B * H, H,
          dh, H, dZ, GH, dZHidden, GH, this.previousGradient, H, B, H,
        );
        if (previousGradient >= 0) {
          // the direct path z ⊙ dh_t, then the gates' dZ_hidden·W_hh
          addInPlace(k.arena.f32, previousGradient, this.previousGradient, B * H);
          k.gemm(false, false, B, H, GH, dZHidden, GH, layer.weightHh, H, 1, previousGradient, H);
        }
        return;
      }
    }
  }
}

function addInPlace(f32: Float32Array, target: number, source: number, count: number): void {
  for (let i = 0; i < count; i++) f32[target + i] += f32[source + i]!;
}
