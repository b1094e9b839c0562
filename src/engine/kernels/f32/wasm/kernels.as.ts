// Entry of the WebAssembly kernels (compiled by scripts/build-kernels.mjs with AssemblyScript, SIMD enabled).
export { gemm, peakProbe, peakProbeFlops } from './gemm.as';
export { activate, activationBackward, addColumnSums, addRowVector, gatherAddRows, gruBackward, gruForward, lstmBackward, lstmForward, scatterAddRows } from './elementwise.as';
import { ARENA_BASE } from './layout.as';

/** The first byte the arena may use: everything below holds the packed GEMM operands. */
export function arenaBase(): usize {
  return ARENA_BASE;
}
/** The end of AssemblyScript's static data: must lie below the packing regions. */
export function heapBase(): usize {
  return __heap_base;
}
