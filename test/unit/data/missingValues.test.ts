import * as assert from 'node:assert';
import { loadTableFromFile } from '../../../src/data/parse/loadTable';
import { dropMissingRows, findMissingInTable, interpolateMissing } from '../../../src/data/prepare/missingValues';
import * as fs from 'node:fs';
import { DataIntake } from '../../../src/data/intake';
import { settingsFrom } from '../../../src/lab/settings/resolveSettings';
import { fixture } from './fixtures';
import { nodePlatform } from '../../../src/node/nodePlatform';

const nullable = (values: Float64Array): Array<number | null> => Array.from(values, (v) => (Number.isNaN(v) ? null : v));

describe('missing values: where, and drop or interpolate', () => {
  it('counts them with their source lines', async () => {
    // missing.csv: a is empty on line 3 and "null" on line 6; b is "NA" on line 4.
    const table = await loadTableFromFile(fixture('missing.csv'), nodePlatform);
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

  it('preparing a series with gaps: refused at the first gap by default (with where they are), or the chosen remedy', async () => {
    const text = fs.readFileSync(fixture('missing.csv'), 'utf8');
    const settings = settingsFrom({ model: { topology: 'one-to-one', window: 1 }, training: { validationSplit: 0 }, data: { normalization: 'none' } });
    const intake = new DataIntake(nodePlatform);
    assert.ok((await intake.load({ kind: 'text', text, label: 'missing.csv' }, { maxBytes: 1e6 })).ok);
    const refused = intake.prepare({ columns: 'a' }, settings);
    assert.ok(!refused.ok);
    assert.equal(refused.error.code, 'missing-values');
    assert.equal(refused.error.line, 3);
    assert.deepStrictEqual(refused.missing, { count: 2, rows: [1, 4], lines: [3, 6] });
    const interpolated = intake.prepare({ columns: 'a', missing: 'interpolate' }, settings);
    assert.ok(interpolated.ok);
    // a = 1, _, 3, 4, _ → 1, 2, 3, 4, 4
    assert.deepStrictEqual(interpolated.prepared.data.train.map((e) => [e.inputs[0], e.targets[0]]), [
      [1, 2],
      [2, 3],
      [3, 4],
      [4, 4],
    ]);
    const dropped = intake.prepare({ columns: 'a', missing: 'drop' }, settings);
    assert.ok(dropped.ok);
    assert.equal(dropped.prepared.summary.shapes.rowsRead, 5);
    assert.deepStrictEqual(dropped.prepared.summary.missingValues, { count: 2, handling: 'drop' });
    // 3 rows left → 2 one-to-one windows
    assert.equal(dropped.prepared.summary.shapes.trainWindows, 2);
  });
});
