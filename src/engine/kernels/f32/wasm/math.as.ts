// Vectorised float32 tanh, σ and exp (f32x4). NaN propagates through every path: the clamps keep a NaN first operand,
// and a NaN reduced argument makes the polynomial NaN whatever 2ⁿ's bits become.
import { CONSTANTS } from './layout.as';

// V8 rebuilds every v128.const with several instructions at each use and does not hoist it out of loops, so the
// splatted constants live in memory (written once by the start function) and are read with one v128.load each.
const A13: usize = 0;
const A11: usize = 16;
const A9: usize = 32;
const A7: usize = 48;
const A5: usize = 64;
const A3: usize = 80;
const A1: usize = 96;
const B6: usize = 112;
const B4: usize = 128;
const B2: usize = 144;
const B0: usize = 160;
const TINY: usize = 176;
const SPLIT: usize = 192;
const ONE: usize = 208;
const TWO: usize = 224;
const HALF: usize = 240;
const EXP_HI: usize = 256;
const EXP_LO: usize = 272;
const LOG2E: usize = 288;
const LN2_HI: usize = 304;
const LN2_LO: usize = 320;
const P0: usize = 336;
const P1: usize = 352;
const P2: usize = 368;
const P3: usize = 384;
const P4: usize = 400;
const P5: usize = 416;
const SIGN_MASK: usize = 432;
const BIAS_MAGIC: usize = 448;
// In the order of the offsets above: tanh's numerator αᵢ and denominator βᵢ (Eigen), thresholds, small integers,
// exp's clamp, log₂e, ln 2 in two parts and Cephes' Pᵢ.
const VALUES = memory.data<f32>([-2.76076847742355e-16, 2.00018790482477e-13, -8.60467152213735e-11, 5.12229709037114e-08, 1.48572235717979e-05, 0.000637261928875436, 0.00489352455891786, 1.19825839466702e-06, 0.000118534705686654, 0.002268434632439, 0.00489352518554385, 0.0004, 0.625, 1, 2, 0.5, 88.3762626647949, -88.3762626647949, 1.4426950408889634, 0.693359375, -0.00021219444, 0.000198756915, 0.0013981999507, 0.0083334519073, 0.041665795894, 0.16666665459, 0.50000001201]);
const COUNT = 27;
for (let i = 0; i < COUNT; i++) v128.store(CONSTANTS + (<usize>i << 4), f32x4.splat(load<f32>(VALUES + (<usize>i << 2))));
v128.store(CONSTANTS + SIGN_MASK, i32x4.splat(<i32>0x80000000));
v128.store(CONSTANTS + BIAS_MAGIC, f32x4.splat(12583039)); // 127 + 1.5·2²³

/** The constant at byte offset `at` of the table. */
// @ts-ignore: decorator
@inline function k(at: usize): v128 {
  return v128.load(CONSTANTS + at);
}

/**
 * eˣ by Cephes' expf: x = n·ln2 + r with n = ⌊x·log₂e + ½⌋ and |r| ≤ ln2/2 (ln2 split in two parts so n·ln2 is exact),
 * eʳ ≈ 1 + r + r²·P(r) (degree-5 P), and 2ⁿ built in the exponent field. x is clamped to ±88.3762626647949 so
 * n ∈ [−127, 127]: n = −127 gives the bit pattern 0, i.e. eˣ = 0 below the normal range.
 */
// @ts-ignore: decorator
@inline
export function expV(x: v128): v128 {
  // pmin/pmax (a single minps/maxps on x64, unlike min/max) keep their first operand when it is NaN.
  let xc = f32x4.pmax(f32x4.pmin(x, k(EXP_HI)), k(EXP_LO));
  const fx = f32x4.floor(f32x4.add(f32x4.mul(xc, k(LOG2E)), k(HALF)));
  xc = f32x4.sub(xc, f32x4.mul(fx, k(LN2_HI)));
  xc = f32x4.sub(xc, f32x4.mul(fx, k(LN2_LO)));
  const r2 = f32x4.mul(xc, xc);
  let y = f32x4.add(f32x4.mul(xc, k(P0)), k(P1));
  y = f32x4.add(f32x4.mul(xc, y), k(P2));
  y = f32x4.add(f32x4.mul(xc, y), k(P3));
  y = f32x4.add(f32x4.mul(xc, y), k(P4));
  y = f32x4.add(f32x4.mul(xc, y), k(P5));
  y = f32x4.add(f32x4.add(f32x4.mul(y, r2), xc), k(ONE));
  // 2ⁿ: fx + 127 + 1.5·2²³ holds the integer n + 127 ∈ [0, 254] in its low mantissa bits; shifted left by 23 they
  // become the exponent field, and the bits above (0x4B4 of 1.5·2²³'s sign and exponent) leave the 32-bit lane.
  const pow2n = i32x4.shl(f32x4.add(fx, k(BIAS_MAGIC)), 23);
  return f32x4.mul(y, pow2n);
}

/**
 * tanh(x) in two pieces, each accurate to about 2 float32 ulps:
 *  - |x| < 0.625: Eigen's 13/6 rational interpolant p(x)/q(x) (p odd, degree 13; q even, degree 6); for |x| < 4e-4,
 *    tanh(x) = x − x³/3 + … rounds to x (keeps ±0 and tiny values exact);
 *  - |x| ≥ 0.625: tanh|x| = 1 − 2/(e^{2|x|} + 1) with the sign of x put back (no cancellation worse than one bit,
 *    since tanh|x| ≥ 0.55 there); e^{2|x|} saturates at 2.4e38, giving exactly ±1 from |x| ≈ 9 on and at ±∞.
 * Eigen's interpolant alone clamps at ±7.905 and is 4.5 ulps off just below 1; the exp form avoids that.
 */
// @ts-ignore: decorator
@inline
export function tanhV(x: v128): v128 {
  const ax = f32x4.abs(x);
  const x2 = f32x4.mul(x, x);
  let p = f32x4.add(f32x4.mul(x2, k(A13)), k(A11));
  p = f32x4.add(f32x4.mul(x2, p), k(A9));
  p = f32x4.add(f32x4.mul(x2, p), k(A7));
  p = f32x4.add(f32x4.mul(x2, p), k(A5));
  p = f32x4.add(f32x4.mul(x2, p), k(A3));
  p = f32x4.add(f32x4.mul(x2, p), k(A1));
  p = f32x4.mul(x, p);
  let q = f32x4.add(f32x4.mul(x2, k(B6)), k(B4));
  q = f32x4.add(f32x4.mul(x2, q), k(B2));
  q = f32x4.add(f32x4.mul(x2, q), k(B0));
  const small = v128.bitselect(x, f32x4.div(p, q), f32x4.lt(ax, k(TINY)));
  const two = k(TWO);
  const large = f32x4.sub(k(ONE), f32x4.div(two, f32x4.add(expV(f32x4.mul(two, ax)), k(ONE))));
  const signed = v128.or(large, v128.and(x, k(SIGN_MASK))); // |tanh| with x's sign bit; NaN stays NaN
  return v128.bitselect(small, signed, f32x4.lt(ax, k(SPLIT)));
}

/**
 * σ(x) from e = e^{−|x|} ∈ (0, 1]: σ(x) = 1/(1 + e) for x ≥ 0 and e/(1 + e) for x < 0, so the small tail of σ keeps
 * its relative accuracy and underflows to exactly 0 (σ(−∞) = 0, σ(+∞) = 1, σ(±0) = ½; NaN fails x ≥ 0 and stays NaN).
 */
// @ts-ignore: decorator
@inline
export function sigmoidV(x: v128): v128 {
  const e = expV(f32x4.neg(f32x4.abs(x)));
  const d = f32x4.div(k(ONE), f32x4.add(k(ONE), e));
  return v128.bitselect(d, f32x4.mul(e, d), f32x4.ge(x, f32x4.splat(0)));
}

/** relu(x) = x < 0 ? 0 : x, pmax's definition (NaN stays NaN; −0 stays −0). */
// @ts-ignore: decorator
@inline
export function reluV(x: v128): v128 {
  return f32x4.pmax(x, f32x4.splat(0));
}

// Scalar forms for row tails: the same arithmetic on lane 0, so every column gets bit-identical results.
export function tanhS(x: f32): f32 {
  return f32x4.extract_lane(tanhV(f32x4.splat(x)), 0);
}
export function sigmoidS(x: f32): f32 {
  return f32x4.extract_lane(sigmoidV(f32x4.splat(x)), 0);
}
export function reluS(x: f32): f32 {
  return f32x4.extract_lane(reluV(f32x4.splat(x)), 0);
}
