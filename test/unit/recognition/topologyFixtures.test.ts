// Classification of real-shaped Keras / TF.js / *.rnn.json files (test/fixtures/models), one row per fixture.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { TopologyId } from '../../../src/engine/dataset';
import { recognizeTopology } from '../../../src/modelFiles/recognizeTopology';
import type { ModelFileFormat } from '../../../src/modelFiles/topologyRecognition';
import { topologySummary } from '../../../src/modelFiles/topologyRecognition';

const FIXTURES = path.resolve(__dirname, '../../../../test/fixtures/models');

interface Expected {
  readonly format: ModelFileFormat | null;
  readonly topology: TopologyId | null;
  readonly inputLength: number | null;
  readonly outputLength: number | null;
  readonly cells: readonly string[];
  /** A fragment the reason must contain. */
  readonly reason: string;
}

const TABLE: Readonly<Record<string, Expected>> = {
  'keras1-imdb-lstm.json': { format: 'keras-1', topology: 'many-to-one', inputLength: 80, outputLength: 1, cells: ['LSTM'], reason: 'returns only its final state' },
  'keras1-addition-rnn-seq2seq.json': { format: 'keras-1', topology: 'many-to-many-encoder-decoder', inputLength: 7, outputLength: 4, cells: ['LSTM', 'LSTM'], reason: 'RepeatVector repeatvector_1 (n = 4)' },
  'keras1-stateful-lstm.json': { format: 'keras-1', topology: null, inputLength: 1, outputLength: null, cells: ['LSTM', 'LSTM'], reason: 'stateful model fed one step per call: topology depends on how it is called' },
  'keras216-list-simplernn-synced.json': { format: 'keras-2', topology: 'many-to-many-synced', inputLength: 50, outputLength: 50, cells: ['SimpleRNN'], reason: 'returns sequences' },
  'tfkeras-bidirectional-gru-sentiment.json': { format: 'keras-2', topology: 'many-to-one', inputLength: 100, outputLength: 1, cells: ['Bidirectional(GRU)', 'Bidirectional(GRU)'], reason: 'bidirectional_1' },
  'tfkeras-functional-lstm-seq2seq.json': { format: 'keras-2', topology: 'many-to-many-encoder-decoder', inputLength: null, outputLength: null, cells: ['LSTM', 'LSTM'], reason: 'initialises decoder lstm_1' },
  'tfkeras-conv1d-lstm-imdb.json': { format: 'keras-2', topology: 'many-to-one', inputLength: 500, outputLength: 1, cells: ['LSTM'], reason: 'sequence of 500 steps' },
  'tfkeras-functional-image-captioning.json': { format: 'keras-2', topology: 'one-to-many', inputLength: 1, outputLength: 20, cells: ['LSTM'], reason: 'no time axis (shape [2048])' },
  'tfkeras-video-frame-labelling.json': { format: 'keras-2', topology: 'many-to-many-synced', inputLength: 16, outputLength: 16, cells: ['LSTM'], reason: 'one output for every input step' },
  'tfkeras-mlp-mnist.json': { format: 'keras-2', topology: 'one-to-one', inputLength: 1, outputLength: 1, cells: [], reason: 'no recurrent layer' },
  'tfkeras-functional-ocr-crnn.json': { format: 'keras-2', topology: 'one-to-many', inputLength: 1, outputLength: 50, cells: ['Bidirectional(LSTM)', 'Bidirectional(LSTM)'], reason: 'Reshape reshape turns its features into a sequence' },
  'tfkeras-stateful-one-step.json': { format: 'keras-2', topology: null, inputLength: 1, outputLength: null, cells: ['GRU'], reason: 'topology depends on how it is called' },
  'keras3-stacked-lstm-forecast.json': { format: 'keras-3', topology: 'many-to-one', inputLength: 60, outputLength: 1, cells: ['LSTM', 'LSTM'], reason: 'lstm_1' },
  'keras3-functional-gru-translator.json': { format: 'keras-3', topology: 'many-to-many-encoder-decoder', inputLength: 15, outputLength: 20, cells: ['GRU', 'GRU'], reason: 'encoder encoder_gru' },
  'tfjs-converted-lstm-forecast.model.json': { format: 'tfjs-layers-model', topology: 'many-to-one', inputLength: 24, outputLength: 1, cells: ['LSTM'], reason: 'sequence of 24 steps' },
  'tfjs-js-gru-synced.model.json': { format: 'tfjs-layers-model', topology: 'many-to-many-synced', inputLength: 30, outputLength: 30, cells: ['GRU'], reason: 'gru_GRU1' },
  'tfjs-js-functional-seq2seq.model.json': { format: 'tfjs-layers-model', topology: 'many-to-many-encoder-decoder', inputLength: 12, outputLength: 8, cells: ['LSTM', 'LSTM'], reason: 'encoder encoder_lstm' },
  'tfjs-legacy-onetomany.model.json': { format: 'tfjs-legacy', topology: 'one-to-many', inputLength: 1, outputLength: 5, cells: ['SimpleRNN'], reason: 'RepeatVector repeat_vector_1 (n = 5)' },
  'sentiment-explicit.rnn.json': { format: 'rnn-config', topology: 'many-to-one', inputLength: 40, outputLength: 1, cells: ['LSTM', 'LSTM'], reason: 'topology set in the config' },
  'translation-inferred.rnn.json': { format: 'rnn-config', topology: 'many-to-many-encoder-decoder', inputLength: 20, outputLength: 12, cells: ['GRU', 'GRU'], reason: 'inferred from inputLength 20 → outputLength 12' },
  'esn-window-inferred.rnn.json': { format: 'rnn-config', topology: 'many-to-many-synced', inputLength: 100, outputLength: 100, cells: ['ESN'], reason: 'inferred from data.window 100' },
  'lengths-missing.rnn.json': { format: 'rnn-config', topology: null, inputLength: 30, outputLength: null, cells: ['RNN'], reason: 'no "topology" and no outputLength' },
  'not-a-model.json': { format: null, topology: null, inputLength: null, outputLength: null, cells: [], reason: 'no model found' },
};

const EXAMPLES: Readonly<Record<TopologyId, string>> = {
  'one-to-one': 'image classification',
  'one-to-many': 'image captioning, OCR',
  'many-to-one': 'sentiment analysis',
  'many-to-many-encoder-decoder': 'machine translation',
  'many-to-many-synced': 'video frame labelling',
};

function recognizeFixture(name: string): ReturnType<typeof recognizeTopology> {
  return recognizeTopology(readFileSync(path.join(FIXTURES, name), 'utf8'), { fileName: name });
}

describe('topology recognition of real-shaped model files', () => {
  for (const [name, expected] of Object.entries(TABLE)) {
    it(`${name} → ${expected.topology ?? 'no topology'}`, () => {
      const result = recognizeFixture(name);
      assert.equal(result.error, null);
      assert.equal(result.format, expected.format);
      assert.equal(result.topology, expected.topology, result.reason);
      assert.equal(result.inputLength, expected.inputLength);
      assert.equal(result.outputLength, expected.outputLength);
      assert.deepEqual([...result.cells], expected.cells);
      assert.ok(result.reason.includes(expected.reason), `reason "${result.reason}" should mention "${expected.reason}"`);
      assert.equal(result.example, expected.topology === null ? null : EXAMPLES[expected.topology]);
    });
  }

  it('covers every fixture in the folder, all five topologies and the unclassifiable cases', () => {
    const files = readdirSync(FIXTURES).filter((f) => !f.startsWith('malformed'));
    assert.deepEqual(files.sort(), Object.keys(TABLE).sort());
    const topologies = new Set(Object.values(TABLE).map((e) => e.topology));
    for (const id of Object.keys(EXAMPLES)) assert.ok(topologies.has(id as TopologyId), id);
    assert.ok(topologies.has(null));
    assert.ok(Object.keys(TABLE).length >= 15);
  });

  it('returns an error with the position for malformed JSON, and no topology', () => {
    const result = recognizeFixture('malformed-truncated.json');
    assert.equal(result.topology, null);
    assert.ok(result.error !== null);
    assert.deepEqual(result.error.range.start, { line: 32, character: 18 });
    assert.match(result.error.message, /unterminated string/);
    assert.equal(result.modelRange, null);
  });

  it('locates the model and its layers so lenses can sit above them', () => {
    const text = readFileSync(path.join(FIXTURES, 'tfkeras-functional-image-captioning.json'), 'utf8');
    const result = recognizeTopology(text);
    assert.ok(result.modelRange !== null && result.layersRange !== null);
    assert.deepEqual(result.modelRange.start, { line: 0, character: 0 });
    assert.equal(text.slice(result.layersRange.offset, result.layersRange.offset + 1), '[');
    assert.deepEqual(result.layersRange.start, { line: 4, character: 14 });

    const tfjs = readFileSync(path.join(FIXTURES, 'tfjs-js-gru-synced.model.json'), 'utf8');
    const inTfjs = recognizeTopology(tfjs);
    assert.ok(inTfjs.modelRange !== null);
    assert.ok(tfjs.slice(inTfjs.modelRange.offset).startsWith('{"class_name":"Sequential"'));
    assert.equal(inTfjs.modelRange.offset, tfjs.indexOf('{"class_name":"Sequential"'));
  });

  it('summarises to exactly the six CLI fields', () => {
    const summary = topologySummary(recognizeFixture('keras1-imdb-lstm.json'));
    assert.deepEqual(Object.keys(summary), ['topology', 'example', 'inputLength', 'outputLength', 'cells', 'reason']);
    assert.deepEqual({ ...summary, reason: '' }, {
      topology: 'many-to-one',
      example: 'sentiment analysis',
      inputLength: 80,
      outputLength: 1,
      cells: ['LSTM'],
      reason: '',
    });
  });
});
