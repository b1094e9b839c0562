// The machine's float32 GEMM peak for the GFLOP/s columns: the WebAssembly-SIMD kernels' best matrix–matrix product
// (the kernels' own throughput measurement, bench/kernelThroughput.ts). Until those kernels are on main it reports why
// the peak is missing.

export interface GemmPeak {
  /** Which kernels were measured ('wasm-simd' or the TypeScript fallback). */
  readonly backend: string;
  /** Square size of the product measured. */
  readonly size: number;
  readonly gflops: number;
}

export type GemmPeakResult = { readonly ok: true; readonly peak: GemmPeak } | { readonly ok: false; readonly reason: string };

export function measureGemmPeak(seconds: number): GemmPeakResult {
  void seconds;
  return { ok: false, reason: 'the float32 kernels (src/engine/kernels/f32/loadKernels.ts) are not on main yet' };
}
