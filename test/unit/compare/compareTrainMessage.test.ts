// host → compare worker: the `train` request is validated in the worker (src/protocol/compareRemediesTrainMessage.ts)
// before anything trains; a real line-up entry and its windows pass unchanged, a malformed one names the field.
import * as assert from 'node:assert/strict';
import { compareLineup } from '../../../src/lab/lineup/compareRemediesLineup';
import type { DemoDataset } from '../../../src/lab/lineup/lineupData';
import { parseCompareTrainMessage } from '../../../src/protocol/compareRemediesTrainMessage';

const windows = (count: number): DemoDataset['training'] => ({
  inputSize: 1,
  outputSize: 1,
  examples: Array.from({ length: count }, (_, i) => ({ inputLength: 3, inputs: new Float64Array([i, i + 1, i + 2]), targetLength: 1, targets: new Float64Array([i + 3]) })),
});

const data: DemoDataset = {
  task: 'sine',
  file: 'sine.csv',
  training: windows(4),
  validation: windows(1),
  columns: ['value'],
  rows: 8,
  steps: 3,
  normalization: { kind: 'zscore', fittedOnRows: 6, columns: [{ name: 'value', offset: 0.5, scale: 2 }] },
  predicts: 'the next value',
  fingerprint: 'abc',
};

describe('compare remedies: train request', () => {
  const lineup = compareLineup({ remedies: { clipNorm: 1, tbpttK1: 10, tbpttK2: 10, l2: 0.001 }, epochs: 2 });

  it('accepts every entry of the line-up with its windows, unchanged', () => {
    for (const experiment of lineup) {
      const parsed = parseCompareTrainMessage({ type: 'train', experiment, data });
      assert.ok(parsed.ok, parsed.ok ? '' : `${experiment.id}: ${JSON.stringify(parsed.issue)}`);
      assert.deepEqual(parsed.value, { type: 'train', experiment, data });
      assert.ok(parsed.value.data.training.examples[0]!.inputs instanceof Float64Array);
    }
  });

  it('rejects a malformed request with the field path', () => {
    const experiment = lineup[0]!;
    const cases: [unknown, string][] = [
      [{ type: 'train', experiment: { ...experiment, kind: 'svm' }, data }, 'experiment.kind'],
      [{ type: 'train', experiment, data: { ...data, training: { ...data.training, examples: [{ ...data.training.examples[0], inputs: [1, 2, 3] }] } } }, 'data.training.examples[0].inputs'],
      [{ type: 'train', experiment, data: { ...data, normalization: { ...data.normalization, kind: 'log' } } }, 'data.normalization.kind'],
      [{ type: 'train', experiment }, 'data'],
      [{ type: 'fit', experiment, data }, 'type'],
    ];
    for (const [raw, path] of cases) {
      const parsed = parseCompareTrainMessage(raw);
      assert.ok(!parsed.ok, path);
      if (!parsed.ok) assert.equal(parsed.issue.path, path);
    }
  });
});
