import * as assert from 'assert';
import { ClippingStats, clipGradientsByGlobalNorm, clipGradientsByValue, globalGradientNorm } from '../../../src/engine/remedies/clipping';
import type { ParameterSet } from '../../../src/engine/tensor';

function set(values: Record<string, number[]>): ParameterSet {
  return { tensors: Object.entries(values).map(([name, data]) => ({ name, shape: [data.length], data: Float64Array.from(data) })) };
}

function flatten(parameters: ParameterSet): number[] {
  return parameters.tensors.flatMap((t) => Array.from(t.data));
}

describe('gradient clipping (Pascanu Alg. 1 and by value)', () => {
  it('computes the global norm over ALL tensors: ‖(3, 4 | 12)‖ = 13', () => {
    assert.strictEqual(globalGradientNorm(set({ weight_hh_l0: [3, 4], bias_out: [12] })), 13);
    assert.strictEqual(globalGradientNorm(set({})), 0);
  });

  it('keeps the true norm when g² overflows (finite but exploded gradients), and reports NaN/Inf', () => {
    const norm = globalGradientNorm(set({ a: [3e200], b: [4e200] }));
    assert.ok(Math.abs(norm / 5e200 - 1) < 1e-15, String(norm));
    assert.ok(Number.isNaN(globalGradientNorm(set({ a: [1, Number.NaN] }))));
    assert.strictEqual(globalGradientNorm(set({ a: [1, Number.NEGATIVE_INFINITY] })), Number.POSITIVE_INFINITY);
  });

  it('rescales g to norm τ when ‖g‖ ≥ τ, keeping its direction, and reports the pre-clip norm', () => {
    const gradients = set({ weight_hh_l0: [3, 4], bias_out: [12] });
    const result = clipGradientsByGlobalNorm(gradients, 6.5);
    assert.deepStrictEqual(result, { normBeforeClip: 13, clipped: true });
    const clipped = flatten(gradients);
    [1.5, 2, 6].forEach((expected, i) => assert.ok(Math.abs(clipped[i] - expected) < 1e-15));
    assert.ok(Math.abs(globalGradientNorm(gradients) - 6.5) < 1e-14);
  });

  it('leaves g untouched below τ and when it is not finite', () => {
    const gradients = set({ a: [0.3, -0.4] });
    assert.deepStrictEqual(clipGradientsByGlobalNorm(gradients, 1), { normBeforeClip: 0.5, clipped: false });
    assert.deepStrictEqual(flatten(gradients), [0.3, -0.4]);
    const broken = set({ a: [Number.NaN, 1] });
    const result = clipGradientsByGlobalNorm(broken, 1);
    assert.ok(Number.isNaN(result.normBeforeClip) && !result.clipped);
  });

  it('rescues exploded-but-finite gradients: ‖g‖ = 5e200 is clipped to exactly τ', () => {
    const gradients = set({ a: [3e200], b: [4e200] });
    const result = clipGradientsByGlobalNorm(gradients, 1);
    assert.ok(result.clipped);
    const [a, b] = flatten(gradients);
    assert.ok(Math.abs(a - 0.6) < 1e-15 && Math.abs(b - 0.8) < 1e-15);
  });

  it('obeys the bound on random gradients of many sizes and thresholds', () => {
    let seed = 12345;
    const next = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648 - 0.5;
    };
    for (let trial = 0; trial < 200; trial++) {
      const scale = 10 ** (trial % 7 - 3);
      const gradients = set({ w: Array.from({ length: 1 + (trial % 13) }, () => next() * scale), b: [next() * scale] });
      const before = flatten(gradients);
      const tau = 0.05 + (trial % 5) * 0.3;
      const result = clipGradientsByGlobalNorm(gradients, tau);
      const after = globalGradientNorm(gradients);
      assert.ok(after <= tau * (1 + 1e-12), `trial ${trial}: ${after} > ${tau}`);
      assert.strictEqual(result.clipped, result.normBeforeClip >= tau);
      // Same direction: after = before · (τ/‖g‖) or unchanged.
      const factor = result.clipped ? tau / result.normBeforeClip : 1;
      flatten(gradients).forEach((x, i) => assert.ok(Math.abs(x - before[i] * factor) <= 1e-15 * Math.abs(before[i]) + 1e-300));
    }
  });

  it('clips by value element-wise to [−c, c], reporting the pre-clip norm', () => {
    const gradients = set({ w: [7, -0.5, -9], b: [5, 2] });
    const result = clipGradientsByValue(gradients, 5);
    assert.deepStrictEqual(flatten(gradients), [5, -0.5, -5, 5, 2]);
    assert.strictEqual(result.clipped, true);
    assert.ok(Math.abs(result.normBeforeClip - Math.sqrt(49 + 0.25 + 81 + 25 + 4)) < 1e-14);
    const small = set({ w: [1, -1] });
    assert.strictEqual(clipGradientsByValue(small, 5).clipped, false);
  });

  it('rejects thresholds that are not finite and positive', () => {
    assert.throws(() => clipGradientsByGlobalNorm(set({ a: [1] }), 0), /clip norm must be a finite number > 0, got 0/);
    assert.throws(() => clipGradientsByValue(set({ a: [1] }), Number.POSITIVE_INFINITY), /clip value must be a finite number > 0/);
  });

  it('ClippingStats counts updates, clipped updates and the fraction, keeping every pre-clip norm', () => {
    const stats = new ClippingStats();
    assert.strictEqual(stats.clippedFraction, 0);
    for (const norm of [0.5, 2, 3, 0.1]) stats.record(clipGradientsByGlobalNorm(set({ a: [norm] }), 1));
    assert.deepStrictEqual(stats.summary(), { updates: 4, clippedCount: 2, clippedFraction: 0.5, preClipNorms: [0.5, 2, 3, 0.1], maxPreClipNorm: 3 });
    assert.strictEqual(stats.updateCount, 4);
    stats.reset();
    assert.deepStrictEqual(stats.summary(), { updates: 0, clippedCount: 0, clippedFraction: 0, preClipNorms: [], maxPreClipNorm: 0 });
  });
});
