import * as assert from 'assert';
import { eigenvalues, spectralRadius } from '../../../src/engine/linalg/eigenvalues';
import { householderQr } from '../../../src/engine/linalg/qr';
import { rescaleToSpectralRadius } from '../../../src/engine/linalg/spectralRadius';
import { SeededRandom } from '../../../src/engine/random';

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
    assert.throws(() => eigenvalues(Float64Array.from([1, NaN, 0, 1]), 2), /entry 1 \(row 0, column 1\) is NaN/);
    assert.throws(() => eigenvalues(new Float64Array(5), 2), /expected n×n = 2×2 = 4/);
  });
});

/** A·B for n×n row-major matrices. */
function multiply(a: Float64Array, b: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let k = 0; k < n; k++) for (let j = 0; j < n; j++) out[i * n + j] += a[i * n + k] * b[k * n + j];
  return out;
}

/** Q B Qᵀ with Q a random orthogonal matrix (Householder QR of a Gaussian matrix): same eigenvalues, no visible structure. */
function hiddenBySimilarity(b: Float64Array, n: number, seed: number): Float64Array {
  const random = new SeededRandom(seed);
  const { q } = householderQr(Float64Array.from({ length: n * n }, () => random.nextGaussian()), n, n);
  const qt = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) qt[j * n + i] = q[i * n + j];
  return multiply(multiply(q, b, n), qt, n);
}

/** Block-diagonal matrix of 2×2 rotations r·R(θ_k): eigenvalues r·e^{±iθ_k}. */
function rotationBlocks(thetas: number[], radius: number): Float64Array {
  const n = 2 * thetas.length;
  const a = new Float64Array(n * n);
  thetas.forEach((theta, k) => {
    const i = 2 * k;
    a[i * n + i] = radius * Math.cos(theta);
    a[i * n + i + 1] = -radius * Math.sin(theta);
    a[(i + 1) * n + i] = radius * Math.sin(theta);
    a[(i + 1) * n + i + 1] = radius * Math.cos(theta);
  });
  return a;
}

describe('engine/linalg eigenvalues: analytic cases', () => {
  it('diagonal and scaled identity: the diagonal, exactly', () => {
    const diagonal = [0.25, -3, 7.5, 0, 1e-3];
    const a = new Float64Array(25);
    diagonal.forEach((d, i) => (a[i * 5 + i] = d));
    assertSameMultiset(toList(eigenvalues(a, 5)), diagonal.map((re) => ({ re, im: 0 })), 0);
    for (const c of [0.9, -1.7, 2 ** -600]) {
      const n = 64;
      const scaled = new Float64Array(n * n);
      for (let i = 0; i < n; i++) scaled[i * n + i] = c;
      const { re, im } = eigenvalues(scaled, n);
      assert.ok(re.every((value) => value === c) && im.every((value) => value === 0), `c = ${c}`);
    }
  });

  it('rotation blocks hidden by an orthogonal similarity: r·e^{±iθ_k} to 1e-13', () => {
    const thetas = [0.3, 1.1, 2.0, 2.9, Math.PI / 2, 0.05, 1.7, 2.5];
    const a = hiddenBySimilarity(rotationBlocks(thetas, 0.8), 16, 4);
    const expected = thetas.flatMap((t) => [{ re: 0.8 * Math.cos(t), im: 0.8 * Math.sin(t) }, { re: 0.8 * Math.cos(t), im: -0.8 * Math.sin(t) }]);
    assertSameMultiset(toList(eigenvalues(a, 16)), expected, 1e-13);
  });

  it('orthogonal matrices (64, 128): every |λ| = 1 to 1e-12, so ρ = 1', () => {
    for (const n of [64, 128]) {
      const { q } = householderQr(pseudoRandomMatrix(n, n, n), n, n);
      const { re, im } = eigenvalues(q, n);
      for (let i = 0; i < n; i++) assert.ok(Math.abs(Math.hypot(re[i], im[i]) - 1) < 1e-12, `n=${n}: |λ${i}| = ${Math.hypot(re[i], im[i])}`);
      assert.ok(Math.abs(spectralRadius(q, n) - 1) < 1e-12);
    }
  });

  it('symmetric tridiagonal Toeplitz [−1, 2, −1]: λ_k = 2 − 2cos(kπ/(n+1)), real, to 1e-13', () => {
    const n = 50;
    const a = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      a[i * n + i] = 2;
      if (i + 1 < n) a[i * n + i + 1] = a[(i + 1) * n + i] = -1;
    }
    const expected = Array.from({ length: n }, (_, k) => ({ re: 2 - 2 * Math.cos(((k + 1) * Math.PI) / (n + 1)), im: 0 }));
    assertSameMultiset(toList(eigenvalues(a, n)), expected, 1e-13);
    // and hidden by a similarity (no longer tridiagonal, still symmetric)
    assertSameMultiset(toList(eigenvalues(hiddenBySimilarity(a, n, 8), n)), expected, 1e-12);
  });

  it('rank-one u vᵀ (n = 32 … 128, where an eigenvalue solver without an absolute deflation floor stalls): {vᵀu, 0, …, 0}', () => {
    for (const n of [32, 33, 35, 40, 64, 100, 128]) {
      const a = new Float64Array(n * n);
      let vtu = 0;
      for (let i = 0; i < n; i++) {
        vtu += (i + 1) * ((i % 3) - 1);
        for (let j = 0; j < n; j++) a[i * n + j] = (i + 1) * ((j % 3) - 1);
      }
      const expected = [{ re: vtu, im: 0 }, ...Array.from({ length: n - 1 }, () => ({ re: 0, im: 0 }))];
      // the zero eigenvalue is semisimple, so it is found to O(ε‖A‖) (‖A‖_F ≈ n^1.5·0.5)
      assertSameMultiset(toList(eigenvalues(a, n)), expected, 1e-10 * n * n);
      assert.ok(Math.abs(spectralRadius(a, n) - Math.abs(vtu)) < 1e-12 * n * n, `n=${n}`);
    }
  });

  it('nilpotent Jordan blocks J₈(0) hidden by a similarity (n = 64): terminates, every |λ| ≤ (ε‖A‖)^(1/8)-sized', () => {
    const n = 64;
    const j = new Float64Array(n * n);
    for (let i = 0; i + 1 < n; i++) if ((i + 1) % 8 !== 0) j[i * n + i + 1] = 1;
    const { re, im } = eigenvalues(hiddenBySimilarity(j, n, 21), n);
    for (let i = 0; i < n; i++) assert.ok(Math.hypot(re[i], im[i]) < 0.05, `|λ${i}| = ${Math.hypot(re[i], im[i])}`);
  });

  it('scaling by c multiplies every eigenvalue by c, from 2^−1060 (subnormal entries) to 2^400', () => {
    const n = 30;
    const a = pseudoRandomMatrix(n, n, 31);
    const base = eigenvalues(a, n);
    for (const c of [2 ** -1060, 1e-300, 1e-160, 2 ** -20, 1e100, 2 ** 400]) {
      const { re, im } = eigenvalues(a.map((value) => value * c), n);
      for (let i = 0; i < n; i++) {
        // subnormal entries (c = 2^−1060) are rounded to few bits: an input perturbation of up to n·2^−1075
        const tolerance = 1e-13 * c + n * 2 ** -1068;
        assert.ok(Math.abs(re[i] - base.re[i] * c) <= tolerance && Math.abs(im[i] - base.im[i] * c) <= tolerance, `c=${c}, λ${i}`);
      }
    }
  });
});

describe('engine/linalg spectral radius and rescaling', () => {
  it('ρ of a rank-one u vᵀ is |vᵀu| and of a rotation block r', () => {
    const u = [1, 2, 2];
    const v = [3, 0, 4];
    const a = new Float64Array(9);
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) a[i * 3 + j] = u[i] * v[j];
    assert.ok(Math.abs(spectralRadius(a, 3) - 11) < 1e-12);
    assert.ok(Math.abs(spectralRadius(rotationBlocks([0.4, 2.2], 0.95), 4) - 0.95) < 1e-15);
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
