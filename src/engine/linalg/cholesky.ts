// Cholesky factorisation A = L Lᵀ of a symmetric positive-definite matrix and the matching solver, for the ridge
// regression readout of the echo state network (docs/maths.md "Echo state network": W_out = Y Xᵀ (X Xᵀ + βI)⁻¹, i.e.
// solve (X Xᵀ + βI) W_outᵀ = X Yᵀ). Half the cost of LU and no pivoting needed for SPD matrices.
import { assertMatrixShape, assertSquareMatrix } from './checks';

/** Lower-triangular L [n×n] with A = L Lᵀ (reads the lower triangle of A). Throws if A is not positive definite. */
export function choleskyDecompose(a: Float64Array, n: number): Float64Array {
  assertSquareMatrix('choleskyDecompose', a, n);
  const l = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    // L[j,j] = √(A[j,j] − Σ_k<j L[j,k]²); L[i,j] = (A[i,j] − Σ_k<j L[i,k] L[j,k]) / L[j,j] for i > j.
    let diagonal = a[j * n + j];
    for (let k = 0; k < j; k++) diagonal -= l[j * n + k] * l[j * n + k];
    if (!(diagonal > 0)) {
      throw new RangeError(
        `choleskyDecompose: matrix is not positive definite (pivot ${j + 1} of ${n} is ${diagonal}); for ridge regression increase the ridge β.`,
      );
    }
    const pivot = Math.sqrt(diagonal);
    l[j * n + j] = pivot;
    for (let i = j + 1; i < n; i++) {
      let sum = a[i * n + j];
      const rowI = i * n;
      const rowJ = j * n;
      for (let k = 0; k < j; k++) sum -= l[rowI + k] * l[rowJ + k];
      l[rowI + j] = sum / pivot;
    }
  }
  return l;
}

/** Solves A X = B for X [n×m] given L from `choleskyDecompose(A)`; B [n×m] row-major (m right-hand sides). */
export function choleskySolve(l: Float64Array, n: number, b: Float64Array, m: number): Float64Array {
  assertMatrixShape('choleskySolve (factor)', l, n, n);
  assertMatrixShape('choleskySolve (right-hand side)', b, n, m);
  const x = Float64Array.from(b);
  // Forward substitution L Z = B.
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < i; k++) {
      const lik = l[i * n + k];
      if (lik === 0) continue;
      for (let c = 0; c < m; c++) x[i * m + c] -= lik * x[k * m + c];
    }
    const lii = l[i * n + i];
    for (let c = 0; c < m; c++) x[i * m + c] /= lii;
  }
  // Back substitution Lᵀ X = Z.
  for (let i = n - 1; i >= 0; i--) {
    for (let k = i + 1; k < n; k++) {
      const lki = l[k * n + i];
      if (lki === 0) continue;
      for (let c = 0; c < m; c++) x[i * m + c] -= lki * x[k * m + c];
    }
    const lii = l[i * n + i];
    for (let c = 0; c < m; c++) x[i * m + c] /= lii;
  }
  return x;
}

/** Solves A X = B for symmetric positive-definite A [n×n], B [n×m]. */
export function solveSymmetricPositiveDefinite(a: Float64Array, n: number, b: Float64Array, m: number): Float64Array {
  return choleskySolve(choleskyDecompose(a, n), n, b, m);
}
