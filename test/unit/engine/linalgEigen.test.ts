import * as assert from 'assert';
import { eigenvalues, spectralRadius } from '../../../src/engine/linalg/eigenvalues';
import { householderQr } from '../../../src/engine/linalg/qr';
import { largestSingularValue, singularValues } from '../../../src/engine/linalg/singularValues';
import { rescaleToSpectralRadius } from '../../../src/engine/linalg/spectralRadius';
import { symmetricEigenvalues } from '../../../src/engine/linalg/symmetricEigenvalues';

interface Complex {
  re: number;
  im: number;
}

/** Deterministic uniform(−0.5, 0.5) matrix (LCG). */
function pseudoRandomMatrix(rows: number, cols: number, seed: number): Float64Array {
  let state = seed >>> 0;
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < out.length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    out[i] = state / 2 ** 32 - 0.5;
  }
  return out;
}

function toList(result: { re: Float64Array; im: Float64Array }): Complex[] {
  return Array.from(result.re, (re, i) => ({ re, im: result.im[i] }));
}

/** Every expected eigenvalue is matched (one-to-one, greedily) by a computed one within `tolerance`. */
function assertSameMultiset(actual: Complex[], expected: Complex[], tolerance: number): void {
  assert.strictEqual(actual.length, expected.length);
  const unused = [...actual];
  for (const want of expected) {
    let best = -1;
    let bestDistance = Infinity;
    unused.forEach((got, index) => {
      const distance = Math.hypot(got.re - want.re, got.im - want.im);
      if (distance < bestDistance) {
        bestDistance = distance;
        best = index;
      }
    });
    assert.ok(bestDistance <= tolerance, `eigenvalue ${want.re}+${want.im}i not found (closest at distance ${bestDistance}); got ${JSON.stringify(actual)}`);
    unused.splice(best, 1);
  }
}

/** Companion matrix of the monic polynomial with the given real roots and complex pairs (row-major, top-row form). */
function companionFromRoots(roots: Complex[]): Float64Array {
  // Multiply out Π (x − r) with complex arithmetic; the imaginary parts cancel for conjugate-closed root sets.
  let coefficients: Complex[] = [{ re: 1, im: 0 }];
  for (const root of roots) {
    const next: Complex[] = Array.from({ length: coefficients.length + 1 }, () => ({ re: 0, im: 0 }));
    coefficients.forEach((c, k) => {
      next[k].re += c.re;
      next[k].im += c.im;
      next[k + 1].re -= c.re * root.re - c.im * root.im;
      next[k + 1].im -= c.re * root.im + c.im * root.re;
    });
    coefficients = next;
  }
  const n = roots.length;
  const matrix = new Float64Array(n * n);
  for (let j = 0; j < n; j++) matrix[j] = -coefficients[j + 1].re;
  for (let i = 1; i < n; i++) matrix[i * n + i - 1] = 1;
  return matrix;
}

describe('engine/linalg eigenvalues (Hessenberg + Francis double-shift QR)', () => {
  it('rotation by θ has eigenvalues e^{±iθ}', () => {
    const theta = 0.7;
    const rotation = Float64Array.from([Math.cos(theta), -Math.sin(theta), Math.sin(theta), Math.cos(theta)]);
    assertSameMultiset(toList(eigenvalues(rotation, 2)), [{ re: Math.cos(theta), im: Math.sin(theta) }, { re: Math.cos(theta), im: -Math.sin(theta) }], 1e-14);
    assert.ok(Math.abs(spectralRadius(rotation, 2) - 1) < 1e-14);
  });

  it('triangular matrix: eigenvalues are the diagonal, including repeated ones', () => {
    const a = Float64Array.from([3, 1, 4, 1, 0, -2, 5, 9, 0, 0, 3, 2, 0, 0, 0, 0.5]);
    assertSameMultiset(toList(eigenvalues(a, 4)), [3, -2, 3, 0.5].map((re) => ({ re, im: 0 })), 1e-7);
  });

  it('companion matrix recovers known real roots and complex pairs', () => {
    const roots: Complex[] = [
      { re: 1, im: 0 },
      { re: -2, im: 0 },
      { re: 3, im: 0 },
      { re: 0.5, im: 1.5 },
      { re: 0.5, im: -1.5 },
      { re: -0.25, im: 0 },
      { re: 0, im: 2 },
      { re: 0, im: -2 },
    ];
    assertSameMultiset(toList(eigenvalues(companionFromRoots(roots), roots.length)), roots, 1e-9);
  });

  it('defective Jordan blocks (hidden by a similarity) give the repeated eigenvalue to ε^(1/k) accuracy', () => {
    // J = Jordan block of size 3 with eigenvalue 0.9, A = S J S⁻¹ with S = Q (orthogonal) so A stays well scaled.
    const n = 3;
    const jordan = Float64Array.from([0.9, 1, 0, 0, 0.9, 1, 0, 0, 0.9]);
    const { q } = householderQr(pseudoRandomMatrix(n, n, 11), n, n);
    const a = new Float64Array(n * n);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        let sum = 0;
        for (let k = 0; k < n; k++) for (let m = 0; m < n; m++) sum += q[i * n + k] * jordan[k * n + m] * q[j * n + m];
        a[i * n + j] = sum;
      }
    assertSameMultiset(toList(eigenvalues(a, n)), [0.9, 0.9, 0.9].map((re) => ({ re, im: 0 })), 1e-4);
    // 2×2 Jordan block exactly: both eigenvalues 2.
    assertSameMultiset(toList(eigenvalues(Float64Array.from([2, 1, 0, 2]), 2)), [{ re: 2, im: 0 }, { re: 2, im: 0 }], 1e-12);
  });

  it('cyclic permutation (a classic stall case for unshifted QR) gives the n-th roots of unity', () => {
    const n = 7;
    const p = new Float64Array(n * n);
    for (let i = 0; i < n; i++) p[i * n + ((i + 1) % n)] = 1;
    const expected = Array.from({ length: n }, (_, k) => ({ re: Math.cos((2 * Math.PI * k) / n), im: Math.sin((2 * Math.PI * k) / n) }));
    assertSameMultiset(toList(eigenvalues(p, n)), expected, 1e-10);
  });

  it('zero, 1×1 and diagonal matrices', () => {
    assertSameMultiset(toList(eigenvalues(new Float64Array(9), 3)), [0, 0, 0].map((re) => ({ re, im: 0 })), 0);
    assertSameMultiset(toList(eigenvalues(Float64Array.from([-4.5]), 1)), [{ re: -4.5, im: 0 }], 0);
    assert.strictEqual(spectralRadius(Float64Array.from([0.2, 0, 0, -1.3]), 2), 1.3);
  });

  it('sum and product of eigenvalues equal trace and determinant on a random 60×60 matrix', () => {
    const n = 60;
    const a = pseudoRandomMatrix(n, n, 5);
    const { re, im } = eigenvalues(a, n);
    let trace = 0;
    for (let i = 0; i < n; i++) trace += a[i * n + i];
    let sumRe = 0;
    let sumIm = 0;
    for (let i = 0; i < n; i++) {
      sumRe += re[i];
      sumIm += im[i];
    }
    assert.ok(Math.abs(sumRe - trace) < 1e-10, `Σλ = ${sumRe}, trace = ${trace}`);
    assert.ok(Math.abs(sumIm) < 1e-10);
    // trace(A²) = Σ λ²
    let traceSquared = 0;
    for (let i = 0; i < n; i++) for (let k = 0; k < n; k++) traceSquared += a[i * n + k] * a[k * n + i];
    let sumSquares = 0;
    for (let i = 0; i < n; i++) sumSquares += re[i] * re[i] - im[i] * im[i];
    assert.ok(Math.abs(sumSquares - traceSquared) < 1e-9, `Σλ² = ${sumSquares}, trace(A²) = ${traceSquared}`);
  });

  it('keeps Σλ = trace(A) and Σλ² = trace(A²) on 400 structured random matrices (exceptional shifts included)', () => {
    // Identity plus a sparse perturbation has clustered eigenvalues near 1 and triggers the exceptional shifts; the
    // shift must apply to the whole undeflated matrix (a bug here once broke the trace by 30%).
    let state = 12345;
    const uniform = (): number => {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      return state / 2 ** 32;
    };
    for (let trial = 0; trial < 400; trial++) {
      const n = 1 + Math.floor(uniform() * 24);
      const kind = trial % 4;
      const a = new Float64Array(n * n);
      for (let i = 0; i < n * n; i++) {
        const noise = uniform() - 0.5;
        if (kind === 0) a[i] = noise;
        else if (kind === 1) a[i] = uniform() < 0.8 ? 0 : noise;
        else if (kind === 2) a[i] = (i % (n + 1) === 0 ? 1 : 0) + (uniform() < 0.1 ? noise : 0);
        else a[i] = uniform() < 0.5 ? 1 : 0;
      }
      const { re, im } = eigenvalues(a, n);
      let trace = 0;
      let traceSquared = 0;
      let sum = 0;
      let sumSquares = 0;
      for (let i = 0; i < n; i++) {
        trace += a[i * n + i];
        for (let k = 0; k < n; k++) traceSquared += a[i * n + k] * a[k * n + i];
        sum += re[i];
        sumSquares += re[i] * re[i] - im[i] * im[i];
      }
      assert.ok(Math.abs(sum - trace) < 1e-10 * n, `trial ${trial} (kind ${kind}, n ${n}): Σλ = ${sum}, trace = ${trace}`);
      assert.ok(Math.abs(sumSquares - traceSquared) < 1e-9 * n * n, `trial ${trial}: Σλ² = ${sumSquares}, trace(A²) = ${traceSquared}`);
    }
  });

  it('rejects non-finite entries and wrong sizes with a clear error', () => {
    assert.throws(() => eigenvalues(Float64Array.from([1, NaN, 0, 1]), 2), /entry 1 is NaN/);
    assert.throws(() => eigenvalues(new Float64Array(5), 2), /expected n×n = 2×2 = 4/);
  });
});

describe('engine/linalg singular values and spectral radius', () => {
  it('diagonal matrix: singular values are |diagonal| sorted', () => {
    const d = Float64Array.from([0.5, 0, 0, 0, -3, 0, 0, 0, 2]);
    assert.deepStrictEqual(Array.from(singularValues(d, 3, 3)), [3, 2, 0.5]);
    assert.strictEqual(largestSingularValue(d, 3, 3), 3);
  });

  it('random orthogonal matrix: λ₁ = 1 and ρ = 1', () => {
    const n = 64;
    const { q } = householderQr(pseudoRandomMatrix(n, n, 3), n, n);
    assert.ok(Math.abs(largestSingularValue(q, n, n) - 1) < 1e-12);
    const all = singularValues(q, n, n);
    assert.ok(Math.abs(all[n - 1] - 1) < 1e-12, 'every singular value of an orthogonal matrix is 1');
    assert.ok(Math.abs(spectralRadius(q, n) - 1) < 1e-10);
  });

  it('rank-one matrix u vᵀ has λ₁ = ‖u‖‖v‖ and ρ = |vᵀu|', () => {
    const u = [1, 2, 2];
    const v = [3, 0, 4];
    const a = new Float64Array(9);
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) a[i * 3 + j] = u[i] * v[j];
    assert.ok(Math.abs(largestSingularValue(a, 3, 3) - 15) < 1e-12);
    assert.ok(Math.abs(spectralRadius(a, 3) - 11) < 1e-12);
  });

  it('non-square (stacked gate) matrices: Σσ² = ‖W‖_F² and λ₁ ≥ ρ of every square block', () => {
    const rows = 12;
    const cols = 3;
    const w = pseudoRandomMatrix(rows, cols, 9);
    let frobenius = 0;
    for (const value of w) frobenius += value * value;
    const sigma = singularValues(w, rows, cols);
    assert.strictEqual(sigma.length, 3);
    assert.ok(Math.abs(sigma.reduce((s, x) => s + x * x, 0) - frobenius) < 1e-12);
    assert.ok(Math.abs(largestSingularValue(w, rows, cols) - largestSingularValue(transposeOf(w, rows, cols), cols, rows)) < 1e-12);
  });

  it('symmetric eigenvalues agree with the general solver and with the trace on a random 100×100 matrix', () => {
    const n = 100;
    const b = pseudoRandomMatrix(n, n, 17);
    const s = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) s[i * n + j] = b[i * n + j] + b[j * n + i];
    const symmetric = symmetricEigenvalues(s, n);
    const general = Array.from(eigenvalues(s, n).re).sort((x, y) => y - x);
    for (let i = 0; i < n; i++) assert.ok(Math.abs(symmetric[i] - general[i]) < 1e-10, `eigenvalue ${i}: ${symmetric[i]} vs ${general[i]}`);
    let trace = 0;
    for (let i = 0; i < n; i++) trace += s[i * n + i];
    assert.ok(Math.abs(symmetric.reduce((sum, x) => sum + x, 0) - trace) < 1e-10);
  });

  it('λ₁ ≥ ρ always, with equality for normal matrices (symmetric)', () => {
    const n = 30;
    const a = pseudoRandomMatrix(n, n, 23);
    assert.ok(largestSingularValue(a, n, n) >= spectralRadius(a, n));
    const s = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) s[i * n + j] = a[i * n + j] + a[j * n + i];
    assert.ok(Math.abs(largestSingularValue(s, n, n) - spectralRadius(s, n)) < 1e-10);
  });

  it('rescaleToSpectralRadius hits the target within 1e-6', () => {
    for (const [n, target, seed] of [[10, 0.95, 1], [100, 1.5, 2], [256, 0.9, 3]] as const) {
      const w = rescaleToSpectralRadius(pseudoRandomMatrix(n, n, seed), n, target);
      assert.ok(Math.abs(spectralRadius(w, n) - target) < 1e-6, `n=${n}: ρ = ${spectralRadius(w, n)}`);
    }
  });

  it('rescaleToSpectralRadius refuses a nilpotent matrix and a non-positive target', () => {
    assert.throws(() => rescaleToSpectralRadius(Float64Array.from([0, 1, 0, 0]), 2, 0.9), /spectral radius 0/);
    assert.throws(() => rescaleToSpectralRadius(Float64Array.from([1, 0, 0, 1]), 2, -1), /positive finite/);
  });
});

function transposeOf(a: Float64Array, rows: number, cols: number): Float64Array {
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) out[j * rows + i] = a[i * cols + j];
  return out;
}
