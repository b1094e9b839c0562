// Vectorised float32 tanh, σ and exp (f32x4). NaN propagates through every path (f32x4.min/max return NaN when
// either operand is NaN, and trunc_sat maps NaN to 0, leaving the NaN factor untouched).

/**
 * eˣ by Cephes' expf: x = n·ln2 + r with n = ⌊x·log₂e + ½⌋ and |r| ≤ ln2/2 (ln2 split in two parts so n·ln2 is exact),
 * eʳ ≈ 1 + r + r²·P(r) (degree-5 P), and 2ⁿ built in the exponent field. x is clamped to ±88.3762626647949 so
 * n ∈ [−127, 127]: n = −127 gives the bit pattern 0, i.e. eˣ = 0 below the normal range.
 */
// @ts-ignore: decorator
@inline
export function expV(x: v128): v128 {
  let xc = f32x4.max(f32x4.min(x, f32x4.splat(88.3762626647949)), f32x4.splat(-88.3762626647949));
  const fx = f32x4.floor(f32x4.add(f32x4.mul(xc, f32x4.splat(1.44269504088896341)), f32x4.splat(0.5)));
  xc = f32x4.sub(xc, f32x4.mul(fx, f32x4.splat(0.693359375)));
  xc = f32x4.sub(xc, f32x4.mul(fx, f32x4.splat(-2.12194440e-4)));
  const r2 = f32x4.mul(xc, xc);
  let y = f32x4.add(f32x4.mul(xc, f32x4.splat(1.9875691500e-4)), f32x4.splat(1.3981999507e-3));
  y = f32x4.add(f32x4.mul(xc, y), f32x4.splat(8.3334519073e-3));
  y = f32x4.add(f32x4.mul(xc, y), f32x4.splat(4.1665795894e-2));
  y = f32x4.add(f32x4.mul(xc, y), f32x4.splat(1.6666665459e-1));
  y = f32x4.add(f32x4.mul(xc, y), f32x4.splat(5.0000001201e-1));
  y = f32x4.add(f32x4.add(f32x4.mul(y, r2), xc), f32x4.splat(1));
  const n = i32x4.trunc_sat_f32x4_s(fx);
  const pow2n = i32x4.shl(i32x4.add(n, i32x4.splat(127)), 23);
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
  let p = f32x4.add(f32x4.mul(x2, f32x4.splat(-2.76076847742355e-16)), f32x4.splat(2.00018790482477e-13));
  p = f32x4.add(f32x4.mul(x2, p), f32x4.splat(-8.60467152213735e-11));
  p = f32x4.add(f32x4.mul(x2, p), f32x4.splat(5.12229709037114e-8));
  p = f32x4.add(f32x4.mul(x2, p), f32x4.splat(1.48572235717979e-5));
  p = f32x4.add(f32x4.mul(x2, p), f32x4.splat(6.37261928875436e-4));
  p = f32x4.add(f32x4.mul(x2, p), f32x4.splat(4.89352455891786e-3));
  p = f32x4.mul(x, p);
  let q = f32x4.add(f32x4.mul(x2, f32x4.splat(1.19825839466702e-6)), f32x4.splat(1.18534705686654e-4));
  q = f32x4.add(f32x4.mul(x2, q), f32x4.splat(2.268434632439e-3));
  q = f32x4.add(f32x4.mul(x2, q), f32x4.splat(4.89352518554385e-3));
  const small = v128.bitselect(x, f32x4.div(p, q), f32x4.lt(ax, f32x4.splat(0.0004)));
  const two = f32x4.splat(2);
  const large = f32x4.sub(f32x4.splat(1), f32x4.div(two, f32x4.add(expV(f32x4.mul(two, ax)), f32x4.splat(1))));
  const signed = v128.or(large, v128.and(x, i32x4.splat(<i32>0x80000000))); // |tanh| with x's sign bit; NaN stays NaN
  return v128.bitselect(small, signed, f32x4.lt(ax, f32x4.splat(0.625)));
}

/**
 * σ(x) from e = e^{−|x|} ∈ (0, 1]: σ(x) = 1/(1 + e) for x ≥ 0 and e/(1 + e) for x < 0, so the small tail of σ keeps
 * its relative accuracy and underflows to exactly 0 (σ(−∞) = 0, σ(+∞) = 1, σ(±0) = ½; NaN fails x ≥ 0 and stays NaN).
 */
// @ts-ignore: decorator
@inline
export function sigmoidV(x: v128): v128 {
  const e = expV(f32x4.neg(f32x4.abs(x)));
  const d = f32x4.div(f32x4.splat(1), f32x4.add(f32x4.splat(1), e));
  return v128.bitselect(d, f32x4.mul(e, d), f32x4.ge(x, f32x4.splat(0)));
}

/** relu(x) = max(x, 0) (NaN stays NaN). */
// @ts-ignore: decorator
@inline
export function reluV(x: v128): v128 {
  return f32x4.max(x, f32x4.splat(0));
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
