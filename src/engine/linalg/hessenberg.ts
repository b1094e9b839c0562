// Reduction of a general real square matrix to upper Hessenberg form by orthogonal similarity (JAMA's `orthes`,
// after EISPACK ORTHES), preceded by diagonal balancing (EISPACK BALANC, scaling part). Both are similarity
// transforms, so the eigenvalues are unchanged; balancing makes row and column norms comparable, which keeps the
// QR iteration accurate for badly scaled matrices such as companion matrices.

const MAX_BALANCING_PASSES = 100;
const MAX_SCALING_STEPS = 1100;

/**
 * Balances `h` [n×n, row-major] in place: D⁻¹ A D with D a diagonal of powers of two (exact in floating point), until
 * each row's off-diagonal norm and the matching column's are within a factor of ~2 (Parlett & Reinsch 1969).
 */
export function balanceInPlace(h: Float64Array, n: number): void {
  const radix = 2;
  const radixSquared = radix * radix;
  let converged = false;
  // Each accepted scaling lowers the off-diagonal 1-norm by ≥ 5 % of its row and column, so the passes end after a few
  // (typically 2–5); the cap only makes that certain. Balancing is a preconditioner: stopping early changes no
  // eigenvalue (every D⁻¹AD is similar to A), at most their accuracy for a badly scaled A.
  for (let pass = 0; !converged && pass < MAX_BALANCING_PASSES; pass++) {
    converged = true;
    for (let i = 0; i < n; i++) {
      let columnNorm = 0;
      let rowNorm = 0;
      for (let j = 0; j < n; j++) {
        if (j === i) continue;
        columnNorm += Math.abs(h[j * n + i]);
        rowNorm += Math.abs(h[i * n + j]);
      }
      // A zero norm needs no scaling; a non-finite one (±Infinity or NaN entries, or a sum that overflowed) would keep the
      // power-of-two loops below from ending (Infinity ≥ 2·Infinity stays true): leave such a row as it is. Callers
      // check their input (scaledMatrix.ts); this only makes the routine itself end on any input.
      if (columnNorm === 0 || rowNorm === 0 || !Number.isFinite(columnNorm) || !Number.isFinite(rowNorm)) continue;
      const sum = columnNorm + rowNorm;
      let factor = 1;
      let c = columnNorm;
      let g = rowNorm / radix;
      // Each loop moves c by a factor 4 towards the row norm; finite doubles span 2^2098, so 1100 steps always suffice —
      // the cap only ends the loop when c or g overflowed to Infinity (e.g. rowNorm ≈ 1e308: rowNorm·2 = Infinity).
      for (let step = 0; c < g && step < MAX_SCALING_STEPS; step++) {
        factor *= radix;
        c *= radixSquared;
      }
      g = rowNorm * radix;
      for (let step = 0; c >= g && step < MAX_SCALING_STEPS; step++) {
        factor /= radix;
        c /= radixSquared;
      }
      if (!Number.isFinite(c) || !(factor > 0) || !Number.isFinite(factor)) continue;
      if ((c + rowNorm) / factor < 0.95 * sum) {
        converged = false;
        const inverse = 1 / factor;
        for (let j = 0; j < n; j++) h[i * n + j] *= inverse; // row i of D⁻¹A
        for (let j = 0; j < n; j++) h[j * n + i] *= factor; // column i of AD
      }
    }
  }
}

/**
 * Reduces `h` [n×n] in place to upper Hessenberg form Qᵀ A Q (h[i, j] = 0 for i > j + 1) with Householder
 * reflectors P_m = I − u uᵀ / η, one per column m − 1 = 0 … n − 3 (Golub & Van Loan §7.4.3).
 */
export function reduceToHessenbergInPlace(h: Float64Array, n: number): void {
  const u = new Float64Array(n);
  const f = new Float64Array(n);
  for (let m = 1; m <= n - 2; m++) {
    let scale = 0;
    for (let i = m; i < n; i++) scale += Math.abs(h[i * n + m - 1]);
    if (scale === 0) continue;
    let eta = 0;
    for (let i = n - 1; i >= m; i--) {
      u[i] = h[i * n + m - 1] / scale;
      eta += u[i] * u[i];
    }
    let g = Math.sqrt(eta);
    if (u[m] > 0) g = -g;
    eta -= u[m] * g;
    u[m] -= g;
    // Left: H ← (I − u uᵀ/η) H on rows m…n−1, columns m…n−1 (column m−1 is set to its known result below).
    // f = uᵀH/η is accumulated row by row so the inner loops read contiguous memory.
    f.fill(0, m);
    for (let i = m; i < n; i++) {
      const ui = u[i];
      const row = i * n;
      for (let j = m; j < n; j++) f[j] += ui * h[row + j];
    }
    for (let j = m; j < n; j++) f[j] /= eta;
    for (let i = m; i < n; i++) {
      const ui = u[i];
      const row = i * n;
      for (let j = m; j < n; j++) h[row + j] -= f[j] * ui;
    }
    // Right: H ← H (I − u uᵀ/η) on columns m…n−1.
    for (let i = 0; i < n; i++) {
      let dot = 0;
      const row = i * n;
      for (let j = m; j < n; j++) dot += u[j] * h[row + j];
      dot /= eta;
      for (let j = m; j < n; j++) h[row + j] -= dot * u[j];
    }
    // Column m−1 below the diagonal becomes (scale·g, 0, …, 0).
    h[m * n + m - 1] = scale * g;
    for (let i = m + 1; i < n; i++) h[i * n + m - 1] = 0;
  }
}
