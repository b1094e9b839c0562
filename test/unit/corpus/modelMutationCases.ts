// Mutations of model documents and grad cases: a *.rnn.json (samples/configs), a Keras 3 model, a TF.js model.json and
// a grad case (test/fixtures): truncations, seeded bit flips, BOMs, `__proto__`/`constructor` keys, absurd shapes
// (hidden 0, −1, 1e9, 1.5, layers 1e6, NaN, input length −30), wrong types. A broken document is refused with a
// position (line:column) or a JSON path; an intact one is read.
import { finiteLoss, namedTopology } from './corpusChecks';
import { type CorpusFolder, flipBits, randomBytes, truncate, utf16le, utf8Bom } from './corpusFiles';
import { atColumn, atJson, atPath, either, naming, read, refuse, type CaseSpec } from './corpusTypes';

const CONFIG = 'samples/configs/many-to-one.rnn.json';
const KERAS = 'test/fixtures/models/keras3-stacked-lstm-forecast.json';
const TFJS = 'test/fixtures/models/tfjs-converted-lstm-forecast.model.json';
const GRAD = 'test/fixtures/grad-cases/rnn_T5_I2_H3_O1_mse_last.input.json';

function topologyCase(id: string, file: string, expect: CaseSpec['expect']): CaseSpec {
  return { id: `mutation-model/${id}`, item: 'mutation', runs: [['topology', file, '--json']], expect };
}

function gradsCase(id: string, file: string, expect: CaseSpec['expect']): CaseSpec {
  return { id: `mutation-model/${id}`, item: 'mutation', runs: [['grads', file]], expect };
}

/** JSON text of `value` where the string "__NAN__" becomes the (invalid) literal NaN. */
function withNaN(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/"__NAN__"/g, 'NaN');
}

function brokenDocuments(folder: CorpusFolder): CaseSpec[] {
  const cases: CaseSpec[] = [];
  const documents: [string, string, 'topology' | 'grads', number[]][] = [
    ['config', CONFIG, 'topology', [0.1, 0.5, 0.9]],
    ['keras', KERAS, 'topology', [0.05, 0.3, 0.6, 0.95]],
    ['tfjs', TFJS, 'topology', [0.5]],
    ['grad', GRAD, 'grads', [0.2, 0.5, 0.8]],
  ];
  for (const [label, source, command, fractions] of documents) {
    const bytes = folder.repoBytes(source);
    const make = command === 'topology' ? topologyCase : gradsCase;
    for (const fraction of fractions) {
      const file = folder.file(`${label}-truncated-${fraction}.json`, truncate(bytes, fraction));
      cases.push(make(`${label}-truncated-${fraction}`, file, refuse([atColumn(file)])));
    }
  }
  const flips: [string, string, 'topology' | 'grads', number[]][] = [
    ['config', CONFIG, 'topology', [11, 12, 13]],
    ['keras', KERAS, 'topology', [14, 15]],
    ['grad', GRAD, 'grads', [16, 17, 18]],
  ];
  for (const [label, source, command, seeds] of flips) {
    for (const seed of seeds) {
      const file = folder.file(`${label}-flip-${seed}.json`, flipBits(folder.repoBytes(source), seed, 3));
      const expect = command === 'topology' ? either([atJson(file)], namedTopology) : either([atJson(file)], finiteLoss);
      cases.push((command === 'topology' ? topologyCase : gradsCase)(`${label}-flip-3-bits-seed-${seed}`, file, expect));
    }
  }
  const empty = folder.file('empty-model.json', '');
  const garbage = folder.file('garbage-model.json', randomBytes(97, 3000));
  cases.push(topologyCase('empty-model', empty, refuse([naming(empty), /empty|no (JSON|data|model)|nothing/i])));
  cases.push(gradsCase('empty-grad-case', empty, refuse([naming(empty), /empty|no (JSON|data)|nothing/i])));
  cases.push(topologyCase('binary-garbage-model', garbage, refuse([atColumn(garbage)])));
  cases.push(gradsCase('binary-garbage-grad-case', garbage, refuse([atColumn(garbage)])));
  return cases;
}

function encodingsAndKeys(folder: CorpusFolder): CaseSpec[] {
  const config = folder.repoText(CONFIG);
  const keras = folder.repoText(KERAS);
  const grad = folder.repoText(GRAD);
  const configBom = folder.file('config-bom.rnn.json', utf8Bom(config));
  const kerasBom = folder.file('keras-bom.json', utf8Bom(keras));
  const gradBom = folder.file('grad-bom.json', utf8Bom(grad));
  const config16 = folder.file('config-utf16.rnn.json', utf16le(config));
  const protoConfig = folder.file('config-proto.rnn.json', config.replace('{', '{\n  "__proto__": { "hiddenSize": 5, "topology": "one-to-many" },'));
  const ctorConfig = folder.file('config-constructor.rnn.json', config.replace('{', '{\n  "constructor": "x", "toString": 1, "hasOwnProperty": null,'));
  const protoKeras = folder.file('keras-proto.json', keras.replace('"class_name": "LSTM"', '"__proto__": { "class_name": "Dense" }, "class_name": "LSTM"'));
  const protoGrad = folder.file('grad-proto.json', grad.replace('{', '{"__proto__": {"cell": "lstm"}, "constructor": {"prototype": 1},'));
  const protoWeights = folder.file('grad-proto-weights.json', grad.replace('"W_ih"', '"__proto__": {"W_hh": [[1e308]]}, "W_ih"'));
  return [
    topologyCase('config-utf8-bom', configBom, read('a topology', namedTopology)),
    topologyCase('keras-utf8-bom', kerasBom, read('a topology', namedTopology)),
    gradsCase('grad-utf8-bom', gradBom, read('a finite loss', finiteLoss)),
    topologyCase('config-utf16le', config16, either([new RegExp(`${atColumn(config16).source}|UTF-16`)], namedTopology)),
    topologyCase('config-__proto__-key', protoConfig, either([atPath(protoConfig, '__proto__')], namedTopology)),
    topologyCase('config-constructor-keys', ctorConfig, either([atPath(ctorConfig, 'constructor')], namedTopology)),
    topologyCase('keras-__proto__-key', protoKeras, either([atPath(protoKeras, '__proto__')], namedTopology)),
    gradsCase('grad-__proto__-key', protoGrad, either([atPath(protoGrad, '__proto__')], finiteLoss)),
    gradsCase('grad-__proto__-in-weights', protoWeights, either([atPath(protoWeights, '__proto__')], finiteLoss)),
  ];
}

function absurdShapes(folder: CorpusFolder): CaseSpec[] {
  const config = JSON.parse(folder.repoText(CONFIG)) as Record<string, unknown>;
  const cases: CaseSpec[] = [];
  const configEdits: [string, string, unknown][] = [
    ['hidden-0', 'hiddenSize', 0], ['hidden-minus-1', 'hiddenSize', -1], ['hidden-1e9', 'hiddenSize', 1e9], ['hidden-1.5', 'hiddenSize', 1.5],
    ['hidden-string', 'hiddenSize', '16'], ['hidden-NaN', 'hiddenSize', '__NAN__'], ['layers-1e6', 'layers', 1e6], ['layers-0', 'layers', 0],
    ['input-length-minus-30', 'inputLength', -30], ['input-length-0', 'inputLength', 0], ['input-size-minus-1', 'inputSize', -1], ['cell-unknown', 'cell', 'transformer'],
  ];
  for (const [label, key, value] of configEdits) {
    const file = folder.file(`config-${label}.rnn.json`, withNaN({ ...config, [key]: value }));
    // NaN is not JSON; an input length ≤ 0 or an unknown cell changes what topology reports; the other shapes do not
    // decide the topology, so naming it is a correct reading too
    const mustRefuse = value === '__NAN__' || key === 'inputLength' || key === 'cell';
    const message = value === '__NAN__' ? [atColumn(file)] : [atPath(file, key)];
    cases.push(topologyCase(`config-${label}`, file, mustRefuse ? refuse(message) : either(message, namedTopology)));
  }
  const duplicate = folder.file('config-duplicate-key.rnn.json', JSON.stringify(config, null, 2).replace('"hiddenSize": 32', '"hiddenSize": 32, "hiddenSize": -1'));
  cases.push(topologyCase('config-duplicate-key', duplicate, either([atPath(duplicate, 'hiddenSize')])));
  for (const [label, text] of [['array', '[]'], ['null', 'null'], ['number', '42'], ['string', '"many-to-one"']] as const) {
    const file = folder.file(`model-${label}.json`, text);
    // documented: topology null when undecidable (exit 0), or a refusal naming the file
    cases.push(topologyCase(`model-is-${label}`, file, either([naming(file)])));
  }
  const keras = folder.repoText(KERAS);
  const kerasEdits: [string, RegExp, string, string][] = [
    ['units-0', /"units": 50/, '"units": 0', 'units'], ['units-minus-1', /"units": 50/, '"units": -1', 'units'],
    ['units-1e9', /"units": 50/, '"units": 1e9', 'units'], ['units-1.5', /"units": 50/, '"units": 1.5', 'units'],
    ['features-0', /("batch_shape": \[\s*null,\s*60,\s*)1/, '$10', 'batch_shape'],
  ];
  for (const [label, from, to, key] of kerasEdits) {
    const file = folder.file(`keras-${label}.json`, keras.replace(from, to));
    cases.push(topologyCase(`keras-${label}`, file, either([atPath(file, key)], namedTopology)));
  }
  const kerasJson = JSON.parse(keras) as { config: Record<string, unknown> };
  const layersObject = folder.file('keras-layers-object.json', JSON.stringify({ ...kerasJson, config: { ...kerasJson.config, layers: { lstm: {} } } }, null, 2));
  cases.push(topologyCase('keras-layers-object', layersObject, either([atPath(layersObject, 'layers')])));
  const grad = JSON.parse(folder.repoText(GRAD)) as { topology: Record<string, unknown> } & Record<string, unknown>;
  const gradEdits: [string, string, unknown][] = [
    ['hidden-0', 'hidden_size', 0], ['hidden-minus-1', 'hidden_size', -1], ['hidden-1e9', 'hidden_size', 1e9],
    ['layers-1e6', 'num_layers', 1e6], ['input-size-5', 'input_size', 5], ['hidden-NaN', 'hidden_size', '__NAN__'],
  ];
  for (const [label, key, value] of gradEdits) {
    const file = folder.file(`grad-${label}.json`, withNaN({ ...grad, topology: { ...grad.topology, [key]: value } }));
    cases.push(gradsCase(`grad-${label}`, file, refuse([value === '__NAN__' ? atColumn(file) : atJson(file)])));
  }
  const noWeights = folder.file('grad-no-weights.json', JSON.stringify({ ...grad, weights: undefined }));
  const emptyInputs = folder.file('grad-empty-inputs.json', JSON.stringify({ ...grad, inputs: [] }));
  const badCell = folder.file('grad-cell-unknown.json', JSON.stringify({ ...grad, cell: 'transformer' }));
  cases.push(gradsCase('grad-no-weights', noWeights, refuse([atPath(noWeights, 'weights')])));
  cases.push(gradsCase('grad-empty-inputs', emptyInputs, refuse([atPath(emptyInputs, 'inputs')])));
  cases.push(gradsCase('grad-cell-unknown', badCell, refuse([atPath(badCell, 'cell')])));
  return cases;
}

export function modelMutationCases(folder: CorpusFolder): CaseSpec[] {
  return [...brokenDocuments(folder), ...encodingsAndKeys(folder), ...absurdShapes(folder)];
}
