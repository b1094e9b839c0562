// The float32 kernels of the batched training path (engine/fast/): every operand lives in one linear memory (the
// WebAssembly module's, or an ArrayBuffer for the TypeScript fallback) and is addressed by its offset in 4-byte
// elements. Matrices are row-major with a leading dimension (row stride) ld ≥ columns.
//
// Two implementations with the same results up to float32 rounding order: WebAssembly with 128-bit SIMD
// (wasmKernels.ts, built from kernels.as.ts at build time) and plain TypeScript (typescriptKernels.ts) where SIMD is
// unavailable. createF32Kernels (loadKernels.ts) picks the first that works.

export type KernelBackend = 'wasm-simd' | 'typescript';
export type F32Activation = 'tanh' | 'sigmoid' | 'relu';

/** A bump allocator over the kernels' linear memory. */
export interface F32Arena {
  /** A view of the whole memory as float32; re-read it after every reserve() (growing may replace the buffer). */
  readonly f32: Float32Array;
  /** The same memory as int32 (class indices). */
  readonly i32: Int32Array;
  /** Reserves `count` zeroed 4-byte elements, 16-byte aligned; returns their offset (in elements). */
  reserve(count: number): number;
  /** Forgets every reservation; the memory is kept for reuse. */
  clear(): void;
  /** Bytes of linear memory in use by this arena (its high-water mark). */
  readonly byteLength: number;
}

export interface F32Kernels {
  readonly backend: KernelBackend;
  readonly arena: F32Arena;

  /**
   * C = beta·C + op(A)·op(B), C [m × n] (ldc); op(A) [m × k] is A [m × k] (lda) or, transA, Aᵀ of A [k × m] (lda);
   * op(B) [k × n] is B [k × n] (ldb) or, transB, Bᵀ of B [n × k] (ldb). beta is 0 (C is overwritten, NaNs in the old C
   * do not survive) or 1. Any size ≥ 0 (k = 0 with beta 0 writes zeros).
   */
  gemm(transA: boolean, transB: boolean, m: number, n: number, k: number, a: number, lda: number, b: number, ldb: number, beta: 0 | 1, c: number, ldc: number): void;

  /** x[r, j] += v[j] for every row r of x [rows × cols] (ldx). */
  addRowVector(x: number, rows: number, cols: number, ldx: number, v: number): void;
  /** sums[j] += Σ_r x[r, j] over x [rows × cols] (ldx). */
  addColumnSums(x: number, rows: number, cols: number, ldx: number, sums: number): void;
  /** out[r, :] += table[index[r], :] for r < rows; table [? × cols] (ldt), index int32 offset, out (ldo). */
  gatherAddRows(table: number, ldt: number, index: number, rows: number, cols: number, out: number, ldo: number): void;
  /** table[index[r], :] += x[r, :] for r < rows (in order r = 0, 1, …; repeated indices accumulate). */
  scatterAddRows(x: number, ldx: number, index: number, rows: number, cols: number, table: number, ldt: number): void;

  /** x ← f(x) in place on x [rows × cols] (ldx). */
  activate(kind: F32Activation, x: number, rows: number, cols: number, ldx: number): void;
  /**
   * dz = dy ⊙ f′ expressed through the output y = f(z): tanh 1 − y², sigmoid y(1 − y), relu [y > 0].
   * All three [rows × cols] with their own ld (dz may alias dy).
   */
  activationBackward(kind: F32Activation, y: number, ldy: number, dy: number, lddy: number, dz: number, lddz: number, rows: number, cols: number): void;

  /**
   * One LSTM step for a batch (PyTorch gate order i, f, g, o). gates [rows × 4H] (ldg) holds the pre-activations on
   * entry and the activations i, f, g, o on exit; c = f ⊙ cPrev + i ⊙ g; tanhC = tanh(c); h = o ⊙ tanhC.
   * cPrev, c, tanhC [rows × H] with ld H; h [rows × H] with ldh.
   */
  lstmForward(gates: number, ldg: number, cPrev: number, c: number, tanhC: number, h: number, ldh: number, rows: number, H: number): void;
  /**
   * Its backward: dh [rows × H] (lddh) is ∂J/∂h_t, dc (ld H) is ∂J/∂c_t from step t+1 on entry and ∂J/∂c_{t−1} on
   * exit; dGates [rows × 4H] (lddg) receives ∂J/∂(pre-activations):
   *   dc̃ = dc + dh ⊙ o ⊙ (1 − tanhC²);  do = dh ⊙ tanhC ⊙ o(1 − o);  di = dc̃ ⊙ g ⊙ i(1 − i);
   *   dg = dc̃ ⊙ i ⊙ (1 − g²);  df = dc̃ ⊙ cPrev ⊙ f(1 − f);  dc ← dc̃ ⊙ f.
   */
  lstmBackward(gates: number, ldg: number, cPrev: number, tanhC: number, dh: number, lddh: number, dc: number, dGates: number, lddg: number, rows: number, H: number): void;

  /**
   * One GRU step (PyTorch: r, z, n). gi [rows × 3H] (ldgi) = W_ih x + b_ih and gh [rows × 3H] (ldgh) = W_hh h + b_hh
   * on entry; r = σ(gi_r + gh_r), z = σ(gi_z + gh_z), n = tanh(gi_n + r ⊙ gh_n), h = (1 − z) ⊙ n + z ⊙ hPrev.
   * On exit gi holds r, z, n (gh is unchanged: its n block is needed backward). hPrev (ldhp), h (ldh).
   */
  gruForward(gi: number, ldgi: number, gh: number, ldgh: number, hPrev: number, ldhp: number, h: number, ldh: number, rows: number, H: number): void;
  /**
   * Its backward, from dh = ∂J/∂h_t (lddh): with a = dh ⊙ (1 − z) ⊙ (1 − n²) (∂J/∂ n's pre-activation),
   *   dGi = [ a ⊙ gh_n ⊙ r(1 − r) ,  dh ⊙ (hPrev − n) ⊙ z(1 − z) ,  a ]            (input side, [rows × 3H], lddgi)
   *   dGh = [ same r block ,          same z block ,                  a ⊙ r ]        (hidden side, lddgh)
   *   dhPrev = dh ⊙ z                                                               (written, not added; lddhp)
   */
  gruBackward(gi: number, ldgi: number, gh: number, ldgh: number, hPrev: number, ldhp: number, dh: number, lddh: number, dGi: number, lddgi: number, dGh: number, lddgh: number, dhPrev: number, lddhp: number, rows: number, H: number): void;
}
