// The dense kernels on small matrices worked out by hand (row-major, accumulating into their output).
import * as assert from 'node:assert/strict';
import { matVecAccumulate, outerProductAndTransposedMatVecAccumulate, squaredNorm } from '../../../src/engine/kernels/matVec';
import { accumulateOuterProductsOverSteps, accumulateSumOverSteps } from '../../../src/engine/kernels/stepSums';
import { transposeInto } from '../../../src/engine/kernels/weightCopies';

// W = [[1, 2, 3, 4, 5], [6, 7, 8, 9, 10]] (2 × 5: exercises the 4-wide unrolled part and the remainder)
const W = Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);

describe('kernels', () => {
  it('matVecAccumulate adds W x at an offset, reading x at an offset', () => {
    const out = Float64Array.of(100, 1, 2);
    matVecAccumulate(out, 1, W, 2, 5, Float64Array.of(9, 1, 0, 0, 0, 1), 1);
    assert.deepEqual(Array.from(out), [100, 1 + 1 + 5, 2 + 6 + 10]);
  });

  it('matVecAccumulate equals the plain row sums for every blocking remainder (rows mod 4, odd/even cols)', () => {
    // integer-valued entries: every partial sum is exact, so any summation order must give the same numbers
    for (const rows of [1, 3, 4, 5, 8, 9]) {
      for (const cols of [1, 2, 3, 6, 7]) {
        const weights = Float64Array.from({ length: rows * cols }, (_, k) => ((k * 7) % 11) - 5);
        const x = Float64Array.from({ length: cols + 2 }, (_, k) => ((k * 5) % 7) - 3);
        const out = Float64Array.from({ length: rows + 1 }, (_, k) => 10 * k);
        matVecAccumulate(out, 1, weights, rows, cols, x, 2);
        const expected = [0];
        for (let r = 0; r < rows; r++) {
          let sum = 10 * (r + 1);
          for (let c = 0; c < cols; c++) sum += weights[r * cols + c]! * x[2 + c]!;
          expected.push(sum);
        }
        assert.deepEqual(Array.from(out), expected, `rows ${rows}, cols ${cols}`);
      }
    }
  });

  it('transposeInto, then matVecAccumulate with Wᵀ is the gradient Wᵀ v', () => {
    const transposed = new Float64Array(10);
    transposeInto(transposed, W, 2, 5);
    assert.deepEqual(Array.from(transposed), [1, 6, 2, 7, 3, 8, 4, 9, 5, 10]);
    const out = new Float64Array(5);
    matVecAccumulate(out, 0, transposed, 5, 2, Float64Array.of(1, -1), 0);
    assert.deepEqual(Array.from(out), [-5, -5, -5, -5, -5]);
  });

  it('the fused sweep adds v xᵀ to dW and Wᵀ v to dx', () => {
    const dW = new Float64Array(10);
    const dx = new Float64Array(5);
    outerProductAndTransposedMatVecAccumulate(dW, dx, 0, W, Float64Array.of(2, 1), 0, 2, Float64Array.of(1, 0, 0, 0, -1), 0, 5);
    assert.deepEqual(Array.from(dW), [2, 0, 0, 0, -2, 1, 0, 0, 0, -1]);
    assert.deepEqual(Array.from(dx), [8, 11, 14, 17, 20]);
  });

  it('accumulateOuterProductsOverSteps is Σ_t g_t x_tᵀ with strided x rows', () => {
    // g_0 = [1, 2], g_1 = [3, 4]; x_0 = [1, 0, 0, 0, 1], x_1 = [0, 1, 0, 0, 2] stored with stride 6 after an offset of 1
    const g = Float64Array.of(1, 2, 3, 4);
    const x = Float64Array.of(99, 1, 0, 0, 0, 1, 99, 0, 1, 0, 0, 2, 99);
    const dW = new Float64Array(10).fill(1);
    accumulateOuterProductsOverSteps(dW, 2, 5, g, 0, x, 1, 6, 2);
    assert.deepEqual(Array.from(dW), [1 + 1, 1 + 3, 1, 1, 1 + 1 + 6, 1 + 2, 1 + 4, 1, 1, 1 + 2 + 8]);
    const db = Float64Array.of(10, 20);
    accumulateSumOverSteps(db, 2, g, 0, 2);
    assert.deepEqual(Array.from(db), [14, 26]);
  });

  it('accumulateOuterProductsOverSteps equals the plain triple loop for odd rows and cols not a multiple of 4', () => {
    for (const [rows, cols] of [[1, 1], [3, 5], [4, 4], [5, 9], [2, 3]] as const) {
      const steps = 3;
      const stride = cols + 1;
      const g = Float64Array.from({ length: steps * rows }, (_, k) => ((k * 3) % 7) - 3);
      const x = Float64Array.from({ length: 2 + steps * stride }, (_, k) => ((k * 5) % 9) - 4);
      const dW = Float64Array.from({ length: rows * cols }, (_, k) => k);
      accumulateOuterProductsOverSteps(dW, rows, cols, g, 0, x, 2, stride, steps);
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < cols; c++) {
          let expected = r * cols + c;
          for (let t = 0; t < steps; t++) expected += g[t * rows + r]! * x[2 + t * stride + c]!;
          assert.equal(dW[r * cols + c], expected, `rows ${rows}, cols ${cols}, entry (${r}, ${c})`);
        }
      }
    }
  });

  it('squaredNorm', () => {
    assert.equal(squaredNorm(Float64Array.of(5, 3, 4), 1, 2), 25);
  });
});
