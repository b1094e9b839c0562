// Double-double arithmetic: a value is the unevaluated sum hi + lo of two float64 with |lo| ≤ ulp(hi)/2, about 32
// significant digits (Dekker 1971; Hida, Li & Bailey 2001, "QD"). The gradient check uses it to evaluate J(θ ± ε):
// in plain float64 the difference quotient (J(θ+ε) − J(θ−ε))/2ε carries a rounding error of about
// 1e-16·|J|/ε ≈ 1e-10, which alone exceeds the 1e-6 relative tolerance for any gradient entry below ~1e-4
// (docs/maths.md, "Gradient check"). In double-double that error is ~1e-26 and only the O(ε²) truncation remains.
// Allocation-heavy by design (clarity over speed): used only on gradient-check-sized models.

export interface DoubleDouble {
  readonly hi: number;
  readonly lo: number;
}

/** 2^27 + 1: Dekker's splitter, so a·SPLITTER separates a float64 into two 26-bit halves. */
const SPLITTER = 134217729;
/** ln 2 to double-double precision. */
const LN2: DoubleDouble = { hi: 0.6931471805599453, lo: 2.3190468138462996e-17 };
/** exp's argument is scaled by 2^-EXP_HALVINGS before the Taylor series, then squared back EXP_HALVINGS times. */
const EXP_HALVINGS = 10;
/** |r/2^10| ≤ ln2/2^11 ≈ 3.4e-4, so the Taylor term of order 10 is below 1e-40: ten terms are plenty. */
const EXP_TAYLOR_TERMS = 10;
/** Above this, exp overflows float64. */
const EXP_OVERFLOW = 709.7;

export const DD_ZERO: DoubleDouble = { hi: 0, lo: 0 };
export const DD_ONE: DoubleDouble = { hi: 1, lo: 0 };

export function dd(value: number): DoubleDouble {
  return { hi: value, lo: 0 };
}

/** The nearest float64. */
export function toNumber(a: DoubleDouble): number {
  return a.hi + a.lo;
}

/** s + e = a + b exactly (Knuth's TwoSum). */
function twoSum(a: number, b: number): DoubleDouble {
  const s = a + b;
  const bb = s - a;
  return { hi: s, lo: a - (s - bb) + (b - bb) };
}

/** s + e = a + b exactly, given |a| ≥ |b|. */
function quickTwoSum(a: number, b: number): DoubleDouble {
  const s = a + b;
  return { hi: s, lo: b - (s - a) };
}

/** p + e = a·b exactly (Dekker's TwoProduct, no FMA needed). */
function twoProduct(a: number, b: number): DoubleDouble {
  const p = a * b;
  const ta = SPLITTER * a;
  const aHi = ta - (ta - a);
  const aLo = a - aHi;
  const tb = SPLITTER * b;
  const bHi = tb - (tb - b);
  const bLo = b - bHi;
  return { hi: p, lo: aHi * bHi - p + aHi * bLo + aLo * bHi + aLo * bLo };
}

export function add(a: DoubleDouble, b: DoubleDouble): DoubleDouble {
  if (!Number.isFinite(a.hi) || !Number.isFinite(b.hi)) return dd(a.hi + b.hi);
  const s = twoSum(a.hi, b.hi);
  const t = twoSum(a.lo, b.lo);
  const u = quickTwoSum(s.hi, s.lo + t.hi);
  return quickTwoSum(u.hi, u.lo + t.lo);
}

export function neg(a: DoubleDouble): DoubleDouble {
  return { hi: -a.hi, lo: -a.lo };
}

export function sub(a: DoubleDouble, b: DoubleDouble): DoubleDouble {
  return add(a, neg(b));
}

export function mul(a: DoubleDouble, b: DoubleDouble): DoubleDouble {
  if (!Number.isFinite(a.hi) || !Number.isFinite(b.hi)) return dd(a.hi * b.hi);
  const p = twoProduct(a.hi, b.hi);
  return quickTwoSum(p.hi, p.lo + (a.hi * b.lo + a.lo * b.hi));
}

/** a / b by long division with three float64 quotient digits. */
export function div(a: DoubleDouble, b: DoubleDouble): DoubleDouble {
  if (!Number.isFinite(a.hi) || !Number.isFinite(b.hi) || b.hi === 0) return dd(a.hi / b.hi);
  const q1 = a.hi / b.hi;
  let r = sub(a, mul(dd(q1), b));
  const q2 = r.hi / b.hi;
  r = sub(r, mul(dd(q2), b));
  const q3 = r.hi / b.hi;
  return add(quickTwoSum(q1, q2), dd(q3));
}

/** 1/n! for n = 0 … EXP_TAYLOR_TERMS, each to double-double precision. */
const INVERSE_FACTORIALS: readonly DoubleDouble[] = (() => {
  const table: DoubleDouble[] = [DD_ONE];
  for (let n = 1; n <= EXP_TAYLOR_TERMS; n++) table.push(div(table[n - 1]!, dd(n)));
  return table;
})();

/** e^a: a = k ln2 + r, e^r = (Taylor(r/2^10))^(2^10), times 2^k. */
export function exp(a: DoubleDouble): DoubleDouble {
  if (a.hi > EXP_OVERFLOW) return dd(Infinity);
  if (a.hi < -EXP_OVERFLOW) return DD_ZERO;
  const k = Math.round(a.hi / LN2.hi);
  const r = sub(a, mul(LN2, dd(k)));
  const scale = 2 ** -EXP_HALVINGS;
  const small = { hi: r.hi * scale, lo: r.lo * scale };
  // Taylor Σ_n small^n / n! by Horner's rule with double-double 1/n!
  let sum: DoubleDouble = INVERSE_FACTORIALS[EXP_TAYLOR_TERMS]!;
  for (let n = EXP_TAYLOR_TERMS - 1; n >= 0; n--) sum = add(mul(sum, small), INVERSE_FACTORIALS[n]!);
  for (let i = 0; i < EXP_HALVINGS; i++) sum = mul(sum, sum);
  // 2^k in two exact factors so that neither over- nor underflows on the way
  const half = Math.trunc(k / 2);
  const f1 = 2 ** half;
  const f2 = 2 ** (k - half);
  return { hi: sum.hi * f1 * f2, lo: sum.lo * f1 * f2 };
}

/** tanh a = sign(a)·(1 − e^{−2|a|}) / (1 + e^{−2|a|}) (e^{−2|a|} never overflows). */
export function tanh(a: DoubleDouble): DoubleDouble {
  const negative = a.hi < 0;
  const absolute = negative ? neg(a) : a;
  const t = exp(mul(dd(-2), absolute));
  const value = div(sub(DD_ONE, t), add(DD_ONE, t));
  return negative ? neg(value) : value;
}

/** sig a = 1/(1 + e^{−a}) for a ≥ 0, e^{a}/(1 + e^{a}) otherwise (no overflow). */
export function sigmoid(a: DoubleDouble): DoubleDouble {
  if (a.hi >= 0) return div(DD_ONE, add(DD_ONE, exp(neg(a))));
  const e = exp(a);
  return div(e, add(DD_ONE, e));
}

export function relu(a: DoubleDouble): DoubleDouble {
  return a.hi > 0 || (a.hi === 0 && a.lo > 0) ? a : DD_ZERO;
}

/** ln a by one Newton step from the float64 logarithm: x ← x + a·e^{−x} − 1 doubles the correct digits. */
export function log(a: DoubleDouble): DoubleDouble {
  if (!(a.hi > 0)) return dd(Math.log(a.hi));
  const x = dd(Math.log(a.hi));
  return sub(add(x, mul(a, exp(neg(x)))), DD_ONE);
}
