// Names and shapes of every parameter of a model, in a fixed order (docs/maths.md, "Parameter layout").
// PyTorch-compatible: layer l of the recurrent stack is `weight_ih_l{l}` [G·H × I_l], `weight_hh_l{l}` [G·H × H],
// `bias_ih_l{l}` [G·H], `bias_hh_l{l}` [G·H] with I_0 = I and I_l = H above, G = 1 (rnn), 4 (lstm: i,f,g,o),
// 3 (gru: r,z,n) — so `torch.nn.RNN/LSTM/GRU(I, H, num_layers=L).load_state_dict` accepts them by name.
// The linear readout is `weight_out` [O×H], `bias_out` [O]: ŷ_t = W_out h_t + b_out.
//
// Encoder–decoder adds a second stack with the same cell and hidden size, every name prefixed `decoder.`
// (`decoder.weight_ih_l0` …). Its layer-0 input is the previous prediction ŷ_{j−1} (ŷ_0 = 0), so I_0 = O there:
// the decoder is autoregressive at training and at inference alike, and its gradient is exact (no teacher forcing).
// The encoder's final state (h, and c for LSTM) initialises the decoder; the readout is applied to the decoder only.
import type { CellKind, ModelConfig } from './modelConfig';

export interface ParameterSpec {
  readonly name: string;
  readonly shape: readonly number[];
}

/** G: how many gate blocks are stacked along the rows of W_ih, W_hh, b_ih, b_hh. */
export function gateCount(cell: CellKind): number {
  switch (cell) {
    case 'rnn':
      return 1;
    case 'lstm':
      return 4;
    case 'gru':
      return 3;
  }
}

export const DECODER_PREFIX = 'decoder.';

/** The recurrent stack's parameters for one stack (encoder or decoder) with the given layer-0 input size. */
export function recurrentStackLayout(
  config: Pick<ModelConfig, 'cell' | 'hiddenSize' | 'numLayers'>,
  firstInputSize: number,
  prefix = '',
): ParameterSpec[] {
  const rows = gateCount(config.cell) * config.hiddenSize;
  const specs: ParameterSpec[] = [];
  for (let layer = 0; layer < config.numLayers; layer++) {
    const inputSize = layer === 0 ? firstInputSize : config.hiddenSize;
    specs.push(
      { name: `${prefix}weight_ih_l${layer}`, shape: [rows, inputSize] },
      { name: `${prefix}weight_hh_l${layer}`, shape: [rows, config.hiddenSize] },
      { name: `${prefix}bias_ih_l${layer}`, shape: [rows] },
      { name: `${prefix}bias_hh_l${layer}`, shape: [rows] },
    );
  }
  return specs;
}

/** Every parameter of the model: encoder stack, decoder stack (encoder–decoder only), then the readout. */
export function parameterLayout(config: ModelConfig): ParameterSpec[] {
  const specs = recurrentStackLayout(config, config.inputSize);
  if (config.topology === 'many-to-many-encoder-decoder') {
    specs.push(...recurrentStackLayout(config, config.outputSize, DECODER_PREFIX));
  }
  specs.push({ name: 'weight_out', shape: [config.outputSize, config.hiddenSize] });
  specs.push({ name: 'bias_out', shape: [config.outputSize] });
  return specs;
}
