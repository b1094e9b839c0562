// Sums over the time steps of a sequence, formed once per sequence instead of once per step: BPTT's weight gradients
// dW += Σ_t g_t x_tᵀ and bias gradients db += Σ_t g_t (docs/maths.md "Backpropagation through time"). Row-major
// matrices (docs/maths.md, "Parameter layout"); both kernels ACCUMULATE into their output, and each output entry is
// the left-to-right sum over t, bit-identical to the plain per-step loop.

/**
 * The sum over steps of per-step outer products, dW += Σ_t g_t x_tᵀ, i.e. the matrix product [rows × steps]·[steps ×
 * cols] with g_t at g[gOffset + t·rows …] and x_t at x[xOffset + t·xStride …]. This is how BPTT's weight gradients
 * (dWhh = Σ_t dz_t h_{t−1}ᵀ) are formed once per sequence instead of once per step: four columns of dW are held in
 * registers while t runs — for two rows at once (2 × 4 partial sums), so each g_t[r] and x_t[c] loaded serves
 * several multiply–adds (0.75 loads per multiply–add, measured ≈ 1.8× the 1 × 4 block; 4 × 4 spills registers and is
 * no faster). Each entry of dW is still the left-to-right sum over t, so the result is bit-identical to the plain loop.
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
  for (; r + 2 <= rows; r = (r + 2) | 0) {
    const row0 = (r * cols) | 0;
    const row1 = (row0 + cols) | 0;
    let c = 0;
    for (; c < unrolledCols; c = (c + 4) | 0) {
      let a0 = 0;
      let a1 = 0;
      let a2 = 0;
      let a3 = 0;
      let b0 = 0;
      let b1 = 0;
      let b2 = 0;
      let b3 = 0;
      let gIndex = (gOffset + r) | 0;
      let xIndex = (xOffset + c) | 0;
      for (let t = 0; t < steps; t = (t + 1) | 0) {
        const d0 = g[gIndex];
        const d1 = g[(gIndex + 1) | 0];
        const x0 = x[xIndex];
        const x1 = x[(xIndex + 1) | 0];
        const x2 = x[(xIndex + 2) | 0];
        const x3 = x[(xIndex + 3) | 0];
        a0 += d0 * x0;
        a1 += d0 * x1;
        a2 += d0 * x2;
        a3 += d0 * x3;
        b0 += d1 * x0;
        b1 += d1 * x1;
        b2 += d1 * x2;
        b3 += d1 * x3;
        gIndex = (gIndex + rows) | 0;
        xIndex = (xIndex + xStride) | 0;
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

/**
 * out[r] += Σ_t g[gOffset + t·rows + r] (a bias gradient: db = Σ_t dz_t). Eight rows at a time are summed in registers
 * starting from out[r] and adding g_0[r], g_1[r], … in order: the same roundings as adding each step into out[r].
 */
export function accumulateSumOverSteps(out: Float64Array, rows: number, g: Float64Array, gOffset: number, steps: number): void {
  let r = 0;
  for (; r + 8 <= rows; r = (r + 8) | 0) {
    let s0 = out[r];
    let s1 = out[r + 1];
    let s2 = out[r + 2];
    let s3 = out[r + 3];
    let s4 = out[r + 4];
    let s5 = out[r + 5];
    let s6 = out[r + 6];
    let s7 = out[r + 7];
    let k = (gOffset + r) | 0;
    for (let t = 0; t < steps; t = (t + 1) | 0) {
      s0 += g[k];
      s1 += g[(k + 1) | 0];
      s2 += g[(k + 2) | 0];
      s3 += g[(k + 3) | 0];
      s4 += g[(k + 4) | 0];
      s5 += g[(k + 5) | 0];
      s6 += g[(k + 6) | 0];
      s7 += g[(k + 7) | 0];
      k = (k + rows) | 0;
    }
    out[r] = s0;
    out[r + 1] = s1;
    out[r + 2] = s2;
    out[r + 3] = s3;
    out[r + 4] = s4;
    out[r + 5] = s5;
    out[r + 6] = s6;
    out[r + 7] = s7;
  }
  for (; r < rows; r++) {
    let sum = out[r];
    let k = (gOffset + r) | 0;
    for (let t = 0; t < steps; t = (t + 1) | 0) {
      sum += g[k];
      k = (k + rows) | 0;
    }
    out[r] = sum;
  }
}
