import * as assert from 'node:assert';
import { DataError } from '../../../src/data/dataError';
import { loadTableFromFile } from '../../../src/data/parse/loadTable';
import { dropMissingRows, findMissingInTable, interpolateMissing } from '../../../src/data/prepare/missingValues';
import { prepareSeriesDataset } from '../../../src/data/prepare/prepareSeries';
import { fixture } from './fixtures';

const nullable = (values: Float64Array): Array<number | null> => Array.from(values, (v) => (Number.isNaN(v) ? null : v));

describe('missing values: where, and drop or interpolate', () => {
  it('counts them with their source lines', async () => {
    // missing.csv: a is empty on line 3 and "null" on line 6; b is "NA" on line 4.
    const table = await loadTableFromFile(fixture('missing.csv'));
    const report = findMissingInTable(table, [1, 2]);
    assert.deepStrictEqual([report.count, report.rows, report.lines], [3, [1, 2, 4], [3, 4, 6]]);
    assert.strictEqual(report.description, '3 missing values, at lines 3, 4, 6');
  });

  it('drop removes every row with a gap in any chosen column and moves sequence starts', () => {
    const a = Float64Array.from([1, NaN, 3, 4, 5, 6]);
    const b = Float64Array.from([1, 2, 3, NaN, 5, 6]);
    const dropped = dropMissingRows([a, b], [0, 3]);
    assert.deepStrictEqual(dropped.series.map((s) => Array.from(s)), [
      [1, 3, 5, 6],
      [1, 3, 5, 6],
    ]);
    assert.deepStrictEqual(Array.from(dropped.keptRows), [0, 2, 4, 5]);
    assert.deepStrictEqual(dropped.sequenceStarts, [0, 2]);
  });

  it('interpolate fills gaps linearly, ends with the nearest value, and never across sequences', () => {
    const [filled] = interpolateMissing([Float64Array.from([NaN, 2, NaN, NaN, 8, NaN])]).series;
    assert.deepStrictEqual(Array.from(filled!), [2, 2, 4, 6, 8, 8]);
    const [split] = interpolateMissing([Float64Array.from([0, NaN, 10, NaN, 20])], [0, 2]).series;
    // Sequence 1 = [0, NaN] → trailing fill 0; sequence 2 = [10, NaN, 20] → 15.
    assert.deepStrictEqual(Array.from(split!), [0, 0, 10, 15, 20]);
    const [empty] = interpolateMissing([Float64Array.from([NaN, NaN])]).series;
    assert.deepStrictEqual(nullable(empty!), [null, null]);
  });

  it('preparing a series with gaps: an error naming them by default, or the chosen remedy', async () => {
    const table = await loadTableFromFile(fixture('missing.csv'));
    assert.throws(
      () => prepareSeriesDataset(table, { topology: 'many-to-one', window: 2, columns: 'a', source: 'missing.csv', validationFraction: 0 }),
      (error: unknown) => error instanceof DataError && error.line === 3 && /^missing\.csv:3: 2 missing values in "a", at lines 3, 6\. .*interpolate/.test(error.message),
    );
    const interpolated = prepareSeriesDataset(table, {
      topology: 'one-to-one',
      window: 1,
      columns: 'a',
      missing: 'interpolate',
      normalization: 'none',
      validationFraction: 0,
      source: 'missing.csv',
    });
    // a = 1, _, 3, 4, _ → 1, 2, 3, 4, 4
    assert.deepStrictEqual(interpolated.train.examples.map((e) => [e.inputs[0], e.targets[0]]), [
      [1, 2],
      [2, 3],
      [3, 4],
      [4, 4],
    ]);
    const dropped = prepareSeriesDataset(table, { topology: 'one-to-one', window: 1, columns: 'a', missing: 'drop', normalization: 'none', validationFraction: 0, source: 'm' });
    assert.deepStrictEqual([dropped.preview.rowsRead, dropped.preview.rowsUsed], [5, 3]);
  });
});
