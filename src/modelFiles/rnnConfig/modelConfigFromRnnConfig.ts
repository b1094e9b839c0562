// The engine's ModelConfig from a read `*.rnn.json` (for "Train with this config"). The topology is the config's
// own or the one its lengths imply (configTopology.ts); ESN configs are not gradient-trained RNNs and are refused.
import type { ModelConfig } from '../../engine/modelConfig';
import { configTopology } from './configTopology';
import type { RnnConfig } from './rnnConfig';

export type ModelConfigResult = { readonly ok: true; readonly model: ModelConfig } | { readonly ok: false; readonly reason: string };

export function modelConfigFromRnnConfig(config: RnnConfig): ModelConfigResult {
  if (config.cell === 'esn') {
    return { ok: false, reason: 'an echo state network has no trainable recurrent weights: train it with the ESN trainer (ridge readout), not BPTT' };
  }
  const decided = configTopology(config);
  if (decided.topology === null) return { ok: false, reason: decided.reason };
  const outputLength = decided.topology === 'many-to-many-synced' ? decided.outputLength ?? decided.inputLength : decided.outputLength;
  if ((decided.topology === 'many-to-many-encoder-decoder' || decided.topology === 'one-to-many') && outputLength === null) {
    return { ok: false, reason: `${decided.topology} needs "outputLength" (the generated steps)` };
  }
  return {
    ok: true,
    model: {
      cell: config.cell,
      nonlinearity: config.nonlinearity,
      inputSize: config.inputSize,
      hiddenSize: config.hiddenSize,
      outputSize: config.outputSize,
      numLayers: config.layers,
      topology: decided.topology,
      loss: config.loss,
      oneToManyInput: config.oneToManyInput,
      outputLength: outputLength ?? 1,
    },
  };
}
