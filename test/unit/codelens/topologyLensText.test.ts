// The topology lens text and the panel focus built from the engine's recognition of real files: the sample configs,
// Keras / TF.js fixtures, malformed and non-model JSON.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TOPOLOGY_IDS } from '../../../src/engine/dataset';
import { LECTURE_TOPOLOGIES } from '../../../src/modelFiles/lectureTopologies';
import { recognizeTopology } from '../../../src/modelFiles/recognizeTopology';
import { analyzeModelDocument } from '../../../src/modelFiles/modelDocumentAnalysis';
import { lectureTopologyText, shorten, topologyFocus, topologyLensContent } from '../../../src/host/modelFiles/topologyLensText';
import { english } from './englishTranslator';

const root = path.resolve(__dirname, '../../../..');
const read = (relative: string): string => fs.readFileSync(path.join(root, relative), 'utf8');

function lensOf(relative: string) {
  return topologyLensContent(recognizeTopology(read(relative), { fileName: path.basename(relative) }), english);
}

describe('topology lens text', () => {
  it('uses the lecture example and shape the engine names, for all five topologies', () => {
    for (const topology of TOPOLOGY_IDS) {
      const text = lectureTopologyText(topology, english);
      assert.equal(text.name, topology);
      assert.equal(text.example, LECTURE_TOPOLOGIES[topology].example);
      assert.equal(text.shape, LECTURE_TOPOLOGIES[topology].shape);
    }
  });

  it('titles the many-to-one sample exactly as the lecture and focuses the panel on its 50 → 1 steps', () => {
    const lens = lensOf('samples/configs/many-to-one.rnn.json');
    assert.ok(lens);
    assert.equal(lens.title, '⟲ many-to-one · sentiment analysis (sequence in → one output)');
    assert.deepEqual(lens.focus, { topology: 'many-to-one', inputLength: 50, outputLength: 1 });
    assert.match(lens.tooltip, /Steps: 50 in → 1 out · recurrent layers: LSTM/);
  });

  it('gives every sample config its own topology with its step counts', () => {
    const expected: Record<string, { topology: string; inputLength?: number; outputLength?: number }> = {
      'one-to-one': { topology: 'one-to-one', inputLength: 1, outputLength: 1 },
      'one-to-many': { topology: 'one-to-many', inputLength: 1, outputLength: 12 },
      'many-to-one': { topology: 'many-to-one', inputLength: 50, outputLength: 1 },
      'many-to-many-encoder-decoder': { topology: 'many-to-many-encoder-decoder', inputLength: 10, outputLength: 8 },
      'many-to-many-synced': { topology: 'many-to-many-synced', inputLength: 40, outputLength: 40 },
      'echo-state-network': { topology: 'many-to-many-synced', inputLength: 200, outputLength: 200 },
    };
    for (const [file, focus] of Object.entries(expected)) {
      const lens = lensOf(`samples/configs/${file}.rnn.json`);
      assert.deepEqual(lens?.focus, focus, file);
      assert.ok(lens?.title.startsWith(`⟲ ${focus.topology} · `), file);
    }
  });

  it('names the topology of real Keras and TF.js model JSON', () => {
    assert.equal(lensOf('test/fixtures/models/keras1-imdb-lstm.json')?.focus?.topology, 'many-to-one');
    assert.equal(lensOf('test/fixtures/models/tfkeras-video-frame-labelling.json')?.focus?.topology, 'many-to-many-synced');
    assert.equal(lensOf('test/fixtures/models/tfjs-legacy-onetomany.model.json')?.focus?.topology, 'one-to-many');
    assert.equal(lensOf('test/fixtures/models/tfkeras-mlp-mnist.json')?.title, '⟲ one-to-one · image classification (one input → one output)');
  });

  it('says why when a model has no lecture topology, and opens the panel unfocused', () => {
    const lens = lensOf('test/fixtures/models/tfkeras-stateful-one-step.json');
    assert.ok(lens);
    assert.equal(lens.focus, null);
    assert.ok(lens.title.startsWith('⟲ no lecture topology: '), lens.title);
    assert.ok(lens.title.length <= '⟲ no lecture topology: '.length + 80, lens.title);
  });

  it('gives no lens for malformed JSON, non-model JSON and huge documents, without throwing', () => {
    assert.equal(lensOf('test/fixtures/models/malformed-truncated.json'), null);
    assert.equal(lensOf('test/fixtures/models/not-a-model.json'), null);
    for (const text of ['', '{', '[1, 2', '{"class_name": "Sequential", "config": [', 'null', '"text"']) {
      assert.equal(topologyLensContent(recognizeTopology(text, { fileName: 'x.json' }), english), null, text);
    }
    const huge = `{"values": [${'1,'.repeat(3_000_000)}1]}`;
    assert.deepEqual(analyzeModelDocument(huge, 'big.json'), { recognition: null, rnnConfig: null });
  });

  it('keeps only the step counts the topology panel accepts', () => {
    assert.deepEqual(topologyFocus('many-to-one', 20, 1), { topology: 'many-to-one', inputLength: 20, outputLength: 1 });
    assert.deepEqual(topologyFocus('many-to-one', 20, 5), { topology: 'many-to-one', inputLength: 20 });
    assert.deepEqual(topologyFocus('one-to-many', 3, 9), { topology: 'one-to-many', outputLength: 9 });
    assert.deepEqual(topologyFocus('many-to-many-synced', 7, 8), { topology: 'many-to-many-synced', inputLength: 7 });
    assert.deepEqual(topologyFocus('many-to-many-encoder-decoder', null, 0), { topology: 'many-to-many-encoder-decoder' });
    assert.deepEqual(topologyFocus('one-to-one', 1, 1), { topology: 'one-to-one', inputLength: 1, outputLength: 1 });
  });

  it('shortens long reasons at a word with an ellipsis', () => {
    assert.equal(shorten('short', 80), 'short');
    const cut = shorten('stateful model fed one step per call: topology depends on how it is called by the training loop', 40);
    assert.ok(cut.length <= 40 && cut.endsWith('…'), cut);
    assert.equal(cut, 'stateful model fed one step per call:…');
  });
});

describe('model document analysis', () => {
  it('skips JSON without any model key, and still reads a key-less *.rnn.json as a config', () => {
    assert.deepEqual(analyzeModelDocument('{"rows": [1, 2, 3], "name": "prices"}', 'prices.json'), { recognition: null, rnnConfig: null });
    const empty = analyzeModelDocument('{}', 'empty.rnn.json');
    assert.equal(empty.recognition?.format, 'rnn-config');
    assert.ok(empty.rnnConfig);
    const keras = analyzeModelDocument(read('test/fixtures/models/keras1-imdb-lstm.json'), 'imdb.json');
    assert.equal(keras.recognition?.topology, 'many-to-one');
    assert.equal(keras.rnnConfig, null);
  });
});
