// A stack of 1…MAX_LAYERS recurrent layers of one cell kind (the encoder, or the encoder–decoder's decoder).
// Layer l > 0 reads the layer below's h_t as its input x_t; in the backward pass the layer above adds W_ihᵀ dz into
// the layer below's ∂J/∂h_t, so every hidden gradient is the total derivative through later steps AND the layers
// above (docs/maths.md, "Backpropagation through time").
//
// The stack runs one time step at a time (all layers, bottom-up forward / top-down backward) so that the
// encoder–decoder can feed each prediction back as the next decoder input.
import { createRecurrentLayer } from './cells/createLayer';
import type { LayerParameters, RecurrentLayer } from './cells/recurrentLayer';
import type { LstmLayer } from './cells/lstmLayer';
import type { ModelConfig } from './modelConfig';
import type { ParameterSet } from './tensor';

export class RecurrentStack {
  readonly layers: RecurrentLayer[];
  readonly hiddenSize: number;

  /**
   * @param prefix '' for the encoder, 'decoder.' for the decoder (parameterLayout.ts)
   * @param firstInputSize I for the encoder, O for the decoder (its layer-0 input is ŷ_{j−1})
   */
  constructor(
    config: Pick<ModelConfig, 'cell' | 'nonlinearity' | 'hiddenSize' | 'numLayers'>,
    firstInputSize: number,
    parameters: ParameterSet,
    gradients: ParameterSet,
    readonly prefix: string,
  ) {
    this.hiddenSize = config.hiddenSize;
    this.layers = [];
    for (let l = 0; l < config.numLayers; l++) {
      const inputSize = l === 0 ? firstInputSize : config.hiddenSize;
      this.layers.push(
        createRecurrentLayer(
          config.cell,
          config.nonlinearity,
          inputSize,
          config.hiddenSize,
          bindLayer(parameters, prefix, l),
          bindLayer(gradients, prefix, l),
        ),
      );
    }
    for (let l = 0; l < this.layers.length - 1; l++) {
      this.layers[l + 1]!.inputGradientTarget = this.layers[l]!.hiddenGradientFromAbove;
    }
  }

  get top(): RecurrentLayer {
    return this.layers[this.layers.length - 1]!;
  }

  /** Points the layers at new parameter/gradient arrays (after a model load or a parameter-set swap). */
  rebind(parameters: ParameterSet, gradients: ParameterSet): void {
    this.layers.forEach((layer, l) => {
      layer.parameters = bindLayer(parameters, this.prefix, l);
      layer.gradients = bindLayer(gradients, this.prefix, l);
    });
  }

  /** Grows every layer to `steps` steps and re-wires layer l > 0 to read the (possibly new) h buffer below. */
  ensureCapacity(steps: number): void {
    if (steps <= this.layers[0]!.capacity) return;
    for (const layer of this.layers) layer.ensureCapacity(steps);
    for (let l = 1; l < this.layers.length; l++) {
      this.layers[l]!.input = this.layers[l - 1]!.hiddenStates;
      // row t+1 of the layer below's hiddenStates is its h_t
      this.layers[l]!.inputOffset = this.hiddenSize;
    }
  }

  /** Layer 0 reads x_t at inputs[offset + t·I]. */
  setInput(inputs: Float64Array, offset: number): void {
    this.layers[0]!.input = inputs;
    this.layers[0]!.inputOffset = offset;
  }

  /** Where layer 0 adds ∂J/∂x_t during backward (null: not needed). */
  setInputGradientTarget(target: Float64Array | null): void {
    this.layers[0]!.inputGradientTarget = target;
  }

  /**
   * Initial states h_{−1} (and c_{−1}) of every layer from flat [L × H] arrays at `offset`, or zeros when null.
   */
  setInitialState(hidden: Float64Array | null, cell: Float64Array | null): void {
    const H = this.hiddenSize;
    this.layers.forEach((layer, l) => layer.setInitialState(hidden, l * H, cell, l * H));
  }

  /** Copies the state of every layer after `steps` steps (h_{steps−1}, and c for LSTM) into flat [L × H] arrays. */
  copyState(steps: number, hidden: Float64Array, cell: Float64Array | null): void {
    const H = this.hiddenSize;
    this.layers.forEach((layer, l) => {
      for (let j = 0; j < H; j++) hidden[l * H + j] = layer.hiddenStates[steps * H + j];
      if (cell !== null && layer.cell === 'lstm') {
        const cells = (layer as LstmLayer).cellStates;
        for (let j = 0; j < H; j++) cell[l * H + j] = cells[steps * H + j];
      }
    });
  }

  /** Decoder initial state = the encoder's state after `encoderSteps` steps, layer by layer (h, and c for LSTM). */
  setInitialStateFrom(encoder: RecurrentStack, encoderSteps: number): void {
    const H = this.hiddenSize;
    const offset = encoderSteps * H;
    this.layers.forEach((layer, l) => {
      const source = encoder.layers[l]!;
      layer.setInitialState(
        source.hiddenStates,
        offset,
        source.cell === 'lstm' ? (source as LstmLayer).cellStates : null,
        offset,
      );
    });
  }

  forwardStep(t: number): void {
    const layers = this.layers;
    for (let l = 0; l < layers.length; l++) layers[l]!.forwardStep(t);
  }

  /**
   * Starts a backward pass. With `seed` (the decoder, already back-propagated), each layer starts from the seed's
   * ∂J/∂h0 (and ∂J/∂c0): the gradient the decoder's initial state sends into the encoder's final state.
   */
  beginBackward(seed: RecurrentStack | null): void {
    this.layers.forEach((layer, l) => {
      const from = seed === null ? null : seed.layers[l]!;
      layer.beginBackward(
        from === null ? null : from.hiddenGradientCarry,
        from !== null && from.cell === 'lstm' ? (from as LstmLayer).cellGradientCarry : null,
      );
    });
  }

  /** dW += Σ_t dz_t (input_t)ᵀ and db += Σ_t dz_t over the first `steps` steps of every layer, after backwardStep(…, false). */
  addParameterGradients(steps: number): void {
    for (const layer of this.layers) layer.addParameterGradients(0, steps);
  }

  /** One BPTT step at time t, top layer first (its W_ihᵀ dz feeds the layer below's ∂J/∂h_t). */
  backwardStep(t: number, accumulateParameterGradients: boolean): void {
    const layers = this.layers;
    for (let l = layers.length - 1; l >= 0; l--) layers[l]!.backwardStep(t, accumulateParameterGradients);
  }
}

function bindLayer(set: ParameterSet, prefix: string, layer: number): LayerParameters {
  return {
    weightIh: requireData(set, `${prefix}weight_ih_l${layer}`),
    weightHh: requireData(set, `${prefix}weight_hh_l${layer}`),
    biasIh: requireData(set, `${prefix}bias_ih_l${layer}`),
    biasHh: requireData(set, `${prefix}bias_hh_l${layer}`),
  };
}

export function requireData(set: ParameterSet, name: string): Float64Array {
  const tensor = set.tensors.find((t) => t.name === name);
  if (tensor === undefined) throw new Error(`parameter "${name}" is missing`);
  return tensor.data;
}
