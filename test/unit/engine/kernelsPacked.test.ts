// The time loop's kernels (src/engine/kernels/) against naive reference loops, on random matrices of odd sizes (every blocking
// remainder) and of the W2 shapes (64 × 256, 256 × 64), reading and writing at offsets.
import * as assert from 'node:assert/strict';
import { matVecAccumulate } from '../../../src/engine/kernels/matVec';
import { accumulateOuterProductsOverSteps, accumulateSumOverSteps } from '../../../src/engine/kernels/stepSums';
import { biasPlusTransposedMatVec, transposedMatVecAccumulate } from '../../../src/engine/kernels/transposedMatVec';
import { copyIntoPacked, createPackedWeights, transposeIntoPacked } from '../../../src/engine/kernels/weightCopies';
import { SeededRandom } from '../../../src/engine/random';

const SHAPES: ReadonlyArray<readonly [number, number]> = [
  [1, 1],
  [1, 256],
  [3, 5],
  [7, 13],
  [13, 7],
  [9, 17],
  [64, 256],
  [256, 64],
];
const TOLERANCE = 1e-12;

function randomArray(rng: SeededRandom, length: number): Float64Array {
  return Float64Array.from({ length }, () => rng.nextGaussian());
}

function assertClose(actual: ArrayLike<number>, expected: ArrayLike<number>, what: string): void {
  assert.equal(actual.length, expected.length, `${what}: length`);
  for (let i = 0; i < expected.length; i++) {
    const error = Math.abs(actual[i]! - expected[i]!);
    assert.ok(error <= TOLERANCE * Math.max(1, Math.abs(expected[i]!)), `${what}: entry ${i} is ${actual[i]}, expected ${expected[i]}`);
  }
}

describe('kernels: packed weights and the time-loop products vs naive loops', () => {
  it('createPackedWeights gives zeros; copyIntoPacked and transposeIntoPacked copy exactly', () => {
    const rng = new SeededRandom(3);
    assert.deepEqual(createPackedWeights(5), [0, 0, 0, 0, 0]);
    for (const [rows, cols] of SHAPES) {
      const source = randomArray(rng, rows * cols);
      const copy = createPackedWeights(rows * cols);
      copyIntoPacked(copy, source);
      assert.deepEqual(copy, Array.from(source), `copy ${rows}×${cols}`);
      const transposed = createPackedWeights(rows * cols);
      transposeIntoPacked(transposed, source, rows, cols);
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < cols; c++) assert.equal(transposed[c * rows + r], source[r * cols + c], `transpose ${rows}×${cols} (${r}, ${c})`);
      }
    }
  });

  it('transposedMatVecAccumulate adds Wᵀ v, each entry summed left to right (the naive bits)', () => {
    const rng = new SeededRandom(5);
    for (const [rows, cols] of SHAPES) {
      const W = randomArray(rng, rows * cols);
      const packed = createPackedWeights(rows * cols);
      copyIntoPacked(packed, W);
      const v = randomArray(rng, rows + 3);
      const out = randomArray(rng, cols + 2);
      const expected = Float64Array.from(out);
      for (let c = 0; c < cols; c++) {
        let sum = 0;
        for (let r = 0; r < rows; r++) sum += W[r * cols + c]! * v[3 + r]!;
        expected[1 + c] += sum;
      }
      transposedMatVecAccumulate(out, 1, packed, rows, cols, v, 3);
      assert.deepEqual(Array.from(out), Array.from(expected), `${rows}×${cols}`);
    }
  });

  it('transposedMatVecAccumulate over a transposed copy is the forward product W x', () => {
    const rng = new SeededRandom(7);
    for (const [rows, cols] of SHAPES) {
      const W = randomArray(rng, rows * cols);
      const transposed = createPackedWeights(rows * cols);
      transposeIntoPacked(transposed, W, rows, cols);
      const x = randomArray(rng, cols);
      const out = new Float64Array(rows);
      transposedMatVecAccumulate(out, 0, transposed, cols, rows, x, 0);
      const expected = new Float64Array(rows);
      for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) expected[r] += W[r * cols + c]! * x[c]!;
      assertClose(out, expected, `${rows}×${cols}`);
    }
  });

  it('biasPlusTransposedMatVec stores bias + Wᵀ v (the sum from zero, then the bias)', () => {
    const rng = new SeededRandom(11);
    for (const [rows, cols] of SHAPES) {
      const W = randomArray(rng, rows * cols);
      const packed = createPackedWeights(rows * cols);
      copyIntoPacked(packed, W);
      const bias = createPackedWeights(cols);
      copyIntoPacked(bias, randomArray(rng, cols));
      const v = randomArray(rng, rows + 1);
      const out = Float64Array.from({ length: cols + 4 }, () => 99);
      biasPlusTransposedMatVec(out, 2, bias, packed, rows, cols, v, 1);
      const expected = Float64Array.from({ length: cols + 4 }, () => 99);
      for (let c = 0; c < cols; c++) {
        let sum = 0;
        for (let r = 0; r < rows; r++) sum += W[r * cols + c]! * v[1 + r]!;
        expected[2 + c] = bias[c]! + sum;
      }
      assert.deepEqual(Array.from(out), Array.from(expected), `${rows}×${cols}`);
    }
  });

  it('matVecAccumulate adds W x on random odd-sized matrices', () => {
    const rng = new SeededRandom(13);
    for (const [rows, cols] of SHAPES) {
      const W = randomArray(rng, rows * cols);
      const x = randomArray(rng, cols + 2);
      const out = randomArray(rng, rows + 1);
      const expected = Float64Array.from(out);
      for (let r = 0; r < rows; r++) {
        let sum = 0;
        for (let c = 0; c < cols; c++) sum += W[r * cols + c]! * x[2 + c]!;
        expected[1 + r] += sum;
      }
      matVecAccumulate(out, 1, W, rows, cols, x, 2);
      assertClose(out, expected, `${rows}×${cols}`);
    }
  });

  it('accumulateOuterProductsOverSteps and accumulateSumOverSteps match the naive sums over steps', () => {
    const rng = new SeededRandom(17);
    const steps = 9;
    for (const [rows, cols] of SHAPES) {
      const stride = cols + 3;
      const g = randomArray(rng, 2 + steps * rows);
      const x = randomArray(rng, 1 + steps * stride);
      const dW = randomArray(rng, rows * cols);
      const expected = Float64Array.from(dW);
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < cols; c++) {
          for (let t = 0; t < steps; t++) expected[r * cols + c] += g[2 + t * rows + r]! * x[1 + t * stride + c]!;
        }
      }
      accumulateOuterProductsOverSteps(dW, rows, cols, g, 2, x, 1, stride, steps);
      assertClose(dW, expected, `outer ${rows}×${cols}`);
      // the bias gradient: out[r] += g_0[r], += g_1[r], … — the same roundings, so exactly equal
      const db = randomArray(rng, rows);
      const expectedDb = Float64Array.from(db);
      for (let t = 0; t < steps; t++) for (let r = 0; r < rows; r++) expectedDb[r] += g[2 + t * rows + r]!;
      accumulateSumOverSteps(db, rows, g, 2, steps);
      assert.deepEqual(Array.from(db), Array.from(expectedDb), `sum ${rows}`);
    }
  });
});
