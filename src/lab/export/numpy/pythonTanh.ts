// tanh of the exported NumPy scripts: the engine's Math.tanh — V8's port of fdlibm's tanh and expm1 (v8
// src/base/ieee754.cc) — vectorised in NumPy, so the reservoir states are the engine's bit for bit. numpy.tanh and
// the C library's tanh differ from it in the last bit for a good share of arguments, and the ridge readout of an ESN
// (Z Zᵀ + βI is often ill-conditioned) turns last-bit differences in the states into relative differences of 1e-8 in
// W_out and J. Checked against Node's Math.tanh on 3·10⁶ arguments (test/unit/export/numpyEsnExport.test.ts).
export const PYTHON_TANH_SECTION = String.raw`
# ------------------------------------------------------------------ tanh exactly as RNN Lab computes it
# The engine's tanh is JavaScript's Math.tanh: V8's port of fdlibm (Sun, 1993). numpy.tanh rounds differently in the
# last bit for many arguments, and the ridge readout amplifies that (see fit_readout), so the same algorithm is
# written here, vectorised: tanh(x) = −t/(t+2), t = expm1(−2|x|) for |x| < 1; 1 − 2/(t+2), t = expm1(2|x|) for
# 1 ≤ |x| < 22; ±1 beyond; x itself for |x| < 2⁻²⁸. expm1 reduces x = k·ln2 + r and approximates expm1(r) by a
# rational function (fdlibm's s_expm1.c; the constants are fdlibm's).
LN2_HI, LN2_LO, INV_LN2 = 6.93147180369123816490e-01, 1.90821492927058770002e-10, 1.44269504088896338700e+00
EXPM1_Q = (-3.33333333333331316428e-02, 1.58730158725481460165e-03, -7.93650757867487942473e-05, 4.00821782732936239552e-06, -2.01099218183624371326e-07)


def _high_word(x):
    """The upper 32 bits of |x|'s IEEE 754 representation (sign cleared), as fdlibm's GET_HIGH_WORD & 0x7fffffff."""
    return (np.ascontiguousarray(x, dtype=np.float64).view(np.uint64) >> np.uint64(32)).astype(np.int64) & 0x7FFFFFFF


def _expm1(x):
    """fdlibm's expm1 for the finite |x| < 709 that tanh passes it."""
    hx, negative = _high_word(x), np.signbit(x)
    near = hx < 0x3FF0A2B2  # |x| < 1.5·ln2: k = ±1
    k_far = np.trunc(INV_LN2 * x + np.where(negative, -0.5, 0.5))
    k = np.where(near, np.where(negative, -1.0, 1.0), k_far)
    hi = np.where(near, np.where(negative, x + LN2_HI, x - LN2_HI), x - k_far * LN2_HI)
    lo = np.where(near, np.where(negative, -LN2_LO, LN2_LO), k_far * LN2_LO)
    reduced = hx > 0x3FD62E42  # |x| > 0.5·ln2: x = k·ln2 + r
    k = np.where(reduced, k, 0.0).astype(np.int64)
    r = np.where(reduced, hi - lo, x)
    c = np.where(reduced, (hi - r) - lo, 0.0)
    q1, q2, q3, q4, q5 = EXPM1_Q
    hfx = 0.5 * r
    hxs = r * hfx
    r1 = 1.0 + hxs * (q1 + hxs * (q2 + hxs * (q3 + hxs * (q4 + hxs * q5))))
    t = 3.0 - r1 * hfx
    e = hxs * ((r1 - t) / (6.0 - r * t))
    when_k0 = r - (r * e - hxs)
    e = (r * (e - c) - c) - hxs
    two_k = np.ldexp(1.0, np.clip(k, -1022, 1023))
    two_minus_k = np.ldexp(1.0, -np.clip(k, 1, 60))
    return np.select(
        [k == 0, k == -1, k == 1, (k <= -2) | (k > 56), k < 20],
        [when_k0,
         0.5 * (r - e) - 0.5,
         np.where(r < -0.25, -2.0 * (e - (r + 0.5)), 1.0 + 2.0 * (r - e)),
         (1.0 - (e - r)) * two_k - 1.0,
         ((1.0 - two_minus_k) - (e - r)) * two_k],
        ((r - (e + two_minus_k)) + 1.0) * two_k)


def engine_tanh(x):
    """Math.tanh of RNN Lab's engine (V8's fdlibm tanh), elementwise, bit for bit."""
    x = np.asarray(x, dtype=np.float64)
    ix, a = _high_word(x), np.abs(x)
    with np.errstate(over="ignore", invalid="ignore"):
        large = ix >= 0x3FF00000  # |x| ≥ 1
        t = _expm1(np.where(large, 2.0 * a, -2.0 * a))
        z = np.where(large, 1.0 - 2.0 / (t + 2.0), -t / (t + 2.0))
    z = np.where(ix >= 0x40360000, 1.0, z)  # |x| ≥ 22: ±1
    z = np.where(np.signbit(x), -z, z)
    return np.where(ix < 0x3E300000, x, z)  # |x| < 2⁻²⁸: tanh(x) = x
`;
