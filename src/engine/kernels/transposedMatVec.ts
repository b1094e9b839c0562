// The time loop's mat-vecs, out += Wᵀ v, over a PackedWeights copy (weightCopies.ts). Conventions as in every kernel
// of this folder: row-major matrices (docs/maths.md, "Parameter layout"), vectors addressed as (array, offset) so a
// step's slice of a [T × n] history buffer is used in place (no subarray views, no allocation).
// transposedMatVecAccumulate ACCUMULATES into its output (callers zero or pre-fill it); biasPlusTransposedMatVec
// stores bias + product. The forward pass reads a copy of W_hhᵀ and the backward pass a copy of W_hh, so both
// directions use these two kernels.
import type { PackedWeights } from './weightCopies';

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
