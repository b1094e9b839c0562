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
  // Four independent partial sums per row: one running sum would make every add wait for the previous one
  // (floating-point add latency), four keep the multiply–add units busy. The order is fixed, so results are
  // deterministic (and differ from a left-to-right sum only by rounding, ~1e-16 relative).
  const unrolledCols = cols - (cols % 4);
  let rowStart = 0;
  for (let r = 0; r < rows; r++) {
    let sum0 = 0;
    let sum1 = 0;
    let sum2 = 0;
    let sum3 = 0;
    let c = 0;
    for (; c < unrolledCols; c += 4) {
      const w = rowStart + c;
      const v = xOffset + c;
      sum0 += weights[w] * x[v];
      sum1 += weights[w + 1] * x[v + 1];
      sum2 += weights[w + 2] * x[v + 2];
      sum3 += weights[w + 3] * x[v + 3];
    }
    for (; c < cols; c++) sum0 += weights[rowStart + c] * x[xOffset + c];
    out[outOffset + r] += sum0 + sum1 + (sum2 + sum3);
    rowStart += cols;
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
 * registers while t runs, so each multiply–add costs about one load instead of two loads and a store.
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
  for (let r = 0; r < rows; r++) {
    const rowStart = r * cols;
    let c = 0;
    for (; c < unrolledCols; c += 4) {
      let sum0 = 0;
      let sum1 = 0;
      let sum2 = 0;
      let sum3 = 0;
      let gIndex = gOffset + r;
      let xIndex = xOffset + c;
      for (let t = 0; t < steps; t++) {
        const d = g[gIndex];
        sum0 += d * x[xIndex];
        sum1 += d * x[xIndex + 1];
        sum2 += d * x[xIndex + 2];
        sum3 += d * x[xIndex + 3];
        gIndex += rows;
        xIndex += xStride;
      }
      gradient[rowStart + c] += sum0;
      gradient[rowStart + c + 1] += sum1;
      gradient[rowStart + c + 2] += sum2;
      gradient[rowStart + c + 3] += sum3;
    }
    for (; c < cols; c++) {
      let sum = 0;
      for (let t = 0; t < steps; t++) sum += g[gOffset + t * rows + r] * x[xOffset + t * xStride + c];
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
