// GEMM throughput of the float32 kernels (engine/kernels/f32): GFLOP/s counting 2·m·n·k flops per call, per
// CPU-second of this (single-threaded) process, so time spent descheduled on a shared machine does not count.
import type { F32Kernels } from '../src/engine/kernels/f32/f32Kernels';
import { createF32Kernels } from '../src/engine/kernels/f32/loadKernels';
import { WasmKernels } from '../src/engine/kernels/f32/wasmKernels';
import { cpuMs } from './timing';

export interface GemmShape {
  readonly transA?: boolean;
  readonly transB?: boolean;
}

/**
 * Repeats C = op(A)·op(B) (beta 0, C [m × n]) for about `seconds` of CPU time after a warm-up and returns GFLOP/s.
 * The operands are reserved in `kernels.arena`, which is cleared before and after: pass kernels holding nothing else.
 */
export function measureGemmGflops(kernels: F32Kernels, m: number, n: number, k: number, seconds: number, shape: GemmShape = {}): number {
  const { transA = false, transB = false } = shape;
  const arena = kernels.arena;
  arena.clear();
  const a = arena.reserve(m * k), b = arena.reserve(k * n), c = arena.reserve(m * n);
  const f32 = arena.f32;
  for (let i = 0; i < m * k; i++) f32[a + i] = ((i * 7919) % 1000) / 1000 - 0.5;
  for (let i = 0; i < k * n; i++) f32[b + i] = ((i * 104729) % 1000) / 1000 - 0.5;
  const lda = transA ? m : k, ldb = transB ? k : n;
  const call = () => kernels.gemm(transA, transB, m, n, k, a, lda, b, ldb, 0, c, n);
  // Warm-up: lets the engine tier the code up (WebAssembly Liftoff → TurboFan, JavaScript → optimised).
  const warmUntil = cpuMs() + Math.min(200, seconds * 250);
  do call(); while (cpuMs() < warmUntil);
  let calls = 0;
  const start = cpuMs();
  let elapsed = 0;
  do {
    call();
    calls++;
    elapsed = cpuMs() - start;
  } while (elapsed < seconds * 1000);
  arena.clear();
  return (2 * m * n * k * calls) / (elapsed / 1000) / 1e9;
}

/**
 * The machine's measured peak of the WebAssembly SIMD backend, in GFLOP/s: its GEMM micro-kernel (a 4×8 tile of C
 * in f32x4 registers) run alone on packed operands that stay in L1 (12 KiB), so neither packing nor memory traffic
 * counts — the ceiling every gemm() call approaches. NaN when the runtime has no WebAssembly SIMD.
 */
export function measureWasmSimdPeakGflops(seconds = 0.5): number {
  let kernels: WasmKernels;
  try {
    kernels = new WasmKernels();
  } catch {
    return Number.NaN;
  }
  const reps = 2000;
  const warmUntil = cpuMs() + Math.min(200, seconds * 250);
  do kernels.peakProbe(reps); while (cpuMs() < warmUntil);
  let flops = 0;
  const start = cpuMs();
  let elapsed = 0;
  do {
    flops += kernels.peakProbe(reps);
    elapsed = cpuMs() - start;
  } while (elapsed < seconds * 1000);
  return flops / (elapsed / 1000) / 1e9;
}

/** The GEMM rate of the WebAssembly SIMD backend on an L1-resident NN product (32×64×64, 40 KiB with packing). */
export function measureWasmSimdL1GemmGflops(seconds = 0.5): number {
  const kernels = createF32Kernels('wasm-simd');
  return kernels.backend === 'wasm-simd' ? measureGemmGflops(kernels, 32, 64, 64, seconds) : Number.NaN;
}
