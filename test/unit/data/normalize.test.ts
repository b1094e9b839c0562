import * as assert from 'node:assert';
import {
  applyNormalization,
  denormalizeValue,
  fitNormalization,
  invertNormalization,
  normalizeValue,
  parseNormalization,
} from '../../../src/data/prepare/normalize';

const close = (actual: number, expected: number, tolerance = 1e-12): void =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${actual} ≠ ${expected}`);

describe('normalisation', () => {
  it('z-score: μ and population σ of the training rows only; (x − μ)/σ', () => {
    // Training rows 2, 4, 4, 4, 5, 5, 7, 9: μ = 5, σ = 2 (the textbook example); the last two rows are validation.
    const series = Float64Array.from([2, 4, 4, 4, 5, 5, 7, 9, 100, -100]);
    const normalization = fitNormalization([series], 'zscore', 8, ['value']);
    assert.deepStrictEqual(normalization, { kind: 'zscore', fittedOnRows: 8, columns: [{ name: 'value', offset: 5, scale: 2 }] });
    const [scaled] = applyNormalization([series], normalization);
    assert.deepStrictEqual(Array.from(scaled!), [-1.5, -0.5, -0.5, -0.5, 0, 0, 1, 2, 47.5, -52.5]);
  });

  it('min–max maps the training range onto [0, 1]; missing values are ignored when fitting and stay missing', () => {
    const series = Float64Array.from([10, NaN, 30, 20, 50]);
    const normalization = fitNormalization([series], 'minmax', 4);
    assert.deepStrictEqual(normalization.columns[0], { name: 'column 1', offset: 10, scale: 20 });
    const [scaled] = applyNormalization([series], normalization);
    assert.deepStrictEqual(Array.from(scaled!).map((v) => (Number.isNaN(v) ? null : v)), [0, null, 1, 0.5, 2]);
  });

  it('round trip: invert(apply(x)) = x for z-score, min–max and none, per column', () => {
    const a = Float64Array.from({ length: 50 }, (_, i) => Math.sin(i) * 3 + 7);
    const b = Float64Array.from({ length: 50 }, (_, i) => i * i - 40);
    for (const kind of ['zscore', 'minmax', 'none'] as const) {
      const normalization = fitNormalization([a, b], kind, 40);
      const scaled = applyNormalization([a, b], normalization);
      [a, b].forEach((column, index) => {
        const restored = invertNormalization(scaled[index]!, normalization, index);
        column.forEach((value, row) => close(restored[row]!, value, 1e-12 * Math.max(1, Math.abs(value))));
        close(denormalizeValue(normalizeValue(column[3]!, normalization, index), normalization, index), column[3]!);
      });
    }
  });

  it('a constant column gets scale 1 instead of dividing by zero', () => {
    const normalization = fitNormalization([Float64Array.from([4, 4, 4])], 'zscore');
    assert.deepStrictEqual(normalization.columns[0], { name: 'column 1', offset: 4, scale: 1 });
    assert.deepStrictEqual(fitNormalization([Float64Array.from([4, 4])], 'minmax').columns[0]?.scale, 1);
  });

  it('is plain JSON: survives JSON.stringify/parse and is validated when read back', () => {
    const normalization = fitNormalization([Float64Array.from([1, 2, 3, 4])], 'zscore', 4, ['x']);
    assert.deepStrictEqual(parseNormalization(JSON.parse(JSON.stringify(normalization))), normalization);
    assert.throws(() => parseNormalization({ kind: 'log', fittedOnRows: 1, columns: [] }), /normalization\.kind/);
    assert.throws(() => parseNormalization({ kind: 'zscore', fittedOnRows: 1, columns: [{ name: 'x', offset: 0, scale: 0 }] }), /columns\[0\]\.scale/);
  });
});
