// λ₁ = ‖W‖₂ and the singular values (linalg/singularValues.ts) against analytic cases, the power-iteration fixed point
// on random Gaussian matrices of the hidden sizes the lab uses, and exact scaling over the whole double range.
import * as assert from 'assert';
import { spectralRadius } from '../../../src/engine/linalg/eigenvalues';
import { householderQr } from '../../../src/engine/linalg/qr';
import { largestSingularValue, singularValues } from '../../../src/engine/linalg/singularValues';
import { SeededRandom } from '../../../src/engine/random';

function gaussianMatrix(rows: number, cols: number, seed: number, scale = 1): Float64Array {
  const random = new SeededRandom(seed);
  return Float64Array.from({ length: rows * cols }, () => scale * random.nextGaussian());
}

function transposeOf(a: Float64Array, rows: number, cols: number): Float64Array {
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) out[j * rows + i] = a[i * cols + j];
  return out;
}

/** ‖W x‖ / ‖x‖ for W [rows×cols]. */
function stretch(w: Float64Array, rows: number, cols: number, x: Float64Array): number {
  let image = 0;
  for (let i = 0; i < rows; i++) {
    let sum = 0;
    for (let j = 0; j < cols; j++) sum += w[i * cols + j] * x[j];
    image += sum * sum;
  }
  return Math.sqrt(image) / Math.hypot(...x);
}

/**
 * ‖W‖₂ by power iteration on WᵀW, run until ‖W x_k‖/‖x_k‖ stops increasing (it increases monotonically to σ₁ while
 * x_k turns towards the top right singular vector, at the rate (σ₂/σ₁)^(2k)); returns the last x_k too.
 */
function powerIterationNorm(w: Float64Array, rows: number, cols: number, seed: number): { norm: number; x: Float64Array } {
  const random = new SeededRandom(seed);
  let x = Float64Array.from({ length: cols }, () => random.nextGaussian());
  let norm = 0;
  for (let iteration = 0; iteration < 20000; iteration++) {
    const y = new Float64Array(rows);
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) y[i] += w[i * cols + j] * x[j];
    const z = new Float64Array(cols);
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) z[j] += w[i * cols + j] * y[i];
    const length = Math.hypot(...z);
    const next = Math.sqrt(length / Math.hypot(...x)); // √(‖WᵀW x‖/‖x‖) → σ₁
    x = z.map((value) => value / length);
    if (iteration > 20 && Math.abs(next - norm) <= 1e-15 * next) return { norm: next, x };
    norm = next;
  }
  return { norm, x };
}

describe('engine/linalg singular values: analytic cases', () => {
  it('diagonal matrix: singular values are |diagonal| sorted; the zero matrix has only zeros', () => {
    const d = Float64Array.from([0.5, 0, 0, 0, -3, 0, 0, 0, 2]);
    assert.deepStrictEqual(Array.from(singularValues(d, 3, 3)), [3, 2, 0.5]);
    assert.strictEqual(largestSingularValue(d, 3, 3), 3);
    assert.deepStrictEqual(Array.from(singularValues(new Float64Array(6), 2, 3)), [0, 0]);
  });

  it('scaled identity c·I and a rotation: λ₁ = |c| and 1', () => {
    for (const c of [0.9, -2.5, 2 ** -700]) {
      const n = 64;
      const a = new Float64Array(n * n);
      for (let i = 0; i < n; i++) a[i * n + i] = c;
      assert.strictEqual(largestSingularValue(a, n, n), Math.abs(c));
    }
    const theta = 0.7;
    const rotation = Float64Array.from([Math.cos(theta), -Math.sin(theta), Math.sin(theta), Math.cos(theta)]);
    assert.ok(Math.abs(largestSingularValue(rotation, 2, 2) - 1) < 1e-15);
  });

  it('orthogonal matrices (64, 128, 256): λ₁ = 1 and every σ = 1 to 1e-13', () => {
    for (const n of [64, 128, 256]) {
      const { q } = householderQr(gaussianMatrix(n, n, n), n, n);
      assert.ok(Math.abs(largestSingularValue(q, n, n) - 1) < 1e-13, `n=${n}`);
      const all = singularValues(q, n, n);
      assert.ok(Math.abs(all[n - 1] - 1) < 1e-13, `n=${n}: σ_min = ${all[n - 1]}`);
    }
  });

  it('2×2 Jordan block [[a, 1], [0, a]]: σ₁² = (1 + 2a² + √(1 + 4a²))/2', () => {
    for (const a of [0, 0.5, 0.9, 3]) {
      const expected = Math.sqrt((1 + 2 * a * a + Math.sqrt(1 + 4 * a * a)) / 2);
      assert.ok(Math.abs(largestSingularValue(Float64Array.from([a, 1, 0, a]), 2, 2) - expected) < 1e-15 * expected, `a=${a}`);
    }
  });

  it('rank-one u vᵀ has λ₁ = ‖u‖‖v‖ and ρ = |vᵀu|, also for n = 33, 35 (sizes where a local-deflation SVD stalls)', () => {
    const u = [1, 2, 2];
    const v = [3, 0, 4];
    const a = new Float64Array(9);
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) a[i * 3 + j] = u[i] * v[j];
    assert.ok(Math.abs(largestSingularValue(a, 3, 3) - 15) < 1e-14);
    assert.ok(Math.abs(spectralRadius(a, 3) - 11) < 1e-12);
    for (const n of [33, 35, 50, 128]) {
      const w = new Float64Array(n * n);
      let uu = 0;
      let vv = 0;
      for (let i = 0; i < n; i++) {
        uu += (i + 1) ** 2;
        vv += ((i % 3) - 1) ** 2;
        for (let j = 0; j < n; j++) w[i * n + j] = (i + 1) * ((j % 3) - 1);
      }
      const expected = Math.sqrt(uu * vv);
      assert.ok(Math.abs(largestSingularValue(w, n, n) - expected) < 1e-14 * expected, `n=${n}`);
    }
  });

  it('rank-deficient with zero rows (a ReLU Jacobian): λ₁ as without the zero rows', () => {
    const rows = 48;
    const cols = 32;
    const w = gaussianMatrix(rows, cols, 5);
    for (let i = 0; i < rows; i += 3) w.fill(0, i * cols, (i + 1) * cols);
    const kept = Float64Array.from(w.filter((_, k) => Math.floor(k / cols) % 3 !== 0));
    const expected = largestSingularValue(kept, rows - rows / 3, cols);
    assert.ok(Math.abs(largestSingularValue(w, rows, cols) - expected) < 1e-14 * expected);
    const square = gaussianMatrix(64, 64, 6);
    for (let i = 0; i < 64; i += 2) square.fill(0, i * 64, (i + 1) * 64);
    assert.ok(largestSingularValue(square, 64, 64) > 0);
  });

  it('non-square (stacked gate) matrices: Σσ² = ‖W‖_F², λ₁(W) = λ₁(Wᵀ), and each block\'s λ₁ ≤ λ₁(stacked) ≤ √Σ block λ₁²', () => {
    const H = 16;
    const w = gaussianMatrix(4 * H, H, 9, 1 / Math.sqrt(H));
    let frobenius = 0;
    for (const value of w) frobenius += value * value;
    const sigma = singularValues(w, 4 * H, H);
    assert.strictEqual(sigma.length, H);
    assert.ok(Math.abs(sigma.reduce((s, x) => s + x * x, 0) - frobenius) < 1e-13 * frobenius);
    const stacked = largestSingularValue(w, 4 * H, H);
    assert.ok(Math.abs(stacked - largestSingularValue(transposeOf(w, 4 * H, H), H, 4 * H)) < 1e-14 * stacked);
    const blocks = [0, 1, 2, 3].map((g) => largestSingularValue(w.subarray(g * H * H, (g + 1) * H * H), H, H));
    for (const block of blocks) assert.ok(block <= stacked * (1 + 1e-14));
    assert.ok(stacked <= Math.sqrt(blocks.reduce((s, x) => s + x * x, 0)) * (1 + 1e-14));
  });

  it('symmetric (normal) matrices: λ₁ = ρ to 1e-13; a general one has λ₁ ≥ ρ', () => {
    const n = 30;
    const a = gaussianMatrix(n, n, 23);
    assert.ok(largestSingularValue(a, n, n) >= spectralRadius(a, n));
    const s = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) s[i * n + j] = a[i * n + j] + a[j * n + i];
    const lambda1 = largestSingularValue(s, n, n);
    assert.ok(Math.abs(lambda1 - spectralRadius(s, n)) < 1e-13 * lambda1);
  });
});

describe('engine/linalg λ₁ of random Gaussian W (H = 64, 128, 256; stacked 4H×H)', () => {
  for (const [rows, cols] of [[64, 64], [128, 128], [256, 256], [256, 64]] as const) {
    it(`${rows}×${cols}: ‖Wx‖ ≤ λ₁‖x‖ for random x, λ₁ = ‖W‖₂ of power iteration to 1e-10, ρ ≤ λ₁`, () => {
      const w = gaussianMatrix(rows, cols, rows + cols, 1 / Math.sqrt(cols));
      const lambda1 = largestSingularValue(w, rows, cols);
      const random = new SeededRandom(7);
      for (let trial = 0; trial < 20; trial++) {
        const x = Float64Array.from({ length: cols }, () => random.nextGaussian());
        assert.ok(stretch(w, rows, cols, x) <= lambda1 * (1 + 1e-14));
      }
      const power = powerIterationNorm(w, rows, cols, 3);
      assert.ok(stretch(w, rows, cols, power.x) <= lambda1 * (1 + 1e-14), 'the power-iteration vector is not stretched beyond λ₁');
      assert.ok(Math.abs(lambda1 - power.norm) <= 1e-10 * lambda1, `λ₁ = ${lambda1}, power iteration ${power.norm}`);
      if (rows === cols) assert.ok(spectralRadius(w, rows) <= lambda1 * (1 + 1e-14));
    });
  }
});

/** ∂h_t/∂h_{t−lag} = Π diag(1 − tanh²(a_i))·W of a tanh RNN with random pre-activations a_i ~ N(0, 4): H×H products. */
function jacobianProducts(H: number, lags: readonly number[], seed: number): Map<number, Float64Array> {
  const random = new SeededRandom(seed);
  const w = Float64Array.from({ length: H * H }, () => (2.2 * random.nextGaussian()) / Math.sqrt(H));
  let product = new Float64Array(H * H);
  for (let i = 0; i < H; i++) product[i * H + i] = 1;
  const out = new Map<number, Float64Array>();
  for (let step = 1; step <= Math.max(...lags); step++) {
    const next = new Float64Array(H * H);
    for (let i = 0; i < H; i++) {
      const derivative = 1 - Math.tanh(2 * random.nextGaussian()) ** 2;
      for (let k = 0; k < H; k++) {
        const factor = derivative * w[i * H + k];
        for (let j = 0; j < H; j++) next[i * H + j] += factor * product[k * H + j];
      }
    }
    product = next;
    if (lags.includes(step)) out.set(step, product);
  }
  return out;
}

describe('engine/linalg λ₁ of Jacobian products ∂h_t/∂h_k (the diagnostics that used to fail)', () => {
  it('numerically rank-deficient products (σ_min/σ₁ < ε): λ₁ = power-iteration ‖·‖₂ to 1e-10', () => {
    // A cluster of singular values at 0 is what made the earlier hand-written QL report "did not converge".
    for (const [lag, product] of jacobianProducts(64, [7, 14, 21, 28, 42, 49], 11)) {
      const sigma = singularValues(product, 64, 64);
      assert.ok(sigma[63] < 1e-12 * sigma[0], `lag ${lag}: the product is numerically singular`);
      const power = powerIterationNorm(product, 64, 64, lag);
      assert.ok(Math.abs(sigma[0] - power.norm) <= 1e-10 * power.norm, `lag ${lag}: λ₁ = ${sigma[0]}, power iteration ${power.norm}`);
    }
  });
});

describe('engine/linalg singular values over the whole double range', () => {
  it('λ₁(cW) = |c|·λ₁(W) from subnormal entries (2^−1060) to 2^450 — a vanishing ∂h_t/∂h_k of 1e-160 is measured exactly', () => {
    const n = 64;
    const w = gaussianMatrix(n, n, 77, 1 / 8);
    const base = largestSingularValue(w, n, n);
    for (const c of [2 ** -1060, 1e-300, 1e-160, 1e-155, 2 ** -30, -3, 1e120, 2 ** 450]) {
      const scaled = largestSingularValue(w.map((value) => value * c), n, n);
      const expected = base * Math.abs(c);
      // subnormal entries and results (c = 2^−1060) carry only the bits the subnormal range has
      // (c·w_ij is rounded to few bits there: a perturbation of up to n·2^−1075 in norm)
      const tolerance = 1e-14 * expected + n * 2 ** -1074;
      assert.ok(Math.abs(scaled - expected) <= tolerance, `c=${c}: ${scaled} vs ${expected}`);
    }
  });
});
