// The machine's float32 peak for the GFLOP/s columns (bench/kernelThroughput.ts): the WebAssembly-SIMD GEMM
// micro-kernel alone on L1-resident operands (the ceiling every product approaches), and a whole 512×512×512 gemm()
// call (packing and memory traffic included).
import { createF32Kernels } from '../src/engine/kernels/f32/loadKernels';
import { measureGemmGflops, measureWasmSimdPeakGflops } from './kernelThroughput';

export interface GemmPeak {
  /** Which kernels were measured ('wasm-simd' or the TypeScript fallback). */
  readonly backend: string;
  /** Square size of the whole product measured. */
  readonly size: number;
  /** GFLOP/s of that product. */
  readonly gflops: number;
  /** GFLOP/s of the WebAssembly micro-kernel alone (the machine's measured peak for these kernels); NaN without SIMD. */
  readonly microKernelGflops: number;
}

export type GemmPeakResult = { readonly ok: true; readonly peak: GemmPeak } | { readonly ok: false; readonly reason: string };

export const PEAK_GEMM_SIZE = 512;

export function measureGemmPeak(seconds: number): GemmPeakResult {
  try {
    const kernels = createF32Kernels();
    const gflops = measureGemmGflops(kernels, PEAK_GEMM_SIZE, PEAK_GEMM_SIZE, PEAK_GEMM_SIZE, seconds);
    return { ok: true, peak: { backend: kernels.backend, size: PEAK_GEMM_SIZE, gflops, microKernelGflops: measureWasmSimdPeakGflops(seconds) } };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
