// GRU layer in the "reset-after" form of PyTorch and cuDNN, docs/maths.md "Parameter layout" (blocks r, z, n):
//   r = sig(W_ir x + b_ir + W_hr h_{t−1} + b_hr),  z = sig(W_iz x + b_iz + W_hz h_{t−1} + b_hz)
//   n = tanh(W_in x + b_in + r ⊙ (W_hn h_{t−1} + b_hn)),  h_t = (1 − z) ⊙ n + z ⊙ h_{t−1}
// Because r multiplies (W_hn h + b_hn) AFTER the product, the input-side and hidden-side pre-activation gradients of
// the n block differ by the factor r; for the r and z blocks they are equal.
import { biasPlusTransposedMatVec } from '../kernels/transposedMatVec';
import { sigmoid } from './activations';
import { RecurrentLayer, type LayerParameters } from './recurrentLayer';

export class GruLayer extends RecurrentLayer {
  readonly cell = 'gru' as const;
  /** [T × 3H]: row t holds r, z, n after their nonlinearities. */
  gates: Float64Array = new Float64Array(0);
  /** [T × H]: W_hn h_{t−1} + b_hn, the term the reset gate scales. */
  resetCandidates: Float64Array = new Float64Array(0);
  /** Scratch of the forward step: W_ih x_t + b_ih and W_hh h_{t−1} + b_hh. */
  private readonly inputPart: Float64Array;
  private readonly hiddenPart: Float64Array;

  constructor(inputSize: number, hiddenSize: number, parameters: LayerParameters, gradients: LayerParameters) {
    super(inputSize, hiddenSize, 3, parameters, gradients);
    this.inputPart = new Float64Array(3 * hiddenSize);
    this.hiddenPart = new Float64Array(3 * hiddenSize);
  }

  protected allocateCellBuffers(steps: number): void {
    // reset-after: the n block's input-side gradient differs from the hidden side by the factor r
    this.inputStepGradients = new Float64Array(steps * this.gateRows);
    this.gates = new Float64Array(steps * 3 * this.hiddenSize);
    this.resetCandidates = new Float64Array(steps * this.hiddenSize);
  }

  protected setInitialCellState(): void {
    // No cell state.
  }

  protected beginCellBackward(): void {
    // No cell state.
  }

  forwardStep(t: number): void {
    const H = this.hiddenSize;
    const I = this.inputSize;
    const rows = this.gateRows;
    const gi = this.inputPart;
    const gh = this.hiddenPart;
    const h = this.hiddenStates;
    const previous = t * H;
    const current = (t + 1) * H;
    // gi = W_ih x_t + b_ih;  gh = W_hh h_{t−1} + b_hh
    biasPlusTransposedMatVec(gi, 0, this.biasIhPacked, this.weightIhTransposed, I, rows, this.input, this.inputOffset + t * I);
    biasPlusTransposedMatVec(gh, 0, this.biasHhPacked, this.weightHhTransposed, H, rows, h, previous);
    const gates = this.gates;
    const gOffset = t * rows;
    const hn = this.resetCandidates;
    for (let j = 0; j < H; j++) {
      const r = sigmoid(gi[j] + gh[j]);
      const z = sigmoid(gi[H + j] + gh[H + j]);
      const hiddenN = gh[2 * H + j];
      const n = Math.tanh(gi[2 * H + j] + r * hiddenN);
      gates[gOffset + j] = r;
      gates[gOffset + H + j] = z;
      gates[gOffset + 2 * H + j] = n;
      hn[previous + j] = hiddenN;
      // h_t = (1 − z) ⊙ n + z ⊙ h_{t−1}
      h[current + j] = (1 - z) * n + z * h[previous + j];
    }
  }

  backwardStep(t: number, accumulateParameterGradients: boolean): void {
    const H = this.hiddenSize;
    const rows = this.gateRows;
    const gates = this.gates;
    const gOffset = t * rows;
    const hn = this.resetCandidates;
    const h = this.hiddenStates;
    const previous = t * H;
    // dh_t = ∂J/∂h_t: from step t+1 (carry) + from the readout or the layer above
    const dhOffset = this.collectHiddenGradient(t);
    const dh = this.hiddenGradients;
    // rows t of inputStepGradients (input side) and stepGradients (hidden side)
    const dgi = this.inputStepGradients;
    const dgh = this.stepGradients;
    const gradientOffset = t * rows;
    const dhPrevious = this.hiddenGradientCarry; // zeroed by collectHiddenGradient
    for (let j = 0; j < H; j++) {
      const r = gates[gOffset + j];
      const z = gates[gOffset + H + j];
      const n = gates[gOffset + 2 * H + j];
      const hPrevious = h[previous + j];
      const dhj = dh[dhOffset + j];
      // direct path h_t = … + z ⊙ h_{t−1}:   dh_{t−1} += dh ⊙ z
      dhPrevious[j] = dhj * z;
      // dn = dh ⊙ (1 − z);  dz = dh ⊙ (h_{t−1} − n)
      const dn = dhj * (1 - z);
      const dzGate = dhj * (hPrevious - n);
      // through tanh: da_n = dn ⊙ (1 − n²)  (gradient of n's whole pre-activation)
      const dan = dn * (1 - n * n);
      // dr = da_n ⊙ (W_hn h_{t−1} + b_hn);  through sig: da_r = dr ⊙ r(1 − r)
      const dar = dan * hn[previous + j] * r * (1 - r);
      // through sig: da_z = dz ⊙ z(1 − z)
      const daz = dzGate * z * (1 - z);
      // input side: ∂/∂(W_i· x + b_i·) = [da_r, da_z, da_n]
      dgi[gradientOffset + j] = dar;
      dgi[gradientOffset + H + j] = daz;
      dgi[gradientOffset + 2 * H + j] = dan;
      // hidden side: ∂/∂(W_h· h + b_h·) = [da_r, da_z, da_n ⊙ r]  (reset-after: r scales W_hn h + b_hn)
      dgh[gradientOffset + j] = dar;
      dgh[gradientOffset + H + j] = daz;
      dgh[gradientOffset + 2 * H + j] = dan * r;
    }
    // dh_{t−1} += W_hhᵀ dgh, dx_t = W_ihᵀ dgi (and dWhh += dgh h_{t−1}ᵀ, dWih += dgi x_tᵀ, dbhh += dgh, dbih += dgi)
    this.propagateStepGradient(t, accumulateParameterGradients);
  }
}
