// Singular values, and above all λ₁ = σ_max(W) = ‖W‖₂ (docs/maths.md "Backpropagation through time": the bound
// ‖∂X_{k+1}/∂X_k‖ ≤ λ₁γ; also the norm of the Jacobian products ∂h_t/∂h_k, diagnostics/jacobianProducts.ts).
//
// How: σ_i² are the eigenvalues of the Gram matrix G = WᵀW [cols×cols] (or WWᵀ [rows×rows], whichever is smaller),
// symmetric positive semi-definite; ml-matrix's EigenvalueDecomposition computes them by Householder tridiagonalisation
// (tred2) and implicit QL with Wilkinson's shift (tql2), EISPACK's routines via JAMA. Before that, W is checked and
// scaled by an exact power of two (scaledMatrix.ts: finite, |w_ij| ≤ 2^500; largest scaled entry in [½, 4)), and G is
// shifted to G + τI with τ = max_i G_ii > 0, so its eigenvalues σ_i² + τ lie in [τ, λ_max + τ] with τ ≥ λ_max/n.
//
// Why this route terminates (ml-matrix's loops have no iteration limit): tql2 deflates e_l once |e_l| ≤ ε·t, where t is
// the running maximum of |d_l| + |e_l| over the blocks already visited. Every diagonal entry of G + τI in any
// orthonormal basis is ≥ λ_min ≥ τ, so t ≥ τ from the first block on and the test is ABSOLUTE at the scale of G; the QL
// iteration with Wilkinson's shift converges on every symmetric tridiagonal matrix (Wilkinson 1968), and a NaN would
// end its `while (|e_l| > ε·t)` at once (NaN > x is false) and be refused below. Without τ a cluster of zero
// eigenvalues — a numerically rank-deficient W, which is what a product ∂h_t/∂h_k of many Jacobians is (σ_min/σ₁
// below ε), or a W with zero rows (ReLU, saturated units) — sits at d ≈ 0, and a test relative to the neighbours alone
// chases it towards underflow: that made the earlier hand-written QL report "did not converge" in the sampled
// diagnostics of `rnn-lab train --hidden 64 …`. ml-matrix's SingularValueDecomposition and its general-matrix hqr2
// have that neighbour-only test and no limit: they loop for ever on the rank-one u vᵀ (u_i = i + 1,
// v_j = (j mod 3) − 1) for n = 33, 35, 37 (SVD) and 32 … 128 (hqr2), so neither is used.
//
// Accuracy: G is formed with ‖ΔG‖ ≲ m·ε·‖W‖_F² and tql2 is backward stable, so λ_max(G) = σ₁² has relative error
// O(ε) and σ₁ = √σ₁² halves it; τ adds ε·τ ≤ ε·λ_max. Checked against power iteration to 1e-10 in the unit tests and
// against NumPy's SVD (relative error ≤ 6e-16 for 64…256 square and 4H × H stacked Gaussian W). Squaring costs
// accuracy only for the SMALL singular values: a σ_i² below ε·σ₁² is lost (returned as about √ε·σ₁ or 0), as in any
// Gram-matrix method; λ₁ is all the diagnostics use.
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { scaledForDecomposition, timesPowerOfTwo } from './scaledMatrix';

/** All singular values of W [rows×cols] (row-major), descending; min(rows, cols) of them (see the header for the small ones). */
export function singularValues(w: Float64Array, rows: number, cols: number): Float64Array {
  return gramSingularValues('singularValues', w, rows, cols);
}

/** λ₁ = σ_max(W) = ‖W‖₂. */
export function largestSingularValue(w: Float64Array, rows: number, cols: number): number {
  return gramSingularValues('largestSingularValue', w, rows, cols)[0];
}

function gramSingularValues(routine: string, w: Float64Array, rows: number, cols: number): Float64Array {
  const scaled = scaledForDecomposition(routine, w, rows, cols);
  const order = Math.min(rows, cols);
  if (scaled === null) return new Float64Array(order); // W = 0
  const gram = gramMatrix(scaled.values, rows, cols);
  // τ = max_i G_ii = the largest squared column (or row) norm: > 0 since W ≠ 0, and λ_max/order ≤ τ ≤ λ_max.
  let shift = 0;
  for (let i = 0; i < order; i++) shift = Math.max(shift, gram[i * order + i]);
  for (let i = 0; i < order; i++) gram[i * order + i] += shift;
  const shifted = new EigenvalueDecomposition(Matrix.from1DArray(order, order, gram), { assumeSymmetric: true }).realEigenvalues;
  const sigma = new Float64Array(order);
  // tql2 returns ascending eigenvalues: σ_i descending; rounding can leave σ_i² slightly negative, clamped at 0.
  for (let i = 0; i < order; i++) {
    const squared = shifted[order - 1 - i] - shift;
    sigma[i] = timesPowerOfTwo(Math.sqrt(Math.max(squared, 0)), scaled.exponent); // σ(W) = 2^e·σ(2^−e·W)
    if (!Number.isFinite(sigma[i])) {
      throw new RangeError(`${routine}: the symmetric eigenvalue solver returned ${shifted[order - 1 - i]} for σ${i + 1}² + τ.`);
    }
  }
  return sigma;
}

/** WᵀW [cols×cols] when cols ≤ rows, else WWᵀ [rows×rows]; both have the nonzero eigenvalues σ_i². Full symmetric storage. */
function gramMatrix(w: Float64Array, rows: number, cols: number): Float64Array {
  if (cols <= rows) {
    const gram = new Float64Array(cols * cols);
    // (WᵀW)[i, j] = Σ_r W[r, i]·W[r, j], accumulated row by row of W (outer products of rows: contiguous reads), lower
    // triangle only, then mirrored.
    for (let r = 0; r < rows; r++) {
      const row = r * cols;
      for (let i = 0; i < cols; i++) {
        const wi = w[row + i];
        if (wi === 0) continue;
        const out = i * cols;
        for (let j = 0; j <= i; j++) gram[out + j] += wi * w[row + j];
      }
    }
    mirrorLowerTriangle(gram, cols);
    return gram;
  }
  // (WWᵀ)[i, j] = Σ_k W[i, k]·W[j, k]: dot products of rows.
  const gram = new Float64Array(rows * rows);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = 0;
      for (let k = 0; k < cols; k++) sum += w[i * cols + k] * w[j * cols + k];
      gram[i * rows + j] = sum;
    }
  }
  mirrorLowerTriangle(gram, rows);
  return gram;
}

/** a[j, i] = a[i, j] for j < i: exact symmetry (so ml-matrix's tred2, which reads one triangle, sees the same matrix). */
function mirrorLowerTriangle(a: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) a[j * n + i] = a[i * n + j];
}
