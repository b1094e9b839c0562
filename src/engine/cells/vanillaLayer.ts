// Vanilla (Elman) RNN layer, docs/maths.md "Parameter layout":
//   h_t = σ(W_ih x_t + b_ih + W_hh h_{t−1} + b_hh),  σ ∈ {tanh, relu, sigmoid}.
// Its one-step Jacobian ∂h_t/∂h_{t−1} = diag(σ'(a_t)) W_hh is the factor whose product over time vanishes or
// explodes (docs/maths.md, "Backpropagation through time").
import type { Nonlinearity } from '../modelConfig';
import { biasPlusTransposedMatVec, transposedMatVecAccumulate } from '../kernels/transposedMatVec';
import { sigmoid } from './activations';
import { RecurrentLayer, type LayerParameters } from './recurrentLayer';

export class VanillaLayer extends RecurrentLayer {
  readonly cell = 'rnn' as const;

  constructor(
    inputSize: number,
    hiddenSize: number,
    readonly nonlinearity: Nonlinearity,
    parameters: LayerParameters,
    gradients: LayerParameters,
  ) {
    super(inputSize, hiddenSize, 1, parameters, gradients);
  }

  protected allocateCellBuffers(): void {
    // h_t is all the backward pass needs: σ'(a_t) is recomputed from σ(a_t).
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
    const h = this.hiddenStates;
    const hOffset = (t + 1) * H;
    // a_t = (b_ih + b_hh) + W_ih x_t + W_hh h_{t−1}, built in h_t's row, then squashed in place
    biasPlusTransposedMatVec(h, hOffset, this.biasSumPacked, this.weightIhTransposed, I, H, this.input, this.inputOffset + t * I);
    transposedMatVecAccumulate(h, hOffset, this.weightHhTransposed, H, H, h, t * H);
    switch (this.nonlinearity) {
      case 'tanh':
        for (let j = 0; j < H; j++) h[hOffset + j] = Math.tanh(h[hOffset + j]);
        break;
      case 'relu':
        for (let j = 0; j < H; j++) if (h[hOffset + j] < 0) h[hOffset + j] = 0;
        break;
      case 'sigmoid':
        for (let j = 0; j < H; j++) h[hOffset + j] = sigmoid(h[hOffset + j]);
        break;
    }
  }

  backwardStep(t: number, accumulateParameterGradients: boolean): void {
    const H = this.hiddenSize;
    const h = this.hiddenStates;
    const hOffset = (t + 1) * H;
    // dh_t = ∂J/∂h_t: from step t+1 (carry) + from the readout or the layer above
    const dhOffset = this.collectHiddenGradient(t);
    const dh = this.hiddenGradients;
    // da_t is row t of stepGradients (dhraw in min-char-rnn)
    const da = this.stepGradients;
    const daOffset = t * H;
    // backprop through σ: da_t = σ'(a_t) ⊙ dh_t, with σ' from the stored output h_t
    switch (this.nonlinearity) {
      case 'tanh':
        for (let j = 0; j < H; j++) {
          const hj = h[hOffset + j];
          da[daOffset + j] = (1 - hj * hj) * dh[dhOffset + j];
        }
        break;
      case 'relu':
        for (let j = 0; j < H; j++) da[daOffset + j] = h[hOffset + j] > 0 ? dh[dhOffset + j] : 0;
        break;
      case 'sigmoid':
        for (let j = 0; j < H; j++) {
          const hj = h[hOffset + j];
          da[daOffset + j] = hj * (1 - hj) * dh[dhOffset + j];
        }
        break;
    }
    // dh_{t−1} = W_hhᵀ da_t, dx_t = W_ihᵀ da_t (and dWhh += da_t h_{t−1}ᵀ, dWih += da_t x_tᵀ, db += da_t)
    this.propagateStepGradient(t, accumulateParameterGradients);
  }
}
