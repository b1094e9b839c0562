// Floating-point operations of one training step (forward + backward + update) of the comparison workloads, counted
// analytically so RNN Lab and PyTorch are divided by the same number (issue 15, GFLOP/s):
//   forward, per time step and layer:  2 · B · G · H · (H + I)   (the input and recurrent products, multiply-add = 2;
//                                      G = 1 gate block for the vanilla RNN, 4 for the LSTM)
//   readout, per scored step:          2 · B · O · H
//   backward ≈ 2 × forward             (∂/∂inputs and ∂/∂weights: two products of the same size per forward product)
//   step = 3 × forward; element-wise work (activations, the loss, the SGD update) is not counted.
// A one-hot input is counted as a dense I-wide product, as in PyTorch's nn.LSTM.
import type { ModelConfig } from '../src/engine/modelConfig';

export function gateBlocks(cell: ModelConfig['cell']): number {
  return cell === 'lstm' ? 4 : cell === 'gru' ? 3 : 1;
}

/** FLOPs of one update on `batch` sequences of `sequenceLength` steps, `scoredSteps` of them scored. */
export function trainingStepFlops(config: ModelConfig, batch: number, sequenceLength: number, scoredSteps: number): number {
  const H = config.hiddenSize;
  let recurrent = 0;
  for (let layer = 0; layer < config.numLayers; layer++) {
    const inputs = layer === 0 ? config.inputSize : H;
    recurrent += 2 * batch * gateBlocks(config.cell) * H * (H + inputs) * sequenceLength;
  }
  const readout = 2 * batch * config.outputSize * H * scoredSteps;
  return 3 * (recurrent + readout);
}

/** GFLOP/s of a rate of timesteps/s: updates/s = rate / (B · T). */
export function gigaflopsPerSecond(timestepsPerSecond: number | null, flopsPerStep: number, batch: number, sequenceLength: number): number | null {
  if (timestepsPerSecond === null) return null;
  return (timestepsPerSecond / (batch * sequenceLength)) * flopsPerStep / 1e9;
}
