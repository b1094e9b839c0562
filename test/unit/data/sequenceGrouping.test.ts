import * as assert from 'assert';
import * as path from 'path';
import { loadTableFromFile, parseTableText } from '../../../src/data/parse/loadTable';
import { detectSequenceGrouping } from '../../../src/data/prepare/sequenceGrouping';
import { prepareGroupedTrainingData } from '../../../src/data/prepare/groupedTrainingData';
import { overviewTable, prepareForTraining, topologyDecidedBy } from '../../../src/data/prepare/prepareTrainingData';
import { plainSettings, resolveSettings, type SettingsOverrides } from '../../../src/lab/settings/resolveSettings';
import { nodePlatform } from '../../../src/node/nodePlatform';

const samples = path.resolve(__dirname, '../../../../samples');

function settings(overrides: SettingsOverrides = {}) {
  return plainSettings(resolveSettings({ args: overrides }).settings);
}

/** sequence,step,x,target: `count` sequences of `length` steps; x = sequence·10 + step; target = sum of x (per sequence). */
function groupedCsv(count: number, length: number, perStepTarget = false): string {
  const lines = ['sequence,step,x,target'];
  for (let s = 1; s <= count; s++) {
    let sum = 0;
    for (let t = 1; t <= length; t++) sum += s * 10 + t;
    for (let t = 1; t <= length; t++) lines.push(`${s},${t},${s * 10 + t},${perStepTarget ? s * 10 + t + 1 : sum}`);
  }
  return lines.join('\n');
}

describe('tables of many sequences (sequence column, one row per step)', () => {
  it('recognises the adding-problem sample: 100 sequences of 50 steps, inputs value and marker, target read at the last step', async () => {
    const table = await loadTableFromFile(path.join(samples, 'adding-problem.csv'), nodePlatform);
    const grouping = detectSequenceGrouping(table);
    assert.deepStrictEqual(grouping, {
      groupColumn: 'sequence',
      stepColumn: 'step',
      targetColumn: 'target',
      inputColumns: ['value', 'marker'],
      topology: 'many-to-one',
      sequences: 100,
      shortest: 50,
      longest: 50,
    });
    const overview = overviewTable(table);
    assert.strictEqual(overview.kind, 'grouped');
    assert.strictEqual(topologyDecidedBy(overview), 'many-to-one');
    assert.strictEqual(overviewTable(table, { group: false }).kind, 'series', 'group: false keeps the old behaviour');
  });

  it('marks a row or time counter (t = 1, 2, 3…) so the column pick does not tick it, and keeps the other columns plain', async () => {
    const sine = await loadTableFromFile(path.join(samples, 'sine.csv'), nodePlatform);
    const overview = overviewTable(sine);
    assert.strictEqual(overview.kind, 'series');
    assert.deepStrictEqual(overview.columns, [
      { name: 't', type: 'number', missing: 0, indexLike: true },
      { name: 'value', type: 'number', missing: 0 },
    ]);
  });

  it('is synced many-to-many when the target changes within a sequence', () => {
    const grouping = detectSequenceGrouping(parseTableText(groupedCsv(3, 4, true), 'g.csv'));
    assert.strictEqual(grouping?.topology, 'many-to-many-synced');
  });

  it('does not group an ordinary series, a group value that comes back, or a table without a target', () => {
    assert.strictEqual(detectSequenceGrouping(parseTableText('t,value\n1,0.5\n2,0.7\n3,0.1\n4,0.3\n5,0.2', 's.csv')), undefined);
    assert.strictEqual(detectSequenceGrouping(parseTableText('sequence,x,target\n1,1,2\n1,2,2\n2,3,4\n2,4,4\n1,5,6\n1,6,6', 'g.csv')), undefined);
    assert.strictEqual(detectSequenceGrouping(parseTableText('sequence,x,y2\n1,1,2\n1,2,2\n2,3,4\n2,4,4', 'g.csv')), undefined);
    // …unless the target is named
    assert.strictEqual(detectSequenceGrouping(parseTableText('sequence,x,y2\n1,1,2\n1,2,2\n2,3,4\n2,4,4', 'g.csv'), 'y2')?.targetColumn, 'y2');
  });

  it('makes one example per sequence, keeps the last sequences for validation and normalises on the training rows only', () => {
    const table = parseTableText(groupedCsv(10, 3), 'g.csv');
    const grouping = detectSequenceGrouping(table);
    assert.ok(grouping);
    const prepared = prepareGroupedTrainingData({ table, grouping, settings: settings({ training: { validationSplit: 0.2 }, data: { normalization: 'minmax' } }), source: 'g.csv' });
    assert.strictEqual(prepared.data.train.length, 8);
    assert.strictEqual(prepared.data.validation.length, 2);
    assert.deepStrictEqual(prepared.summary.shapes.inputShape, [10, 3, 1]);
    assert.deepStrictEqual(prepared.summary.shapes.targetShape, [10, 1, 1]);
    assert.strictEqual(prepared.model.topology, 'many-to-one');
    // x over the 8 training sequences (24 rows): min 11, max 83 → x' = (x − 11)/72
    const x = prepared.normalization.columns[0];
    assert.deepStrictEqual([x?.name, x?.offset, x?.scale], ['x', 11, 72]);
    const first = prepared.data.train[0];
    assert.deepStrictEqual(Array.from(first?.inputs ?? []), [0, 1 / 72, 2 / 72]);
    // target of sequence 1 = 11+12+13 = 36; min over training rows 36 (seq 1), max 30·8+6 = 246 → 0
    assert.strictEqual(first?.targets[0], 0);
    const validationTarget = prepared.data.validation[1]?.targets[0] as number;
    assert.ok(Math.abs(validationTarget - (306 - 36) / 210) < 1e-12, 'validation values use the training statistics');
    assert.strictEqual(prepared.prediction.kind, 'sequences');
  });

  it('prepares the adding problem through the same entry point the worker uses', async () => {
    const table = await loadTableFromFile(path.join(samples, 'adding-problem.csv'), nodePlatform);
    const prepared = prepareForTraining(table, overviewTable(table), {}, settings({ model: { topology: 'many-to-one' } }), 'adding-problem.csv');
    assert.strictEqual(prepared.data.train.length + prepared.data.validation.length, 100);
    assert.strictEqual(prepared.data.train[0]?.inputLength, 50);
    assert.strictEqual(prepared.data.inputSize, 2);
    assert.deepStrictEqual(prepared.summary.shapes.columnsUsed, ['value', 'marker', 'target']);
  });
});
