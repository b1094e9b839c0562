// Runs a Keras model symbolically: from its input shapes through every layer call to its outputs, recording what
// the recurrent layers and RepeatVectors did. Sequential models are a chain; functional models ("Functional",
// "Model") are a graph whose calls are resolved once all their input tensors are known, so the order of the layers
// list does not matter. A nested model used as a layer is walked with the tensors it is called on.
import type { JsonObjectNode } from '../json/locatedJson';
import { numberProperty, propertyValue, shapeValue } from '../json/jsonNavigation';
import { KERAS_MODEL_CLASSES, kerasLayersNode } from '../modelDocument';
import { nestedLayer, readEndpointRefs, readKerasLayers, type KerasLayer, type TensorRef } from './kerasLayers';
import { applyLayer, isRecurrentLayer, type ModelObservations } from './kerasLayerRules';
import { inputTensor, type Dims, type SymbolicTensor } from './symbolicTensor';

export interface ModelWalk {
  readonly inputs: readonly SymbolicTensor[];
  readonly outputs: readonly SymbolicTensor[];
  readonly layerCount: number;
  /** Why the walk could not finish (a reference to a missing layer …); null when it did. */
  readonly problem: string | null;
}

/** Consumers whose presence makes a model input a sequence whatever its rank. */
const SEQUENCE_CONSUMERS: readonly string[] = ['Embedding', 'TimeDistributed', 'Conv1D', 'MaxPooling1D', 'AveragePooling1D', 'Bidirectional'];

function tensorKey(layer: string, nodeIndex: number, tensorIndex: number): string {
  return `${layer}\u0000${nodeIndex}\u0000${tensorIndex}`;
}

/**
 * The per-sample input shape a layer declares: `batch_input_shape` / `batch_shape` without the batch axis,
 * `input_shape`, or Keras 1's `input_length` + `input_dim`.
 */
export function declaredInputDims(layer: KerasLayer): Dims | undefined {
  const config = layer.config;
  for (const key of ['batch_input_shape', 'batch_shape', 'batchInputShape']) {
    const shape = shapeValue(propertyValue(config, key));
    if (shape !== undefined && shape.length >= 1) return shape.slice(1);
  }
  const inputShape = shapeValue(propertyValue(config, 'input_shape'));
  if (inputShape !== undefined) return inputShape;
  const inputDim = numberProperty(config, 'input_dim');
  const inputLength = numberProperty(config, 'input_length');
  if (layer.className === 'Embedding') return inputLength === undefined ? undefined : [inputLength];
  if (inputDim !== undefined) {
    return isRecurrentLayer(layer) || layer.className === 'Conv1D' ? [inputLength ?? null, inputDim] : [inputDim];
  }
  return undefined;
}

/** Whether a model input of this shape is a sequence, judged by its rank and by the layers that read it. */
function inputIsSequence(dims: Dims | undefined, consumers: readonly KerasLayer[]): boolean {
  const readsSequences = consumers.some((c) => isRecurrentLayer(c) || SEQUENCE_CONSUMERS.includes(c.className));
  if (dims === undefined) return readsSequences;
  if (dims.length === 1) return consumers.some((c) => c.className === 'Embedding');
  if (dims.length === 2) return true; // Keras' (timesteps, features)
  return consumers.some((c) => c.className === 'TimeDistributed' || isRecurrentLayer(c));
}

export function walkModel(model: JsonObjectNode, observations: ModelObservations, boundInputs?: readonly SymbolicTensor[]): ModelWalk {
  const layers = readKerasLayers(kerasLayersNode(model));
  const functional = layers.some((layer) => layer.calls.length > 0) || propertyValue(propertyValue(model, 'config'), 'input_layers') !== undefined;
  return functional ? walkFunctional(model, layers, observations, boundInputs) : walkSequential(model, layers, observations, boundInputs);
}

function walkSequential(
  model: JsonObjectNode,
  layers: readonly KerasLayer[],
  observations: ModelObservations,
  boundInputs?: readonly SymbolicTensor[],
): ModelWalk {
  const body = layers.filter((layer) => layer.className !== 'InputLayer');
  let input = boundInputs?.[0];
  if (input === undefined) {
    const inputLayer = layers.find((layer) => layer.className === 'InputLayer');
    const first = body[0];
    const declared =
      (inputLayer === undefined ? undefined : declaredInputDims(inputLayer)) ??
      (first === undefined ? undefined : declaredInputDims(first)) ??
      buildInputDims(model);
    input = inputTensor(inputIsSequence(declared, first === undefined ? [] : [first]), declared ?? null);
  }
  let current = input;
  for (const layer of body) {
    const [output] = callLayer(layer, [current], [], observations);
    if (output === undefined) return { inputs: [input], outputs: [current], layerCount: body.length, problem: `layer ${layer.name} gave no output` };
    current = output;
  }
  return { inputs: [input], outputs: [current], layerCount: body.length, problem: null };
}

/** Keras 3 Sequential stores the input shape in `config.build_input_shape` or `build_config.input_shape`. */
function buildInputDims(model: JsonObjectNode): Dims | undefined {
  const shape =
    shapeValue(propertyValue(propertyValue(model, 'config'), 'build_input_shape')) ??
    shapeValue(propertyValue(propertyValue(model, 'build_config'), 'input_shape'));
  return shape === undefined || shape.length < 2 ? undefined : shape.slice(1);
}

function walkFunctional(
  model: JsonObjectNode,
  layers: readonly KerasLayer[],
  observations: ModelObservations,
  boundInputs?: readonly SymbolicTensor[],
): ModelWalk {
  const config = propertyValue(model, 'config');
  const inputRefs = readEndpointRefs(propertyValue(config, 'input_layers'));
  const outputRefs = readEndpointRefs(propertyValue(config, 'output_layers'));
  const tensors = new Map<string, SymbolicTensor>();

  const inputLayerNames = inputRefs.length > 0 ? inputRefs.map((ref) => ref.layer) : layers.filter((l) => l.className === 'InputLayer').map((l) => l.name);
  inputLayerNames.forEach((name, index) => {
    const bound = boundInputs?.[index];
    if (bound !== undefined) {
      tensors.set(tensorKey(name, 0, 0), bound);
      return;
    }
    const layer = layers.find((l) => l.name === name);
    const consumers = layers.filter((l) => l.calls.some((call) => call.inputs.some((ref) => ref.layer === name)));
    const declared = layer === undefined ? undefined : declaredInputDims(layer);
    tensors.set(tensorKey(name, 0, 0), inputTensor(inputIsSequence(declared, consumers), declared ?? null));
  });

  // Resolve calls whose inputs are known, pass after pass, until nothing changes.
  const pending: { layer: KerasLayer; callIndex: number }[] = [];
  for (const layer of layers) {
    if (layer.className === 'InputLayer') continue;
    layer.calls.forEach((_, callIndex) => pending.push({ layer, callIndex }));
  }
  const lookup = (ref: TensorRef): SymbolicTensor | undefined => tensors.get(tensorKey(ref.layer, ref.nodeIndex, ref.tensorIndex));
  let progressed = true;
  while (pending.length > 0 && progressed) {
    progressed = false;
    for (let i = 0; i < pending.length; i++) {
      const entry = pending[i];
      if (entry === undefined) continue;
      const call = entry.layer.calls[entry.callIndex];
      if (call === undefined) continue;
      const inputs = call.inputs.map(lookup);
      const states = call.initialState.map(lookup);
      if (inputs.some((t) => t === undefined) || states.some((t) => t === undefined)) continue;
      const outputs = callLayer(entry.layer, inputs as SymbolicTensor[], states as SymbolicTensor[], observations);
      outputs.forEach((tensor, tensorIndex) => tensors.set(tensorKey(entry.layer.name, entry.callIndex, tensorIndex), tensor));
      pending.splice(i, 1);
      i--;
      progressed = true;
    }
  }

  const inputs = inputLayerNames.map((name) => tensors.get(tensorKey(name, 0, 0))).filter((t): t is SymbolicTensor => t !== undefined);
  const outputs: SymbolicTensor[] = [];
  let problem: string | null = null;
  for (const ref of outputRefs) {
    const tensor = lookup(ref);
    if (tensor === undefined) {
      problem = `output ${ref.layer} cannot be reached from the inputs (${describeUnresolved(pending.map((p) => p.layer), layers)})`;
    } else {
      outputs.push(tensor);
    }
  }
  if (outputRefs.length === 0) problem = 'the functional model lists no output_layers';
  return { inputs, outputs, layerCount: layers.length - inputLayerNames.length, problem };
}

function describeUnresolved(stuck: readonly KerasLayer[], layers: readonly KerasLayer[]): string {
  const known = new Set(layers.map((l) => l.name));
  for (const layer of stuck) {
    for (const call of layer.calls) {
      const missing = [...call.inputs, ...call.initialState].find((ref) => !known.has(ref.layer));
      if (missing !== undefined) return `layer ${layer.name} reads "${missing.layer}", which is not in the model`;
    }
  }
  return stuck.length > 0 ? `layer ${stuck[0]?.name ?? '?'} never receives its inputs` : 'no layer produces it';
}

/** A layer call, or a whole nested model used as a layer. */
function callLayer(
  layer: KerasLayer,
  inputs: readonly SymbolicTensor[],
  initialState: readonly SymbolicTensor[],
  observations: ModelObservations,
): SymbolicTensor[] {
  if (KERAS_MODEL_CLASSES.includes(layer.className) && layer.node.kind === 'object') {
    const nested = walkModel(layer.node, observations, inputs);
    return [...nested.outputs];
  }
  // A TimeDistributed wrapper around a nested model (e.g. a per-frame CNN) behaves like TimeDistributed(layer).
  if (layer.className === 'TimeDistributed' && KERAS_MODEL_CLASSES.includes(nestedLayer(layer.config, 'layer')?.className ?? '')) {
    const input = inputs[0];
    return input === undefined ? [] : [{ ...input, stepDims: null }];
  }
  return applyLayer(layer, inputs, initialState, observations);
}
