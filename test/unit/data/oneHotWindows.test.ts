// Text at scale (issue 15): character windows keep their one-hot inputs as class indices (engine/oneHotExample.ts);
// `inputs` is still the dense one-hot for every consumer, training on them is bit-identical to dense windows, they
// cross postMessage compactly, and the memory estimate of a 1 MB book fits the budget.
import * as assert from 'node:assert/strict';
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import { makeCharacterWindows, makeLabelledTextSequences } from '../../../src/data/prepare/characterText';
import { prepareCharacterData } from '../../../src/data/prepare/characterTrainingData';
import { estimatePreparedDataBytes, PREPARED_DATA_BUDGET_BYTES } from '../../../src/data/memoryEstimate';
import { parseTableText } from '../../../src/data/parse/loadTable';
import type { SequenceExample } from '../../../src/engine/dataset';
import { OneHotExample, oneHotRows } from '../../../src/engine/oneHotExample';
import { plainSettings, resolveSettings, type SettingsOverrides } from '../../../src/lab/settings/resolveSettings';
import { parseHostToWorkerMessage } from '../../../src/protocol/workerProtocol';
import { collectRun } from '../training/trainingRunFixtures';

const TEXT = 'the quick brown fox jumps over the lazy dog; the dog sleeps. '.repeat(6);

/** The dense one-hot copy of an example, as character windows were before issue 15. */
function dense(example: SequenceExample): SequenceExample {
  return { inputLength: example.inputLength, inputs: Float64Array.from(example.inputs), targetLength: example.targetLength, targets: example.targets, targetClasses: example.targetClasses! };
}

describe('one-hot character windows (text at scale)', () => {
  it('keeps each window\'s input characters as class indices: inputClasses[t] is the code of text[s + t]', () => {
    const { dataset, vocabulary } = makeCharacterWindows(TEXT, { window: 12, stride: 5 });
    const characters = Array.from(TEXT);
    dataset.examples.forEach((example, index) => {
      const start = index * 5;
      assert.ok(example instanceof OneHotExample);
      assert.deepEqual(Array.from(example.inputClasses!), characters.slice(start, start + 12).map((c) => vocabulary.indexOf.get(c)));
      assert.deepEqual(Array.from(example.targetClasses!), characters.slice(start + 1, start + 13).map((c) => vocabulary.indexOf.get(c)));
    });
  });

  it('`inputs` is the dense [T × V] one-hot, built on access and not kept per window', () => {
    const { dataset } = makeCharacterWindows(TEXT, { window: 12 });
    const V = dataset.inputSize;
    for (const example of dataset.examples) {
      const inputs = example.inputs;
      assert.equal(inputs.length, 12 * V);
      for (let t = 0; t < 12; t++) {
        for (let k = 0; k < V; k++) assert.equal(inputs[t * V + k], k === example.inputClasses![t] ? 1 : 0);
      }
    }
    // the most recently read are cached (a forward pass reads them more than once) up to 16 MB; older ones are rebuilt
    const first = dataset.examples[0]!;
    const again = first.inputs;
    assert.equal(first.inputs, again, 'the cache answers a repeated read with the same array');
    // three windows of 1000 steps over V = 1000 (8 MB each) push it out: not kept for every window
    const big = [1, 2, 3].map((k) => new OneHotExample({ inputClasses: new Int32Array(1000).fill(k), inputSize: 1000, targetLength: 1, targets: new Float64Array(0) }));
    big.forEach((example) => assert.equal(example.inputs[5 * 1000 + example.inputClasses[0]!], 1));
    assert.notEqual(first.inputs, again, 'rebuilt after it left the cache');
    assert.deepEqual(first.inputs, again);
    // only own fields are data: no dense matrix is stored on the object
    assert.deepEqual(Object.keys(first).sort(), ['inputClasses', 'inputLength', 'targetClasses', 'targetLength', 'targets']);
  });

  it('labelled sentences are one-hot examples too', () => {
    const table = parseTableText('text,label\nme gusta mucho,pos\nno me gusta,neg\nqué bien,pos\nqué mal,neg\n', 's.csv');
    const { dataset, vocabulary } = makeLabelledTextSequences(table, 'text', 'label');
    const first = dataset.examples[0]!;
    assert.deepEqual(Array.from(first.inputClasses!), Array.from('me gusta mucho').map((c) => vocabulary.indexOf.get(c)));
    assert.deepEqual(first.inputs, oneHotRows(first.inputClasses!, dataset.inputSize));
  });

  it('trains to bit-identical losses on compact and dense windows (LSTM, 2 epochs)', () => {
    const overrides: SettingsOverrides = { model: { cell: 'lstm', window: 10, hiddenSize: 6 }, training: { epochs: 2, batch: 4, learningRate: 0.02, validationSplit: 0.2 } };
    const settings = plainSettings(resolveSettings({ args: overrides }).settings);
    const prepared = prepareCharacterData(parseTableText(TEXT, 'fox.txt'), settings, 'fox.txt');
    const job = { model: prepared.model, settings, modelExtras: {} };
    const compact = collectRun({ ...job, data: prepared.data });
    const denseData = { ...prepared.data, train: prepared.data.train.map(dense), validation: prepared.data.validation.map(dense) };
    const reference = collectRun({ ...job, data: denseData });
    assert.equal(compact.run.status, 'completed');
    assert.deepEqual(compact.epochs.map((e) => [e.trainLoss, e.validationLoss]), reference.epochs.map((e) => [e.trainLoss, e.validationLoss]));
    assert.equal(compact.run.modelJson, reference.run.modelJson);
  });

  it('crosses postMessage as class indices and is a one-hot example again after the worker protocol', () => {
    const { dataset } = makeCharacterWindows(TEXT, { window: 12 });
    const { port1, port2 } = new MessageChannel();
    const settings = plainSettings(resolveSettings().settings);
    const model = { cell: 'rnn', nonlinearity: 'tanh', inputSize: dataset.inputSize, hiddenSize: 4, outputSize: dataset.outputSize, numLayers: 1, topology: 'many-to-many-synced', loss: 'xent', oneToManyInput: 'first-step', outputLength: 12 };
    const message = { type: 'start', runId: 'r', model, settings, data: { inputSize: dataset.inputSize, outputSize: dataset.outputSize, train: dataset.examples, validation: [] }, modelExtras: {}, cancelFlag: new SharedArrayBuffer(4) };
    port1.postMessage(message);
    const received = receiveMessageOnPort(port2)?.message as { data: { train: Array<Record<string, unknown>> } };
    port1.close();
    assert.equal(received.data.train[0]!['inputs'], undefined, 'the dense rows do not travel');
    const parsed = parseHostToWorkerMessage(received);
    assert.ok(parsed.ok && parsed.value.type === 'start', JSON.stringify(parsed));
    const restored = parsed.value.data.train;
    assert.equal(restored.length, dataset.examples.length);
    restored.forEach((example, index) => {
      assert.ok(example instanceof OneHotExample);
      assert.deepEqual(example.inputs, dataset.examples[index]!.inputs);
      assert.deepEqual(example.targetClasses, dataset.examples[index]!.targetClasses);
    });
  });

  it('estimates a 1 MB book with T = 100 well inside the budget (4·T bytes of inputs per window, not 8·T·V)', () => {
    const windows = Math.floor((1_000_000 - 101) / 100) + 1;
    const shape = { windows, inputLength: 100, inputSize: 80, targetLength: 100, outputSize: 0, targetClasses: 100 } as const;
    const compact = estimatePreparedDataBytes({ ...shape, oneHotInputs: true });
    // 9,999 windows × (640 + 400 + 400) bytes ≈ 13.7 MB, against 9,999 × (640 + 64,000 + 400) ≈ 620 MB dense
    assert.equal(compact, windows * (640 + 4 * 100 + 4 * 100));
    assert.ok(compact < PREPARED_DATA_BUDGET_BYTES / 20);
    assert.ok(estimatePreparedDataBytes(shape) > PREPARED_DATA_BUDGET_BYTES);
    // and the windows of a 1 MB text are really prepared (V = 27 here)
    const book = 'abcdefghijklmnopqrstuvwxyz '.repeat(Math.ceil(1_000_000 / 27)).slice(0, 1_000_000);
    const { dataset } = makeCharacterWindows(book, { window: 100 });
    assert.equal(dataset.examples.length, windows);
  });
});
