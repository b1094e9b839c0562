// Which GradientComputer a precision gets (training/gradientComputer.ts): float64 — the exact per-sequence path;
// float32 — the batched path of this folder on the best available kernels (WebAssembly SIMD, else TypeScript).
import type { ModelConfig } from '../modelConfig';
import type { KernelBackend } from '../kernels/f32/f32Kernels';
import { createF32Kernels } from '../kernels/f32/loadKernels';
import { Float64GradientComputer, type GradientComputer, type Precision } from '../training/gradientComputer';
import { float32Covers, Float32GradientComputer } from './float32Computer';

export { float32Covers, readsInputClasses } from './float32Computer';

/** The computer of `precision` for models of `config`; float32 on a config it does not cover is an Error. */
export function createGradientComputer(precision: Precision, config: ModelConfig, backend?: KernelBackend): GradientComputer {
  if (precision === 'float64') return new Float64GradientComputer();
  if (!float32Covers(config)) throw new Error('the float32 path does not cover the encoder–decoder topology: train it in float64');
  return new Float32GradientComputer(config, createF32Kernels(backend));
}
