// Householder QR decomposition A = Q R of a dense row-major matrix (Golub & Van Loan, "Matrix Computations", §5.2).
// Used by orthogonal initialisation (docs/maths.md "Remedies → Initialisation": W = g·Q, signs fixed by diag(R)) and by
// tests. Householder reflections are backward stable, unlike classical Gram–Schmidt, so QᵀQ = I to machine precision
// even for ill-conditioned A.

export interface QrDecomposition {
  /** Orthogonal factor, [rows × rows], row-major. */
  readonly q: Float64Array;
  /** Upper-triangular factor (r[i, j] = 0 for i > j), [rows × cols], row-major. */
  readonly r: Float64Array;
}

/**
 * Full QR of A [rows × cols] (any shape). For column j = 0 … min(rows − 1, cols) − 1 a reflector
 * P_j = I − 2 v vᵀ / (vᵀv) with v = x + sign(x₀)‖x‖e₀ zeroes r[j+1…, j]; R = P_{p−1}…P_0 A and Q = P_0 P_1 … P_{p−1}
 * (each P_j is symmetric and orthogonal). The sign choice avoids cancellation in v₀.
 */
export function householderQr(a: Float64Array, rows: number, cols: number): QrDecomposition {
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 1 || cols < 1) {
    throw new RangeError(`householderQr: rows and cols must be positive integers (got ${rows}×${cols}).`);
  }
  if (a.length !== rows * cols) {
    throw new RangeError(`householderQr: matrix has ${a.length} entries, expected rows×cols = ${rows}×${cols} = ${rows * cols}.`);
  }
  const r = Float64Array.from(a);
  const q = new Float64Array(rows * rows);
  for (let i = 0; i < rows; i++) q[i * rows + i] = 1;
  const v = new Float64Array(rows);
  const steps = Math.min(rows - 1, cols);

  for (let j = 0; j < steps; j++) {
    // x = R[j…rows−1, j]; scale by its max-abs entry so ‖x‖ neither overflows nor underflows.
    let scale = 0;
    for (let i = j; i < rows; i++) scale = Math.max(scale, Math.abs(r[i * cols + j]));
    if (scale === 0) continue; // column already zero below (and on) the diagonal: P_j = I
    let normSquared = 0;
    for (let i = j; i < rows; i++) {
      v[i] = r[i * cols + j] / scale;
      normSquared += v[i] * v[i];
    }
    const norm = Math.sqrt(normSquared);
    const alpha = v[j] >= 0 ? -norm : norm; // R[j, j] becomes alpha·scale
    v[j] -= alpha; // v = x − alpha e₀ = x + sign(x₀)‖x‖e₀
    let vtv = 0;
    for (let i = j; i < rows; i++) vtv += v[i] * v[i];
    if (vtv === 0) continue;
    const beta = 2 / vtv;

    // R ← P_j R: for every column c, R[:, c] −= beta v (vᵀ R[:, c]).
    for (let c = j; c < cols; c++) {
      let dot = 0;
      for (let i = j; i < rows; i++) dot += v[i] * r[i * cols + c];
      const f = beta * dot;
      if (f === 0) continue;
      for (let i = j; i < rows; i++) r[i * cols + c] -= f * v[i];
    }
    // Exact zeros below the diagonal (they are rounding residue otherwise).
    r[j * cols + j] = alpha * scale;
    for (let i = j + 1; i < rows; i++) r[i * cols + j] = 0;

    // Q ← Q P_j: for every row s, Q[s, :] −= beta (Q[s, :] v) vᵀ.
    for (let s = 0; s < rows; s++) {
      let dot = 0;
      const rowOffset = s * rows;
      for (let i = j; i < rows; i++) dot += q[rowOffset + i] * v[i];
      const f = beta * dot;
      if (f === 0) continue;
      for (let i = j; i < rows; i++) q[rowOffset + i] -= f * v[i];
    }
  }
  return { q, r };
}
