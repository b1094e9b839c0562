// A recurrent model for one of the five lecture topologies: encoder stack, optional decoder stack, linear readout,
// with the forward pass (which stores everything BPTT needs) and the exact backward pass over one sequence.
//
// Which steps are read out and scored (docs/maths.md, "Losses"; dataset.ts):
//   one-to-one       a single step (T = 1, no recurrence over time); its output is scored.
//   many-to-one      T input steps; only ŷ at the last step is scored.
//   many-to-many-synced  T input steps; ŷ_t at every step is scored (targetLength = T).
//   one-to-many      one input vector x generates N = targetLength outputs: x is fed at step 1 and zeros afterwards
//                    (oneToManyInput 'first-step') or x at every step ('every-step'); every step is scored.
//   many-to-many-encoder-decoder
//                    the encoder reads T inputs (no readout); the decoder (second stack `decoder.*`, same cell and
//                    sizes, parameterLayout.ts) starts from the encoder's final h (and c) in every layer and runs
//                    M = targetLength steps (M ≠ T allowed). Its layer-0 input at step j is its own previous
//                    prediction ŷ_{j−1} (ŷ_{−1} = 0: a zero start token), at training and inference alike (no teacher
//                    forcing), so the exact gradient also flows from ŷ_j into step j+1. Only decoder steps are
//                    read out and scored.
//
// Mini-batches: the loss is averaged over every scored value of every sequence in the batch (bptt.ts), and the
// gradients of the sequences are summed into `gradients`.
import { DECODER_PREFIX, parameterLayout } from './parameterLayout';
import { Readout } from './readout';
import { RecurrentStack, requireData } from './recurrentStack';
import type { LstmLayer } from './cells/lstmLayer';
import { CELL_KINDS, LOSS_KINDS, MAX_LAYERS, NONLINEARITIES, type ModelConfig } from './modelConfig';
import { TOPOLOGY_IDS } from './dataset';
import { createTensor, zerosLike, type ParameterSet } from './tensor';

/** The part of a SequenceExample the forward pass reads. */
export interface SequenceInput {
  readonly inputLength: number;
  /** [inputLength × inputSize], row-major. */
  readonly inputs: Float64Array;
  /** Scored/generated steps: N for one-to-many, M for the encoder–decoder, T for synced, 1 otherwise. */
  readonly targetLength: number;
}

/** Recurrent state of every layer, flat [L × H] (h), and [L × H] (c) for LSTM. */
export interface RecurrentState {
  readonly hidden: Float64Array;
  readonly cell: Float64Array | null;
}

type ScoringMode = 'last' | 'every' | 'decoder';

function scoringMode(config: ModelConfig): ScoringMode {
  switch (config.topology) {
    case 'one-to-one':
    case 'many-to-one':
      return 'last';
    case 'many-to-many-synced':
    case 'one-to-many':
      return 'every';
    case 'many-to-many-encoder-decoder':
      return 'decoder';
  }
}

/** Zero-filled parameters with the PyTorch names and shapes of parameterLayout.ts. */
export function createZeroParameters(config: ModelConfig): ParameterSet {
  return { tensors: parameterLayout(config).map((spec) => createTensor(spec.name, spec.shape)) };
}

/** Throws an Error naming the first invalid field of a model configuration. */
export function validateModelConfig(config: ModelConfig): void {
  const positiveInteger = (name: string, value: number, max = Number.MAX_SAFE_INTEGER): void => {
    if (!Number.isInteger(value) || value < 1 || value > max) {
      throw new Error(`model config: ${name} must be an integer from 1 to ${max}, got ${String(value)}`);
    }
  };
  if (!CELL_KINDS.includes(config.cell)) throw new Error(`model config: cell must be one of ${CELL_KINDS.join('|')}`);
  if (!NONLINEARITIES.includes(config.nonlinearity)) {
    throw new Error(`model config: nonlinearity must be one of ${NONLINEARITIES.join('|')}`);
  }
  if (!TOPOLOGY_IDS.includes(config.topology)) {
    throw new Error(`model config: topology must be one of ${TOPOLOGY_IDS.join('|')}`);
  }
  if (!LOSS_KINDS.includes(config.loss)) throw new Error(`model config: loss must be one of ${LOSS_KINDS.join('|')}`);
  positiveInteger('inputSize', config.inputSize);
  positiveInteger('hiddenSize', config.hiddenSize);
  positiveInteger('outputSize', config.outputSize);
  positiveInteger('numLayers', config.numLayers, MAX_LAYERS);
  positiveInteger('outputLength', config.outputLength);
  if (config.loss === 'xent' && config.outputSize < 2) {
    throw new Error('model config: cross-entropy needs outputSize ≥ 2 (the number of classes)');
  }
}

export class RecurrentModel {
  readonly encoder: RecurrentStack;
  /** Only for the encoder–decoder topology. */
  readonly decoder: RecurrentStack | null;
  readonly readout: Readout;
  readonly gradients: ParameterSet;
  private readonly mode: ScoringMode;

  /** ŷ of the scored steps of the last forward pass, [scoredSteps × O] (logits for cross-entropy). */
  outputs: Float64Array = new Float64Array(0);
  scoredSteps = 0;
  encoderSteps = 0;
  decoderSteps = 0;
  /** ∂J/∂ŷ of the scored steps, [scoredSteps × O]: scratch the loss writes and backward reads (bptt.ts). */
  outputGradient: Float64Array = new Float64Array(0);

  /** one-to-many: the encoder's inputs built from the single input vector. */
  private generatedInputs: Float64Array = new Float64Array(0);
  /** Decoder inputs [(M+1) × O]: row j is ŷ_{j−1}, row 0 the zero start token. */
  private decoderFeed: Float64Array = new Float64Array(0);
  /** ∂J/∂ŷ_{j−1} collected from decoder step j's layer-0 W_ihᵀ dz. */
  private readonly decoderFeedGradient: Float64Array;
  /** ∂J/∂ŷ_j of the decoder step being back-propagated (loss term + feedback). */
  private readonly decoderOutputGradient: Float64Array;

  constructor(
    readonly config: ModelConfig,
    public parameters: ParameterSet = createZeroParameters(config),
  ) {
    validateModelConfig(config);
    checkParameterShapes(config, parameters);
    this.mode = scoringMode(config);
    this.gradients = zerosLike(parameters);
    this.encoder = new RecurrentStack(config, config.inputSize, parameters, this.gradients, '');
    this.decoder =
      this.mode === 'decoder'
        ? new RecurrentStack(config, config.outputSize, parameters, this.gradients, DECODER_PREFIX)
        : null;
    this.readout = new Readout(config.hiddenSize, config.outputSize, bindReadout(parameters), bindReadout(this.gradients));
    this.decoderFeedGradient = new Float64Array(config.outputSize);
    this.decoderOutputGradient = new Float64Array(config.outputSize);
    this.decoder?.setInputGradientTarget(this.decoderFeedGradient);
  }

  /** Replaces the parameter values (same names and shapes), e.g. after loading a model file. */
  setParameters(parameters: ParameterSet): void {
    checkParameterShapes(this.config, parameters);
    this.parameters = parameters;
    this.encoder.rebind(parameters, this.gradients);
    this.decoder?.rebind(parameters, this.gradients);
    this.readout.parameters = bindReadout(parameters);
  }

  zeroGradients(): void {
    for (const tensor of this.gradients.tensors) tensor.data.fill(0);
  }

  /** Recurrent steps the encoder runs for this sequence. */
  encoderStepsFor(example: SequenceInput): number {
    switch (this.config.topology) {
      case 'one-to-one':
        return 1;
      case 'one-to-many':
        return example.targetLength;
      default:
        return example.inputLength;
    }
  }

  /** Recurrent steps (encoder + decoder) of one forward pass: what "timesteps/s" counts. */
  recurrentStepsFor(example: SequenceInput): number {
    return this.encoderStepsFor(example) + (this.mode === 'decoder' ? example.targetLength : 0);
  }

  /**
   * Forward pass over one sequence; ŷ of the scored steps lands in `outputs`, and every layer keeps the states and
   * gates of every step for `backward`. `initialState` (default zeros) sets h_{−1} (and c_{−1}) of the encoder.
   * Returns the number of scored steps.
   */
  forward(example: SequenceInput, initialState: RecurrentState | null = null): number {
    const { inputSize: I, outputSize: O, hiddenSize: H } = this.config;
    const T = this.encoderStepsFor(example);
    const M = this.mode === 'decoder' ? example.targetLength : 0;
    this.ensureCapacity(T, M);
    this.encoderSteps = T;
    this.decoderSteps = M;
    this.scoredSteps = this.mode === 'last' ? 1 : this.mode === 'every' ? T : M;

    const encoder = this.encoder;
    if (this.config.topology === 'one-to-many') {
      // x at step 1, then zeros ('first-step') or x again ('every-step')
      const generated = this.generatedInputs;
      const repeat = this.config.oneToManyInput === 'every-step';
      const x = example.inputs; // read once (a one-hot example builds its rows on access)
      for (let t = 0; t < T; t++) {
        for (let k = 0; k < I; k++) generated[t * I + k] = t === 0 || repeat ? x[k] : 0;
      }
      encoder.setInput(generated, 0);
    } else {
      encoder.setInput(example.inputs, 0);
    }
    encoder.setInitialState(initialState === null ? null : initialState.hidden, initialState === null ? null : initialState.cell);

    const top = encoder.top;
    const readout = this.readout;
    const outputs = this.outputs;
    for (let t = 0; t < T; t++) {
      encoder.forwardStep(t);
      // ŷ_t = W_out h_t + b_out at every scored step (synced, one-to-many)
      if (this.mode === 'every') readout.forward(top.hiddenStates, (t + 1) * H, outputs, t * O);
    }
    // many-to-one, one-to-one: only the last step is read out
    if (this.mode === 'last') readout.forward(top.hiddenStates, T * H, outputs, 0);

    const decoder = this.decoder;
    if (decoder !== null) {
      // decoder h_{−1} (and c_{−1}) = the encoder's final state, layer by layer
      decoder.setInitialStateFrom(encoder, T);
      const feed = this.decoderFeed;
      for (let o = 0; o < O; o++) feed[o] = 0;
      const decoderTop = decoder.top;
      for (let j = 0; j < M; j++) {
        decoder.forwardStep(j);
        // ŷ_j = W_out h_j + b_out, stored as the decoder's next input (row j+1 of the feed) and as output j
        readout.forward(decoderTop.hiddenStates, (j + 1) * H, feed, (j + 1) * O);
        for (let o = 0; o < O; o++) outputs[j * O + o] = feed[(j + 1) * O + o];
      }
    }
    return this.scoredSteps;
  }

  /**
   * Backward pass (BPTT) of the last forward pass given ∂J/∂ŷ of its scored steps ([scoredSteps × O]). Adds the
   * parameter gradients into `gradients` (unless `accumulateParameterGradients` is false: diagnostics only) and
   * leaves in every layer the total ∂J/∂h_t (hiddenGradients, hiddenGradientNorms) and, for LSTM, ‖∂J/∂c_t‖.
   */
  backward(outputGradient: Float64Array, accumulateParameterGradients = true): void {
    const H = this.config.hiddenSize;
    const O = this.config.outputSize;
    const T = this.encoderSteps;
    const encoder = this.encoder;
    const top = encoder.top;
    const readout = this.readout;
    const decoder = this.decoder;

    if (decoder !== null) {
      const M = this.decoderSteps;
      const decoderTop = decoder.top;
      const feedGradient = this.decoderFeedGradient;
      const dy = this.decoderOutputGradient;
      decoder.beginBackward(null);
      feedGradient.fill(0);
      for (let j = M - 1; j >= 0; j--) {
        // ∂J/∂ŷ_j = its loss term + what ŷ_j did as the input of decoder step j+1 (collected at step j+1)
        for (let o = 0; o < O; o++) {
          dy[o] = outputGradient[j * O + o] + feedGradient[o];
          feedGradient[o] = 0;
        }
        // readout: dW_out += dŷ_j h_jᵀ, db_out += dŷ_j, dh_j += W_outᵀ dŷ_j
        readout.backward(dy, 0, decoderTop.hiddenStates, (j + 1) * H, decoderTop.hiddenGradientFromAbove, accumulateParameterGradients);
        // through the decoder's cells at step j (layer 0 adds ∂J/∂ŷ_{j−1} into feedGradient)
        decoder.backwardStep(j, false);
      }
      // the decoder's weight gradients, summed over its M steps at once
      if (accumulateParameterGradients) decoder.addParameterGradients(M);
      // after step 0 the feed gradient is ∂J/∂(start token), a constant: discarded.
      // The decoder's ∂J/∂h_{−1} (and ∂J/∂c_{−1}) is the gradient at the encoder's final state.
      encoder.beginBackward(decoder);
      for (let t = T - 1; t >= 0; t--) encoder.backwardStep(t, false);
      if (accumulateParameterGradients) encoder.addParameterGradients(T);
      return;
    }

    encoder.beginBackward(null);
    for (let t = T - 1; t >= 0; t--) {
      if (this.mode === 'every') {
        // readout at step t: dW_out += dŷ_t h_tᵀ, db_out += dŷ_t, dh_t += W_outᵀ dŷ_t
        readout.backward(outputGradient, t * O, top.hiddenStates, (t + 1) * H, top.hiddenGradientFromAbove, accumulateParameterGradients);
      } else if (t === T - 1) {
        // only the last step is scored
        readout.backward(outputGradient, 0, top.hiddenStates, T * H, top.hiddenGradientFromAbove, accumulateParameterGradients);
      }
      encoder.backwardStep(t, false);
    }
    // the weight gradients dW = Σ_t dz_t (input_t)ᵀ of every layer, summed over the sequence at once (kernels/stepSums.ts)
    if (accumulateParameterGradients) encoder.addParameterGradients(T);
  }

  /** The encoder's state after the last forward pass (for carrying state across chunks, e.g. truncated BPTT). */
  finalState(): RecurrentState {
    const size = this.config.numLayers * this.config.hiddenSize;
    const hidden = new Float64Array(size);
    const cell = this.config.cell === 'lstm' ? new Float64Array(size) : null;
    this.encoder.copyState(this.encoderSteps, hidden, cell);
    return { hidden, cell };
  }

  /** ‖∂J/∂h_t‖₂ of the last backward pass, [L][T] (encoder; decoder steps via `decoderHiddenGradientNorms`). */
  hiddenGradientNorms(): number[][] {
    return this.encoder.layers.map((layer) => Array.from(layer.hiddenGradientNorms.subarray(0, this.encoderSteps)));
  }

  /** ‖∂J/∂c_t‖₂ of the last backward pass, [L][T]; null unless LSTM. */
  cellGradientNorms(): number[][] | null {
    if (this.config.cell !== 'lstm') return null;
    return this.encoder.layers.map((layer) =>
      Array.from((layer as LstmLayer).cellGradientNorms.subarray(0, this.encoderSteps)),
    );
  }

  /** Encoder–decoder only: ‖∂J/∂h_j‖₂ over the decoder's M steps, [L][M]. */
  decoderHiddenGradientNorms(): number[][] | null {
    if (this.decoder === null) return null;
    return this.decoder.layers.map((layer) => Array.from(layer.hiddenGradientNorms.subarray(0, this.decoderSteps)));
  }

  /** Encoder–decoder LSTM only: ‖∂J/∂c_j‖₂ over the decoder's steps, [L][M]. */
  decoderCellGradientNorms(): number[][] | null {
    if (this.decoder === null || this.config.cell !== 'lstm') return null;
    return this.decoder.layers.map((layer) =>
      Array.from((layer as LstmLayer).cellGradientNorms.subarray(0, this.decoderSteps)),
    );
  }

  private ensureCapacity(encoderSteps: number, decoderSteps: number): void {
    const { inputSize: I, outputSize: O } = this.config;
    this.encoder.ensureCapacity(encoderSteps);
    if (this.decoder !== null) {
      this.decoder.ensureCapacity(decoderSteps);
      if (this.decoderFeed.length < (decoderSteps + 1) * O) {
        this.decoderFeed = new Float64Array((decoderSteps + 1) * O);
        // the decoder's layer 0 reads row j of the feed (ŷ_{j−1}) at step j
        this.decoder.setInput(this.decoderFeed, 0);
      }
    }
    if (this.config.topology === 'one-to-many' && this.generatedInputs.length < encoderSteps * I) {
      this.generatedInputs = new Float64Array(encoderSteps * I);
    }
    const scored = this.mode === 'last' ? 1 : this.mode === 'every' ? encoderSteps : decoderSteps;
    if (this.outputs.length < scored * O) {
      this.outputs = new Float64Array(scored * O);
      this.outputGradient = new Float64Array(scored * O);
    }
  }
}

function bindReadout(set: ParameterSet): { weight: Float64Array; bias: Float64Array } {
  return { weight: requireData(set, 'weight_out'), bias: requireData(set, 'bias_out') };
}

/** Every tensor of parameterLayout(config) must be present with exactly its size (names are PyTorch's). */
function checkParameterShapes(config: ModelConfig, parameters: ParameterSet): void {
  for (const spec of parameterLayout(config)) {
    const tensor = parameters.tensors.find((t) => t.name === spec.name);
    const expected = spec.shape.reduce((a, b) => a * b, 1);
    if (tensor === undefined) throw new Error(`parameter "${spec.name}" is missing`);
    if (tensor.data.length !== expected) {
      throw new Error(`parameter "${spec.name}" has ${tensor.data.length} values; expected ${spec.shape.join('×')} = ${expected}`);
    }
  }
}
