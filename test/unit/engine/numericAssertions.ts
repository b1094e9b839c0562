// Helpers shared by the engine tests: compare nested number arrays by relative error.
import * as assert from 'node:assert/strict';

/** |a − b| / max(|a|, |b|, 1e-12): docs/maths.md, "Gradient check". */
export function relativeError(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1e-12);
}

/** Worst relative difference between two equally shaped JSON values (numbers, arrays, objects); fails on shape. */
export function worstRelativeDifference(actual: unknown, expected: unknown, path: string): number {
  if (typeof expected === 'number') {
    assert.equal(typeof actual, 'number', `${path}: expected a number`);
    return relativeError(actual as number, expected);
  }
  if (Array.isArray(expected)) {
    assert.ok(Array.isArray(actual) && actual.length === expected.length, `${path}: expected ${expected.length} entries`);
    return expected.reduce((worst: number, entry: unknown, i) => Math.max(worst, worstRelativeDifference((actual as unknown[])[i], entry, `${path}[${i}]`)), 0);
  }
  if (typeof expected === 'object' && expected !== null) {
    assert.ok(typeof actual === 'object' && actual !== null, `${path}: expected an object`);
    let worst = 0;
    for (const [key, value] of Object.entries(expected)) {
      worst = Math.max(worst, worstRelativeDifference((actual as Record<string, unknown>)[key], value, `${path}.${key}`));
    }
    return worst;
  }
  assert.deepEqual(actual, expected, path);
  return 0;
}

/** Max |a_i − b_i| / max(|a_i|, |b_i|, 1e-12) over two arrays. */
export function worstRelativeErrorOf(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  assert.equal(actual.length, expected.length);
  let worst = 0;
  for (let i = 0; i < actual.length; i++) worst = Math.max(worst, relativeError(actual[i]!, expected[i]!));
  return worst;
}
