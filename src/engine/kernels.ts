// The dense linear-algebra kernels of the time loop, in one place so that a blocked matrix–matrix (batched) or a
// WebAssembly path can replace them later without touching the cell maths.
//
// Conventions: every matrix is row-major (docs/maths.md, "Parameter layout": W[r, c] = W[r·cols + c]); vectors are
// addressed as (array, offset) so a step's slice of a [T × n] history buffer is used in place — no subarray views,
// no allocation. Every product kernel ACCUMULATES into its output (callers zero or pre-fill it), except
// biasPlusTransposedMatVec, which stores bias + product. The time loop reads its weights from PackedWeights copies
// (below) and uses transposedMatVecAccumulate for every mat-vec; matVecAccumulate serves the readout.

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
 * A weight matrix copied into a plain JavaScript array of doubles (row-major like its source). V8 stores such an array
 * unboxed (elements kind PACKED_DOUBLE_ELEMENTS) and reads an element with fewer checks than a Float64Array element
 * (no detach/length-tracking checks, no base + external pointer sum): the mat-vecs of the time loop, which read each
 * weight once per step, run ≈ 1.3× faster from such a copy (measured, Node 20, 256 × 64 and 64 × 256). The layers keep
 * one per matrix and refresh it at the start of every pass (the parameters may change between passes).
 */
export type PackedWeights = number[];

/** A PackedWeights of `length` zeros whose elements are stored as doubles from the start (see PackedWeights). */
export function createPackedWeights(length: number): PackedWeights {
  // Pushing a non-integer first makes the elements kind PACKED_DOUBLE (an array of integer zeros would start as
  // PACKED_SMI and change kind on the first fractional store, making the kernels polymorphic).
  const packed: number[] = [];
  for (let i = 0; i < length; i++) packed.push(0.5);
  for (let i = 0; i < length; i++) packed[i] = 0;
  return packed;
}

/** target[i] = source[i] for i < source.length (target must have the same length). */
export function copyIntoPacked(target: PackedWeights, source: Float64Array): void {
  // four loads before four stores: ≈ 1.5× the one-at-a-time loop (measured)
  const n = source.length;
  let i = 0;
  for (; i + 4 <= n; i = (i + 4) | 0) {
    const a = source[i];
    const b = source[(i + 1) | 0];
    const c = source[(i + 2) | 0];
    const d = source[(i + 3) | 0];
    target[i] = a;
    target[(i + 1) | 0] = b;
    target[(i + 2) | 0] = c;
    target[(i + 3) | 0] = d;
  }
  for (; i < n; i++) target[i] = source[i];
}

/** target [cols × rows] = sourceᵀ for a row-major source [rows × cols] (target must have rows·cols elements). */
export function transposeIntoPacked(target: PackedWeights, source: Float64Array, rows: number, cols: number): void {
  // the target is written in order: its row c is column c of the source
  const evenRows = rows - (rows % 2);
  let k = 0;
  for (let c = 0; c < cols; c++) {
    let i = c;
    let r = 0;
    for (; r < evenRows; r = (r + 2) | 0) {
      const a = source[i];
      const b = source[(i + cols) | 0];
      target[k] = a;
      target[(k + 1) | 0] = b;
      k = (k + 2) | 0;
      i = (i + 2 * cols) | 0;
    }
    if (r < rows) {
      target[k] = source[i];
      k = (k + 1) | 0;
    }
  }
}

/**
 * out[c] += Σ_r W[r, c] · v[r] for c < cols (out += Wᵀ v), W [rows × cols] row-major as a PackedWeights. The time loop's
 * workhorse in both directions: backward dh_{t−1} = W_hhᵀ dz_t reads a copy of W_hh, forward z_t = W_hh h_{t−1} reads
 * a copy of W_hhᵀ (so Wᵀ's rows are the columns of W_hh).
 * Blocking: eight columns of out are held in registers while r runs, so each step of r loads one v[r] and eight
 * contiguous weights (1.125 loads per multiply–add, and one index update), and the eight sums are independent (no add
 * waits on the previous one). Measured ≈ 2.0 G multiply–adds/s against ≈ 1.6 for matVecAccumulate's 4 × 2 blocking over
 * a PackedWeights copy of Wᵀ, and ≈ 1.2 from the Float64Array, on the same 64 × 256 product (V8, float64). Each out[c]
 * gets Σ_r in increasing r, left to right: the plain loop's bits.
 */
export function transposedMatVecAccumulate(
  out: Float64Array,
  outOffset: number,
  weights: PackedWeights,
  rows: number,
  cols: number,
  v: Float64Array,
  vOffset: number,
): void {
  const vEnd = (vOffset + rows) | 0;
  let c = 0;
  for (; c + 8 <= cols; c = (c + 8) | 0) {
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let s4 = 0;
    let s5 = 0;
    let s6 = 0;
    let s7 = 0;
    let w = c; // index of W[r, c]
    for (let k = vOffset; k < vEnd; k = (k + 1) | 0) {
      const vr = v[k];
      s0 += weights[w] * vr;
      s1 += weights[(w + 1) | 0] * vr;
      s2 += weights[(w + 2) | 0] * vr;
      s3 += weights[(w + 3) | 0] * vr;
      s4 += weights[(w + 4) | 0] * vr;
      s5 += weights[(w + 5) | 0] * vr;
      s6 += weights[(w + 6) | 0] * vr;
      s7 += weights[(w + 7) | 0] * vr;
      w = (w + cols) | 0;
    }
    const o = (outOffset + c) | 0;
    out[o] += s0;
    out[o + 1] += s1;
    out[o + 2] += s2;
    out[o + 3] += s3;
    out[o + 4] += s4;
    out[o + 5] += s5;
    out[o + 6] += s6;
    out[o + 7] += s7;
  }
  // the last cols % 8 columns, four and then one at a time
  for (; c + 4 <= cols; c = (c + 4) | 0) {
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let w = c;
    for (let k = vOffset; k < vEnd; k = (k + 1) | 0) {
      const vr = v[k];
      s0 += weights[w] * vr;
      s1 += weights[(w + 1) | 0] * vr;
      s2 += weights[(w + 2) | 0] * vr;
      s3 += weights[(w + 3) | 0] * vr;
      w = (w + cols) | 0;
    }
    const o = (outOffset + c) | 0;
    out[o] += s0;
    out[o + 1] += s1;
    out[o + 2] += s2;
    out[o + 3] += s3;
  }
  for (; c < cols; c = (c + 1) | 0) {
    let sum = 0;
    let w = c;
    for (let k = vOffset; k < vEnd; k = (k + 1) | 0) {
      sum += weights[w] * v[k];
      w = (w + cols) | 0;
    }
    out[outOffset + c] += sum;
  }
}

/**
 * out[c] = bias[c] + Σ_r W[r, c] · v[r] for c < cols: transposedMatVecAccumulate storing bias + sum rather than adding
 * the sum (the first product of a step writes its pre-activations without a separate bias pass). The sum is formed
 * from zero and the bias added last, as when out is first filled with the bias and the product accumulated into it.
 */
export function biasPlusTransposedMatVec(
  out: Float64Array,
  outOffset: number,
  bias: PackedWeights,
  weights: PackedWeights,
  rows: number,
  cols: number,
  v: Float64Array,
  vOffset: number,
): void {
  const vEnd = (vOffset + rows) | 0;
  let c = 0;
  for (; c + 8 <= cols; c = (c + 8) | 0) {
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let s4 = 0;
    let s5 = 0;
    let s6 = 0;
    let s7 = 0;
    let w = c;
    for (let k = vOffset; k < vEnd; k = (k + 1) | 0) {
      const vr = v[k];
      s0 += weights[w] * vr;
      s1 += weights[(w + 1) | 0] * vr;
      s2 += weights[(w + 2) | 0] * vr;
      s3 += weights[(w + 3) | 0] * vr;
      s4 += weights[(w + 4) | 0] * vr;
      s5 += weights[(w + 5) | 0] * vr;
      s6 += weights[(w + 6) | 0] * vr;
      s7 += weights[(w + 7) | 0] * vr;
      w = (w + cols) | 0;
    }
    const o = (outOffset + c) | 0;
    out[o] = bias[c] + s0;
    out[o + 1] = bias[(c + 1) | 0] + s1;
    out[o + 2] = bias[(c + 2) | 0] + s2;
    out[o + 3] = bias[(c + 3) | 0] + s3;
    out[o + 4] = bias[(c + 4) | 0] + s4;
    out[o + 5] = bias[(c + 5) | 0] + s5;
    out[o + 6] = bias[(c + 6) | 0] + s6;
    out[o + 7] = bias[(c + 7) | 0] + s7;
  }
  for (; c < cols; c = (c + 1) | 0) {
    let sum = 0;
    let w = c;
    for (let k = vOffset; k < vEnd; k = (k + 1) | 0) {
      sum += weights[w] * v[k];
      w = (w + cols) | 0;
    }
    out[outOffset + c] = bias[c] + sum;
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

/** target [cols × rows] = sourceᵀ for a row-major source [rows × cols]. */
export function transposeInto(target: Float64Array, source: Float64Array, rows: number, cols: number): void {
  for (let r = 0; r < rows; r++) {
    const rowStart = r * cols;
    for (let c = 0; c < cols; c++) target[c * rows + r] = source[rowStart + c];
  }
}
