// Helpers of the float32 kernel tests: operands written into a kernel arena, a deterministic generator, and float64
// reference values with float32-appropriate comparisons.
import * as assert from 'assert';
import type { F32Activation, F32Kernels } from '../../../src/engine/kernels/f32/f32Kernels';

/** mulberry32: uniform floats in [lo, hi), the same sequence on every run. */
export function generator(seed: number): (lo?: number, hi?: number) => number {
  let s = seed >>> 0;
  return (lo = -1, hi = 1) => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const u = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    return lo + (hi - lo) * u;
  };
}

/** Copies values into a fresh reservation and returns its offset. */
export function put(kernels: F32Kernels, values: ArrayLike<number>): number {
  const offset = kernels.arena.reserve(values.length);
  kernels.arena.f32.set(values, offset);
  return offset;
}

export function putInt(kernels: F32Kernels, values: ArrayLike<number>): number {
  const offset = kernels.arena.reserve(values.length);
  kernels.arena.i32.set(values, offset);
  return offset;
}

export function read(kernels: F32Kernels, offset: number, count: number): Float64Array {
  return Float64Array.from(kernels.arena.f32.subarray(offset, offset + count));
}

/** Random float32 values (rounded), so the float64 reference sees exactly what the kernels see. */
export function randomF32(next: () => number, count: number, lo = -1, hi = 1): Float64Array {
  const values = new Float64Array(count);
  for (let i = 0; i < count; i++) values[i] = Math.fround((next as (lo: number, hi: number) => number)(lo, hi));
  return values;
}

/** Distance between float32 neighbours at |x| (the unit in the last place). */
export function ulp(x: number): number {
  const a = Math.abs(Math.fround(x));
  if (a < 1.1754943508222875e-38) return 1.401298464324817e-45;
  const e = Math.floor(Math.log2(a));
  const spacing = 2 ** (e - 23);
  return a >= 2 ** (e + 1) ? spacing * 2 : a < 2 ** e ? spacing / 2 : spacing;
}

/** Asserts |actual − expected| ≤ tolerance element-wise (NaN only where NaN is expected), naming the first bad index. */
export function assertClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tolerance: number | ((i: number) => number), what: string): void {
  assert.strictEqual(actual.length, expected.length, `${what}: length`);
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i];
    const a = actual[i];
    if (Number.isNaN(e)) {
      assert.ok(Number.isNaN(a), `${what}[${i}]: ${a}, expected NaN`);
      continue;
    }
    if (a === e) continue; // also ±Infinity
    const tol = typeof tolerance === 'number' ? tolerance : tolerance(i);
    if (!(Math.abs(a - e) <= tol)) assert.fail(`${what}[${i}]: ${a}, expected ${e} (± ${tol})`);
  }
}

export const sigmoid64 = (x: number): number => 1 / (1 + Math.exp(-x));

/** Inputs of the activation tests: signed zeros, tiny, moderate, saturating, huge, infinite, NaN, and a dense sweep. */
function activationInputs(): Float64Array {
  const special = [0, -0, 1e-30, -1e-30, 1e-6, -1e-6, 3e-4, 5e-4, 0.1, -0.1, 0.5, -0.5, 0.625, 1, -1, 2, -3, 5, -7.9, 8, 9, -9, 10, 15, -16, 20, -30, 50, -87, 88, 89, -89, 100, -104, 1e10, -1e30, 3e38, -3e38, Infinity, -Infinity, NaN];
  const values = [...special];
  for (let x = -25; x <= 25; x += 0.00731) values.push(x);
  return Float64Array.from(values, (v) => Math.fround(v));
}

export function reference(kind: F32Activation, x: number): number {
  if (kind === 'tanh') return Math.tanh(x);
  if (kind === 'sigmoid') return sigmoid64(x);
  return Number.isNaN(x) ? NaN : Math.max(x, 0);
}

/**
 * The worst error of tanh and σ over activationInputs(), in absolute terms and in float32 ulps of the exact value
 * (ulps only where that value is a normal float32: σ(x < −87.3) is subnormal or 0).
 */
export function activationAccuracy(kernels: F32Kernels, kind: 'tanh' | 'sigmoid'): { abs: number; ulps: number } {
  const xs = activationInputs();
  kernels.arena.clear();
  const x = put(kernels, xs);
  kernels.activate(kind, x, 1, xs.length, xs.length);
  const ys = read(kernels, x, xs.length);
  let abs = 0, ulps = 0;
  xs.forEach((v, i) => {
    if (Number.isNaN(v)) return;
    const e = reference(kind, v);
    abs = Math.max(abs, Math.abs(ys[i] - e));
    if (Math.abs(e) >= 1.1754943508222875e-38) ulps = Math.max(ulps, Math.abs(ys[i] - e) / ulp(e));
  });
  return { abs, ulps };
}

