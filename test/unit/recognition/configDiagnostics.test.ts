// Semantic diagnostics of *.rnn.json with their exact ranges, reading with defaults, and the ModelConfig bridge.
import * as assert from 'node:assert/strict';
import { diagnoseRnnConfig } from '../../../src/modelFiles/rnnConfig/diagnoseRnnConfig';
import type { ConfigDiagnostic } from '../../../src/modelFiles/rnnConfig/configDiagnostic';
import { modelConfigFromRnnConfig } from '../../../src/modelFiles/rnnConfig/modelConfigFromRnnConfig';
import { readRnnConfigText } from '../../../src/modelFiles/rnnConfig/readRnnConfig';

/** The diagnostic with this code, and the text it underlines. */
function find(text: string, diagnostics: readonly ConfigDiagnostic[], code: string): { diagnostic: ConfigDiagnostic; underlined: string } {
  const diagnostic = diagnostics.find((d) => d.code === code);
  assert.ok(diagnostic !== undefined, `expected ${code} in ${JSON.stringify(diagnostics.map((d) => d.code))}`);
  return { diagnostic, underlined: text.slice(diagnostic.range.offset, diagnostic.range.offset + diagnostic.range.length) };
}

const lines = (...rows: string[]): string => rows.join('\n');

describe('*.rnn.json semantic diagnostics', () => {
  it('clipNorm ≤ 0: error on the value, with line and character', () => {
    const text = lines('{', '  "cell": "lstm",', '  "clipNorm": 0', '}');
    const { diagnostic, underlined } = find(text, diagnoseRnnConfig(text).diagnostics, 'clip-norm-not-positive');
    assert.equal(underlined, '0');
    assert.deepEqual(diagnostic.range.start, { line: 2, character: 14 });
    assert.deepEqual(diagnostic.range.end, { line: 2, character: 15 });
    assert.equal(diagnostic.severity, 'error');
    assert.equal(diagnostic.source, 'semantic');
    assert.equal(diagnostic.pathText, 'clipNorm');
    assert.match(diagnostic.message, /τ·g\/‖g‖/);
    // The generic bound check stays quiet, so the user sees one message, not two.
    assert.equal(diagnoseRnnConfig(text).diagnostics.filter((d) => d.pathText === 'clipNorm').length, 1);
  });

  it('tbptt k2 < k1: error on k2', () => {
    const text = lines('{', '  "tbptt": { "k1": 20, "k2": 10 }', '}');
    const { diagnostic, underlined } = find(text, diagnoseRnnConfig(text).diagnostics, 'tbptt-k2-below-k1');
    assert.equal(underlined, '10');
    assert.deepEqual(diagnostic.range.start, { line: 1, character: 29 });
    assert.deepEqual([...diagnostic.path], ['tbptt', 'k2']);
    assert.equal(diagnostic.pathText, 'tbptt.k2');
    assert.deepEqual(diagnoseRnnConfig(lines('{', '  "tbptt": { "k1": 20, "k2": 20 }', '}')).diagnostics, []);
  });

  it('ESN with TBPTT: error on the "tbptt" key; gradient remedies on an ESN are flagged as ignored', () => {
    const text = lines('{', '  "cell": "esn",', '  "clipNorm": 1,', '  "tbptt": { "k1": 5 }', '}');
    const diagnostics = diagnoseRnnConfig(text).diagnostics;
    const { diagnostic, underlined } = find(text, diagnostics, 'esn-with-tbptt');
    assert.equal(underlined, '"tbptt"');
    assert.deepEqual(diagnostic.range.start, { line: 3, character: 2 });
    assert.equal(diagnostic.severity, 'error');
    const ignored = find(text, diagnostics, 'esn-gradient-remedy-ignored');
    assert.equal(ignored.underlined, '"clipNorm"');
    assert.equal(ignored.diagnostic.severity, 'warning');
  });

  it('encoder–decoder without outputLength: error on the topology value', () => {
    const text = lines('{', '  "topology": "many-to-many-encoder-decoder",', '  "inputLength": 12', '}');
    const { diagnostic, underlined } = find(text, diagnoseRnnConfig(text).diagnostics, 'encoder-decoder-needs-output-length');
    assert.equal(underlined, '"many-to-many-encoder-decoder"');
    assert.deepEqual(diagnostic.range.start, { line: 1, character: 14 });
    const fixed = lines('{', '  "topology": "many-to-many-encoder-decoder",', '  "inputLength": 12,', '  "outputLength": 7', '}');
    assert.deepEqual(diagnoseRnnConfig(fixed).diagnostics, []);
  });

  it('identity initialisation: a warning with tanh, nothing with relu', () => {
    const tanh = lines('{', '  "init": "identity"', '}');
    const { diagnostic, underlined } = find(tanh, diagnoseRnnConfig(tanh).diagnostics, 'identity-init-without-relu');
    assert.equal(underlined, '"identity"');
    assert.equal(diagnostic.severity, 'warning');
    const relu = lines('{', '  "nonlinearity": "relu",', '  "init": "identity"', '}');
    assert.deepEqual(diagnoseRnnConfig(relu).diagnostics, []);
  });

  it('a data path that does not exist, checked through the injected callback', () => {
    const text = lines('{', '  "data": { "path": "data/missing.csv", "window": 30 },', '  "inputLength": 30', '}');
    const asked: string[] = [];
    const diagnostics = diagnoseRnnConfig(text, { pathExists: (p) => (asked.push(p), false) }).diagnostics;
    assert.deepEqual(asked, ['data/missing.csv']);
    const { diagnostic, underlined } = find(text, diagnostics, 'data-path-missing');
    assert.equal(underlined, '"data/missing.csv"');
    assert.deepEqual(diagnostic.range.start, { line: 1, character: 20 });
    assert.deepEqual(diagnoseRnnConfig(text, { pathExists: () => true }).diagnostics, []);
    assert.deepEqual(diagnoseRnnConfig(text).diagnostics, [], 'no callback, no file-system check');
  });

  it('topology and lengths that contradict each other', () => {
    const text = lines('{', '  "topology": "many-to-one",', '  "inputLength": 30,', '  "outputLength": 30', '}');
    assert.equal(find(text, diagnoseRnnConfig(text).diagnostics, 'topology-output-length').underlined, '30');
    const synced = lines('{', '  "topology": "many-to-many-synced",', '  "inputLength": 30,', '  "outputLength": 20', '}');
    const { diagnostic } = find(synced, diagnoseRnnConfig(synced).diagnostics, 'synced-lengths-differ');
    assert.deepEqual(diagnostic.range.start, { line: 3, character: 18 });
  });

  it('schema-level problems carry their range too: wrong type, out of bounds, unknown field with a suggestion', () => {
    const text = lines('{', '  "hiddenSise": 64,', '  "layers": 9,', '  "cell": "LSTM"', '}');
    const diagnostics = diagnoseRnnConfig(text).diagnostics;
    assert.deepEqual(diagnostics.map((d) => d.code), ['unknown-field', 'range', 'enum'], 'sorted by position');
    const unknown = find(text, diagnostics, 'unknown-field');
    assert.equal(unknown.underlined, '"hiddenSise"');
    assert.match(unknown.diagnostic.message, /did you mean "hiddenSize"\?/);
    assert.equal(find(text, diagnostics, 'range').diagnostic.message, 'layers must be an integer ≥ 1 and ≤ 4, got 9');
    assert.match(find(text, diagnostics, 'enum').diagnostic.message, /cell must be one of rnn, lstm, gru, esn; got "LSTM"/);
    assert.ok(diagnostics.every((d) => d.source === 'schema'));
  });

  it('malformed JSON gives one syntax diagnostic at the error, not a crash', () => {
    const text = lines('{', '  "cell": "lstm"', '  "layers": 2', '}');
    const diagnosis = diagnoseRnnConfig(text);
    assert.equal(diagnosis.config, null);
    assert.equal(diagnosis.diagnostics.length, 1);
    const [syntax] = diagnosis.diagnostics;
    assert.equal(syntax?.code, 'syntax');
    assert.deepEqual(syntax?.range.start, { line: 2, character: 2 });
    assert.match(syntax?.message ?? '', /expected "," or "}" after the value of "cell"/);
  });
});

describe('*.rnn.json reading and the ModelConfig bridge', () => {
  it('fills defaults (docs/maths.md: ESN ρ 0.95, forget bias +1) and k2 = k1', () => {
    const reading = readRnnConfigText('{ "topology": "many-to-one", "tbptt": { "k1": 8 }, "cell": "esn" }');
    assert.ok(reading.ok);
    const config = reading.config;
    assert.equal(config.hiddenSize, 32);
    assert.equal(config.layers, 1);
    assert.equal(config.learningRate, 0.01);
    assert.equal(config.optimizer, 'sgd');
    assert.equal(config.init, 'xavier');
    assert.equal(config.forgetBias, 1);
    assert.equal(config.esn.spectralRadius, 0.95);
    assert.equal(config.esn.washout, 50);
    assert.deepEqual(config.tbptt, { k1: 8, k2: 8 });
    assert.equal(config.clipNorm, null);
    assert.equal(config.data, null);
  });

  it('builds the engine ModelConfig, with the topology inferred from lengths when absent', () => {
    const reading = readRnnConfigText('{ "cell": "gru", "layers": 2, "hiddenSize": 8, "inputSize": 3, "outputSize": 3, "inputLength": 10, "outputLength": 4 }');
    assert.ok(reading.ok);
    const result = modelConfigFromRnnConfig(reading.config);
    assert.ok(result.ok);
    assert.deepEqual(result.model, {
      cell: 'gru',
      nonlinearity: 'tanh',
      inputSize: 3,
      hiddenSize: 8,
      outputSize: 3,
      numLayers: 2,
      topology: 'many-to-many-encoder-decoder',
      loss: 'mse',
      oneToManyInput: 'first-step',
      outputLength: 4,
    });
    const esn = readRnnConfigText('{ "cell": "esn", "topology": "many-to-many-synced", "inputLength": 5 }');
    assert.ok(esn.ok);
    const refused = modelConfigFromRnnConfig(esn.config);
    assert.equal(refused.ok, false);
  });
});
