// Dense kernels over Float64Array matrices and vectors: the readout's mat-vec out += W x and its backward sweep
// (dW += v xᵀ with dx += Wᵀ v), and the squared norm of a vector slice (the per-step gradient norms).
// Conventions as in every kernel of this folder: row-major matrices (docs/maths.md, "Parameter layout":
// W[r, c] = W[r·cols + c]), vectors addressed as (array, offset) so a step's slice of a [T × n] history buffer is used
// in place (no subarray views, no allocation); every product kernel ACCUMULATES into its output (callers zero or
// pre-fill it).

/** out[r] += Σ_c W[r, c] · x[c] for r < rows. */
export function matVecAccumulate(
  out: Float64Array,
  outOffset: number,
  weights: Float64Array,
  rows: number,
  cols: number,
  x: Float64Array,
  xOffset: number,
): void {
  // Register blocking, 4 rows × 2 columns per iteration: each x[c] loaded is used by four rows (1.25 loads per
  // multiply–add instead of 2), and the eight partial sums are independent, so no add waits for the previous one
  // (floating-point add latency). Row r's sum is (Σ over even c) + (Σ over odd c): a fixed order, so results are
  // deterministic, and differ from a left-to-right sum only by rounding (~1e-16 relative). Measured ≈ 1.5× the
  // single-row 4-wide unrolled loop for the 4H × H and H × 4H shapes of the time loop (V8, float64).
  // x may be another row of `out`'s own buffer (vanilla forward: h_{t−1} → h_t): rows never overlap, and out is
  // written only after a block's sums are complete.
  // Index arithmetic is written `(a + b) | 0`: V8 then adds without an overflow check (all indices are < 2³¹ since
  // they address a typed array).
  const evenCols = cols - (cols % 2);
  let r = 0;
  for (; r + 4 <= rows; r = (r + 4) | 0) {
    const row0 = (r * cols) | 0;
    const row1 = (row0 + cols) | 0;
    const row2 = (row1 + cols) | 0;
    const row3 = (row2 + cols) | 0;
    let a0 = 0;
    let a1 = 0;
    let b0 = 0;
    let b1 = 0;
    let c0 = 0;
    let c1 = 0;
    let d0 = 0;
    let d1 = 0;
    let c = 0;
    for (; c < evenCols; c = (c + 2) | 0) {
      const xIndex = (xOffset + c) | 0;
      const x0 = x[xIndex];
      const x1 = x[(xIndex + 1) | 0];
      a0 += weights[(row0 + c) | 0] * x0;
      a1 += weights[(row0 + c + 1) | 0] * x1;
      b0 += weights[(row1 + c) | 0] * x0;
      b1 += weights[(row1 + c + 1) | 0] * x1;
      c0 += weights[(row2 + c) | 0] * x0;
      c1 += weights[(row2 + c + 1) | 0] * x1;
      d0 += weights[(row3 + c) | 0] * x0;
      d1 += weights[(row3 + c + 1) | 0] * x1;
    }
    if (c < cols) {
      const xLast = x[xOffset + c];
      a0 += weights[row0 + c] * xLast;
      b0 += weights[row1 + c] * xLast;
      c0 += weights[row2 + c] * xLast;
      d0 += weights[row3 + c] * xLast;
    }
    out[outOffset + r] += a0 + a1;
    out[outOffset + r + 1] += b0 + b1;
    out[outOffset + r + 2] += c0 + c1;
    out[outOffset + r + 3] += d0 + d1;
  }
  // the last rows % 4 rows (and every row of a matrix with fewer than four, e.g. the readout's O × H)
  for (; r < rows; r++) {
    const rowStart = r * cols;
    let sum0 = 0;
    let sum1 = 0;
    let c = 0;
    for (; c < evenCols; c = (c + 2) | 0) {
      sum0 += weights[(rowStart + c) | 0] * x[(xOffset + c) | 0];
      sum1 += weights[(rowStart + c + 1) | 0] * x[(xOffset + c + 1) | 0];
    }
    if (c < cols) sum0 += weights[rowStart + c] * x[xOffset + c];
    out[outOffset + r] += sum0 + sum1;
  }
}

/**
 * Both halves of the backward pass through one weight matrix in a single sweep over its rows (each row of W and dW is
 * read once while it is in cache): dW += v xᵀ and dx += Wᵀ v.
 */
export function outerProductAndTransposedMatVecAccumulate(
  gradient: Float64Array,
  inputGradient: Float64Array,
  inputGradientOffset: number,
  weights: Float64Array,
  v: Float64Array,
  vOffset: number,
  rows: number,
  x: Float64Array,
  xOffset: number,
  cols: number,
): void {
  let rowStart = 0;
  for (let r = 0; r < rows; r++) {
    const vr = v[vOffset + r];
    if (vr !== 0) {
      for (let c = 0; c < cols; c++) {
        gradient[rowStart + c] += vr * x[xOffset + c];
        inputGradient[inputGradientOffset + c] += weights[rowStart + c] * vr;
      }
    }
    rowStart += cols;
  }
}

/** Σ_i v[offset + i]² for i < length. */
export function squaredNorm(v: Float64Array, offset: number, length: number): number {
  let sum = 0;
  for (let i = 0; i < length; i++) {
    const value = v[offset + i];
    sum += value * value;
  }
  return sum;
}
