// One test per recognition rule on small hand-built models (the realistic files are in topologyFixtures.test.ts).
import * as assert from 'node:assert/strict';
import { convolvedLength } from '../../../src/modelFiles/keras/kerasLayerRules';
import { recognizeTopology } from '../../../src/modelFiles/recognizeTopology';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function layer(className: string, config: Record<string, Json>): Json {
  return { class_name: className, config };
}

function sequential(...layers: Json[]): string {
  return JSON.stringify({ class_name: 'Sequential', config: { name: 'sequential', layers }, keras_version: '2.15.0', backend: 'tensorflow' });
}

/** Functional layer entry, Keras 2 spelling: inbound as [[[name, node, tensor, {}], …]]. */
function node(className: string, config: Record<string, Json>, ...inputs: (string | [string, number, number])[]): Json {
  const refs = inputs.map((input) => (typeof input === 'string' ? [input, 0, 0, {}] : [...input, {}]));
  return { class_name: className, name: String(config['name']), config, inbound_nodes: refs.length === 0 ? [] : [refs] };
}

function functional(layers: Json[], inputs: string[], outputs: string[]): string {
  return JSON.stringify({
    class_name: 'Functional',
    config: { name: 'model', layers, input_layers: inputs.map((n) => [n, 0, 0]), output_layers: outputs.map((n) => [n, 0, 0]) },
    keras_version: '2.15.0',
    backend: 'tensorflow',
  });
}

const lstm = (name: string, units: number, extra: Record<string, Json> = {}): Record<string, Json> => ({ name, units, return_sequences: false, ...extra });

describe('Keras recognition rules', () => {
  it('computes Keras conv_output_length for valid, same and dilated windows', () => {
    assert.equal(convolvedLength(500, 3, 1, 'valid'), 498);
    assert.equal(convolvedLength(500, 3, 1, 'same'), 500);
    assert.equal(convolvedLength(500, 2, 2, 'valid'), 250);
    assert.equal(convolvedLength(101, 2, 2, 'same'), 51);
    assert.equal(convolvedLength(100, 3, 2, 'valid', 2), 48); // floor((100 − 5)/2) + 1
    assert.equal(convolvedLength(null, 3, 1, 'valid'), null);
  });

  it('synced: Conv1D (valid) before a sequence-returning LSTM shortens the output sequence', () => {
    const result = recognizeTopology(
      sequential(
        layer('InputLayer', { name: 'x', batch_input_shape: [null, 100, 8] }),
        layer('Conv1D', { name: 'conv', filters: 16, kernel_size: [5], strides: [1], padding: 'valid' }),
        layer('LSTM', lstm('lstm', 32, { return_sequences: true })),
        layer('TimeDistributed', { name: 'td', layer: layer('Dense', { name: 'dense', units: 1 }) }),
      ),
    );
    assert.equal(result.topology, 'many-to-many-synced');
    assert.equal(result.inputLength, 100);
    assert.equal(result.outputLength, 96);
  });

  it('many-to-one without any declared shape: the LSTM itself says the input is a sequence', () => {
    const result = recognizeTopology(sequential(layer('LSTM', lstm('lstm', 8)), layer('Dense', { name: 'd', units: 1 })));
    assert.equal(result.topology, 'many-to-one');
    assert.equal(result.inputLength, null);
    assert.equal(result.outputLength, 1);
  });

  it('follows tensor indices: Bidirectional with merge_mode null has two outputs, both concatenated', () => {
    const result = recognizeTopology(
      functional(
        [
          node('InputLayer', { name: 'x', batch_input_shape: [null, 20, 4] }),
          node('Bidirectional', { name: 'bi', merge_mode: null, layer: layer('GRU', lstm('gru', 8)) }, 'x'),
          node('Concatenate', { name: 'cat', axis: -1 }, ['bi', 0, 0], ['bi', 0, 1]),
          node('Dense', { name: 'out', units: 3 }, 'cat'),
        ],
        ['x'],
        ['out'],
      ),
    );
    assert.equal(result.topology, 'many-to-one');
    assert.deepEqual([...result.cells], ['Bidirectional(GRU)']);
    assert.equal(result.inputLength, 20);
  });

  it('encoder–decoder when the initial_state is given in the call kwargs (Keras 2 dict form)', () => {
    const text = JSON.stringify({
      class_name: 'Model',
      config: {
        name: 'm',
        layers: [
          { class_name: 'InputLayer', name: 'src', config: { name: 'src', batch_input_shape: [null, 9, 3] }, inbound_nodes: [] },
          { class_name: 'InputLayer', name: 'tgt', config: { name: 'tgt', batch_input_shape: [null, 6, 3] }, inbound_nodes: [] },
          { class_name: 'LSTM', name: 'enc', config: lstm('enc', 16, { return_state: true }), inbound_nodes: [[['src', 0, 0, {}]]] },
          {
            class_name: 'LSTM',
            name: 'dec',
            config: lstm('dec', 16, { return_sequences: true }),
            inbound_nodes: [[['tgt', 0, 0, { initial_state: [['enc', 0, 1], ['enc', 0, 2]] }]]],
          },
          { class_name: 'Dense', name: 'y', config: { name: 'y', units: 3 }, inbound_nodes: [[['dec', 0, 0, {}]]] },
        ],
        input_layers: [['src', 0, 0], ['tgt', 0, 0]],
        output_layers: [['y', 0, 0]],
      },
      keras_version: '2.2.4',
      backend: 'tensorflow',
    });
    const result = recognizeTopology(text);
    assert.equal(result.format, 'keras-2');
    assert.equal(result.topology, 'many-to-many-encoder-decoder');
    assert.equal(result.inputLength, 9);
    assert.equal(result.outputLength, 6);
  });

  it('one-to-many when an image vector initialises the caption decoder (init-inject, teacher forcing)', () => {
    const result = recognizeTopology(
      functional(
        [
          node('InputLayer', { name: 'image', batch_input_shape: [null, 512] }),
          node('InputLayer', { name: 'words', batch_input_shape: [null, 18] }),
          node('Dense', { name: 'h0', units: 64 }, 'image'),
          node('Embedding', { name: 'emb', input_dim: 3000, output_dim: 32 }, 'words'),
          node('LSTM', lstm('decoder', 64, { return_sequences: true }), 'emb', 'h0', 'h0'),
          node('TimeDistributed', { name: 'probs', layer: layer('Dense', { name: 'dense', units: 3000 }) }, 'decoder'),
        ],
        ['image', 'words'],
        ['probs'],
      ),
    );
    assert.equal(result.topology, 'one-to-many');
    assert.equal(result.outputLength, 18);
    assert.match(result.reason, /initialises decoder decoder/);
  });

  it('walks a nested Sequential used as a layer (encoder sub-model) and keeps its RepeatVector rule', () => {
    const encoder = { class_name: 'Sequential', name: 'encoder', config: { name: 'encoder', layers: [layer('GRU', lstm('enc_gru', 32))] }, inbound_nodes: [[['x', 0, 0, {}]]] };
    const result = recognizeTopology(
      functional(
        [
          node('InputLayer', { name: 'x', batch_input_shape: [null, 25, 2] }),
          encoder,
          node('RepeatVector', { name: 'rep', n: 10 }, 'encoder'),
          node('GRU', lstm('dec_gru', 32, { return_sequences: true }), 'rep'),
          node('TimeDistributed', { name: 'y', layer: layer('Dense', { name: 'd', units: 2 }) }, 'dec_gru'),
        ],
        ['x'],
        ['y'],
      ),
    );
    assert.equal(result.topology, 'many-to-many-encoder-decoder');
    assert.deepEqual([...result.cells], ['GRU', 'GRU']);
    assert.equal(result.inputLength, 25);
    assert.equal(result.outputLength, 10);
  });

  it('stateful with a real time axis is still classified, with a note', () => {
    const result = recognizeTopology(
      sequential(layer('SimpleRNN', lstm('rnn', 4, { stateful: true, return_sequences: true, batch_input_shape: [8, 12, 1] })), layer('Dense', { name: 'd', units: 1 })),
    );
    assert.equal(result.topology, 'many-to-many-synced');
    assert.equal(result.inputLength, 12);
    assert.match(result.reason, /stateful layers \(rnn\) also carry their state/);
  });

  it('names CuDNN layers and generic RNN(cell) layers, and flags unknown layers as assumed shape-preserving', () => {
    const result = recognizeTopology(
      sequential(
        layer('InputLayer', { name: 'x', batch_input_shape: [null, 40, 3] }),
        layer('CuDNNLSTM', lstm('cudnn', 16, { return_sequences: true })),
        layer('MyAttention', { name: 'custom_attention' }),
        layer('RNN', { name: 'rnn', return_sequences: false, cell: layer('LSTMCell', { name: 'cell', units: 8 }) }),
        layer('Dense', { name: 'd', units: 1 }),
      ),
    );
    assert.equal(result.topology, 'many-to-one');
    assert.deepEqual([...result.cells], ['CuDNNLSTM', 'RNN(LSTMCell)']);
    assert.match(result.reason, /assumed shape-preserving: custom_attention \(MyAttention\)/);
  });

  it('a Reshape of a flat input into rows is still one input → one output, and says so', () => {
    const result = recognizeTopology(
      sequential(
        layer('Reshape', { name: 'rows', target_shape: [28, 28], batch_input_shape: [null, 784] }),
        layer('LSTM', lstm('lstm', 64)),
        layer('Dense', { name: 'd', units: 10 }),
      ),
    );
    assert.equal(result.topology, 'one-to-one');
    assert.match(result.reason, /Reshape rows turns the input \(shape \[784\]\) into a sequence of 28 steps that lstm reads/);
  });

  it('ConvLSTM2D over video frames returning sequences is synced', () => {
    const result = recognizeTopology(
      sequential(
        layer('InputLayer', { name: 'frames', batch_input_shape: [null, 10, 40, 40, 1] }),
        layer('ConvLSTM2D', { name: 'conv_lstm', filters: 8, kernel_size: [3, 3], return_sequences: true }),
        layer('TimeDistributed', { name: 'td', layer: layer('GlobalAveragePooling2D', { name: 'gap' }) }),
        layer('TimeDistributed', { name: 'td2', layer: layer('Dense', { name: 'd', units: 4 }) }),
      ),
    );
    assert.equal(result.topology, 'many-to-many-synced');
    assert.equal(result.inputLength, 10);
    assert.equal(result.outputLength, 10);
    assert.deepEqual([...result.cells], ['ConvLSTM2D']);
  });

  it('explains instead of guessing: broken graph, empty model, weights-only TF.js file', () => {
    const broken = recognizeTopology(
      functional([node('InputLayer', { name: 'x', batch_input_shape: [null, 5, 1] }), node('LSTM', lstm('l', 2), 'missing_layer')], ['x'], ['l']),
    );
    assert.equal(broken.topology, null);
    assert.match(broken.reason, /layer l reads "missing_layer", which is not in the model/);

    const empty = recognizeTopology(sequential());
    assert.equal(empty.topology, null);
    assert.equal(empty.reason, 'the model has no layers');

    const weightsOnly = recognizeTopology(JSON.stringify({ format: 'graph-model', modelTopology: null, weightsManifest: [] }));
    assert.equal(weightsOnly.format, null);
    assert.match(weightsOnly.reason, /"modelTopology": null/);

    const array = recognizeTopology('[1, 2, 3]');
    assert.equal(array.topology, null);
    assert.match(array.reason, /JSON array, not an object/);
  });

  it('reads the Keras 3 single-triplet input_layers form', () => {
    const text = JSON.stringify({
      module: 'keras.src.models.functional',
      class_name: 'Functional',
      config: {
        name: 'f',
        layers: [
          { module: 'keras.layers', class_name: 'InputLayer', name: 'inp', config: { name: 'inp', batch_shape: [null, 7, 2] }, inbound_nodes: [] },
          {
            module: 'keras.layers',
            class_name: 'SimpleRNN',
            name: 'rnn',
            config: { name: 'rnn', units: 4, return_sequences: true },
            inbound_nodes: [{ args: [{ class_name: '__keras_tensor__', config: { shape: [null, 7, 2], keras_history: ['inp', 0, 0] } }], kwargs: {} }],
          },
        ],
        input_layers: ['inp', 0, 0],
        output_layers: ['rnn', 0, 0],
      },
    });
    const result = recognizeTopology(text);
    assert.equal(result.format, 'keras-3');
    assert.equal(result.topology, 'many-to-many-synced');
    assert.equal(result.outputLength, 7);
  });

  it('Keras 3: a mask in kwargs is not an initial state; keyword-only calls take their inputs from kwargs', () => {
    const tensor = (layerName: string, index = 0): Json => ({ class_name: '__keras_tensor__', config: { shape: [null, 12, 4], keras_history: [layerName, 0, index] } });
    const entry = (className: string, config: Record<string, Json>, args: Json[], kwargs: Record<string, Json>): Json => ({
      module: 'keras.layers',
      class_name: className,
      name: String(config['name']),
      config,
      inbound_nodes: [{ args, kwargs }],
    });
    const text = JSON.stringify({
      module: 'keras.src.models.functional',
      class_name: 'Functional',
      config: {
        name: 'f',
        layers: [
          { module: 'keras.layers', class_name: 'InputLayer', name: 'x', config: { name: 'x', batch_shape: [null, 12, 4] }, inbound_nodes: [] },
          entry('Masking', { name: 'masking', mask_value: 0 }, [tensor('x')], {}),
          entry('LSTM', { name: 'lstm', units: 8, return_sequences: true }, [tensor('masking')], { mask: tensor('masking'), training: false }),
          entry('MultiHeadAttention', { name: 'mha', num_heads: 2, key_dim: 4 }, [], { query: tensor('lstm'), value: tensor('lstm') }),
          entry('Dense', { name: 'out', units: 1 }, [tensor('mha')], {}),
        ],
        input_layers: [['x', 0, 0]],
        output_layers: [['out', 0, 0]],
      },
    });
    const result = recognizeTopology(text);
    // Read as an initial state, the mask would make this look like an encoder–decoder.
    assert.equal(result.topology, 'many-to-many-synced', result.reason);
    assert.equal(result.inputLength, 12);
    assert.equal(result.outputLength, 12);
  });
});
