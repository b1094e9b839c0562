// Largest singular value λ₁ = ‖W‖₂ (docs/maths.md "Backpropagation through time": the bound ‖∂X_{k+1}/∂X_k‖ ≤ λ₁γ).
// Exact: λ₁² is the largest eigenvalue of the Gram matrix WᵀW (or WWᵀ, whichever is smaller), computed by the
// symmetric tridiagonal QL solver. Chosen over power iteration because it needs no tolerance, does not stall when
// σ₁ ≈ σ₂ (orthogonal and near-orthogonal W_rec are exactly the interesting case), and costs O(H³) ≈ milliseconds
// for H ≤ 256. Squaring loses accuracy only for the small singular values, not for σ₁.
import { assertMatrixShape } from './checks';
import { symmetricEigenvalues } from './symmetricEigenvalues';

/** All singular values of W [rows×cols] (row-major), descending; min(rows, cols) of them. */
export function singularValues(w: Float64Array, rows: number, cols: number): Float64Array {
  assertMatrixShape('singularValues', w, rows, cols);
  const gram = gramMatrix(w, rows, cols);
  const order = Math.min(rows, cols);
  const eigen = symmetricEigenvalues(gram, order);
  // Rounding can leave tiny negative eigenvalues of a positive semi-definite Gram matrix: clamp at 0.
  return eigen.map((value) => Math.sqrt(Math.max(value, 0)));
}

/** λ₁ = σ_max(W) = ‖W‖₂. */
export function largestSingularValue(w: Float64Array, rows: number, cols: number): number {
  return singularValues(w, rows, cols)[0];
}

/** WᵀW [cols×cols] when cols ≤ rows, else WWᵀ [rows×rows]; both have the nonzero eigenvalues σ_i². */
function gramMatrix(w: Float64Array, rows: number, cols: number): Float64Array {
  if (cols <= rows) {
    const gram = new Float64Array(cols * cols);
    // Accumulate row by row (outer products of rows of W): contiguous reads.
    for (let r = 0; r < rows; r++) {
      const row = r * cols;
      for (let i = 0; i < cols; i++) {
        const wi = w[row + i];
        if (wi === 0) continue;
        const out = i * cols;
        for (let j = 0; j <= i; j++) gram[out + j] += wi * w[row + j];
      }
    }
    return gram;
  }
  const gram = new Float64Array(rows * rows);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = 0;
      for (let k = 0; k < cols; k++) sum += w[i * cols + k] * w[j * cols + k];
      gram[i * rows + j] = sum;
    }
  }
  return gram;
}
