import * as assert from 'assert';
import { DataError } from '../../../src/data/dataError';
import { parseTableText } from '../../../src/data/parse/loadTable';
import { plainSettings, resolveSettings, type SettingsOverrides } from '../../../src/lab/settings/resolveSettings';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadData } from '../../../src/data/load';
import { prepareTrainingData } from '../../../src/data/prepare/seriesTrainingData';
import { nodePlatform } from '../../../src/node/nodePlatform';

function settings(overrides: SettingsOverrides = {}) {
  return plainSettings(resolveSettings({ args: overrides }).settings);
}

/** date,price,volume with 50 rows; price = row index, volume = 2·row. */
function csv(rows = 50, blankPriceAt: number[] = []): string {
  const lines = ['date,price,volume'];
  for (let i = 0; i < rows; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    lines.push(`2024-01-${day},${blankPriceAt.includes(i) ? '' : i},${2 * i}`);
  }
  return lines.join('\n');
}

describe('training data: table → windows, shapes, normalisation', () => {
  it('cuts many-to-one windows from the chosen columns with the expected shapes and split', () => {
    const table = parseTableText(csv(), 'prices.csv');
    const prepared = prepareTrainingData({
      table,
      columns: ['price', 'volume'],
      settings: settings({ model: { window: 10, horizon: 1 }, training: { validationSplit: 0.2 }, data: { normalization: 'none' } }),
      source: 'prices.csv',
    });
    // 50 rows, span = T + h = 11 → 40 windows; 20 % → 8 for validation (the last ones).
    assert.deepStrictEqual(prepared.summary.shapes, {
      rowsRead: 50,
      columnsUsed: ['price', 'volume'],
      trainWindows: 32,
      validationWindows: 8,
      inputShape: [40, 10, 2],
      targetShape: [40, 1, 1],
    });
    assert.strictEqual(prepared.model.inputSize, 2);
    assert.strictEqual(prepared.model.outputSize, 1);
    const firstValidation = prepared.data.validation[0];
    // window 32 starts at row 32: inputs (32, 64), (33, 66)…; target = price at row 42.
    assert.deepStrictEqual(Array.from(firstValidation?.inputs.subarray(0, 4) ?? []), [32, 64, 33, 66]);
    assert.deepStrictEqual(Array.from(firstValidation?.targets ?? []), [42]);
    assert.deepStrictEqual(prepared.prediction, { column: 'price', topology: 'many-to-one', window: 10, horizon: 1, targetLength: 1 });
  });

  it('fits the z-score on the training rows only, so validation statistics never leak into training', () => {
    const table = parseTableText(csv(), 'prices.csv');
    const prepared = prepareTrainingData({
      table,
      columns: ['price'],
      settings: settings({ model: { window: 10 }, training: { validationSplit: 0.2 } }),
      source: 'prices.csv',
    });
    // Training windows 0…31 reach rows 0…41 (31 + span 11 − 1): μ = 20.5, σ² = (42² − 1)/12.
    const [scaling] = prepared.summary.normalization;
    assert.strictEqual(scaling?.kind, 'zscore');
    assert.ok(Math.abs((scaling?.offset ?? 0) - 20.5) < 1e-12);
    assert.ok(Math.abs((scaling?.scale ?? 0) - Math.sqrt((42 * 42 - 1) / 12)) < 1e-12);
    const first = prepared.data.train[0];
    assert.ok(Math.abs((first?.inputs[0] ?? 0) - (0 - 20.5) / (scaling?.scale ?? 1)) < 1e-12);
  });

  it('refuses missing values unless told to drop or interpolate them', () => {
    const table = parseTableText(csv(50, [5, 6]), 'prices.csv');
    const base = { table, columns: ['price'], settings: settings({ model: { window: 10 }, data: { normalization: 'none' } }), source: 'prices.csv' };
    assert.throws(() => prepareTrainingData(base), (error: unknown) => error instanceof DataError && error.code === 'missing-values' && /2 missing values, at lines 7, 8/.test(error.message));
    const interpolated = prepareTrainingData({ ...base, missing: 'interpolate' });
    assert.deepStrictEqual(Array.from(interpolated.data.train[0]?.inputs.subarray(4, 8) ?? []), [4, 5, 6, 7]);
    assert.deepStrictEqual(interpolated.summary.missingValues, { count: 2, handling: 'interpolate' });
    const dropped = prepareTrainingData({ ...base, missing: 'drop' });
    assert.deepStrictEqual(Array.from(dropped.data.train[0]?.inputs.subarray(4, 8) ?? []), [4, 7, 8, 9]);
    assert.strictEqual(dropped.summary.shapes.trainWindows + dropped.summary.shapes.validationWindows, 38);
  });

  it('says how many rows are needed when there is too little data for the window', () => {
    const table = parseTableText(csv(12), 'prices.csv');
    assert.throws(
      () => prepareTrainingData({ table, columns: ['price'], settings: settings({ model: { window: 20 } }), source: 'prices.csv' }),
      (error: unknown) => error instanceof DataError && error.code === 'too-little-data' && /at least 21 rows/.test(error.message),
    );
  });

  it('builds synced and encoder–decoder windows with their target lengths', () => {
    const table = parseTableText(csv(), 'prices.csv');
    const synced = prepareTrainingData({ table, columns: ['price'], settings: settings({ model: { window: 8, topology: 'many-to-many-synced' } }), source: 's' });
    assert.deepStrictEqual(synced.summary.shapes.targetShape, [42, 8, 1]);
    assert.strictEqual(synced.model.outputLength, 8);
    const encoderDecoder = prepareTrainingData({
      table,
      columns: ['price'],
      settings: settings({ model: { window: 8, topology: 'many-to-many-encoder-decoder' } }),
      source: 's',
    });
    assert.deepStrictEqual(encoderDecoder.summary.shapes.inputShape.slice(1), [8, 1]);
    assert.strictEqual(encoderDecoder.model.topology, 'many-to-many-encoder-decoder');
  });

  it('fingerprints the data with the SHA-256 of the bytes read: a file and the same text as a selection agree', async () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'rnn-lab-sha-'));
    const file = path.join(directory, 'prices.csv');
    const text = csv();
    fs.writeFileSync(file, text, 'utf8');
    const expected = createHash('sha256').update(fs.readFileSync(file)).digest('hex');
    const fromFile = await loadData({ kind: 'file', path: file, label: 'prices.csv' }, nodePlatform, { maxBytes: 1e6 });
    const fromText = await loadData({ kind: 'text', text, label: 'selection' }, nodePlatform, { maxBytes: 1e6 });
    assert.strictEqual(fromFile.sha256, expected);
    assert.strictEqual(fromText.sha256, expected);
    const changed = await loadData({ kind: 'text', text: text.replace('2024-01-01,0,0', '2024-01-01,0.0000001,0'), label: 'selection' }, nodePlatform, { maxBytes: 1e6 });
    assert.notStrictEqual(changed.sha256, expected);
  });
});
