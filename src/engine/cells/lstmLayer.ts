// LSTM layer, docs/maths.md "Parameter layout" (gate blocks stacked along the rows in the order i, f, g, o):
//   [z_i; z_f; z_g; z_o] = W_ih x_t + b_ih + W_hh h_{t−1} + b_hh
//   i = sig(z_i), f = sig(z_f), g = tanh(z_g), o = sig(z_o)
//   c_t = f ⊙ c_{t−1} + i ⊙ g,  h_t = o ⊙ tanh(c_t)
// The cell path ∂c_t/∂c_{t−1} = diag(f_t) is why the gradient survives (docs/maths.md, "Remedies").
import { squaredNorm } from '../kernels/matVec';
import { biasPlusTransposedMatVec, transposedMatVecAccumulate } from '../kernels/transposedMatVec';
import { sigmoid } from './activations';
import { RecurrentLayer, type LayerParameters } from './recurrentLayer';

export class LstmLayer extends RecurrentLayer {
  readonly cell = 'lstm' as const;
  /** [T × 4H]: row t holds i, f, g, o after their nonlinearities. */
  gates: Float64Array = new Float64Array(0);
  /** [(T+1) × H]: row 0 is c_{−1}, row t+1 is c_t. */
  cellStates: Float64Array = new Float64Array(0);
  /** [T × H]: tanh(c_t), kept for the backward pass. */
  cellStatesTanh: Float64Array = new Float64Array(0);
  /** ‖∂J/∂c_t‖₂ for t < T (the total derivative, through h_t and c_{t+1}). */
  cellGradientNorms: Float64Array = new Float64Array(0);
  /** ∂J/∂c_{t−1} carried from step t to step t−1; after step 0: ∂J/∂c0. */
  readonly cellGradientCarry: Float64Array;
  /** ∂J/∂c_t of the current backward step. */
  private readonly cellGradient: Float64Array;

  constructor(inputSize: number, hiddenSize: number, parameters: LayerParameters, gradients: LayerParameters) {
    super(inputSize, hiddenSize, 4, parameters, gradients);
    this.cellGradientCarry = new Float64Array(hiddenSize);
    this.cellGradient = new Float64Array(hiddenSize);
  }

  protected allocateCellBuffers(steps: number): void {
    const H = this.hiddenSize;
    this.gates = new Float64Array(steps * 4 * H);
    this.cellStates = new Float64Array((steps + 1) * H);
    this.cellStatesTanh = new Float64Array(steps * H);
    this.cellGradientNorms = new Float64Array(steps);
  }

  protected setInitialCellState(cell: Float64Array | null, offset: number): void {
    for (let j = 0; j < this.hiddenSize; j++) this.cellStates[j] = cell === null ? 0 : cell[offset + j];
  }

  protected beginCellBackward(cellCarry: Float64Array | null): void {
    for (let j = 0; j < this.hiddenSize; j++) this.cellGradientCarry[j] = cellCarry === null ? 0 : cellCarry[j];
  }

  forwardStep(t: number): void {
    const H = this.hiddenSize;
    const I = this.inputSize;
    const rows = this.gateRows;
    const z = this.gates;
    const zOffset = t * rows;
    const h = this.hiddenStates;
    const c = this.cellStates;
    const tc = this.cellStatesTanh;
    // z = (b_ih + b_hh) + W_ih x_t + W_hh h_{t−1}
    biasPlusTransposedMatVec(z, zOffset, this.biasSumPacked, this.weightIhTransposed, I, rows, this.input, this.inputOffset + t * I);
    transposedMatVecAccumulate(z, zOffset, this.weightHhTransposed, H, rows, h, t * H);
    const iOffset = zOffset;
    const fOffset = zOffset + H;
    const gOffset = zOffset + 2 * H;
    const oOffset = zOffset + 3 * H;
    const previous = t * H;
    const current = (t + 1) * H;
    // the gate nonlinearities in place, one kind per loop (fewer values live across each Math call):
    // i = sig(z_i), f = sig(z_f) (adjacent blocks), g = tanh(z_g), o = sig(z_o)
    for (let k = iOffset; k < gOffset; k = (k + 1) | 0) z[k] = sigmoid(z[k]);
    for (let k = gOffset; k < oOffset; k = (k + 1) | 0) z[k] = Math.tanh(z[k]);
    for (let k = oOffset; k < oOffset + H; k = (k + 1) | 0) z[k] = sigmoid(z[k]);
    for (let j = 0; j < H; j = (j + 1) | 0) {
      // c_t = f ⊙ c_{t−1} + i ⊙ g
      const ct = z[fOffset + j] * c[previous + j] + z[iOffset + j] * z[gOffset + j];
      c[current + j] = ct;
      // h_t = o ⊙ tanh(c_t)
      const tanhC = Math.tanh(ct);
      tc[previous + j] = tanhC;
      h[current + j] = z[oOffset + j] * tanhC;
    }
  }

  backwardStep(t: number, accumulateParameterGradients: boolean): void {
    const H = this.hiddenSize;
    const rows = this.gateRows;
    const zOffset = t * rows;
    const z = this.gates;
    const c = this.cellStates;
    const tc = this.cellStatesTanh;
    const previous = t * H;
    // dh_t = ∂J/∂h_t: from step t+1 (carry) + from the readout or the layer above
    const dhOffset = this.collectHiddenGradient(t);
    const dh = this.hiddenGradients;
    // dz_t (blocks i, f, g, o) is row t of stepGradients
    const dz = this.stepGradients;
    const dc = this.cellGradient;
    const dcCarry = this.cellGradientCarry;
    for (let j = 0; j < H; j++) {
      const i = z[zOffset + j];
      const f = z[zOffset + H + j];
      const g = z[zOffset + 2 * H + j];
      const o = z[zOffset + 3 * H + j];
      const tanhC = tc[previous + j];
      const dhj = dh[dhOffset + j];
      // dc_t = (from c_{t+1}: f_{t+1} ⊙ dc_{t+1}) + (through h_t = o ⊙ tanh c_t: dh ⊙ o ⊙ (1 − tanh² c_t))
      const dcj = dcCarry[j] + dhj * o * (1 - tanhC * tanhC);
      dc[j] = dcj;
      // do = dh ⊙ tanh(c_t);   dz_o = do ⊙ o(1 − o)
      dz[zOffset + 3 * H + j] = dhj * tanhC * o * (1 - o);
      // di = dc ⊙ g;           dz_i = di ⊙ i(1 − i)
      dz[zOffset + j] = dcj * g * i * (1 - i);
      // df = dc ⊙ c_{t−1};     dz_f = df ⊙ f(1 − f)
      dz[zOffset + H + j] = dcj * c[previous + j] * f * (1 - f);
      // dg = dc ⊙ i;           dz_g = dg ⊙ (1 − g²)
      dz[zOffset + 2 * H + j] = dcj * i * (1 - g * g);
      // dc_{t−1} = dc_t ⊙ f (the cell path)
      dcCarry[j] = dcj * f;
    }
    this.cellGradientNorms[t] = Math.sqrt(squaredNorm(dc, 0, H));
    // dh_{t−1} = W_hhᵀ dz_t, dx_t = W_ihᵀ dz_t (and dWhh += dz_t h_{t−1}ᵀ, dWih += dz_t x_tᵀ, db += dz_t)
    this.propagateStepGradient(t, accumulateParameterGradients);
  }
}
