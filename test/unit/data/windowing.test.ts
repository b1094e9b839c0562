import * as assert from 'node:assert';
import type { SequenceDataset } from '../../../src/engine/dataset';
import { DataError } from '../../../src/data/dataError';
import { makeWindows, minimumRows, splitTrainValidation, validationWindowCount, type WindowSpec } from '../../../src/data/prepare/windowing';

/** x_t = t, so every window shows which instants it holds. */
const ramp = Float64Array.from({ length: 10 }, (_, t) => t);

function windows(dataset: SequenceDataset): Array<[number[], number[]]> {
  return dataset.examples.map((example) => [Array.from(example.inputs), Array.from(example.targets)]);
}

function shapes(dataset: SequenceDataset): Array<[number, number, number, number]> {
  return dataset.examples.map((e) => [e.inputLength, e.inputs.length, e.targetLength, e.targets.length]);
}

function expectDataError(action: () => unknown, code: string, pattern: RegExp): void {
  assert.throws(action, (error: unknown) => error instanceof DataError && error.code === code && pattern.test(error.message));
}

describe('windowing for the five topologies', () => {
  it('many-to-one: T inputs → the value `horizon` steps after the window', () => {
    const dataset = makeWindows([ramp], { topology: 'many-to-one', window: 3 });
    assert.deepStrictEqual([dataset.inputSize, dataset.outputSize, dataset.examples.length], [1, 1, 7]);
    assert.deepStrictEqual(windows(dataset)[0], [[0, 1, 2], [3]]);
    assert.deepStrictEqual(windows(dataset)[6], [[6, 7, 8], [9]]);
    const ahead = makeWindows([ramp], { topology: 'many-to-one', window: 3, horizon: 2 });
    assert.deepStrictEqual([ahead.examples.length, ...windows(ahead)[0]!], [6, [0, 1, 2], [4]]);
    const strided = makeWindows([ramp], { topology: 'many-to-one', window: 3, stride: 2 });
    assert.deepStrictEqual(windows(strided).map(([inputs]) => inputs[0]), [0, 2, 4, 6]);
  });

  it('synced many-to-many: T inputs → T targets shifted by the horizon', () => {
    const dataset = makeWindows([ramp], { topology: 'many-to-many-synced', window: 4 });
    assert.deepStrictEqual(shapes(dataset)[0], [4, 4, 4, 4]);
    assert.strictEqual(dataset.examples.length, 6);
    assert.deepStrictEqual(windows(dataset)[1], [[1, 2, 3, 4], [2, 3, 4, 5]]);
    const denoise = makeWindows([ramp], { topology: 'many-to-many-synced', window: 4, horizon: 0 });
    assert.deepStrictEqual(windows(denoise)[0], [[0, 1, 2, 3], [0, 1, 2, 3]]);
  });

  it('encoder–decoder: T inputs → the next M values, M ≠ T', () => {
    const dataset = makeWindows([ramp], { topology: 'many-to-many-encoder-decoder', window: 3, outputLength: 2 });
    assert.deepStrictEqual(shapes(dataset)[0], [3, 3, 2, 2]);
    assert.strictEqual(dataset.examples.length, 6); // rows needed per window: 3 + 2 = 5
    assert.deepStrictEqual(windows(dataset)[0], [[0, 1, 2], [3, 4]]);
    assert.deepStrictEqual(windows(dataset)[5], [[5, 6, 7], [8, 9]]);
    const longer = makeWindows([ramp], { topology: 'many-to-many-encoder-decoder', window: 2, outputLength: 5 });
    assert.deepStrictEqual(windows(longer)[0], [[0, 1], [2, 3, 4, 5, 6]]);
  });

  it('one-to-many: the first value → the next N', () => {
    const dataset = makeWindows([ramp], { topology: 'one-to-many', window: 8, outputLength: 3 });
    assert.deepStrictEqual(shapes(dataset)[0], [1, 1, 3, 3]);
    assert.strictEqual(dataset.examples.length, 7);
    assert.deepStrictEqual(windows(dataset)[2], [[2], [3, 4, 5]]);
  });

  it('one-to-one: x_t → x_{t+horizon}', () => {
    const dataset = makeWindows([ramp], { topology: 'one-to-one', window: 1, horizon: 3 });
    assert.deepStrictEqual(shapes(dataset)[0], [1, 1, 1, 1]);
    assert.strictEqual(dataset.examples.length, 7);
    assert.deepStrictEqual(windows(dataset)[4], [[4], [7]]);
  });

  it('several columns: inputs are [T × C] row-major; the target column is chosen', () => {
    const tenfold = ramp.map((value) => value * 10);
    const dataset = makeWindows([ramp, tenfold], { topology: 'many-to-one', window: 3, targetColumn: 1 });
    assert.deepStrictEqual([dataset.inputSize, dataset.outputSize], [2, 1]);
    assert.deepStrictEqual(windows(dataset)[0], [[0, 0, 1, 10, 2, 20], [30]]);
  });

  it('never crosses the boundary between independent sequences', () => {
    const dataset = makeWindows([ramp], { topology: 'many-to-one', window: 3, sequenceStarts: [0, 5] });
    assert.deepStrictEqual(windows(dataset), [
      [[0, 1, 2], [3]],
      [[1, 2, 3], [4]],
      [[5, 6, 7], [8]],
      [[6, 7, 8], [9]],
    ]);
  });

  it('too little data names the minimum number of rows for each topology', () => {
    const spec = (topology: WindowSpec['topology']): WindowSpec => ({ topology, window: 5, horizon: 2, outputLength: 4 });
    assert.deepStrictEqual(
      (['many-to-one', 'many-to-many-synced', 'many-to-many-encoder-decoder', 'one-to-many', 'one-to-one'] as const).map((t) => minimumRows(spec(t))),
      [7, 7, 10, 6, 3],
    );
    expectDataError(() => makeWindows([ramp.subarray(0, 6)], spec('many-to-one')), 'too-little-data', /6 rows: too few .* at least 7 rows are needed/);
    expectDataError(() => makeWindows([ramp.subarray(0, 9)], spec('many-to-many-encoder-decoder')), 'too-little-data', /9 rows.*at least 10 rows/);
    assert.strictEqual(makeWindows([ramp], spec('many-to-many-encoder-decoder')).examples.length, 1);
    assert.strictEqual(makeWindows([ramp.subarray(0, 7)], spec('many-to-one')).examples.length, 1);
  });

  it('rejects missing values, bad lengths and bad parameters with a hint', () => {
    const gappy = Float64Array.from([1, 2, NaN, 4, 5, 6]);
    expectDataError(() => makeWindows([gappy], { topology: 'many-to-one', window: 2 }), 'missing-values', /1 missing value .* data row 3.*interpolate/);
    expectDataError(() => makeWindows([ramp], { topology: 'many-to-one', window: 0 }), 'bad-window', /window length/);
    expectDataError(() => makeWindows([ramp], { topology: 'many-to-one', window: 2, horizon: 0 }), 'bad-window', /horizon/);
    expectDataError(() => makeWindows([ramp, ramp.subarray(1)], { topology: 'many-to-one', window: 2 }), 'bad-window', /different lengths/);
    expectDataError(() => makeWindows([ramp], { topology: 'many-to-one', window: 2, targetColumn: 1 }), 'bad-window', /target column 2/);
  });
});

describe('train/validation split', () => {
  it('keeps the last 20% of windows, in time order, for validation', () => {
    const dataset = makeWindows([Float64Array.from({ length: 14 }, (_, t) => t)], { topology: 'many-to-one', window: 4 });
    assert.strictEqual(dataset.examples.length, 10);
    const { train, validation } = splitTrainValidation(dataset);
    assert.deepStrictEqual(train.examples.map((e) => e.targets[0]), [4, 5, 6, 7, 8, 9, 10, 11]);
    assert.deepStrictEqual(validation.examples.map((e) => e.targets[0]), [12, 13]);
    assert.deepStrictEqual([validation.inputSize, validation.outputSize], [1, 1]);
  });

  it('keeps at least one window in each part when it can, and none for validation at fraction 0', () => {
    assert.deepStrictEqual([validationWindowCount(3, 0.2), validationWindowCount(1, 0.2), validationWindowCount(10, 0), validationWindowCount(10, 0.95)], [1, 0, 0, 9]);
    assert.throws(() => splitTrainValidation({ inputSize: 1, outputSize: 1, examples: [] }, 1), RangeError);
  });
});
