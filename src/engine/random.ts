// Seeded pseudo-random numbers for everything stochastic in the engine (initialisation, shuffling, data splits,
// ESN reservoirs), so the same seed gives a bit-identical run (issue 3, "Seeded RNG").
//
// Generator: xoshiro128** 1.1 (Blackman & Vigna 2018, https://prng.di.unimi.it/xoshiro128starstar.c): 128-bit state,
// period 2^128 − 1, passes BigCrush, and only needs 32-bit integer arithmetic (Math.imul, >>>), so every JS engine
// produces the same bits. The four state words are filled by splitmix32 (golden-ratio increment 0x9e3779b9 followed by
// the Wellons "lowbias32" finaliser, multipliers 0x21f0aaad and 0x735a2d97), run once on the seed's low 32 bits and
// once on its high bits, XOR-ed: the standard way to spread a small seed over a large state so that nearby seeds
// (1, 2, 3…) give unrelated streams.

/** 2^-53: maps a 53-bit integer to [0, 1) with full float64 resolution. */
const TWO_POW_MINUS_53 = 1 / 9007199254740992;
/** 2^26, to join a 27-bit and a 26-bit draw into one 53-bit integer. */
const TWO_POW_26 = 67108864;
const TWO_POW_32 = 4294967296;
const GOLDEN_RATIO_32 = 0x9e3779b9;
/** Separates the high-half counter's stream from the low-half one (an arbitrary odd constant, from MurmurHash3). */
const HIGH_WORD_SALT = 0x85ebca6b;

/** A random array-like that can be shuffled in place: plain arrays and typed arrays. */
export interface MutableIndexable<T> {
  readonly length: number;
  [index: number]: T;
}

/** The generator's full state, e.g. to checkpoint and resume a run bit-identically. */
export interface RandomState {
  readonly words: readonly [number, number, number, number];
  /** Box–Muller's second value, if one is cached (see `nextGaussian`). */
  readonly cachedGaussian: number | null;
}

/** One splitmix32 step on `state` (a uint32): returns [new state, output]. */
function splitmix32(state: number): [number, number] {
  const next = (state + GOLDEN_RATIO_32) >>> 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
  z = (z ^ (z >>> 15)) >>> 0;
  return [next, z];
}

function rotateLeft(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

export class SeededRandom {
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;
  private s3 = 0;
  /** Box–Muller yields two independent normals per pair of uniforms; the second is kept for the next call. */
  private cachedGaussian: number | null = null;

  /**
   * @param seed any safe integer (negative allowed). Its low and high 32-bit halves both enter the state, so seeds
   *   above 2^32 are distinct too.
   */
  constructor(seed: number) {
    if (!Number.isSafeInteger(seed)) {
      throw new RangeError(`SeededRandom: the seed must be an integer between ${-Number.MAX_SAFE_INTEGER} and ${Number.MAX_SAFE_INTEGER}, got ${String(seed)}`);
    }
    const low = seed >>> 0;
    const high = Math.floor(seed / TWO_POW_32) >>> 0;
    // Word i = (i-th splitmix32 output from counter `low`) XOR (i-th output from counter `high ^ HIGH_WORD_SALT`):
    // for a fixed high half the map low → state is injective, and the high half changes every word.
    let lowState = low;
    let highState = (high ^ HIGH_WORD_SALT) >>> 0;
    const words = [0, 0, 0, 0];
    for (let i = 0; i < 4; i++) {
      let lowOutput: number;
      let highOutput: number;
      [lowState, lowOutput] = splitmix32(lowState);
      [highState, highOutput] = splitmix32(highState);
      words[i] = (lowOutput ^ highOutput) >>> 0;
    }
    [this.s0, this.s1, this.s2, this.s3] = words as [number, number, number, number];
    // xoshiro's one forbidden state is all zeros (a fixed point); splitmix32 practically never yields it, but be exact.
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) {
      this.s0 = GOLDEN_RATIO_32;
    }
  }

  /** Restores a generator from `getState()`: it continues exactly where the saved one was. */
  static fromState(state: RandomState): SeededRandom {
    const [w0, w1, w2, w3] = state.words;
    if ([w0, w1, w2, w3].some((w) => !Number.isInteger(w) || w < 0 || w >= TWO_POW_32) || (w0 | w1 | w2 | w3) === 0) {
      throw new RangeError('SeededRandom.fromState: words must be four uint32 values, not all zero');
    }
    const random = new SeededRandom(0);
    random.s0 = w0;
    random.s1 = w1;
    random.s2 = w2;
    random.s3 = w3;
    random.cachedGaussian = state.cachedGaussian;
    return random;
  }

  getState(): RandomState {
    return { words: [this.s0 >>> 0, this.s1 >>> 0, this.s2 >>> 0, this.s3 >>> 0], cachedGaussian: this.cachedGaussian };
  }

  /** xoshiro128**: output rotl(s1·5, 7)·9, then the xor-shift state update. Uniform on [0, 2^32). */
  nextUint32(): number {
    const result = Math.imul(rotateLeft(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotateLeft(this.s3, 11);
    return result;
  }

  /** Uniform on [0, 1) with 53 random bits (two draws: the top 27 and 26 bits), every float64 k·2^-53 equally likely. */
  nextFloat(): number {
    const high27 = this.nextUint32() >>> 5;
    const low26 = this.nextUint32() >>> 6;
    return (high27 * TWO_POW_26 + low26) * TWO_POW_MINUS_53;
  }

  /** Uniform on [lo, hi). */
  uniform(lo: number, hi: number): number {
    return lo + (hi - lo) * this.nextFloat();
  }

  /**
   * Standard normal N(0, 1) by Box–Muller: with u1 ∈ (0, 1], u2 ∈ [0, 1), r = √(−2 ln u1),
   * z0 = r cos 2πu2 and z1 = r sin 2πu2 are independent N(0, 1). z1 is cached and returned by the next call, so the
   * sequence depends only on the seed and the order of calls.
   */
  nextGaussian(): number {
    if (this.cachedGaussian !== null) {
      const cached = this.cachedGaussian;
      this.cachedGaussian = null;
      return cached;
    }
    const u1 = 1 - this.nextFloat(); // (0, 1]: ln u1 is finite
    const u2 = this.nextFloat();
    const radius = Math.sqrt(-2 * Math.log(u1));
    const angle = 2 * Math.PI * u2;
    this.cachedGaussian = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  }

  /** N(mean, std²). */
  gaussian(mean: number, std: number): number {
    return mean + std * this.nextGaussian();
  }

  /**
   * Uniform integer in [0, n), unbiased: draws falling in the incomplete last copy of [0, n) inside [0, 2^32) are
   * rejected (at most n/2^32 of them). n must be an integer in 1…2^32.
   */
  integer(n: number): number {
    if (!Number.isInteger(n) || n < 1 || n > TWO_POW_32) {
      throw new RangeError(`SeededRandom.integer: n must be an integer in 1…2^32, got ${String(n)}`);
    }
    const limit = TWO_POW_32 - (TWO_POW_32 % n); // largest multiple of n not above 2^32
    for (;;) {
      const draw = this.nextUint32();
      if (draw < limit) {
        return draw % n;
      }
    }
  }

  /** Fisher–Yates (Durstenfeld): every permutation equally likely; returns the same array. */
  shuffleInPlace<A extends MutableIndexable<unknown>>(array: A): A {
    for (let i = array.length - 1; i > 0; i--) {
      const j = this.integer(i + 1);
      const swap = array[i];
      array[i] = array[j];
      array[j] = swap;
    }
    return array;
  }

  /** An independent generator derived from this one (consumes two draws), e.g. one stream per purpose. */
  fork(): SeededRandom {
    const high = this.nextUint32() & 0x1fffff; // 21 bits: high·2^32 + low stays a safe integer
    const low = this.nextUint32();
    return new SeededRandom(high * TWO_POW_32 + low);
  }
}
