// The linear readout of the top layer, docs/maths.md "Parameter layout": ŷ_t = W_out h_t + b_out
// (`weight_out` [O×H], `bias_out` [O]). For cross-entropy ŷ_t are the logits of the softmax (see losses.ts).
import { matVecAccumulate, outerProductAndTransposedMatVecAccumulate } from './kernels/matVec';

export interface ReadoutParameters {
  weight: Float64Array;
  bias: Float64Array;
}

export class Readout {
  constructor(
    readonly hiddenSize: number,
    readonly outputSize: number,
    public parameters: ReadoutParameters,
    public gradients: ReadoutParameters,
  ) {}

  /** y[yOffset …] = W_out h[hOffset …] + b_out. */
  forward(h: Float64Array, hOffset: number, y: Float64Array, yOffset: number): void {
    const { weight, bias } = this.parameters;
    for (let o = 0; o < this.outputSize; o++) y[yOffset + o] = bias[o];
    matVecAccumulate(y, yOffset, weight, this.outputSize, this.hiddenSize, h, hOffset);
  }

  /**
   * Given dŷ_t: dW_out += dŷ_t h_tᵀ, db_out += dŷ_t (when accumulating), and dh_t += W_outᵀ dŷ_t into `dhAbove`.
   */
  backward(
    dy: Float64Array,
    dyOffset: number,
    h: Float64Array,
    hOffset: number,
    dhAbove: Float64Array,
    accumulateParameterGradients: boolean,
  ): void {
    const O = this.outputSize;
    const H = this.hiddenSize;
    const W = this.parameters.weight;
    if (accumulateParameterGradients) {
      const { weight: dW, bias: db } = this.gradients;
      // dW_out += dŷ h_tᵀ and dh_t += W_outᵀ dŷ
      outerProductAndTransposedMatVecAccumulate(dW, dhAbove, 0, W, dy, dyOffset, O, h, hOffset, H);
      // db_out += dŷ
      for (let o = 0; o < O; o++) db[o] += dy[dyOffset + o];
    } else {
      // dh_t += W_outᵀ dŷ
      for (let o = 0; o < O; o++) {
        const d = dy[dyOffset + o];
        const rowStart = o * H;
        for (let j = 0; j < H; j++) dhAbove[j] += W[rowStart + j] * d;
      }
    }
  }
}
