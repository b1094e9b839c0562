// One shape for the layers of every Keras dialect: name, class, config, and — in functional models — the tensors each
// call of the layer received. Inbound nodes come in three spellings:
//   Keras 1    [[["input_1", 0, 0]]]                                   (layer, node index, tensor index)
//   Keras 2    [[["input_1", 0, 0, {}], ["lstm", 0, 1, {}], …]]         (+ call kwargs; RNN initial states appended)
//   Keras 3    [{"args": [{"class_name": "__keras_tensor__", "config": {"keras_history": ["input_1", 0, 0]}}],
//                "kwargs": {"initial_state": [<keras tensor>, …]}}]
import type { JsonNode, JsonObjectNode } from '../json/locatedJson';
import { isArrayNode, isObjectNode, propertyValue, stringProperty } from '../json/jsonNavigation';

/** An output of some call of a layer: Keras' (layer name, node index, tensor index). */
export interface TensorRef {
  readonly layer: string;
  readonly nodeIndex: number;
  readonly tensorIndex: number;
}

/** One call of a layer in a functional graph. */
export interface LayerCall {
  /** The call's inputs (for an RNN in Keras 2, the extra tensors after the first are its initial states). */
  readonly inputs: readonly TensorRef[];
  /** Tensors passed as `initial_state=` explicitly (Keras 3 kwargs, or Keras 2 kwargs dicts). */
  readonly initialState: readonly TensorRef[];
}

export interface KerasLayer {
  readonly name: string;
  /** Class name with Keras 1 aliases mapped to Keras 2 names (Convolution1D → Conv1D). */
  readonly className: string;
  readonly config: JsonObjectNode | undefined;
  /** The layer's own JSON object (for ranges). */
  readonly node: JsonNode;
  /** Functional models: one entry per call; empty in Sequential models. */
  readonly calls: readonly LayerCall[];
}

/** Keras 1 class names that Keras 2 renamed. */
const CLASS_ALIASES: Readonly<Record<string, string>> = {
  Convolution1D: 'Conv1D',
  Convolution2D: 'Conv2D',
  AtrousConvolution1D: 'Conv1D',
  Merge: 'Concatenate',
  // tf.keras ≥ 2.? may serialise the v2 classes under these names.
  LSTMV2: 'LSTM',
  GRUV2: 'GRU',
};

export function normalisedClassName(className: string): string {
  return CLASS_ALIASES[className] ?? className;
}

/** A layer spec nested in a wrapper (`Bidirectional.layer`, `TimeDistributed.layer`, `RNN.cell`). */
export function nestedLayer(config: JsonObjectNode | undefined, key: string): KerasLayer | undefined {
  const inner = propertyValue(config, key);
  const className = stringProperty(inner, 'class_name');
  if (inner === undefined || className === undefined) return undefined;
  const innerConfig = propertyValue(inner, 'config');
  return {
    name: stringProperty(innerConfig, 'name') ?? className,
    className: normalisedClassName(className),
    config: isObjectNode(innerConfig) ? innerConfig : undefined,
    node: inner,
    calls: [],
  };
}

export function readKerasLayers(layers: JsonNode | undefined): KerasLayer[] {
  if (!isArrayNode(layers)) return [];
  const result: KerasLayer[] = [];
  layers.items.forEach((layer, index) => {
    const className = stringProperty(layer, 'class_name');
    if (className === undefined) return;
    const config = propertyValue(layer, 'config');
    const name = stringProperty(layer, 'name') ?? stringProperty(config, 'name') ?? `${className.toLowerCase()}_${index}`;
    result.push({
      name,
      className: normalisedClassName(className),
      config: isObjectNode(config) ? config : undefined,
      node: layer,
      calls: readInboundNodes(propertyValue(layer, 'inbound_nodes')),
    });
  });
  return result;
}

function readInboundNodes(inbound: JsonNode | undefined): LayerCall[] {
  if (!isArrayNode(inbound)) return [];
  return inbound.items.map((node) => (isObjectNode(node) ? readKeras3Call(node) : readKeras2Call(node)));
}

/** Keras 1/2: a list of [layer, node, tensor, kwargs?] entries (or one bare entry). */
function readKeras2Call(node: JsonNode): LayerCall {
  if (!isArrayNode(node)) return { inputs: [], initialState: [] };
  const entries = node.items[0]?.kind === 'string' ? [node] : node.items;
  const inputs: TensorRef[] = [];
  const initialState: TensorRef[] = [];
  for (const entry of entries) {
    const ref = tripletRef(entry);
    if (ref === undefined) continue;
    inputs.push(ref);
    const kwargs = isArrayNode(entry) ? entry.items[3] : undefined;
    collectTriplets(propertyValue(kwargs, 'initial_state'), initialState);
  }
  return { inputs, initialState };
}

/**
 * Keras 3: the `__keras_tensor__`s in args are the inputs (for an RNN, `layer(x, [h, c])` puts the states there too);
 * kwargs.initial_state holds initial states; a mask is not an input. A layer called with keywords only
 * (`mha(query=q, value=v)`) takes its inputs from the other kwargs.
 */
function readKeras3Call(node: JsonObjectNode): LayerCall {
  const inputs: TensorRef[] = [];
  const keywordInputs: TensorRef[] = [];
  const initialState: TensorRef[] = [];
  collectKerasTensors(propertyValue(node, 'args'), inputs);
  const kwargs = propertyValue(node, 'kwargs');
  if (isObjectNode(kwargs)) {
    for (const property of kwargs.properties) {
      if (property.key === 'mask') continue;
      collectKerasTensors(property.value, property.key === 'initial_state' ? initialState : keywordInputs);
    }
  }
  return { inputs: inputs.length > 0 ? inputs : keywordInputs, initialState };
}

function collectKerasTensors(node: JsonNode | undefined, into: TensorRef[]): void {
  if (node === undefined) return;
  if (isArrayNode(node)) {
    for (const item of node.items) collectKerasTensors(item, into);
    return;
  }
  if (stringProperty(node, 'class_name') === '__keras_tensor__') {
    const ref = tripletRef(propertyValue(propertyValue(node, 'config'), 'keras_history'));
    if (ref !== undefined) into.push(ref);
  }
}

function collectTriplets(node: JsonNode | undefined, into: TensorRef[]): void {
  if (!isArrayNode(node)) return;
  const single = tripletRef(node);
  if (single !== undefined) {
    into.push(single);
    return;
  }
  for (const item of node.items) collectTriplets(item, into);
}

/** ["lstm", 0, 1, …] → {layer: "lstm", nodeIndex: 0, tensorIndex: 1}. */
export function tripletRef(node: JsonNode | undefined): TensorRef | undefined {
  if (!isArrayNode(node)) return undefined;
  const [layer, nodeIndex, tensorIndex] = node.items;
  if (layer?.kind !== 'string') return undefined;
  return {
    layer: layer.value,
    nodeIndex: nodeIndex?.kind === 'number' ? nodeIndex.value : 0,
    tensorIndex: tensorIndex?.kind === 'number' ? tensorIndex.value : 0,
  };
}

/** `input_layers` / `output_layers`: a list of triplets, or (Keras 3, one input) a single triplet. */
export function readEndpointRefs(node: JsonNode | undefined): TensorRef[] {
  if (!isArrayNode(node)) return [];
  const single = tripletRef(node);
  if (single !== undefined) return [single];
  const refs: TensorRef[] = [];
  for (const item of node.items) {
    const ref = tripletRef(item);
    if (ref !== undefined) refs.push(ref);
  }
  return refs;
}
