// The plain TypeScript implementation of F32Kernels (f32Kernels.ts) over an ArrayBuffer: the fallback where
// WebAssembly SIMD is unavailable. Arithmetic runs in float64 and is rounded to float32 on every store (gemm: partial
// sums of four products, or whole dot products for transB), so results match the WebAssembly backend up to rounding
// order; tanh and σ are Math.tanh and 1/(1 + Math.exp(−x)) rounded once (≤ ½ ulp).
import type { F32Activation, F32Arena, F32Kernels } from './f32Kernels';

const INITIAL_BYTES = 1 << 20;

/** A bump allocator over one ArrayBuffer; reserve() past its end moves everything into a buffer twice as large. */
export class ArrayBufferArena implements F32Arena {
  private buffer = new ArrayBuffer(INITIAL_BYTES);
  private float32 = new Float32Array(this.buffer);
  private int32 = new Int32Array(this.buffer);
  private top = 0; // next free element, always a multiple of 4 (16 bytes)
  private highWater = 0; // the largest top since construction (clear() keeps the memory)

  get f32(): Float32Array {
    return this.float32;
  }
  get i32(): Int32Array {
    return this.int32;
  }
  /** The high-water mark of reservations in bytes (not lowered by clear()); the buffer may be up to twice as large. */
  get byteLength(): number {
    return this.highWater * 4;
  }

  reserve(count: number): number {
    if (!Number.isInteger(count) || count < 0) throw new RangeError(`reserve(${count}): not a count`);
    const offset = this.top;
    const end = offset + ((count + 3) & ~3);
    if (end * 4 > this.buffer.byteLength) {
      let bytes = this.buffer.byteLength;
      while (bytes < end * 4) bytes *= 2;
      const next = new ArrayBuffer(bytes);
      new Uint8Array(next).set(new Uint8Array(this.buffer, 0, this.top * 4));
      this.buffer = next;
      this.float32 = new Float32Array(next);
      this.int32 = new Int32Array(next);
    }
    this.float32.fill(0, offset, end); // memory kept by clear() holds old values
    this.top = end;
    this.highWater = Math.max(this.highWater, end);
    return offset;
  }

  clear(): void {
    this.top = 0;
  }
}

/** tanh, σ and relu in float64, rounded once to float32 when stored. relu(NaN) = NaN as in max(x, 0). */
function apply(kind: F32Activation, x: Float32Array, start: number, end: number): void {
  if (kind === 'tanh') for (let i = start; i < end; i++) x[i] = Math.tanh(x[i]);
  else if (kind === 'sigmoid') for (let i = start; i < end; i++) x[i] = 1 / (1 + Math.exp(-x[i]));
  else for (let i = start; i < end; i++) x[i] = x[i] > 0 ? x[i] : x[i] !== x[i] ? Number.NaN : 0;
}

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

export class TypeScriptKernels implements F32Kernels {
  readonly backend = 'typescript' as const;
  readonly arena = new ArrayBufferArena();

  gemm(transA: boolean, transB: boolean, m: number, n: number, k: number, a: number, lda: number, b: number, ldb: number, beta: 0 | 1, c: number, ldc: number): void {
    const f = this.arena.f32;
    if (beta === 0) for (let i = 0; i < m; i++) f.fill(0, c + i * ldc, c + i * ldc + n);
    if (k === 0 || m === 0 || n === 0) return;
    if (!transB) {
      // Row i of C accumulates Σ_p op(A)[i, p] · (row p of B), four p at a time: one float32 load and store of C[i, j]
      // per four products (summed in float64). i-k-j order for A [m × k]; for Aᵀ (A [k × m]) the same, reading
      // op(A)[i, p] = A[p, i] down column i of A.
      const aRow = transA ? 1 : lda;
      const aCol = transA ? lda : 1;
      for (let i = 0; i < m; i++) {
        const ci = c + i * ldc;
        const ai = a + i * aRow;
        let p = 0;
        for (; p + 4 <= k; p += 4) {
          const a0 = f[ai + p * aCol], a1 = f[ai + (p + 1) * aCol], a2 = f[ai + (p + 2) * aCol], a3 = f[ai + (p + 3) * aCol];
          const b0 = b + p * ldb, b1 = b0 + ldb, b2 = b1 + ldb, b3 = b2 + ldb;
          for (let j = 0; j < n; j++) f[ci + j] += a0 * f[b0 + j] + a1 * f[b1 + j] + a2 * f[b2 + j] + a3 * f[b3 + j];
        }
        for (; p < k; p++) {
          const ap = f[ai + p * aCol];
          const bp = b + p * ldb;
          for (let j = 0; j < n; j++) f[ci + j] += ap * f[bp + j];
        }
      }
      return;
    }
    // op(B)[p, j] = B[j, p]: every C element is a dot product along rows of B, accumulated in float64.
    const aRow = transA ? 1 : lda;
    const aCol = transA ? lda : 1;
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        const bj = b + j * ldb;
        let sum = 0;
        for (let p = 0; p < k; p++) sum += f[a + i * aRow + p * aCol] * f[bj + p];
        f[c + i * ldc + j] += sum;
      }
    }
  }

  addRowVector(x: number, rows: number, cols: number, ldx: number, v: number): void {
    const f = this.arena.f32;
    for (let r = 0; r < rows; r++) for (let j = 0; j < cols; j++) f[x + r * ldx + j] += f[v + j];
  }

  addColumnSums(x: number, rows: number, cols: number, ldx: number, sums: number): void {
    const f = this.arena.f32;
    for (let j = 0; j < cols; j++) {
      let s = 0;
      for (let r = 0; r < rows; r++) s += f[x + r * ldx + j];
      f[sums + j] += s;
    }
  }

  gatherAddRows(table: number, ldt: number, index: number, rows: number, cols: number, out: number, ldo: number): void {
    const f = this.arena.f32;
    const idx = this.arena.i32;
    for (let r = 0; r < rows; r++) {
      const t = table + idx[index + r] * ldt;
      for (let j = 0; j < cols; j++) f[out + r * ldo + j] += f[t + j];
    }
  }

  scatterAddRows(x: number, ldx: number, index: number, rows: number, cols: number, table: number, ldt: number): void {
    const f = this.arena.f32;
    const idx = this.arena.i32;
    for (let r = 0; r < rows; r++) {
      const t = table + idx[index + r] * ldt;
      for (let j = 0; j < cols; j++) f[t + j] += f[x + r * ldx + j];
    }
  }

  activate(kind: F32Activation, x: number, rows: number, cols: number, ldx: number): void {
    const f = this.arena.f32;
    for (let r = 0; r < rows; r++) apply(kind, f, x + r * ldx, x + r * ldx + cols);
  }

  activationBackward(kind: F32Activation, y: number, ldy: number, dy: number, lddy: number, dz: number, lddz: number, rows: number, cols: number): void {
    const f = this.arena.f32;
    for (let r = 0; r < rows; r++) {
      for (let j = 0; j < cols; j++) {
        const yv = f[y + r * ldy + j];
        const g = f[dy + r * lddy + j];
        f[dz + r * lddz + j] = kind === 'tanh' ? g * (1 - yv * yv) : kind === 'sigmoid' ? g * yv * (1 - yv) : yv > 0 ? g : 0;
      }
    }
  }

  lstmForward(gates: number, ldg: number, cPrev: number, c: number, tanhC: number, h: number, ldh: number, rows: number, H: number): void {
    const f = this.arena.f32;
    for (let r = 0; r < rows; r++) {
      const g0 = gates + r * ldg;
      for (let j = 0; j < H; j++) {
        const i = Math.fround(sigmoid(f[g0 + j]));
        const fg = Math.fround(sigmoid(f[g0 + H + j]));
        const g = Math.fround(Math.tanh(f[g0 + 2 * H + j]));
        const o = Math.fround(sigmoid(f[g0 + 3 * H + j]));
        f[g0 + j] = i;
        f[g0 + H + j] = fg;
        f[g0 + 2 * H + j] = g;
        f[g0 + 3 * H + j] = o;
        const cv = Math.fround(fg * f[cPrev + r * H + j] + i * g);
        const tc = Math.fround(Math.tanh(cv));
        f[c + r * H + j] = cv;
        f[tanhC + r * H + j] = tc;
        f[h + r * ldh + j] = o * tc;
      }
    }
  }

  lstmBackward(gates: number, ldg: number, cPrev: number, tanhC: number, dh: number, lddh: number, dc: number, dGates: number, lddg: number, rows: number, H: number): void {
    const f = this.arena.f32;
    for (let r = 0; r < rows; r++) {
      const g0 = gates + r * ldg;
      const d0 = dGates + r * lddg;
      for (let j = 0; j < H; j++) {
        const i = f[g0 + j], fg = f[g0 + H + j], g = f[g0 + 2 * H + j], o = f[g0 + 3 * H + j];
        const tc = f[tanhC + r * H + j];
        const dhv = f[dh + r * lddh + j];
        const dct = f[dc + r * H + j] + dhv * o * (1 - tc * tc);
        f[d0 + j] = dct * g * i * (1 - i);
        f[d0 + H + j] = dct * f[cPrev + r * H + j] * fg * (1 - fg);
        f[d0 + 2 * H + j] = dct * i * (1 - g * g);
        f[d0 + 3 * H + j] = dhv * tc * o * (1 - o);
        f[dc + r * H + j] = dct * fg;
      }
    }
  }

  gruForward(gi: number, ldgi: number, gh: number, ldgh: number, hPrev: number, ldhp: number, h: number, ldh: number, rows: number, H: number): void {
    const f = this.arena.f32;
    for (let row = 0; row < rows; row++) {
      const a = gi + row * ldgi;
      const b = gh + row * ldgh;
      for (let j = 0; j < H; j++) {
        const r = Math.fround(sigmoid(f[a + j] + f[b + j]));
        const z = Math.fround(sigmoid(f[a + H + j] + f[b + H + j]));
        const nv = Math.fround(Math.tanh(f[a + 2 * H + j] + r * f[b + 2 * H + j]));
        f[a + j] = r;
        f[a + H + j] = z;
        f[a + 2 * H + j] = nv;
        f[h + row * ldh + j] = (1 - z) * nv + z * f[hPrev + row * ldhp + j];
      }
    }
  }

  gruBackward(gi: number, ldgi: number, gh: number, ldgh: number, hPrev: number, ldhp: number, dh: number, lddh: number, dGi: number, lddgi: number, dGh: number, lddgh: number, dhPrev: number, lddhp: number, rows: number, H: number): void {
    const f = this.arena.f32;
    for (let row = 0; row < rows; row++) {
      const s = gi + row * ldgi;
      const di = dGi + row * lddgi;
      const dg = dGh + row * lddgh;
      for (let j = 0; j < H; j++) {
        const r = f[s + j], z = f[s + H + j], nv = f[s + 2 * H + j];
        const d = f[dh + row * lddh + j];
        const a = d * (1 - z) * (1 - nv * nv);
        const dr = a * f[gh + row * ldgh + 2 * H + j] * r * (1 - r);
        const dz = d * (f[hPrev + row * ldhp + j] - nv) * z * (1 - z);
        f[di + j] = dr;
        f[di + H + j] = dz;
        f[di + 2 * H + j] = a;
        f[dg + j] = dr;
        f[dg + H + j] = dz;
        f[dg + 2 * H + j] = a * r;
        f[dhPrev + row * lddhp + j] = d * z;
      }
    }
  }
}
