// Finds the model inside a JSON document and names its format. Real files wrap the Keras model differently:
//   Keras / tf.keras model.to_json()      {"class_name": "Sequential"|"Functional"|"Model", "config": …, "keras_version"}
//   Keras 3 model.to_json()                 same, plus "module": "keras" and inbound nodes as {"args", "kwargs"}
//   TF.js model.json (layers-model)         {"format": "layers-model", "modelTopology": <Keras JSON>, "weightsManifest"}
//   TF.js model.json (old converter)        {"modelTopology": {"keras_version", "backend", "model_config": <Keras JSON>}}
//   RNN Lab                                 *.rnn.json: {"topology", "cell", "hiddenSize", …}
import type { JsonNode, JsonObjectNode } from './json/locatedJson';
import { isArrayNode, isObjectNode, propertyValue, stringProperty } from './json/jsonNavigation';
import type { ModelFileFormat } from './topologyRecognition';

/** Keras classes whose JSON is a whole model (a graph of layers). */
export const KERAS_MODEL_CLASSES: readonly string[] = ['Sequential', 'Functional', 'Model'];

/** Top-level keys that only an RNN Lab config has; one of them (or the .rnn.json name) marks the file as ours. */
const RNN_CONFIG_MARKER_KEYS: readonly string[] = ['topology', 'cell', 'hiddenSize', 'inputLength', 'outputLength', 'esn', 'tbptt'];

export type LocatedModel =
  | { readonly format: 'rnn-config'; readonly model: JsonObjectNode }
  | { readonly format: Exclude<ModelFileFormat, 'rnn-config'>; readonly model: JsonObjectNode; readonly layers: JsonNode | undefined }
  | { readonly format: null; readonly reason: string };

/** The node itself when it is a Keras model object (class_name Sequential/Functional/Model with a config). */
export function asKerasModel(node: JsonNode | undefined): JsonObjectNode | undefined {
  const className = stringProperty(node, 'class_name');
  const isModel = className !== undefined && KERAS_MODEL_CLASSES.includes(className) && propertyValue(node, 'config') !== undefined;
  return isModel && isObjectNode(node) ? node : undefined;
}

/** The `layers` list of a Keras model: `config.layers`, or `config` itself (Keras 1 / Keras ≤ 2.2.2 Sequential). */
export function kerasLayersNode(model: JsonObjectNode): JsonNode | undefined {
  const config = propertyValue(model, 'config');
  if (isArrayNode(config)) return config;
  return propertyValue(config, 'layers');
}

export function locateModel(root: JsonNode, fileName?: string): LocatedModel {
  if (!isObjectNode(root)) {
    return { format: null, reason: `no model found: the file is a JSON ${root.kind}, not an object` };
  }
  const topology = propertyValue(root, 'modelTopology');
  if (topology !== undefined) return locateTensorFlowJsModel(topology);
  if (asKerasModel(root) !== undefined) return { format: kerasFormat(root, root), model: root, layers: kerasLayersNode(root) };
  // A bare {"model_config": …} as stored in Keras HDF5 attributes and some exports.
  const modelConfig = asKerasModel(propertyValue(root, 'model_config'));
  if (modelConfig !== undefined) {
    return { format: kerasFormat(modelConfig, root), model: modelConfig, layers: kerasLayersNode(modelConfig) };
  }
  const namedAsConfig = fileName !== undefined && /\.rnn\.json$/i.test(fileName);
  if (namedAsConfig || root.properties.some((property) => RNN_CONFIG_MARKER_KEYS.includes(property.key))) {
    return { format: 'rnn-config', model: root };
  }
  return {
    format: null,
    reason:
      'no model found: expected a Keras model (class_name Sequential, Functional or Model), a TensorFlow.js model.json ' +
      '(modelTopology) or an RNN Lab *.rnn.json config (topology, cell, hiddenSize …)',
  };
}

function locateTensorFlowJsModel(topology: JsonNode): LocatedModel {
  const current = asKerasModel(topology);
  if (current !== undefined) {
    return { format: 'tfjs-layers-model', model: current, layers: kerasLayersNode(current) };
  }
  const legacy = asKerasModel(propertyValue(topology, 'model_config'));
  if (legacy !== undefined) return { format: 'tfjs-legacy', model: legacy, layers: kerasLayersNode(legacy) };
  if (topology.kind === 'null') {
    return { format: null, reason: 'TensorFlow.js model.json with "modelTopology": null: a graph model or weights only, no layers to read' };
  }
  return {
    format: null,
    reason: 'TensorFlow.js model.json whose modelTopology is neither a Keras model (class_name, config) nor {model_config}',
  };
}

/**
 * Keras 1, 2 or 3, from `keras_version` when present (on the model or its wrapper), otherwise from the content:
 * Keras 3 writes "module" keys and {"args", "kwargs"} inbound nodes; Keras 1 layers have `output_dim` where Keras 2
 * has `units`.
 */
function kerasFormat(model: JsonObjectNode, wrapper: JsonObjectNode): 'keras-1' | 'keras-2' | 'keras-3' {
  const version = stringProperty(model, 'keras_version') ?? stringProperty(wrapper, 'keras_version');
  if (version !== undefined) {
    const major = /^(\d+)\./.exec(version)?.[1];
    if (major === '1') return 'keras-1';
    if (major === '3') return 'keras-3';
    if (major === '2') return 'keras-2';
  }
  if (stringProperty(model, 'module') !== undefined) return 'keras-3';
  const layers = kerasLayersNode(model);
  if (isArrayNode(layers)) {
    for (const layer of layers.items) {
      if (stringProperty(layer, 'module') !== undefined) return 'keras-3';
      const config = propertyValue(layer, 'config');
      if (propertyValue(config, 'output_dim') !== undefined && propertyValue(config, 'units') === undefined) {
        if (stringProperty(layer, 'class_name') !== 'Embedding') return 'keras-1';
      }
    }
  }
  return 'keras-2';
}
