// Picks the float32 kernels' implementation: WebAssembly SIMD where the runtime validates and instantiates the
// module, otherwise plain TypeScript (also on request: tests, and the user's escape hatch).
import type { F32Kernels, KernelBackend } from './f32Kernels';
import { TypeScriptKernels } from './typescriptKernels';
import { WasmKernels } from './wasmKernels';

let wasmWorks: boolean | undefined;

function tryWasm(): WasmKernels | undefined {
  if (wasmWorks === false) return undefined;
  try {
    const kernels = new WasmKernels();
    wasmWorks = true;
    return kernels;
  } catch {
    wasmWorks = false;
    return undefined;
  }
}

/** New kernels with their own arena: WebAssembly SIMD unless `preferred` is 'typescript' or it does not work here. */
export function createF32Kernels(preferred?: KernelBackend): F32Kernels {
  if (preferred !== 'typescript') {
    const wasm = tryWasm();
    if (wasm) return wasm;
  }
  return new TypeScriptKernels();
}

/** The best backend this runtime supports. */
export function kernelBackendAvailable(): KernelBackend {
  if (wasmWorks === undefined) tryWasm();
  return wasmWorks ? 'wasm-simd' : 'typescript';
}
