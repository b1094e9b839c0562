// The dense linear-algebra kernels of the time loop, in one place so that a blocked matrix–matrix (batched) or a
// WebAssembly path can replace them later without touching the cell maths.
//
// Conventions: every matrix is row-major (rnn-maths.md, "Parameter layout": W[r, c] = W[r·cols + c]); vectors are
// addressed as (array, offset) so a step's slice of a [T × n] history buffer is used in place — no subarray views,
// no allocation. Every kernel ACCUMULATES into its output (callers zero or pre-fill it, e.g. with the biases).

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
  const evenCols = cols - (cols % 2);
  let r = 0;
  for (; r + 4 <= rows; r += 4) {
    const row0 = r * cols;
    const row1 = row0 + cols;
    const row2 = row1 + cols;
    const row3 = row2 + cols;
    let a0 = 0;
    let a1 = 0;
    let b0 = 0;
    let b1 = 0;
    let c0 = 0;
    let c1 = 0;
    let d0 = 0;
    let d1 = 0;
    let c = 0;
    for (; c < evenCols; c += 2) {
      const x0 = x[xOffset + c];
      const x1 = x[xOffset + c + 1];
      a0 += weights[row0 + c] * x0;
      a1 += weights[row0 + c + 1] * x1;
      b0 += weights[row1 + c] * x0;
      b1 += weights[row1 + c + 1] * x1;
      c0 += weights[row2 + c] * x0;
      c1 += weights[row2 + c + 1] * x1;
      d0 += weights[row3 + c] * x0;
      d1 += weights[row3 + c + 1] * x1;
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
    for (; c < evenCols; c += 2) {
      sum0 += weights[rowStart + c] * x[xOffset + c];
      sum1 += weights[rowStart + c + 1] * x[xOffset + c + 1];
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

/**
 * The sum over steps of per-step outer products, dW += Σ_t g_t x_tᵀ, i.e. the matrix product [rows × steps]·[steps ×
 * cols] with g_t at g[gOffset + t·rows …] and x_t at x[xOffset + t·xStride …]. This is how BPTT's weight gradients
 * (dWhh = Σ_t dz_t h_{t−1}ᵀ) are formed once per sequence instead of once per step: four columns of dW are held in
 * registers while t runs — for two rows at once (2 × 4 partial sums), so each g_t[r] and x_t[c] loaded serves
 * several multiply–adds (0.75 loads per multiply–add, measured ≈ 1.8× the 1 × 4 block). Each entry of dW is still the
 * left-to-right sum over t, so the result is bit-identical to the plain loop.
 */
export function accumulateOuterProductsOverSteps(
  gradient: Float64Array,
  rows: number,
  cols: number,
  g: Float64Array,
  gOffset: number,
  x: Float64Array,
  xOffset: number,
  xStride: number,
  steps: number,
): void {
  const unrolledCols = cols - (cols % 4);
  let r = 0;
  for (; r + 2 <= rows; r += 2) {
    const row0 = r * cols;
    const row1 = row0 + cols;
    let c = 0;
    for (; c < unrolledCols; c += 4) {
      let a0 = 0;
      let a1 = 0;
      let a2 = 0;
      let a3 = 0;
      let b0 = 0;
      let b1 = 0;
      let b2 = 0;
      let b3 = 0;
      let gIndex = gOffset + r;
      let xIndex = xOffset + c;
      for (let t = 0; t < steps; t++) {
        const d0 = g[gIndex];
        const d1 = g[gIndex + 1];
        const x0 = x[xIndex];
        const x1 = x[xIndex + 1];
        const x2 = x[xIndex + 2];
        const x3 = x[xIndex + 3];
        a0 += d0 * x0;
        a1 += d0 * x1;
        a2 += d0 * x2;
        a3 += d0 * x3;
        b0 += d1 * x0;
        b1 += d1 * x1;
        b2 += d1 * x2;
        b3 += d1 * x3;
        gIndex += rows;
        xIndex += xStride;
      }
      gradient[row0 + c] += a0;
      gradient[row0 + c + 1] += a1;
      gradient[row0 + c + 2] += a2;
      gradient[row0 + c + 3] += a3;
      gradient[row1 + c] += b0;
      gradient[row1 + c + 1] += b1;
      gradient[row1 + c + 2] += b2;
      gradient[row1 + c + 3] += b3;
    }
    for (; c < cols; c++) {
      let sum0 = 0;
      let sum1 = 0;
      let gIndex = gOffset + r;
      let xIndex = xOffset + c;
      for (let t = 0; t < steps; t++) {
        const xValue = x[xIndex];
        sum0 += g[gIndex] * xValue;
        sum1 += g[gIndex + 1] * xValue;
        gIndex += rows;
        xIndex += xStride;
      }
      gradient[row0 + c] += sum0;
      gradient[row1 + c] += sum1;
    }
  }
  // an odd last row
  for (; r < rows; r++) {
    const rowStart = r * cols;
    for (let c = 0; c < cols; c++) {
      let sum = 0;
      let gIndex = gOffset + r;
      let xIndex = xOffset + c;
      for (let t = 0; t < steps; t++) {
        sum += g[gIndex] * x[xIndex];
        gIndex += rows;
        xIndex += xStride;
      }
      gradient[rowStart + c] += sum;
    }
  }
}

/** out[r] += Σ_t g[gOffset + t·rows + r] (a bias gradient: db = Σ_t dz_t). */
export function accumulateSumOverSteps(out: Float64Array, rows: number, g: Float64Array, gOffset: number, steps: number): void {
  for (let t = 0; t < steps; t++) {
    const offset = gOffset + t * rows;
    for (let r = 0; r < rows; r++) out[r] += g[offset + r];
  }
}

/** target [cols × rows] = sourceᵀ for a row-major source [rows × cols]. */
export function transposeInto(target: Float64Array, source: Float64Array, rows: number, cols: number): void {
  for (let r = 0; r < rows; r++) {
    const rowStart = r * cols;
    for (let c = 0; c < cols; c++) target[c * rows + r] = source[rowStart + c];
  }
}
