import * as assert from 'assert';
import { householderQr } from '../../../src/engine/linalg/qr';

function multiply(a: Float64Array, b: Float64Array, n: number, k: number, m: number): Float64Array {
  const out = new Float64Array(n * m);
  for (let i = 0; i < n; i++) for (let p = 0; p < k; p++) for (let j = 0; j < m; j++) out[i * m + j] += a[i * k + p] * b[p * m + j];
  return out;
}

function transpose(a: Float64Array, rows: number, cols: number): Float64Array {
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) out[j * rows + i] = a[i * cols + j];
  return out;
}

function maxAbsDiff(a: Float64Array, b: Float64Array): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
  return worst;
}

/** Deterministic pseudo-random matrix (LCG) so the test does not depend on another module. */
function pseudoRandomMatrix(rows: number, cols: number, seed: number): Float64Array {
  let state = seed >>> 0;
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < out.length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    out[i] = state / 2 ** 32 - 0.5;
  }
  return out;
}

function checkQr(a: Float64Array, rows: number, cols: number): void {
  const { q, r } = householderQr(a, rows, cols);
  assert.strictEqual(q.length, rows * rows);
  assert.strictEqual(r.length, rows * cols);
  assert.ok(maxAbsDiff(multiply(q, r, rows, rows, cols), a) < 1e-12, 'QR = A');
  const identity = new Float64Array(rows * rows);
  for (let i = 0; i < rows; i++) identity[i * rows + i] = 1;
  assert.ok(maxAbsDiff(multiply(transpose(q, rows, rows), q, rows, rows, rows), identity) < 1e-12, 'QᵀQ = I');
  for (let i = 0; i < rows; i++) for (let j = 0; j < Math.min(i, cols); j++) assert.strictEqual(r[i * cols + j], 0, `R[${i},${j}] = 0`);
}

describe('engine/linalg householderQr', () => {
  it('factors a square random matrix: QR = A, QᵀQ = I, R upper-triangular', () => {
    checkQr(pseudoRandomMatrix(6, 6, 1), 6, 6);
    checkQr(pseudoRandomMatrix(40, 40, 7), 40, 40);
  });

  it('factors tall and wide matrices', () => {
    checkQr(pseudoRandomMatrix(7, 3, 2), 7, 3);
    checkQr(pseudoRandomMatrix(3, 7, 3), 3, 7);
  });

  it('handles a rank-deficient matrix with a zero column', () => {
    const a = Float64Array.from([0, 1, 2, 0, 3, 4, 0, 5, 6]);
    checkQr(a, 3, 3);
  });

  it('reproduces a hand-computed 2×2 case', () => {
    // A = [[3, 1], [4, 2]]: first column has norm 5, so |R[0,0]| = 5 and |R[1,1]| = |det A| / 5 = 2/5.
    const { r } = householderQr(Float64Array.from([3, 1, 4, 2]), 2, 2);
    assert.ok(Math.abs(Math.abs(r[0]) - 5) < 1e-14);
    assert.ok(Math.abs(Math.abs(r[3]) - 0.4) < 1e-14);
    assert.ok(Math.abs(Math.abs(r[0] * r[3]) - 2) < 1e-13);
  });

  it('rejects a size mismatch with a clear error', () => {
    assert.throws(() => householderQr(new Float64Array(5), 2, 3), /expected rows×cols = 2×3 = 6/);
  });
});
