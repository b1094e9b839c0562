// What every matrix goes through before it is decomposed (eigenvalues.ts, singularValues.ts): refuse the entries that
// could keep an iteration from ending, and scale by an exact power of two so that nothing underflows.
//
// Why. The decompositions are EISPACK-style iterations (Francis QR, implicit QL) whose deflation tests compare an
// off-diagonal entry with ε times its neighbours. A NaN never compares below anything, so one NaN or ±Infinity entry —
// or a finite one whose square overflows to Infinity and then gives Infinity − Infinity = NaN — keeps a test from
// ever firing; ml-matrix's ports (JAMA) have no iteration limit and would loop for ever. At the other end, products of
// entries below ~1e-162 underflow to 0: ml-matrix's EigenvalueDecomposition returns 2.5e-300 and 4e-300 for
// 1e-300·[[1, 2], [3, 4]] (the eigenvalues are (5 ± √33)/2·1e-300), and the earlier hand-written solvers gave up on
// 64×64 Gaussian matrices scaled by 1e-155 (λ₁) or 1e-170 (eigenvalues) — the size of a vanishing Jacobian product
// ∂h_t/∂h_k (docs/maths.md "Vanishing and exploding gradients").
//
// So, for A [rows × cols]:
//  1. every entry must be finite with |a_ij| ≤ 2^500 ≈ 3.3e150, else a RangeError naming the entry. 2^500 keeps a
//     square below 2^1000 and a sum of up to 2^23 squares (‖A‖_F², an entry of AᵀA, for any matrix of up to 8·10⁶
//     entries: a 4·512 × 512 stacked gate block has 2^20) below the largest double 2^1024 ≈ 1.8e308.
//  2. A is multiplied by 2^−e, e = ⌊log₂ max|a_ij|⌋, so the largest scaled entry lies in [1, 2) (up to the rounding of
//     log₂: [½, 4) at worst). Multiplying by a power of two is exact — only an entry below 2^−1022·max|a_ij| becomes
//     subnormal and loses bits, a change far below ε‖A‖ — and eigenvalues and singular values are homogeneous,
//     λ(cA) = c·λ(A) and σ(cA) = |c|·σ(A), so the results of the scaled matrix are multiplied back by 2^e.
import { assertMatrixShape, assertSquareMatrix } from './checks';

/** Largest |a_ij| accepted (see the header): 2^500 ≈ 3.27e150. */
export const MAX_ENTRY_MAGNITUDE = 2 ** 500;

export interface ScaledMatrix {
  /** 2^−e·A, row-major [rows × cols], with max |entry| in [½, 4). */
  readonly values: Float64Array;
  /** e: multiply a result of `values` by 2^e (timesPowerOfTwo) to get the result of A. */
  readonly exponent: number;
}

/** Checks A [rows × cols] (shape, finiteness, magnitude) and scales it; null when every entry is 0. */
export function scaledForDecomposition(routine: string, a: Float64Array, rows: number, cols: number): ScaledMatrix | null {
  if (rows === cols) assertSquareMatrix(routine, a, rows, MAX_ENTRY_MAGNITUDE);
  else assertMatrixShape(routine, a, rows, cols, MAX_ENTRY_MAGNITUDE);
  let largest = 0;
  for (let i = 0; i < a.length; i++) largest = Math.max(largest, Math.abs(a[i]));
  if (largest === 0) return null;
  // largest ≥ 2^−1074 (the smallest subnormal), so e ∈ [−1074, 500].
  const exponent = Math.floor(Math.log2(largest));
  const [first, second] = powerOfTwoSteps(-exponent);
  const values = a.map((value) => value * first * second);
  return { values, exponent };
}

/** x·2^k for integers −2096 ≤ k ≤ 2045: exact unless the result is subnormal, then within 2^−1073. */
export function timesPowerOfTwo(x: number, k: number): number {
  const [first, second] = powerOfTwoSteps(k);
  return x * first * second;
}

/**
 * 2^k as two normal powers of two whose product is 2^k, the larger step first. 2^k alone is a double only for
 * −1074 ≤ k ≤ 1023 and is subnormal below −1022. Each multiplication by a normal power of two is exact while its result
 * is a normal double; only a subnormal result (below 2^−1022) is rounded, to within 2^−1074.
 */
function powerOfTwoSteps(k: number): [number, number] {
  if (k > 1023) return [powerOfTwo(1023), powerOfTwo(k - 1023)];
  if (k < -1022) return [powerOfTwo(-1022), powerOfTwo(k + 1022)];
  return [powerOfTwo(k), 1];
}

/** 2^k for −1022 ≤ k ≤ 1023, built from its bits (sign 0, biased exponent k + 1023, zero fraction): exact by construction. */
function powerOfTwo(k: number): number {
  const bits = new DataView(new ArrayBuffer(8));
  bits.setUint16(0, (k + 1023) << 4); // big-endian: the first 16 bits are the sign, the 11 exponent bits, 4 fraction bits
  return bits.getFloat64(0);
}
