import * as assert from 'assert';
import { createInitializedParameters } from '../../../src/engine/init';
import { readStrictJson } from '../../../src/modelFiles/json/strictJson';
import type { ModelConfig } from '../../../src/engine/modelConfig';
import { parameterLayout } from '../../../src/engine/parameterLayout';
import { SeededRandom } from '../../../src/engine/random';
import { ModelFormatError, parseModel, serializeModel } from '../../../src/modelFiles/modelJson';
import type { ParameterSet } from '../../../src/engine/tensor';

function config(overrides: Partial<ModelConfig> = {}): ModelConfig {
  return {
    cell: 'lstm',
    nonlinearity: 'tanh',
    inputSize: 3,
    hiddenSize: 4,
    outputSize: 2,
    numLayers: 2,
    topology: 'many-to-one',
    loss: 'mse',
    oneToManyInput: 'first-step',
    outputLength: 1,
    ...overrides,
  };
}

function model(overrides: Partial<ModelConfig> = {}, seed = 1): { config: ModelConfig; parameters: ParameterSet } {
  const cfg = config(overrides);
  return { config: cfg, parameters: createInitializedParameters(cfg, { scheme: 'orthogonal' }, new SeededRandom(seed)) };
}

/** A model file as tests edit it: matrices as arrays of rows (vectors are edited through casts). */
interface EditableModelFile {
  [field: string]: unknown;
  config: Record<string, unknown>;
  state_dict: Record<string, unknown[][]>;
}

/** Parses, lets `edit` change the JSON object, re-serialises. */
function edited(edit: (file: EditableModelFile) => void, overrides: Partial<ModelConfig> = {}): string {
  const { config: cfg, parameters } = model(overrides);
  const file = JSON.parse(serializeModel(cfg, parameters)) as EditableModelFile;
  edit(file);
  return JSON.stringify(file);
}

function expectError(text: string, path: string, message: RegExp): ModelFormatError {
  try {
    parseModel(text, 'model.json');
  } catch (error) {
    assert.ok(error instanceof ModelFormatError, `not a ModelFormatError: ${String(error)}`);
    assert.strictEqual(error.path, path);
    assert.match(error.message, message);
    return error;
  }
  assert.fail('parseModel accepted the file');
}

describe('model serialization (PyTorch names and shapes)', () => {
  it('round-trips bit-exactly for every cell, including the decoder stack, awkward values and extras', () => {
    for (const cell of ['rnn', 'lstm', 'gru'] as const) {
      for (const topology of ['many-to-one', 'many-to-many-encoder-decoder'] as const) {
        const { config: cfg, parameters } = model({ cell, topology, outputLength: topology === 'many-to-one' ? 1 : 5 });
        const weights = parameters.tensors[0].data;
        weights[0] = -0;
        weights[1] = 0.1 + 0.2;
        weights[2] = 5e-324;
        weights[3] = -1.7976931348623157e308;
        weights[4] = 3;
        const extras = { normalization: { mean: [0.5], std: [2] }, training: { epochs: 10, optimizer: 'adam' } };
        const text = serializeModel(cfg, parameters, extras);
        const loaded = parseModel(text, 'model.json');
        assert.deepStrictEqual(loaded.config, cfg);
        assert.deepStrictEqual(loaded.extras, extras);
        assert.deepStrictEqual(loaded.parameters.tensors.map((t) => t.name), parameters.tensors.map((t) => t.name));
        loaded.parameters.tensors.forEach((tensor, k) => {
          assert.deepStrictEqual(tensor.shape, parameters.tensors[k].shape);
          tensor.data.forEach((x, i) => assert.ok(Object.is(x, parameters.tensors[k].data[i]), `${tensor.name}[${i}]`));
        });
        // Serialising the loaded model gives the same text.
        assert.strictEqual(serializeModel(loaded.config, loaded.parameters, loaded.extras), text);
      }
    }
  });

  it('writes PyTorch names, nested [rows][cols] matrices and flat vectors, floats as floats', () => {
    const { config: cfg, parameters } = model({ cell: 'gru', numLayers: 1, hiddenSize: 2, inputSize: 1, outputSize: 1 });
    const file = JSON.parse(serializeModel(cfg, parameters));
    assert.strictEqual(file.format, 'rnn-lab-model');
    assert.strictEqual(file.version, 1);
    assert.deepStrictEqual(Object.keys(file.state_dict), ['weight_ih_l0', 'weight_hh_l0', 'bias_ih_l0', 'bias_hh_l0', 'weight_out', 'bias_out']);
    assert.strictEqual(file.state_dict.weight_hh_l0.length, 6); // 3H rows (r, z, n)
    assert.strictEqual(file.state_dict.weight_hh_l0[0].length, 2);
    assert.strictEqual(file.state_dict.bias_ih_l0.length, 6);
    assert.strictEqual(file.state_dict.weight_hh_l0[1][0], parameters.tensors[1].data[2]); // row-major
    assert.match(serializeModel(cfg, parameters), /"bias_hh_l0": \[0\.0, 0\.0, 0\.0, 0\.0, 0\.0, 0\.0\]/);
  });

  it('writes only the ModelConfig fields (extra properties of the object are dropped) and refuses an invalid config', () => {
    const { config: cfg, parameters } = model();
    const widened = { ...cfg, learningRate: 0.1, epochs: 3 };
    const text = serializeModel(widened, parameters);
    assert.deepStrictEqual(parseModel(text).config, cfg);
    assert.throws(() => serializeModel({ ...cfg, hiddenSize: 0 }, parameters), /serializeModel: config\.hiddenSize: must be an integer ≥ 1, got 0/);
    assert.throws(() => serializeModel(cfg, { tensors: parameters.tensors.slice(1) }), /parameter "weight_ih_l0" is missing/);
  });

  it('reorders tensors into the layout order regardless of key order in the file', () => {
    const text = edited((file) => {
      const reversed: Record<string, unknown[][]> = {};
      for (const key of Object.keys(file.state_dict).reverse()) reversed[key] = file.state_dict[key];
      file.state_dict = reversed;
    });
    assert.deepStrictEqual(parseModel(text).parameters.tensors.map((t) => t.name), parameterLayout(config()).map((s) => s.name));
  });

  it('names the field and the expectation for a wrong shape', () => {
    const error = expectError(
      edited((file) => (file.state_dict.weight_hh_l0 = file.state_dict.weight_hh_l0.map((row) => row.slice(0, 2))), { cell: 'rnn' }),
      'state_dict.weight_hh_l0',
      /^model\.json: state_dict\.weight_hh_l0: expected shape \[4, 4\] \(hidden_size × hidden_size\), got \[4, 2\]$/,
    );
    assert.strictEqual(error.sourceName, 'model.json');
    expectError(
      edited((file) => file.state_dict.weight_ih_l0.pop()),
      'state_dict.weight_ih_l0',
      /expected shape \[16, 3\] \(4·hidden_size × input_size\), got \[15, 3\]/,
    );
    expectError(
      edited((file) => file.state_dict.weight_ih_l0[2].push(1)),
      'state_dict.weight_ih_l0',
      /got ragged rows \(row 0 has 3 values, row 2 has 4\)/,
    );
    expectError(edited((file) => ((file.state_dict as Record<string, unknown>).bias_out = 1)), 'state_dict.bias_out', /expected shape \[2\] \(output_size\), got 1/);
    expectError(
      edited((file) => (file.state_dict['decoder.weight_ih_l0'] = [[1]]), { topology: 'many-to-many-encoder-decoder', outputLength: 3 }),
      'state_dict.decoder.weight_ih_l0',
      /expected shape \[16, 2\] \(4·hidden_size × output_size/,
    );
  });

  it('names bad config values, missing and unknown fields', () => {
    expectError(edited((file) => (file.config.cell = 'lstn')), 'config.cell', /config\.cell: must be rnn\|lstm\|gru, got "lstn"/);
    expectError(edited((file) => (file.config.numLayers = 5)), 'config.numLayers', /must be an integer from 1 to 4, got 5/);
    expectError(edited((file) => (file.config.hiddenSize = 2.5)), 'config.hiddenSize', /must be an integer ≥ 1, got 2\.5/);
    expectError(edited((file) => (file.config.topology = 'many-to-many')), 'config.topology', /must be one-to-one\|one-to-many\|many-to-one\|many-to-many-encoder-decoder\|many-to-many-synced/);
    expectError(edited((file) => delete file.config.loss), 'config.loss', /missing/);
    expectError(edited((file) => (file.config.dropout = 0.5)), 'config.dropout', /unknown field/);
    expectError(edited((file) => ((file as Record<string, unknown>).config = [])), 'config', /expected a JSON object.*got an array of 0/);
  });

  it('rejects unknown and missing tensors, with a hint for decoder tensors on a non-encoder–decoder model', () => {
    expectError(edited((file) => (file.state_dict.weight_hh_l2 = [[0]])), 'state_dict.weight_hh_l2', /unknown tensor for a 2-layer lstm model; expected weight_ih_l0, /);
    expectError(edited((file) => (file.state_dict['decoder.bias_ih_l0'] = [[0]])), 'state_dict.decoder.bias_ih_l0', /decoder tensors belong to topology many-to-many-encoder-decoder/);
    expectError(edited((file) => delete file.state_dict.bias_hh_l1), 'state_dict.bias_hh_l1', /missing; expected shape \[16\] \(4·hidden_size\)/);
  });

  it('rejects non-finite and non-numeric values, naming the element', () => {
    expectError(edited((file) => (file.state_dict.weight_hh_l1[3][1] = null)), 'state_dict.weight_hh_l1[3][1]', /expected a finite number, got null \(JSON has no NaN\/Infinity/);
    expectError(edited((file) => ((file.state_dict.bias_out as unknown[])[1] = '0.5')), 'state_dict.bias_out[1]', /expected a finite number, got "0\.5"/);
    const nanText = serializeModel(config(), model().parameters).replace(/("bias_out": \[)[^,\]]+/, '$1NaN');
    const error = expectError(nanText, '', /^model\.json:\d+:\d+: not valid JSON: NaN and Infinity are not JSON numbers/);
    assert.ok(error.line !== undefined && error.line > 10);
    assert.throws(() => {
      const { config: cfg, parameters } = model();
      parameters.tensors[2].data[0] = Number.POSITIVE_INFINITY;
      serializeModel(cfg, parameters);
    }, /"bias_ih_l0" contains Infinity; JSON cannot store NaN\/Infinity/);
  });

  it('reports JSON syntax errors with line:column', () => {
    const error = expectError('{\n  "format": "rnn-lab-model",\n  "version": 1,,\n}', '', /^model\.json:3:16: not valid JSON: expected a double-quoted property name, found ","$/);
    assert.deepStrictEqual([error.line, error.column], [3, 16]);
    expectError('', '', /the file is empty/);
    expectError('[1, 2]', '', /expected a JSON object with "format": "rnn-lab-model", got an array of 2/);
    expectError('{"format": "keras"}', 'format', /expected "rnn-lab-model", got "keras"/);
    expectError(edited((file) => (file.version = 2)), 'version', /written by a newer RNN Lab; this one reads version 1/);
    expectError(edited((file) => (file.weights = {})), 'weights', /unknown field; a model file has only format, version, config, state_dict, normalization, training/);
    expectError(edited((file) => (file.training = 'adam')), 'training', /expected a JSON object, got "adam"/);
    // A UTF-8 byte-order mark is tolerated.
    const { config: cfg, parameters } = model();
    assert.deepStrictEqual(parseModel('\ufeff' + serializeModel(cfg, parameters)).config, cfg);
  });

  it('readStrictJson locates typical mistakes (jsonc-parser) and accepts what JSON.parse accepts', () => {
    const cases: [string, number, number, RegExp][] = [
      // A trailing comma is reported on the comma itself, the character to delete.
      ['[1, 2,]', 1, 6, /^trailing comma before "\]"/],
      ['{"a": 1,\n}', 1, 8, /^trailing comma before "\}"/],
      ['{"a" 1}', 1, 6, /^expected ":" after property "a", found "1"$/],
      ['[1 2]', 1, 4, /^expected "," or "\]" after an array element, found "2"$/],
      ['{"a": [1, 2}', 1, 12, /^expected "," or "\]" after an array element, found "\}"$/],
      ['{"a": "x\ny"}', 1, 9, /^unescaped control character \(a line break\) inside a string/],
      ['[1.]', 1, 4, /^expected a digit after the decimal point/],
      ['[-Infinity]', 1, 2, /^NaN and Infinity are not JSON numbers/],
      ['{"a": NaN}', 1, 7, /^NaN and Infinity are not JSON numbers/],
      ['{"a": tru}', 1, 7, /^expected a value, found "tru"/],
      ['{"a": 1} x', 1, 10, /^unexpected "x" after the end of the JSON value$/],
      ['[[1, 2]', 1, 8, /found the end of the file \(1 unclosed "\["\)$/],
      ['"abc', 1, 1, /^unterminated string/],
      ['[1] // note', 1, 5, /^comments are not allowed in JSON$/],
      ['\ufeff[1]', 1, 1, /U\+FEFF/],
      ['[1,\r\n2,\r\n]', 2, 2, /^trailing comma/],
    ];
    for (const [text, line, column, message] of cases) {
      const reading = readStrictJson(text);
      assert.ok(!reading.ok, `accepted ${JSON.stringify(text)}`);
      assert.deepStrictEqual([reading.problem.line, reading.problem.column], [line, column], JSON.stringify(text));
      assert.match(reading.problem.message, message);
      assert.throws(() => JSON.parse(text)); // the locator agrees with JSON.parse
    }
    for (const valid of ['{}', '[]', '{"a": [1, -0.5e-3, true, false, null, "\\u00e9\\n"], "b": {}}', ' 0 ', '[[[[[[[]]]]]]]', '"\\ud800"']) {
      const reading = readStrictJson(valid);
      assert.ok(reading.ok, valid);
      assert.deepStrictEqual(reading.value, JSON.parse(valid));
    }
    // Numbers beyond float64 read as JSON.parse reads them; the model reader then rejects the non-finite value.
    const huge = readStrictJson('[1e999, 12345678901234567890]');
    assert.ok(huge.ok);
    assert.deepStrictEqual(huge.value, [Number.POSITIVE_INFINITY, 12345678901234567000]);
    // Deep nesting neither overflows the stack nor is misreported: past 64 levels (src/modelFiles/json/jsonDepth.ts)
    // the reader names the nesting and where it starts, before JSON.parse or any walk recurses.
    assert.ok(readStrictJson('['.repeat(64) + ']'.repeat(64)).ok);
    for (const closing of [100000, 99999]) {
      const deep = readStrictJson('['.repeat(100000) + ']'.repeat(closing));
      assert.ok(!deep.ok);
      assert.deepStrictEqual([deep.problem.line, deep.problem.column], [1, 65]);
      assert.match(deep.problem.message, /^nesting deeper than 64 levels .*, at \$(\[0\]){64}$/);
    }
  });
});
