import * as assert from 'node:assert';
import * as path from 'node:path';
import { makeCharacterWindows, makeLabelledTextSequences } from '../../../src/data/prepare/characterText';
import { DataError } from '../../../src/data/dataError';
import { makeGroupedSequences } from '../../../src/data/prepare/groupedSequences';
import { loadTableFromFile, parseTableText } from '../../../src/data/parse/loadTable';
import { prepareTrainingData } from '../../../src/data/prepare/seriesTrainingData';
import { settingsFrom } from '../../../src/lab/settings/resolveSettings';
import { SAMPLES } from './fixtures';
import { nodePlatform } from '../../../src/node/nodePlatform';

describe('character text → next-character prediction (synced)', () => {
  it('one-hot inputs [T × V] and the next characters as class indices', () => {
    const { dataset, vocabulary } = makeCharacterWindows('hola hola', { window: 4 });
    assert.deepStrictEqual(vocabulary.characters, [' ', 'a', 'h', 'l', 'o']);
    assert.deepStrictEqual([dataset.inputSize, dataset.outputSize, dataset.examples.length], [5, 5, 2]);
    const first = dataset.examples[0]!;
    assert.deepStrictEqual([first.inputLength, first.targetLength, first.targets.length], [4, 4, 0]);
    // "hola" → targets "ola " = o, l, a, ' '
    assert.deepStrictEqual(Array.from(first.targetClasses!), [4, 3, 1, 0]);
    assert.deepStrictEqual(Array.from(first.inputs.subarray(0, 10)), [0, 0, 1, 0, 0, /* o */ 0, 0, 0, 0, 1]);
    const overlapping = makeCharacterWindows('hola hola', { window: 4, stride: 1 });
    assert.strictEqual(overlapping.dataset.examples.length, 5);
  });

  it('counts accented characters and ñ as one character each; too short a text names the minimum', () => {
    const { vocabulary } = makeCharacterWindows('añoñá', { window: 2 });
    assert.deepStrictEqual(vocabulary.characters, ['a', 'o', 'á', 'ñ']);
    assert.throws(() => makeCharacterWindows('abc', { window: 3 }), (e: unknown) => e instanceof DataError && e.code === 'too-little-data' && /at least 4 characters/.test(e.message));
  });

  it('the bundled story is a character-level sample', async () => {
    const table = await loadTableFromFile(path.join(SAMPLES, 'cuento-del-faro.txt'), nodePlatform);
    assert.strictEqual(table.format, 'text');
    const { dataset, vocabulary } = makeCharacterWindows(table.text!, { window: 25 });
    assert.ok(vocabulary.characters.includes('ñ') || vocabulary.characters.includes('é'));
    assert.strictEqual(dataset.examples.length, Math.floor((Array.from(table.text!).length - 1) / 25));
  });
});

describe('labelled sentences (sentiment) → many-to-one classification', () => {
  it('one example per sentence, its own length, label index scored at the last step', async () => {
    const table = await loadTableFromFile(path.join(SAMPLES, 'sentiment.csv'), nodePlatform);
    const { dataset, labels, vocabulary } = makeLabelledTextSequences(table, 'text', 'label');
    assert.deepStrictEqual(labels, ['negativo', 'positivo']);
    assert.deepStrictEqual([dataset.examples.length, dataset.outputSize, dataset.inputSize], [40, 2, vocabulary.characters.length]);
    const first = dataset.examples[0]!;
    assert.strictEqual(first.inputLength, Array.from('Me encantó la película, la volvería a ver.').length);
    assert.deepStrictEqual([first.targetLength, Array.from(first.targetClasses!)], [1, [1]]);
    assert.deepStrictEqual(Array.from(dataset.examples[3]!.targetClasses!), [0]);
  });
});

describe('grouped sequences: the adding problem sample', () => {
  it('100 sequences of 50 steps × (value, marker); target = sum of the two marked values', async () => {
    const table = await loadTableFromFile(path.join(SAMPLES, 'adding-problem.csv'), nodePlatform);
    const dataset = makeGroupedSequences(table, { groupColumn: 'sequence', inputColumns: ['value', 'marker'], targetColumn: 'target', topology: 'many-to-one' });
    assert.deepStrictEqual([dataset.examples.length, dataset.inputSize, dataset.outputSize], [100, 2, 1]);
    for (const example of dataset.examples) {
      assert.deepStrictEqual([example.inputLength, example.targetLength], [50, 1]);
      let sum = 0;
      let markers = 0;
      for (let step = 0; step < 50; step += 1) {
        if (example.inputs[step * 2 + 1] === 1) {
          sum += example.inputs[step * 2]!;
          markers += 1;
        }
      }
      assert.strictEqual(markers, 2);
      assert.ok(Math.abs(sum - example.targets[0]!) < 1e-9, `${sum} vs ${example.targets[0]}`);
    }
  });
});

describe('preparing a series for training (the one pipeline: data/prepare/seriesTrainingData.ts)', () => {
  it('sine sample: columns, normalisation fitted on the rows the training windows reach, windows, split and shapes', async () => {
    const table = await loadTableFromFile(path.join(SAMPLES, 'sine.csv'), nodePlatform);
    const settings = settingsFrom({ model: { window: 20 } });
    const prepared = prepareTrainingData({ table, columns: ['value'], settings, source: 'sine.csv' });
    // 1000 rows, span 21 → 980 windows; round(980 × 0.2) = 196 for validation; the first 784 windows reach row 783 + 21
    assert.strictEqual(prepared.normalization.fittedOnRows, 804);
    const values = table.columns[1]!.values!.subarray(0, 804);
    const mean = values.reduce((a, b) => a + b, 0) / 804;
    assert.ok(Math.abs(prepared.normalization.columns[0]!.offset - mean) < 1e-12);
    assert.deepStrictEqual(prepared.summary.shapes, {
      rowsRead: 1000,
      columnsUsed: ['value'],
      trainWindows: 784,
      validationWindows: 196,
      inputShape: [980, 20, 1],
      targetShape: [980, 1, 1],
    });
    assert.deepStrictEqual(prepared.prediction, { column: 'value', topology: 'many-to-one', window: 20, horizon: 1, targetLength: 1 });
    const scaled = (table.columns[1]!.values![20]! - mean) / prepared.normalization.columns[0]!.scale;
    assert.ok(Math.abs(prepared.data.train[0]!.targets[0]! - scaled) < 1e-12);
  });

  it('several inputs with a chosen target; JSON sequences keep their boundaries', () => {
    const table = parseTableText('a,b\n1,10\n2,20\n3,30\n4,40\n5,50\n', 's.csv');
    const encoderDecoder = settingsFrom({ model: { topology: 'many-to-many-encoder-decoder', window: 2, outputSteps: 2 }, training: { validationSplit: 0 }, data: { normalization: 'none' } });
    const prepared = prepareTrainingData({ table, columns: ['a', 'b'], target: 'b', settings: encoderDecoder, source: 's.csv' });
    assert.deepStrictEqual(prepared.summary.shapes.inputShape, [2, 2, 2]);
    assert.deepStrictEqual(prepared.data.train.map((e) => Array.from(e.targets)), [
      [30, 40],
      [40, 50],
    ]);
    const sequences = parseTableText('[[1, 2, 3], [4, 5, 6, 7]]', 'q.json');
    const manyToOne = settingsFrom({ model: { window: 2 }, training: { validationSplit: 0 }, data: { normalization: 'none' } });
    const windows = prepareTrainingData({ table: sequences, columns: ['1'], settings: manyToOne, source: 'q.json' });
    assert.deepStrictEqual(windows.data.train.map((e) => e.targets[0]), [3, 6, 7]);
    assert.throws(() => prepareTrainingData({ table, columns: ['a'], target: 'b', settings: manyToOne, source: 's.csv' }), /not among the chosen columns/);
  });

  it('a stride above 1 starts a window every s rows and fits the normalisation on the rows those windows reach', () => {
    const table = parseTableText(Array.from({ length: 101 }, (_, i) => String(i)).join('\n'), 'n.txt');
    const settings = settingsFrom({ model: { window: 10 }, data: { stride: 4 } });
    const prepared = prepareTrainingData({ table, columns: ['1'], settings, source: 'n.txt' });
    // span 11 → ⌊(101 − 11)/4⌋ + 1 = 23 windows; round(23 × 0.2) = 5 for validation; 18 training windows reach 17·4 + 11 rows
    assert.deepStrictEqual([prepared.summary.shapes.trainWindows, prepared.summary.shapes.validationWindows], [18, 5]);
    assert.equal(prepared.normalization.fittedOnRows, 79);
    assert.deepStrictEqual(prepared.data.train.slice(0, 2).map((e) => e.inputs.length), [10, 10]);
  });
});
