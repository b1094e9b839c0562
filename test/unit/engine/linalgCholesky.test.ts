import * as assert from 'assert';
import { choleskyDecompose, choleskySolve, solveSymmetricPositiveDefinite } from '../../../src/engine/linalg/cholesky';

describe('engine/linalg Cholesky', () => {
  it('factors a hand-checkable SPD matrix: A = [[4, 2], [2, 3]] → L = [[2, 0], [1, √2]]', () => {
    const l = choleskyDecompose(Float64Array.from([4, 2, 2, 3]), 2);
    assert.deepStrictEqual(Array.from(l), [2, 0, 1, Math.SQRT2]);
  });

  it('solves A X = B for several right-hand sides', () => {
    // A = Mᵀ M + I is SPD; check A X = B by multiplication.
    const n = 5;
    const m = [1, 2, 0, -1, 3, 0, 1, 4, 2, -2, 5, 0, 1, 1, 1, -3, 2, 2, 0, 1, 1, 1, -1, 2, 0];
    const a = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
      let sum = i === j ? 1 : 0;
      for (let k = 0; k < n; k++) sum += m[k * n + i] * m[k * n + j];
      a[i * n + j] = sum;
    }
    const b = Float64Array.from([1, 0, 2, 1, -1, 3, 0.5, 0, 4, 4]); // [5×2]
    const x = solveSymmetricPositiveDefinite(a, n, b, 2);
    for (let i = 0; i < n; i++) for (let c = 0; c < 2; c++) {
      let sum = 0;
      for (let k = 0; k < n; k++) sum += a[i * n + k] * x[k * 2 + c];
      assert.ok(Math.abs(sum - b[i * 2 + c]) < 1e-12, `row ${i}, rhs ${c}`);
    }
    const l = choleskyDecompose(a, n);
    assert.deepStrictEqual(Array.from(choleskySolve(l, n, b, 2)), Array.from(x));
  });

  it('reports a matrix that is not positive definite and suggests a larger ridge', () => {
    assert.throws(() => choleskyDecompose(Float64Array.from([1, 2, 2, 1]), 2), /not positive definite \(pivot 2 of 2.*increase the ridge/);
  });
});
