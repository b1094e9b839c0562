import * as assert from 'assert';
import type { F32Kernels, KernelBackend } from '../../../src/engine/kernels/f32/f32Kernels';
import { createF32Kernels, kernelBackendAvailable } from '../../../src/engine/kernels/f32/loadKernels';
import { measureGemmGflops, measureWasmSimdPeakGflops } from '../../../bench/kernelThroughput';
import { activationAccuracy, assertClose, generator, put, putInt, randomF32, read, reference, sigmoid64 } from './f32KernelsHarness';

const SIZES = [1, 3, 17, 129];
const SENTINEL = 12345.5;

/** C = beta·C0 + op(A)·op(B) in float64, with |op(A)|·|op(B)| per element for the tolerance. */
function referenceGemm(transA: boolean, transB: boolean, m: number, n: number, k: number, A: Float64Array, lda: number, B: Float64Array, ldb: number, beta: 0 | 1, C0: Float64Array, ldc: number) {
  const value = new Float64Array(m * n);
  const scale = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0, abs = 0;
      for (let p = 0; p < k; p++) {
        const t = (transA ? A[p * lda + i] : A[i * lda + p]) * (transB ? B[j * ldb + p] : B[p * ldb + j]);
        s += t;
        abs += Math.abs(t);
      }
      const c0 = beta === 1 ? C0[i * ldc + j] : 0;
      value[i * n + j] = s + c0;
      scale[i * n + j] = abs + Math.abs(c0);
    }
  }
  return { value, scale };
}

function checkGemm(kernels: F32Kernels, seed: number, transA: boolean, transB: boolean, m: number, n: number, k: number, beta: 0 | 1, pad: number): void {
  const next = generator(seed);
  const [aRows, aCols] = transA ? [k, m] : [m, k];
  const [bRows, bCols] = transB ? [n, k] : [k, n];
  const lda = aCols + pad, ldb = bCols + 2 * pad, ldc = n + pad;
  const A = randomF32(next, aRows * lda), B = randomF32(next, bRows * ldb);
  const C0 = randomF32(next, m * ldc);
  for (let i = 0; i < m; i++) {
    for (let j = n; j < ldc; j++) C0[i * ldc + j] = SENTINEL;
    if (beta === 0) for (let j = 0; j < n; j++) C0[i * ldc + j] = Number.NaN;
  }
  kernels.arena.clear();
  const a = put(kernels, A), b = put(kernels, B), c = put(kernels, C0);
  kernels.gemm(transA, transB, m, n, k, a, lda, b, ldb, beta, c, ldc);
  const out = read(kernels, c, m * ldc);
  const { value, scale } = referenceGemm(transA, transB, m, n, k, A, lda, B, ldb, beta, C0, ldc);
  const what = `gemm ${transA ? 'T' : 'N'}${transB ? 'T' : 'N'} m=${m} n=${n} k=${k} beta=${beta} pad=${pad}`;
  const tol = 1e-5 * Math.sqrt(Math.max(k, 1));
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < ldc; j++) {
      const got = out[i * ldc + j];
      if (j >= n) {
        if (got !== SENTINEL) assert.fail(`${what}: C[${i}, ${j}] beyond n was written (${got})`);
        continue;
      }
      const e = value[i * n + j];
      if (!(Math.abs(got - e) <= tol * scale[i * n + j] + 1e-30)) assert.fail(`${what}: C[${i}, ${j}] = ${got}, expected ${e}`);
    }
  }
}

for (const backend of ['typescript', 'wasm-simd'] as KernelBackend[]) {
  describe(`float32 kernels (${backend})`, () => {
    const kernels = createF32Kernels(backend);

    it('is the backend asked for (WebAssembly SIMD is available on Node 20)', () => {
      assert.strictEqual(kernelBackendAvailable(), 'wasm-simd');
      assert.strictEqual(kernels.backend, backend);
    });

    it('gemm: every transpose combination, beta 0 (over NaN) and 1, odd sizes and leading dimensions', () => {
      let seed = 1;
      for (const transA of [false, true])
        for (const transB of [false, true])
          for (const m of SIZES)
            for (const n of SIZES)
              for (const k of SIZES) checkGemm(kernels, seed++, transA, transB, m, n, k, (seed & 1) as 0 | 1, seed % 3 === 0 ? 0 : 1 + (seed % 5));
    });

    it('gemm: both betas on the same shapes, k = 0, empty shapes, and blocks larger than the cache tiles', () => {
      for (const beta of [0, 1] as const) {
        for (const [m, n, k] of [[17, 129, 3], [5, 9, 0], [0, 4, 3], [4, 0, 3], [70, 530, 300], [33, 1027, 517]]) {
          for (const transA of [false, true]) for (const transB of [false, true]) checkGemm(kernels, m * 7 + n + k, transA, transB, m, n, k, beta, 3);
        }
      }
    });

    it('addRowVector, addColumnSums, gatherAddRows and scatterAddRows (repeated indices accumulate)', () => {
      const next = generator(7);
      for (const [rows, cols, ld] of [[1, 1, 1], [3, 17, 20], [129, 3, 7], [17, 129, 131]]) {
        kernels.arena.clear();
        const X = randomF32(next, rows * ld), V = randomF32(next, cols), S = randomF32(next, cols);
        const x = put(kernels, X), v = put(kernels, V), s = put(kernels, S);
        kernels.addColumnSums(x, rows, cols, ld, s);
        const sums = Float64Array.from(S, (value, j) => { for (let r = 0; r < rows; r++) value += X[r * ld + j]; return value; });
        assertClose(read(kernels, s, cols), sums, 1e-6 * Math.sqrt(rows) * (rows + 1), 'addColumnSums');
        kernels.addRowVector(x, rows, cols, ld, v);
        const added = Float64Array.from(X, (value, i) => (i % ld < cols ? value + V[i % ld] : value));
        assertClose(read(kernels, x, rows * ld), added, 3e-7, 'addRowVector');

        const tableRows = 5, ldt = cols + 2, ldo = cols + 1;
        const T = randomF32(next, tableRows * ldt), O = randomF32(next, rows * ldo);
        const index = Array.from({ length: rows }, (_, r) => (r * 3 + 1) % tableRows);
        const t = put(kernels, T), o = put(kernels, O), idx = putInt(kernels, index);
        kernels.gatherAddRows(t, ldt, idx, rows, cols, o, ldo);
        const gathered = Float64Array.from(O, (value, i) => (i % ldo < cols ? value + T[index[Math.floor(i / ldo)] * ldt + (i % ldo)] : value));
        assertClose(read(kernels, o, rows * ldo), gathered, 3e-7, 'gatherAddRows');
        const xr = put(kernels, X);
        kernels.scatterAddRows(xr, ld, idx, rows, cols, t, ldt);
        const scattered = Float64Array.from(T);
        for (let r = 0; r < rows; r++) for (let j = 0; j < cols; j++) scattered[index[r] * ldt + j] += X[r * ld + j];
        assertClose(read(kernels, t, tableRows * ldt), scattered, 1e-6 * rows, 'scatterAddRows');
      }
    });

    it('tanh and sigmoid within 3 float32 ulps (≤ 4e-7 absolute) at ±0, ±large, ±Infinity; NaN propagates', () => {
      for (const kind of ['tanh', 'sigmoid'] as const) {
        const { abs, ulps } = activationAccuracy(kernels, kind);
        assert.ok(abs <= 4e-7 && ulps <= 3, `${kind}: max error ${abs} = ${ulps} ulps`);
      }
      for (const kind of ['tanh', 'sigmoid', 'relu'] as const) {
        const xs = [0, -0, Infinity, -Infinity, NaN, 1e30, -1e30].map(Math.fround);
        kernels.arena.clear();
        const x = put(kernels, xs);
        kernels.activate(kind, x, 1, xs.length, xs.length);
        const ys = read(kernels, x, xs.length);
        const expected = xs.map((v) => reference(kind, v));
        assertClose(ys, expected, 0, `${kind} specials`);
        if (kind === 'tanh') assert.ok(Object.is(ys[0], 0) && Object.is(ys[1], -0), 'tanh(±0) = ±0');
      }
    });

    it('activate and activationBackward on strided rows leave the padding alone; dz may alias dy', () => {
      const next = generator(11);
      for (const kind of ['tanh', 'sigmoid', 'relu'] as const) {
        const rows = 17, cols = 23, ld = 29;
        kernels.arena.clear();
        const Z = randomF32(next, rows * ld, -4, 4), DY = randomF32(next, rows * ld);
        const z = put(kernels, Z), dy = put(kernels, DY);
        kernels.activate(kind, z, rows, cols, ld);
        const Y = Float64Array.from(Z, (v, i) => (i % ld < cols ? reference(kind, v) : v));
        assertClose(read(kernels, z, rows * ld), Y, 4e-7, `activate ${kind}`);
        const y = read(kernels, z, rows * ld);
        kernels.activationBackward(kind, z, ld, dy, ld, dy, ld, rows, cols);
        const derivative = (v: number) => (kind === 'tanh' ? 1 - v * v : kind === 'sigmoid' ? v * (1 - v) : v > 0 ? 1 : 0);
        const DZ = Float64Array.from(DY, (g, i) => (i % ld < cols ? g * derivative(y[i]) : g));
        assertClose(read(kernels, dy, rows * ld), DZ, 3e-7, `activationBackward ${kind}`);
      }
    });

    it('lstmForward and lstmBackward follow the contract’s formulas (float64 reference)', () => {
      const next = generator(3);
      for (const [rows, H] of [[1, 1], [3, 5], [17, 33], [4, 129]]) {
        const ldg = 4 * H + 3, ldh = H + 2, lddh = H + 1, lddg = 4 * H + 5;
        kernels.arena.clear();
        const G = randomF32(next, rows * ldg, -5, 5), CP = randomF32(next, rows * H, -2, 2);
        const DH = randomF32(next, rows * lddh), DC = randomF32(next, rows * H);
        const g = put(kernels, G), cp = put(kernels, CP), c = put(kernels, new Float64Array(rows * H));
        const tc = put(kernels, new Float64Array(rows * H)), h = put(kernels, new Float64Array(rows * ldh));
        const dh = put(kernels, DH), dc = put(kernels, DC), dg = put(kernels, new Float64Array(rows * lddg));
        kernels.lstmForward(g, ldg, cp, c, tc, h, ldh, rows, H);
        const eG = Float64Array.from(G), eC = new Float64Array(rows * H), eT = new Float64Array(rows * H), eH = new Float64Array(rows * ldh);
        for (let r = 0; r < rows; r++) {
          for (let j = 0; j < H; j++) {
            const at = (q: number) => r * ldg + q * H + j;
            const [i, f, gg, o] = [sigmoid64(G[at(0)]), sigmoid64(G[at(1)]), Math.tanh(G[at(2)]), sigmoid64(G[at(3)])];
            [eG[at(0)], eG[at(1)], eG[at(2)], eG[at(3)]] = [i, f, gg, o];
            eC[r * H + j] = f * CP[r * H + j] + i * gg;
            eT[r * H + j] = Math.tanh(eC[r * H + j]);
            eH[r * ldh + j] = o * eT[r * H + j];
          }
        }
        assertClose(read(kernels, g, rows * ldg), eG, 4e-7, 'lstm gates');
        assertClose(read(kernels, c, rows * H), eC, 2e-6, 'lstm c');
        assertClose(read(kernels, tc, rows * H), eT, 2e-6, 'lstm tanh(c)');
        assertClose(read(kernels, h, rows * ldh), eH, 2e-6, 'lstm h');

        const A = read(kernels, g, rows * ldg), T = read(kernels, tc, rows * H);
        kernels.lstmBackward(g, ldg, cp, tc, dh, lddh, dc, dg, lddg, rows, H);
        const eDG = new Float64Array(rows * lddg), eDC = new Float64Array(rows * H);
        for (let r = 0; r < rows; r++) {
          for (let j = 0; j < H; j++) {
            const [i, f, gg, o] = [0, 1, 2, 3].map((q) => A[r * ldg + q * H + j]);
            const t = T[r * H + j], d = DH[r * lddh + j];
            const dct = DC[r * H + j] + d * o * (1 - t * t);
            eDG[r * lddg + j] = dct * gg * i * (1 - i);
            eDG[r * lddg + H + j] = dct * CP[r * H + j] * f * (1 - f);
            eDG[r * lddg + 2 * H + j] = dct * i * (1 - gg * gg);
            eDG[r * lddg + 3 * H + j] = d * t * o * (1 - o);
            eDC[r * H + j] = dct * f;
          }
        }
        assertClose(read(kernels, dg, rows * lddg), eDG, 1e-6, 'lstm dGates');
        assertClose(read(kernels, dc, rows * H), eDC, 1e-6, 'lstm dc');
      }
    });

    it('gruForward and gruBackward follow the contract’s formulas (float64 reference)', () => {
      const next = generator(5);
      for (const [rows, H] of [[1, 1], [3, 5], [17, 33], [4, 129]]) {
        const ldgi = 3 * H + 1, ldgh = 3 * H + 2, ldhp = H + 3, ldh = H + 1, lddh = H + 2, lddgi = 3 * H + 3, lddgh = 3 * H + 1, lddhp = H + 5;
        kernels.arena.clear();
        const GI = randomF32(next, rows * ldgi, -4, 4), GH = randomF32(next, rows * ldgh, -4, 4);
        const HP = randomF32(next, rows * ldhp), DH = randomF32(next, rows * lddh);
        const gi = put(kernels, GI), gh = put(kernels, GH), hp = put(kernels, HP), h = put(kernels, new Float64Array(rows * ldh));
        const dh = put(kernels, DH), dgi = put(kernels, new Float64Array(rows * lddgi)), dgh = put(kernels, new Float64Array(rows * lddgh));
        const dhp = put(kernels, new Float64Array(rows * lddhp));
        kernels.gruForward(gi, ldgi, gh, ldgh, hp, ldhp, h, ldh, rows, H);
        const eGI = Float64Array.from(GI), eH = new Float64Array(rows * ldh);
        for (let row = 0; row < rows; row++) {
          for (let j = 0; j < H; j++) {
            const x = (q: number) => row * ldgi + q * H + j, y = (q: number) => row * ldgh + q * H + j;
            const r = sigmoid64(GI[x(0)] + GH[y(0)]), z = sigmoid64(GI[x(1)] + GH[y(1)]);
            const n = Math.tanh(GI[x(2)] + r * GH[y(2)]);
            [eGI[x(0)], eGI[x(1)], eGI[x(2)]] = [r, z, n];
            eH[row * ldh + j] = (1 - z) * n + z * HP[row * ldhp + j];
          }
        }
        assertClose(read(kernels, gi, rows * ldgi), eGI, 1e-6, 'gru r, z, n');
        assertClose(read(kernels, h, rows * ldh), eH, 2e-6, 'gru h');
        assertClose(read(kernels, gh, rows * ldgh), GH, 0, 'gru gh unchanged');

        const S = read(kernels, gi, rows * ldgi);
        kernels.gruBackward(gi, ldgi, gh, ldgh, hp, ldhp, dh, lddh, dgi, lddgi, dgh, lddgh, dhp, lddhp, rows, H);
        const eDI = new Float64Array(rows * lddgi), eDH = new Float64Array(rows * lddgh), eDP = new Float64Array(rows * lddhp);
        for (let row = 0; row < rows; row++) {
          for (let j = 0; j < H; j++) {
            const [r, z, n] = [0, 1, 2].map((q) => S[row * ldgi + q * H + j]);
            const d = DH[row * lddh + j];
            const a = d * (1 - z) * (1 - n * n);
            const dr = a * GH[row * ldgh + 2 * H + j] * r * (1 - r), dz = d * (HP[row * ldhp + j] - n) * z * (1 - z);
            [eDI[row * lddgi + j], eDI[row * lddgi + H + j], eDI[row * lddgi + 2 * H + j]] = [dr, dz, a];
            [eDH[row * lddgh + j], eDH[row * lddgh + H + j], eDH[row * lddgh + 2 * H + j]] = [dr, dz, a * r];
            eDP[row * lddhp + j] = d * z;
          }
        }
        assertClose(read(kernels, dgi, rows * lddgi), eDI, 1e-6, 'gru dGi');
        assertClose(read(kernels, dgh, rows * lddgh), eDH, 1e-6, 'gru dGh');
        assertClose(read(kernels, dhp, rows * lddhp), eDP, 1e-6, 'gru dhPrev');
      }
    });

    it('the arena: 16-byte aligned zeroed reservations; growing keeps earlier data; clear() reuses the memory', () => {
      const arena = kernels.arena;
      arena.clear();
      const first = arena.reserve(5);
      arena.f32.set([1, 2, 3, 4, 5], first);
      const second = arena.reserve(3);
      assert.strictEqual(second % 4, 0);
      assert.ok(second >= first + 5);
      arena.i32[second] = -7;
      const big = arena.reserve(6_000_000); // 24 MB: beyond any initial size
      assert.strictEqual(big % 4, 0);
      assert.ok(arena.byteLength >= (big + 6_000_000) * 4);
      assert.deepStrictEqual(Array.from(arena.f32.subarray(first, first + 5)), [1, 2, 3, 4, 5]);
      assert.strictEqual(arena.i32[second], -7);
      assert.strictEqual(arena.f32[big + 5_999_999], 0);
      arena.f32.fill(9, big, big + 100);
      const highWater = arena.byteLength;
      arena.clear();
      assert.strictEqual(arena.byteLength, highWater, 'byteLength is a high-water mark');
      const again = arena.reserve(2_000_000);
      assert.ok(arena.f32.subarray(again, again + 2_000_000).every((v) => v === 0), 'reserve() after clear() is zeroed');
      assert.throws(() => arena.reserve(-1));
      arena.clear();
    });
  });
}

describe('GEMM throughput measurement (bench/kernelThroughput.ts)', () => {
  it('reports finite positive GFLOP/s for both backends and the WebAssembly micro-kernel peak', () => {
    for (const backend of ['typescript', 'wasm-simd'] as KernelBackend[]) {
      const rate = measureGemmGflops(createF32Kernels(backend), 17, 33, 9, 0.02, { transA: true });
      assert.ok(Number.isFinite(rate) && rate > 0, `${backend}: ${rate}`);
    }
    const peak = measureWasmSimdPeakGflops(0.02);
    assert.ok(Number.isFinite(peak) && peak > 0, `peak ${peak}`);
  });
});
