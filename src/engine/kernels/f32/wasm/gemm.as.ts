// C = beta·C + op(A)·op(B) on float32 with 128-bit SIMD, blocked as in Goto & van de Geijn, "Anatomy of
// High-Performance Matrix Multiplication" (2008): for each NC-column panel of C and KC-deep slice of the k range,
// op(B)[KC × NC] is packed into NR-column strips (row p of a strip is NR contiguous floats) and op(A)[MC × KC] into
// MR-row strips (column p of a strip is MR contiguous floats). The micro-kernel keeps an MR×NR tile of C in eight
// f32x4 accumulators: per p it loads one B row (2 vectors), broadcasts the MR values of A's column p and adds their
// products — 2·MR·NR = 64 flops per 6 loads. Packing absorbs transA/transB and zero-pads partial strips, so the
// micro-kernel has no edge cases; partial tiles go through a scratch tile and are copied out element by element.
import { A_PACK, B_PACK, KC, MC, MR, NC, NR, TILE } from './layout.as';

/** Packs op(B)[pc : pc+kc, jc : jc+nc] as NR-wide strips: strip s, row p at B_PACK + 4·(s·kc·NR + p·NR). */
function packB(transB: bool, b: usize, ldb: usize, pc: i32, jc: i32, kc: i32, nc: i32): void {
  for (let jr = 0; jr < nc; jr += NR) {
    const nr = min(NR, nc - jr);
    let dst = B_PACK + (<usize>(jr * kc) << 2);
    if (!transB && nr == NR) {
      let src = b + ((<usize>pc * ldb + <usize>(jc + jr)) << 2);
      for (let p = 0; p < kc; p++) {
        v128.store(dst, v128.load(src));
        v128.store(dst, v128.load(src, 16), 16);
        src += ldb << 2;
        dst += NR << 2;
      }
    } else if (transB && nr == NR) {
      // Bᵀ: op(B)[p, j] = B[j, p]; eight row streams of B read 4 values of p at a time, transposed 4×4 in registers
      // (columns 0–3 and 4–7 of the strip separately) into four strip rows of 8.
      const ldbBytes = ldb << 2;
      const s0 = b + ((<usize>(jc + jr) * ldb + <usize>pc) << 2);
      let p = 0;
      for (; p + 4 <= kc; p += 4) {
        const off = <usize>p << 2;
        for (let half = 0; half < 2; half++) {
          const r0 = s0 + <usize>(half * 4) * ldbBytes + off;
          const x0 = v128.load(r0), x1 = v128.load(r0 + ldbBytes), x2 = v128.load(r0 + 2 * ldbBytes), x3 = v128.load(r0 + 3 * ldbBytes);
          const t0 = v128.shuffle<f32>(x0, x1, 0, 4, 1, 5), t1 = v128.shuffle<f32>(x2, x3, 0, 4, 1, 5);
          const t2 = v128.shuffle<f32>(x0, x1, 2, 6, 3, 7), t3 = v128.shuffle<f32>(x2, x3, 2, 6, 3, 7);
          const d = dst + (<usize>half << 4);
          v128.store(d, v128.shuffle<f32>(t0, t1, 0, 1, 4, 5));
          v128.store(d, v128.shuffle<f32>(t0, t1, 2, 3, 6, 7), 32);
          v128.store(d, v128.shuffle<f32>(t2, t3, 0, 1, 4, 5), 64);
          v128.store(d, v128.shuffle<f32>(t2, t3, 2, 3, 6, 7), 96);
        }
        dst += 128;
      }
      for (; p < kc; p++) {
        for (let j = 0; j < NR; j++) store<f32>(dst + (<usize>j << 2), load<f32>(s0 + <usize>j * ldbBytes + (<usize>p << 2)));
        dst += NR << 2;
      }
    } else {
      for (let p = 0; p < kc; p++) {
        for (let j = 0; j < NR; j++) {
          let value: f32 = 0;
          if (j < nr) {
            const row = transB ? <usize>(jc + jr + j) : <usize>(pc + p);
            const col = transB ? <usize>(pc + p) : <usize>(jc + jr + j);
            value = load<f32>(b + ((row * ldb + col) << 2));
          }
          store<f32>(dst + (<usize>j << 2), value);
        }
        dst += NR << 2;
      }
    }
  }
}

/** Packs op(A)[ic : ic+mc, pc : pc+kc] as MR-high strips: strip s, column p at A_PACK + 4·(s·kc·MR + p·MR). */
function packA(transA: bool, a: usize, lda: usize, ic: i32, pc: i32, mc: i32, kc: i32): void {
  for (let ir = 0; ir < mc; ir += MR) {
    const mr = min(MR, mc - ir);
    let dst = A_PACK + (<usize>(ir * kc) << 2);
    if (transA && mr == MR) {
      // Aᵀ: op(A)[i, p] = A[p, i], so the MR values of column p are contiguous in row p of A.
      let src = a + ((<usize>pc * lda + <usize>(ic + ir)) << 2);
      for (let p = 0; p < kc; p++) {
        v128.store(dst, v128.load(src));
        src += lda << 2;
        dst += MR << 2;
      }
    } else if (!transA && mr == MR) {
      // Rows of A: four row streams read 4 columns at a time, transposed 4×4 in registers.
      const r0 = a + ((<usize>(ic + ir) * lda + <usize>pc) << 2);
      const r1 = r0 + (lda << 2), r2 = r1 + (lda << 2), r3 = r2 + (lda << 2);
      let p = 0;
      for (; p + 4 <= kc; p += 4) {
        const off = <usize>p << 2;
        const x0 = v128.load(r0 + off), x1 = v128.load(r1 + off), x2 = v128.load(r2 + off), x3 = v128.load(r3 + off);
        const t0 = v128.shuffle<f32>(x0, x1, 0, 4, 1, 5), t1 = v128.shuffle<f32>(x2, x3, 0, 4, 1, 5);
        const t2 = v128.shuffle<f32>(x0, x1, 2, 6, 3, 7), t3 = v128.shuffle<f32>(x2, x3, 2, 6, 3, 7);
        v128.store(dst, v128.shuffle<f32>(t0, t1, 0, 1, 4, 5));
        v128.store(dst, v128.shuffle<f32>(t0, t1, 2, 3, 6, 7), 16);
        v128.store(dst, v128.shuffle<f32>(t2, t3, 0, 1, 4, 5), 32);
        v128.store(dst, v128.shuffle<f32>(t2, t3, 2, 3, 6, 7), 48);
        dst += 64;
      }
      for (; p < kc; p++) {
        const off = <usize>p << 2;
        store<f32>(dst, load<f32>(r0 + off));
        store<f32>(dst, load<f32>(r1 + off), 4);
        store<f32>(dst, load<f32>(r2 + off), 8);
        store<f32>(dst, load<f32>(r3 + off), 12);
        dst += 16;
      }
    } else {
      for (let p = 0; p < kc; p++) {
        for (let i = 0; i < MR; i++) {
          let value: f32 = 0;
          if (i < mr) {
            const row = transA ? <usize>(pc + p) : <usize>(ic + ir + i);
            const col = transA ? <usize>(ic + ir + i) : <usize>(pc + p);
            value = load<f32>(a + ((row * lda + col) << 2));
          }
          store<f32>(dst + (<usize>i << 2), value);
        }
        dst += MR << 2;
      }
    }
  }
}

/** C tile [MR × NR] (row stride ldcBytes) = (accumulate ? C : 0) + Σ_p Ap[:, p] ⊗ Bp[p, :]. */
// @ts-ignore: decorator
@inline
function microKernel(kc: i32, ap: usize, bp: usize, c: usize, ldcBytes: usize, accumulate: bool): void {
  let c00 = f32x4.splat(0), c01 = f32x4.splat(0), c10 = f32x4.splat(0), c11 = f32x4.splat(0);
  let c20 = f32x4.splat(0), c21 = f32x4.splat(0), c30 = f32x4.splat(0), c31 = f32x4.splat(0);
  for (let p = 0; p < kc; p++) {
    const b0 = v128.load(bp), b1 = v128.load(bp, 16);
    let a = v128.load32_splat(ap);
    c00 = f32x4.add(c00, f32x4.mul(a, b0));
    c01 = f32x4.add(c01, f32x4.mul(a, b1));
    a = v128.load32_splat(ap, 4);
    c10 = f32x4.add(c10, f32x4.mul(a, b0));
    c11 = f32x4.add(c11, f32x4.mul(a, b1));
    a = v128.load32_splat(ap, 8);
    c20 = f32x4.add(c20, f32x4.mul(a, b0));
    c21 = f32x4.add(c21, f32x4.mul(a, b1));
    a = v128.load32_splat(ap, 12);
    c30 = f32x4.add(c30, f32x4.mul(a, b0));
    c31 = f32x4.add(c31, f32x4.mul(a, b1));
    ap += 16;
    bp += 32;
  }
  const r1 = c + ldcBytes, r2 = r1 + ldcBytes, r3 = r2 + ldcBytes;
  if (accumulate) {
    c00 = f32x4.add(c00, v128.load(c)); c01 = f32x4.add(c01, v128.load(c, 16));
    c10 = f32x4.add(c10, v128.load(r1)); c11 = f32x4.add(c11, v128.load(r1, 16));
    c20 = f32x4.add(c20, v128.load(r2)); c21 = f32x4.add(c21, v128.load(r2, 16));
    c30 = f32x4.add(c30, v128.load(r3)); c31 = f32x4.add(c31, v128.load(r3, 16));
  }
  v128.store(c, c00); v128.store(c, c01, 16);
  v128.store(r1, c10); v128.store(r1, c11, 16);
  v128.store(r2, c20); v128.store(r2, c21, 16);
  v128.store(r3, c30); v128.store(r3, c31, 16);
}

/** The contract's gemm; every offset and leading dimension in 4-byte elements. */
export function gemm(transA: bool, transB: bool, m: i32, n: i32, k: i32, aOff: usize, lda: usize, bOff: usize, ldb: usize, beta: i32, cOff: usize, ldc: usize): void {
  if (m <= 0 || n <= 0) return;
  const a = aOff << 2, b = bOff << 2, c = cOff << 2, ldcBytes = ldc << 2;
  if (k <= 0) {
    if (beta == 0) for (let i = 0; i < m; i++) memory.fill(c + <usize>i * ldcBytes, 0, <usize>n << 2);
    return;
  }
  for (let jc = 0; jc < n; jc += NC) {
    const nc = min(NC, n - jc);
    for (let pc = 0; pc < k; pc += KC) {
      const kc = min(KC, k - pc);
      const accumulate = beta != 0 || pc > 0; // beta 0: the first slice overwrites C (old NaNs vanish)
      packB(transB, b, ldb, pc, jc, kc, nc);
      for (let ic = 0; ic < m; ic += MC) {
        const mc = min(MC, m - ic);
        packA(transA, a, lda, ic, pc, mc, kc);
        for (let jr = 0; jr < nc; jr += NR) {
          const nr = min(NR, nc - jr);
          const bp = B_PACK + (<usize>(jr * kc) << 2);
          for (let ir = 0; ir < mc; ir += MR) {
            const mr = min(MR, mc - ir);
            const ap = A_PACK + (<usize>(ir * kc) << 2);
            const ct = c + (<usize>(ic + ir) * ldcBytes) + (<usize>(jc + jr) << 2);
            if (mr == MR && nr == NR) {
              microKernel(kc, ap, bp, ct, ldcBytes, accumulate);
            } else {
              microKernel(kc, ap, bp, TILE, NR << 2, false);
              for (let i = 0; i < mr; i++) {
                for (let j = 0; j < nr; j++) {
                  const dst = ct + <usize>i * ldcBytes + (<usize>j << 2);
                  const t = load<f32>(TILE + (<usize>(i * NR + j) << 2));
                  store<f32>(dst, accumulate ? load<f32>(dst) + t : t);
                }
              }
            }
          }
        }
      }
    }
  }
}

/**
 * The micro-kernel alone, `reps` times over one packed A strip and B strip (12 KiB, L1-resident): 2·MR·NR·KC flops per
 * repetition. Measures the machine's peak for this code (bench/kernelThroughput.ts); the packed regions are zeroed
 * first (no subnormals, nothing left over from a gemm).
 */
export function peakProbe(reps: i32): void {
  memory.fill(A_PACK, 0, <usize>(MR * KC) << 2);
  memory.fill(B_PACK, 0, <usize>(NR * KC) << 2);
  for (let r = 0; r < reps; r++) microKernel(KC, A_PACK, B_PACK, TILE, NR << 2, r > 0);
}

/** Flops of one peakProbe repetition. */
export function peakProbeFlops(): i32 {
  return 2 * MR * NR * KC;
}
