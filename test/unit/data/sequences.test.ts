import * as assert from 'node:assert';
import * as path from 'node:path';
import { makeCharacterWindows, makeLabelledTextSequences } from '../../../src/data/prepare/characterText';
import { DataError } from '../../../src/data/dataError';
import { makeGroupedSequences } from '../../../src/data/prepare/groupedSequences';
import { loadTableFromFile, parseTableText } from '../../../src/data/parse/loadTable';
import { formatShapePreview, prepareSeriesDataset } from '../../../src/data/prepare/prepareSeries';
import { SAMPLES } from './fixtures';

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
    const table = await loadTableFromFile(path.join(SAMPLES, 'cuento-del-faro.txt'));
    assert.strictEqual(table.format, 'text');
    const { dataset, vocabulary } = makeCharacterWindows(table.text!, { window: 25 });
    assert.ok(vocabulary.characters.includes('ñ') || vocabulary.characters.includes('é'));
    assert.strictEqual(dataset.examples.length, Math.floor((Array.from(table.text!).length - 1) / 25));
  });
});

describe('labelled sentences (sentiment) → many-to-one classification', () => {
  it('one example per sentence, its own length, label index scored at the last step', async () => {
    const table = await loadTableFromFile(path.join(SAMPLES, 'sentiment.csv'));
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
    const table = await loadTableFromFile(path.join(SAMPLES, 'adding-problem.csv'));
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

describe('preparing a series for training, with its shape preview', () => {
  it('sine sample: columns, normalisation fitted on the first 80% of rows, windows, split and preview', async () => {
    const table = await loadTableFromFile(path.join(SAMPLES, 'sine.csv'));
    const prepared = prepareSeriesDataset(table, { topology: 'many-to-one', window: 20, source: 'sine.csv' });
    assert.deepStrictEqual(prepared.columnNames, ['value']);
    assert.strictEqual(prepared.normalization.fittedOnRows, 800);
    const values = table.columns[1]!.values!.subarray(0, 800);
    const mean = values.reduce((a, b) => a + b, 0) / 800;
    assert.ok(Math.abs(prepared.normalization.columns[0]!.offset - mean) < 1e-12);
    // 1000 rows, span 21 → 980 windows; round(980 × 0.2) = 196 for validation.
    assert.deepStrictEqual(prepared.preview, {
      topology: 'many-to-one',
      rowsRead: 1000,
      rowsUsed: 1000,
      columns: ['value'],
      target: 'value',
      windows: 980,
      trainWindows: 784,
      validationWindows: 196,
      inputShape: [20, 1],
      targetShape: [1, 1],
      predicts: '"value" 1 step after each window of 20',
    });
    const scaled = (table.columns[1]!.values![20]! - mean) / prepared.normalization.columns[0]!.scale;
    assert.ok(Math.abs(prepared.train.examples[0]!.targets[0]! - scaled) < 1e-12);
    assert.deepStrictEqual(formatShapePreview(prepared.preview), [
      'rows read 1000, used 1000; columns "value"',
      'many-to-one: 980 windows (784 training, 196 validation)',
      'input [20 × 1] per window, target [1 × 1]',
      'predicts "value" 1 step after each window of 20',
    ]);
  });

  it('several inputs with a chosen target; JSON sequences keep their boundaries', () => {
    const table = parseTableText('a,b\n1,10\n2,20\n3,30\n4,40\n5,50\n', 's.csv');
    const prepared = prepareSeriesDataset(table, { topology: 'many-to-many-encoder-decoder', window: 2, outputLength: 2, columns: 'a,b', target: 'b', normalization: 'none', validationFraction: 0, source: 's.csv' });
    assert.deepStrictEqual(prepared.preview.inputShape, [2, 2]);
    assert.deepStrictEqual(prepared.train.examples.map((e) => Array.from(e.targets)), [
      [30, 40],
      [40, 50],
    ]);
    const sequences = parseTableText('[[1, 2, 3], [4, 5, 6, 7]]', 'q.json');
    const windows = prepareSeriesDataset(sequences, { topology: 'many-to-one', window: 2, normalization: 'none', validationFraction: 0, source: 'q.json' });
    assert.deepStrictEqual(windows.train.examples.map((e) => e.targets[0]), [3, 6, 7]);
    assert.throws(() => prepareSeriesDataset(table, { topology: 'many-to-one', window: 2, columns: 'a', target: 'b', source: 's.csv' }), /not among the chosen input columns/);
  });
});
