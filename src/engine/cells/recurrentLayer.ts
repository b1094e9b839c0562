// One recurrent layer of a stack over a whole sequence: its weights, and the preallocated buffers in which the forward
// pass stores what the backward pass needs (karpathy/min-char-rnn: forward keeps h_t, backward walks t = T−1 … 0).
//
// Buffer layout (flat, row-major float64; never reallocated inside the time loop):
//   hiddenStates  [(T+1) × H]  row 0 is the initial state h_{−1} (called h0 in the grad-case format), row t+1 is h_t
//   input         [T × I]      step t's input x_t starts at inputOffset + t·I (layer 0: the sequence; layer l > 0:
//                              the layer below's hiddenStates, offset H so that row t is h_t of that layer)
//   hiddenGradients [T × H]    row t is the TOTAL derivative ∂J/∂h_t (through later steps and the layers above),
//                              the quantity of docs/maths.md, "Backpropagation through time": g_t = ‖∂J/∂h_t‖₂
//
//   stepGradients [T × G·H]    row t is dz_t = ∂J/∂(pre-activations of step t), the hidden side (what W_hh, b_hh see);
//   inputStepGradients         the input side (what W_ih, b_ih see): the same array except for GRU (gruLayer.ts)
//
// The backward pass is driven one step at a time by the stack (time-major, top layer first), because in an
// encoder–decoder the decoder's layer-0 input at step j is the prediction from step j−1 (see ../model.ts).
// Every mat-vec of the time loop is one kernel, out += Mᵀ v (transposedMatVecAccumulate, kernels/transposedMatVec.ts), reading a
// PackedWeights copy of the weights (which V8 reads faster than the Float64Array parameters): forward z_t = W_ih x_t +
// W_hh h_{t−1} (+ biases) reads copies of W_ihᵀ, W_hhᵀ and the biases taken by setInitialState (the start of every
// forward pass); backward dh_{t−1} = W_hhᵀ dz_t and dx_t = W_ihᵀ dz_t read copies of W_hh and W_ih taken by
// beginBackward. The weight gradients dW = Σ_t dz_t (input_t)ᵀ are sums over steps, formed either per step or —
// faster — once over the whole sequence by addParameterGradients(0, T).
import type { CellKind } from '../modelConfig';
import { squaredNorm } from '../kernels/matVec';
import { accumulateOuterProductsOverSteps, accumulateSumOverSteps } from '../kernels/stepSums';
import { transposedMatVecAccumulate } from '../kernels/transposedMatVec';
import { copyIntoPacked, createPackedWeights, transposeIntoPacked, type PackedWeights } from '../kernels/weightCopies';

/** The four tensors of one layer (PyTorch names weight_ih_l{l}, weight_hh_l{l}, bias_ih_l{l}, bias_hh_l{l}). */
export interface LayerParameters {
  /** W_ih [G·H × I], row-major. */
  weightIh: Float64Array;
  /** W_hh [G·H × H], row-major. */
  weightHh: Float64Array;
  /** b_ih [G·H]. */
  biasIh: Float64Array;
  /** b_hh [G·H]. */
  biasHh: Float64Array;
}

export abstract class RecurrentLayer {
  abstract readonly cell: CellKind;
  /** G·H: rows of W_ih and W_hh. */
  readonly gateRows: number;
  /** Steps the buffers can hold; grown (outside the time loop) by ensureCapacity. */
  capacity = 0;

  hiddenStates: Float64Array = new Float64Array(0);
  hiddenGradients: Float64Array = new Float64Array(0);
  /** ‖∂J/∂h_t‖₂ for t < T, filled by backwardStep. */
  hiddenGradientNorms: Float64Array = new Float64Array(0);

  input: Float64Array = new Float64Array(0);
  inputOffset = 0;

  /** Gradient arriving at h_t from above during the current backward step (readout or the next layer's W_ihᵀ). */
  readonly hiddenGradientFromAbove: Float64Array;
  /** ∂J/∂h_{t−1} through the recurrence (W_hhᵀ …), carried from step t to step t−1; after step 0: ∂J/∂h0. */
  readonly hiddenGradientCarry: Float64Array;
  /** Where backwardStep adds ∂J/∂x_t (the layer below's hiddenGradientFromAbove); null when nobody needs it. */
  inputGradientTarget: Float64Array | null = null;
  /** dz_t per step, hidden side [T × G·H]. */
  stepGradients: Float64Array = new Float64Array(0);
  /** dz_t per step, input side [T × G·H] (aliases stepGradients except for GRU). */
  inputStepGradients: Float64Array = new Float64Array(0);
  /** W_ihᵀ [I × G·H] and W_hhᵀ [H × G·H], read by forwardStep, refreshed by setInitialState. */
  protected readonly weightIhTransposed: PackedWeights;
  protected readonly weightHhTransposed: PackedWeights;
  /** b_ih, b_hh and b_ih + b_hh [G·H], read by forwardStep, refreshed by setInitialState. */
  protected readonly biasIhPacked: PackedWeights;
  protected readonly biasHhPacked: PackedWeights;
  protected readonly biasSumPacked: PackedWeights;
  /** W_ih [G·H × I] and W_hh [G·H × H], read by backwardStep, refreshed by beginBackward. */
  protected readonly weightIhPacked: PackedWeights;
  protected readonly weightHhPacked: PackedWeights;

  constructor(
    readonly inputSize: number,
    readonly hiddenSize: number,
    gateCount: number,
    public parameters: LayerParameters,
    public gradients: LayerParameters,
  ) {
    this.gateRows = gateCount * hiddenSize;
    this.hiddenGradientFromAbove = new Float64Array(hiddenSize);
    this.hiddenGradientCarry = new Float64Array(hiddenSize);
    this.weightIhTransposed = createPackedWeights(inputSize * this.gateRows);
    this.weightHhTransposed = createPackedWeights(hiddenSize * this.gateRows);
    this.biasIhPacked = createPackedWeights(this.gateRows);
    this.biasHhPacked = createPackedWeights(this.gateRows);
    this.biasSumPacked = createPackedWeights(this.gateRows);
    this.weightIhPacked = createPackedWeights(this.gateRows * inputSize);
    this.weightHhPacked = createPackedWeights(this.gateRows * hiddenSize);
  }

  /** Grows every per-step buffer to hold `steps` steps (contents are not kept). */
  ensureCapacity(steps: number): void {
    if (steps <= this.capacity) return;
    const H = this.hiddenSize;
    this.capacity = steps;
    this.hiddenStates = new Float64Array((steps + 1) * H);
    this.hiddenGradients = new Float64Array(steps * H);
    this.hiddenGradientNorms = new Float64Array(steps);
    this.stepGradients = new Float64Array(steps * this.gateRows);
    this.inputStepGradients = this.stepGradients;
    this.allocateCellBuffers(steps);
  }

  /**
   * Starts a forward pass: sets h_{−1} (and c_{−1} for LSTM) from `state` at `offset`, or to zeros when `state` is
   * null, and takes the copies of W_ihᵀ, W_hhᵀ and the biases that forwardStep reads (the parameters may have changed
   * since the last pass: an optimiser step, a finite-difference perturbation).
   */
  setInitialState(hidden: Float64Array | null, hiddenOffset: number, cell: Float64Array | null, cellOffset: number): void {
    const H = this.hiddenSize;
    const { weightIh, weightHh, biasIh, biasHh } = this.parameters;
    transposeIntoPacked(this.weightIhTransposed, weightIh, this.gateRows, this.inputSize);
    transposeIntoPacked(this.weightHhTransposed, weightHh, this.gateRows, H);
    copyIntoPacked(this.biasIhPacked, biasIh);
    copyIntoPacked(this.biasHhPacked, biasHh);
    for (let r = 0; r < this.gateRows; r++) this.biasSumPacked[r] = biasIh[r] + biasHh[r];
    for (let j = 0; j < H; j++) this.hiddenStates[j] = hidden === null ? 0 : hidden[hiddenOffset + j];
    this.setInitialCellState(cell, cellOffset);
  }

  /**
   * Starts a backward pass: nothing flows in from after the last step unless `carry` (e.g. a decoder's ∂J/∂h0) is
   * given. Takes the copies of W_ih and W_hh that backwardStep reads.
   */
  beginBackward(hiddenCarry: Float64Array | null, cellCarry: Float64Array | null): void {
    const H = this.hiddenSize;
    copyIntoPacked(this.weightHhPacked, this.parameters.weightHh);
    copyIntoPacked(this.weightIhPacked, this.parameters.weightIh);
    for (let j = 0; j < H; j++) {
      this.hiddenGradientCarry[j] = hiddenCarry === null ? 0 : hiddenCarry[j];
      this.hiddenGradientFromAbove[j] = 0;
    }
    this.beginCellBackward(cellCarry);
  }

  /**
   * dh_t = carry + from above, stored as row t of hiddenGradients with its norm; clears both sources so the step can
   * refill the carry with ∂J/∂h_{t−1}. Returns the row offset t·H.
   */
  protected collectHiddenGradient(t: number): number {
    const H = this.hiddenSize;
    const offset = t * H;
    const dh = this.hiddenGradients;
    const carry = this.hiddenGradientCarry;
    const above = this.hiddenGradientFromAbove;
    for (let j = 0; j < H; j++) {
      dh[offset + j] = carry[j] + above[j];
      carry[j] = 0;
      above[j] = 0;
    }
    this.hiddenGradientNorms[t] = Math.sqrt(squaredNorm(dh, offset, H));
    return offset;
  }

  /**
   * The common tail of every cell's backward step, once dz_t is in row t of stepGradients (and inputStepGradients):
   * the gradient flows to the previous step and to the input, and (if asked) into the weight gradients.
   */
  protected propagateStepGradient(t: number, accumulateParameterGradients: boolean): void {
    const rows = this.gateRows;
    // dh_{t−1} += W_hhᵀ dz_t   (the carry was zeroed by collectHiddenGradient; cells may have added a direct path)
    transposedMatVecAccumulate(this.hiddenGradientCarry, 0, this.weightHhPacked, rows, this.hiddenSize, this.stepGradients, t * rows);
    // dx_t += W_ihᵀ dz_t   (into the layer below's ∂J/∂h_t, or the decoder's ∂J/∂ŷ_{t−1})
    const dx = this.inputGradientTarget;
    if (dx !== null) transposedMatVecAccumulate(dx, 0, this.weightIhPacked, rows, this.inputSize, this.inputStepGradients, t * rows);
    if (accumulateParameterGradients) this.addParameterGradients(t, t + 1);
  }

  /**
   * Adds the weight and bias gradients of steps [first, end) from the stored dz_t:
   *   dWhh += Σ_t dz_t h_{t−1}ᵀ,  dbhh += Σ_t dz_t,  dWih += Σ_t dz^in_t x_tᵀ,  dbih += Σ_t dz^in_t.
   */
  addParameterGradients(first: number, end: number): void {
    const H = this.hiddenSize;
    const I = this.inputSize;
    const rows = this.gateRows;
    const steps = end - first;
    if (steps <= 0) return;
    const { weightIh: dWih, weightHh: dWhh, biasIh: dbih, biasHh: dbhh } = this.gradients;
    // dWhh += Σ_t dz_t h_{t−1}ᵀ   (row t of hiddenStates is h_{t−1})
    accumulateOuterProductsOverSteps(dWhh, rows, H, this.stepGradients, first * rows, this.hiddenStates, first * H, H, steps);
    // dWih += Σ_t dz^in_t x_tᵀ
    accumulateOuterProductsOverSteps(dWih, rows, I, this.inputStepGradients, first * rows, this.input, this.inputOffset + first * I, I, steps);
    // dbhh += Σ_t dz_t;  dbih += Σ_t dz^in_t   (both biases enter the pre-activations with coefficient 1)
    accumulateSumOverSteps(dbhh, rows, this.stepGradients, first * rows, steps);
    accumulateSumOverSteps(dbih, rows, this.inputStepGradients, first * rows, steps);
  }

  /** h_t (and the cell's gates) from x_t and h_{t−1}. */
  abstract forwardStep(t: number): void;

  /**
   * One step of BPTT at time t: reads dh_t (carry + from above), stores dz_t, writes ∂J/∂h_{t−1} into the carry and
   * adds ∂J/∂x_t to inputGradientTarget. With `accumulateParameterGradients` it also adds this step's parameter
   * gradients; without, they can be added for all steps at once by addParameterGradients (or not at all, for
   * diagnostics).
   */
  abstract backwardStep(t: number, accumulateParameterGradients: boolean): void;

  protected abstract allocateCellBuffers(steps: number): void;
  protected abstract setInitialCellState(cell: Float64Array | null, offset: number): void;
  protected abstract beginCellBackward(cellCarry: Float64Array | null): void;
}
