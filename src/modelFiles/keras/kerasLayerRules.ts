// How each Keras layer changes the time axis — the only thing topology depends on. Shapes follow Keras' own
// compute_output_shape; per-layer config keys are read in their Keras 2/3 spelling with the Keras 1 spelling as a
// fallback (units/output_dim, kernel_size/filter_length, strides/subsample_length, pool_size/pool_length,
// padding/border_mode).
import type { JsonObjectNode } from '../json/locatedJson';
import { booleanProperty, propertyValue, shapeValue, stringProperty } from '../json/jsonNavigation';
import { nestedLayer, type KerasLayer } from './kerasLayers';
import {
  mergedProvenance,
  productOfDims,
  sequenceTensor,
  staticTensor,
  withLastDim,
  type Dims,
  type SymbolicTensor,
} from './symbolicTensor';

export const RECURRENT_CLASSES: readonly string[] = [
  'SimpleRNN', 'LSTM', 'GRU', 'CuDNNLSTM', 'CuDNNGRU', 'RNN', 'ConvLSTM1D', 'ConvLSTM2D', 'ConvLSTM3D',
];

/** Layers that act on every step (or element) and leave the time axis as it is. */
const SHAPE_PRESERVING_CLASSES: readonly string[] = [
  'Dropout', 'SpatialDropout1D', 'GaussianNoise', 'GaussianDropout', 'AlphaDropout', 'ActivityRegularization',
  'Activation', 'LeakyReLU', 'ReLU', 'PReLU', 'ELU', 'Softmax', 'ThresholdedReLU',
  'BatchNormalization', 'LayerNormalization', 'UnitNormalization', 'Normalization', 'Rescaling', 'Masking',
];

const MERGE_CLASSES: readonly string[] = ['Concatenate', 'Add', 'Subtract', 'Multiply', 'Average', 'Maximum', 'Minimum', 'Dot'];
/** Attention returns one vector per query step: the shape of its first input. */
const ATTENTION_CLASSES: readonly string[] = ['Attention', 'AdditiveAttention', 'MultiHeadAttention'];
const GLOBAL_POOLING_CLASSES: readonly string[] = [
  'GlobalMaxPooling1D', 'GlobalAveragePooling1D', 'GlobalMaxPool1D', 'GlobalAvgPool1D',
  'GlobalMaxPooling2D', 'GlobalAveragePooling2D', 'GlobalMaxPool2D', 'GlobalAvgPool2D',
];
const POOLING_1D_CLASSES: readonly string[] = ['MaxPooling1D', 'AveragePooling1D', 'MaxPool1D', 'AvgPool1D'];
const CONV_1D_CLASSES: readonly string[] = ['Conv1D', 'SeparableConv1D', 'DepthwiseConv1D'];

/** What a recurrent call did, for the topology decision and its explanation. */
export interface RecurrentObservation {
  readonly layer: string;
  /** "LSTM", "Bidirectional(GRU)", "RNN(LSTMCell)". */
  readonly cell: string;
  readonly returnSequences: boolean;
  readonly returnState: boolean;
  readonly stateful: boolean;
  readonly inputHasTimeAxis: boolean;
  readonly inputTimeLength: number | null;
  /** Initial states handed to this layer (extra inbound tensors or `initial_state=`). */
  readonly initialStates: readonly SymbolicTensor[];
}

export interface RepeatObservation {
  readonly layer: string;
  readonly n: number | null;
  /** The repeated vector summarises an input sequence (encoder) rather than a single input (one-to-many). */
  readonly repeatsEncodedSequence: boolean;
}

export interface ModelObservations {
  readonly recurrent: RecurrentObservation[];
  readonly repeats: RepeatObservation[];
  /** Reshape layers that turned a tensor without time axis into a sequence (e.g. OCR's CNN → RNN). */
  readonly reshapedIntoSequence: string[];
  /** Layers this module does not know; assumed to keep the shape. */
  readonly assumedShapePreserving: string[];
}

export function emptyObservations(): ModelObservations {
  return { recurrent: [], repeats: [], reshapedIntoSequence: [], assumedShapePreserving: [] };
}

export function isRecurrentLayer(layer: Pick<KerasLayer, 'className'>): boolean {
  return RECURRENT_CLASSES.includes(layer.className);
}

function integerConfig(config: JsonObjectNode | undefined, ...keys: string[]): number | null {
  for (const key of keys) {
    const value = propertyValue(config, key);
    if (value?.kind === 'number' && Number.isInteger(value.value)) return value.value;
    // Keras 2/3 write kernel_size, strides, pool_size as one-element lists.
    const list = shapeValue(value);
    if (list !== undefined && list.length === 1) return list[0] ?? null;
  }
  return null;
}

function unitsOf(layer: KerasLayer): number | null {
  const direct = integerConfig(layer.config, 'units', 'output_dim', 'filters', 'nb_filter');
  if (direct !== null) return direct;
  const cell = nestedLayer(layer.config, 'cell');
  return cell === undefined ? null : integerConfig(cell.config, 'units');
}

/** LSTM carries (h, c); the other cells carry h only. */
function stateCount(layer: KerasLayer): number {
  if (layer.className === 'LSTM' || layer.className === 'CuDNNLSTM' || layer.className.startsWith('ConvLSTM')) return 2;
  if (layer.className === 'RNN') {
    const cell = nestedLayer(layer.config, 'cell');
    return cell?.className === 'LSTMCell' ? 2 : 1;
  }
  return 1;
}

export function cellLabel(layer: KerasLayer): string {
  if (layer.className === 'RNN') {
    const cell = nestedLayer(layer.config, 'cell');
    return cell === undefined ? 'RNN' : `RNN(${cell.className})`;
  }
  if (layer.className === 'Bidirectional') {
    const inner = nestedLayer(layer.config, 'layer');
    return `Bidirectional(${inner === undefined ? '?' : cellLabel(inner)})`;
  }
  return layer.className;
}

/** Output length of a 1-D convolution or pooling along time: Keras' conv_output_length. */
export function convolvedLength(
  length: number | null,
  window: number,
  stride: number,
  padding: string,
  dilation = 1,
): number | null {
  if (length === null) return null;
  if (padding === 'same' || padding === 'causal') return Math.ceil(length / stride);
  const effectiveWindow = (window - 1) * dilation + 1;
  // 'valid': floor((T − (k−1)d − 1) / s) + 1
  return Math.max(0, Math.floor((length - effectiveWindow) / stride) + 1);
}

/**
 * Applies one layer call. `inputs[0]` is the main input; for recurrent layers the remaining inputs and
 * `explicitInitialState` are initial states (Keras 2 appends them to the call's input list).
 * Returns the call's outputs in Keras order (an RNN with return_state: output, then its states).
 */
export function applyLayer(
  layer: KerasLayer,
  inputs: readonly SymbolicTensor[],
  explicitInitialState: readonly SymbolicTensor[],
  observations: ModelObservations,
): SymbolicTensor[] {
  const input = inputs[0];
  if (input === undefined) return [];
  const config = layer.config;
  const className = layer.className;

  if (isRecurrentLayer(layer) || className === 'Bidirectional') {
    return applyRecurrent(layer, input, [...inputs.slice(1), ...explicitInitialState], observations);
  }
  if (className === 'TimeDistributed') return [applyTimeDistributed(layer, input, observations)];
  if (className === 'RepeatVector') {
    const n = integerConfig(config, 'n');
    observations.repeats.push({ layer: layer.name, n, repeatsEncodedSequence: input.fromSequence });
    return [sequenceTensor(n, input.stepDims, input)];
  }
  if (className === 'Embedding') {
    const outputDim = integerConfig(config, 'output_dim');
    const length = input.timeAxis ? input.timeLength : (input.stepDims?.[0] ?? null);
    return [{ ...sequenceTensor(length ?? integerConfig(config, 'input_length'), [outputDim], input), fromSequence: true }];
  }
  if (className === 'Dense') {
    const units = unitsOf(layer);
    return [input.timeAxis ? sequenceTensor(input.timeLength, withLastDim(input.stepDims, units), input) : { ...input, stepDims: withLastDim(input.stepDims, units), recurrentState: false, stateOf: null }];
  }
  if (CONV_1D_CLASSES.includes(className)) {
    const kernel = integerConfig(config, 'kernel_size', 'filter_length') ?? 1;
    const stride = integerConfig(config, 'strides', 'subsample_length') ?? 1;
    const dilation = integerConfig(config, 'dilation_rate') ?? 1;
    const padding = stringProperty(config, 'padding') ?? stringProperty(config, 'border_mode') ?? 'valid';
    const filters = unitsOf(layer);
    if (!input.timeAxis) return [staticTensor(input.stepDims, input)];
    return [sequenceTensor(convolvedLength(input.timeLength, kernel, stride, padding, dilation), [filters], input)];
  }
  if (POOLING_1D_CLASSES.includes(className)) {
    const pool = integerConfig(config, 'pool_size', 'pool_length') ?? 2;
    const stride = integerConfig(config, 'strides', 'stride') ?? pool;
    const padding = stringProperty(config, 'padding') ?? stringProperty(config, 'border_mode') ?? 'valid';
    if (!input.timeAxis) return [input];
    return [sequenceTensor(convolvedLength(input.timeLength, pool, stride, padding), input.stepDims, input)];
  }
  if (className === 'UpSampling1D') {
    const size = integerConfig(config, 'size', 'length') ?? 2;
    return [input.timeAxis ? sequenceTensor(input.timeLength === null ? null : input.timeLength * size, input.stepDims, input) : input];
  }
  if (GLOBAL_POOLING_CLASSES.includes(className)) {
    const channels = input.stepDims === null ? null : (input.stepDims[input.stepDims.length - 1] ?? null);
    return [staticTensor([channels], input)];
  }
  if (className === 'Flatten') {
    const size = productOfDims(input.stepDims);
    const total = input.timeAxis ? (size === null || input.timeLength === null ? null : size * input.timeLength) : size;
    return [staticTensor([total], input)];
  }
  if (className === 'Reshape') return [applyReshape(layer, input, observations)];
  if (className === 'Permute') return [input];
  if (MERGE_CLASSES.includes(className)) return [applyMerge(layer, inputs)];
  if (ATTENTION_CLASSES.includes(className)) return [{ ...input, ...mergedProvenance(inputs), recurrentState: false, stateOf: null }];
  if (SHAPE_PRESERVING_CLASSES.includes(className)) return [input];
  if (/^(Conv|MaxPooling|AveragePooling|MaxPool|AvgPool|ZeroPadding|Cropping|UpSampling)[23]D$/.test(className) || className === 'SeparableConv2D' || className === 'DepthwiseConv2D' || className === 'Conv2DTranspose') {
    // Image layers keep "no time axis" (they run per frame inside TimeDistributed); exact spatial sizes do not matter.
    return [input.timeAxis ? sequenceTensor(input.timeLength, null, input) : staticTensor(input.stepDims === null ? null : input.stepDims.map(() => null), input)];
  }
  observations.assumedShapePreserving.push(`${layer.name} (${className})`);
  return [input];
}

function applyRecurrent(
  layer: KerasLayer,
  input: SymbolicTensor,
  initialStates: readonly SymbolicTensor[],
  observations: ModelObservations,
): SymbolicTensor[] {
  const bidirectional = layer.className === 'Bidirectional';
  const recurrent = bidirectional ? nestedLayer(layer.config, 'layer') : layer;
  const config = recurrent?.config;
  const returnSequences = booleanProperty(config, 'return_sequences', false);
  const returnState = booleanProperty(config, 'return_state', false);
  // A Bidirectional wrapper is stateful when its inner layer is.
  const stateful = booleanProperty(config, 'stateful', false) || booleanProperty(layer.config, 'stateful', false);
  // Without a time axis (e.g. a Reshape the shapes did not reveal), the recurrent layer reads axis 0 as time.
  const timeLength = input.timeAxis ? input.timeLength : (input.stepDims !== null && input.stepDims.length >= 2 ? input.stepDims[0] ?? null : null);
  observations.recurrent.push({
    layer: layer.name,
    cell: cellLabel(layer),
    returnSequences,
    returnState,
    stateful,
    inputHasTimeAxis: input.timeAxis,
    inputTimeLength: timeLength,
    initialStates,
  });

  const units = recurrent === undefined ? null : unitsOf(recurrent);
  const mergeModeNode = propertyValue(layer.config, 'merge_mode');
  const mergeMode = bidirectional ? (mergeModeNode?.kind === 'null' ? null : (stringProperty(layer.config, 'merge_mode') ?? 'concat')) : 'single';
  const width = units !== null && mergeMode === 'concat' ? 2 * units : units;
  const source: SymbolicTensor = { ...input, ...mergedProvenance([input, ...initialStates]), passedRecurrent: true };
  // ConvLSTM keeps a feature map per step; only the time axis matters here.
  const stepDims = layer.className.startsWith('ConvLSTM') || recurrent?.className.startsWith('ConvLSTM') === true ? null : [width];
  const output = returnSequences
    ? sequenceTensor(timeLength, stepDims, source)
    : { ...staticTensor(stepDims, { ...source, timeAxis: true }), summarisedSequence: true };
  const outputs: SymbolicTensor[] = mergeMode === null ? [output, { ...output }] : [output];
  if (returnState) {
    const states = (recurrent === undefined ? 1 : stateCount(recurrent)) * (bidirectional ? 2 : 1);
    for (let i = 0; i < states; i++) {
      outputs.push({ ...staticTensor([units], { ...source, timeAxis: true }), summarisedSequence: true, recurrentState: true, stateOf: layer.name });
    }
  }
  return outputs;
}

function applyTimeDistributed(layer: KerasLayer, input: SymbolicTensor, observations: ModelObservations): SymbolicTensor {
  const inner = nestedLayer(layer.config, 'layer');
  if (inner === undefined) return input;
  const step = staticTensor(input.stepDims, { ...input, timeAxis: false });
  const [stepOutput] = applyLayer(inner, [step], [], observations);
  return sequenceTensor(input.timeAxis ? input.timeLength : null, stepOutput?.stepDims ?? null, input);
}

/**
 * Reshape's target_shape excludes the batch. Rank 2 means (steps, features): a sequence — this is how OCR models
 * turn a CNN feature map into the RNN's input. Rank 1 flattens; rank ≥ 3 keeps an image-like tensor.
 */
function applyReshape(layer: KerasLayer, input: SymbolicTensor, observations: ModelObservations): SymbolicTensor {
  const target = shapeValue(propertyValue(layer.config, 'target_shape') ?? propertyValue(layer.config, 'dims'));
  if (target === undefined) return input;
  const known = target.map((dim) => (dim === -1 ? null : dim));
  if (known.length === 2) {
    if (!input.timeAxis) observations.reshapedIntoSequence.push(layer.name);
    return sequenceTensor(known[0] ?? null, [known[1] ?? null], input);
  }
  if (known.length === 1) return staticTensor(known, input);
  if (input.timeAxis) return sequenceTensor(known[0] ?? null, known.slice(1), input);
  return staticTensor(known, input);
}

function applyMerge(layer: KerasLayer, inputs: readonly SymbolicTensor[]): SymbolicTensor {
  const provenance = mergedProvenance(inputs);
  const sequence = inputs.find((t) => t.timeAxis);
  let lastDim: number | null = null;
  if (layer.className === 'Concatenate') {
    let sum: number | null = 0;
    for (const tensor of inputs) {
      const dim = tensor.stepDims?.[tensor.stepDims.length - 1] ?? null;
      sum = sum === null || dim === null ? null : sum + dim;
    }
    lastDim = sum;
  } else {
    const first = inputs[0];
    lastDim = first?.stepDims?.[first.stepDims.length - 1] ?? null;
  }
  const base = sequence ?? inputs[0];
  if (base === undefined) return staticTensor(null, null);
  const dims: Dims | null = withLastDim(base.stepDims, lastDim);
  if (sequence !== undefined) return { ...sequenceTensor(sequence.timeLength, dims, sequence), ...provenance };
  return { ...staticTensor(dims, base), ...provenance, recurrentState: false };
}
