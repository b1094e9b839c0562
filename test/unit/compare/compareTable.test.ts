// Compare Remedies table logic: the loss threshold J* = 1.5 × best final validation J, and updates until the validation
// J first falls to J* or below, counted as (epoch index + 1) × updates per epoch.
import * as assert from 'node:assert/strict';
import type { CompareEntryMeasurement } from '../../../src/lab/lineup/lineupTable';
import { COMPARE_THRESHOLD_FACTOR, compareTableRows, lossThreshold, stepsToThreshold } from '../../../src/lab/lineup/lineupTable';

function entry(id: string, validationLossPerEpoch: number[], updatesPerEpoch = 10, extra: Partial<CompareEntryMeasurement> = {}): CompareEntryMeasurement {
  return {
    id,
    label: id.toUpperCase(),
    finalValidationLoss: validationLossPerEpoch[validationLossPerEpoch.length - 1] ?? Number.NaN,
    validationLossPerEpoch,
    updatesPerEpoch,
    clippedPercent: null,
    lambda1: null,
    wallMilliseconds: 1500,
    diverged: null,
    ...extra,
  };
}

describe('compare remedies: loss threshold', () => {
  it('is 1.5 × the best finite final validation loss', () => {
    assert.equal(COMPARE_THRESHOLD_FACTOR, 1.5);
    assert.equal(lossThreshold([entry('a', [0.4, 0.2]), entry('b', [0.5, 0.1]), entry('c', [Number.NaN])]), 1.5 * 0.1);
  });
  it('is NaN when no entry has a finite loss', () => {
    assert.ok(Number.isNaN(lossThreshold([entry('a', [Number.NaN])])));
    assert.ok(Number.isNaN(lossThreshold([])));
  });
});

describe('compare remedies: steps to threshold', () => {
  it('counts updates to the end of the first epoch at or below J*', () => {
    assert.equal(stepsToThreshold([0.9, 0.5, 0.3, 0.1], 25, 0.3), 75);
    assert.equal(stepsToThreshold([0.2], 25, 0.3), 25);
  });
  it('is null when J* is never reached or undefined, skipping NaN epochs', () => {
    assert.equal(stepsToThreshold([0.9, 0.5], 25, 0.3), null);
    assert.equal(stepsToThreshold([Number.NaN, 0.1], 4, 0.3), 8);
    assert.equal(stepsToThreshold([0.1], 4, Number.NaN), null);
  });
  it('gives 0 updates for a closed-form fit below J*', () => {
    assert.equal(stepsToThreshold([0.1], 0, 0.3), 0);
  });
});

describe('compare remedies: table rows', () => {
  it('one row per entry, in order, with steps, seconds and the best marked', () => {
    const rows = compareTableRows([
      entry('rnn', [1.0, 0.6, 0.4], 10, { lambda1: 0.9 }),
      entry('lstm', [0.5, 0.25, 0.2], 10, { clippedPercent: 12.5 }),
      entry('esn', [0.35], 0),
    ]);
    // J* = 1.5 × 0.2 = 0.3
    assert.deepEqual(rows.map((row) => row.id), ['rnn', 'lstm', 'esn']);
    assert.deepEqual(rows.map((row) => row.stepsToThreshold), [null, 20, null]);
    assert.deepEqual(rows.map((row) => row.best), [false, true, false]);
    assert.equal(rows[0]!.lambda1, 0.9);
    assert.equal(rows[1]!.clippedPercent, 12.5);
    assert.equal(rows[2]!.seconds, 1.5);
  });
});
