// F32Kernels on the WebAssembly module built from wasm/kernels.as.ts (128-bit SIMD). Operands live in the module's
// own memory: the arena is a bump allocator from the module's arenaBase() upwards, growing the memory on demand.
import type { F32Activation, F32Arena, F32Kernels } from './f32Kernels';
import { KERNELS_WASM_BASE64 } from './kernelsWasm.generated';
import { decodeBase64, webAssemblyApi, type WasmMemory } from './webAssemblyApi';

const PAGE = 65536;
const ACTIVATION: Record<F32Activation, number> = { tanh: 0, sigmoid: 1, relu: 2 };

interface Exports {
  memory: WasmMemory;
  arenaBase(): number;
  heapBase(): number;
  peakProbe(reps: number): void;
  peakProbeFlops(): number;
  gemm(transA: number, transB: number, m: number, n: number, k: number, a: number, lda: number, b: number, ldb: number, beta: number, c: number, ldc: number): void;
  addRowVector(x: number, rows: number, cols: number, ldx: number, v: number): void;
  addColumnSums(x: number, rows: number, cols: number, ldx: number, sums: number): void;
  gatherAddRows(table: number, ldt: number, index: number, rows: number, cols: number, out: number, ldo: number): void;
  scatterAddRows(x: number, ldx: number, index: number, rows: number, cols: number, table: number, ldt: number): void;
  activate(kind: number, x: number, rows: number, cols: number, ldx: number): void;
  activationBackward(kind: number, y: number, ldy: number, dy: number, lddy: number, dz: number, lddz: number, rows: number, cols: number): void;
  lstmForward(...args: number[]): void;
  lstmBackward(...args: number[]): void;
  gruForward(...args: number[]): void;
  gruBackward(...args: number[]): void;
}

let moduleBytes: Uint8Array | undefined;
/** The module's bytes, decoded once. */
export function kernelsWasmBytes(): Uint8Array {
  moduleBytes ??= decodeBase64(KERNELS_WASM_BASE64);
  return moduleBytes;
}

/** The arena over the module's memory; views are rebuilt whenever memory.grow() has replaced the buffer. */
class WasmArena implements F32Arena {
  private float32: Float32Array;
  private int32: Int32Array;
  private readonly base: number; // first element of the arena
  private top: number; // next free element, a multiple of 4
  private highWater: number; // the largest top since construction (clear() keeps the memory)

  constructor(private readonly memory: WasmMemory, baseBytes: number) {
    this.base = Math.ceil(baseBytes / 16) * 4;
    this.top = this.base;
    this.highWater = this.base;
    this.float32 = new Float32Array(memory.buffer);
    this.int32 = new Int32Array(memory.buffer);
  }

  private refresh(): void {
    if (this.float32.buffer !== this.memory.buffer) {
      this.float32 = new Float32Array(this.memory.buffer);
      this.int32 = new Int32Array(this.memory.buffer);
    }
  }
  get f32(): Float32Array {
    this.refresh();
    return this.float32;
  }
  get i32(): Int32Array {
    this.refresh();
    return this.int32;
  }
  /**
   * The high-water mark in bytes, counted from address 0 of the module's memory: it includes the fixed GEMM packing
   * regions below the arena (about 0.7 MiB), since the kernels occupy that memory too. clear() does not lower it.
   */
  get byteLength(): number {
    return this.highWater * 4;
  }

  reserve(count: number): number {
    if (!Number.isInteger(count) || count < 0) throw new RangeError(`reserve(${count}): not a count`);
    const offset = this.top;
    const end = offset + ((count + 3) & ~3);
    const have = this.memory.buffer.byteLength;
    if (end * 4 > have) {
      // At least double, so n reservations cost O(log n) copies.
      const pages = Math.ceil(Math.max(end * 4 - have, have) / PAGE);
      if (have / PAGE + pages > 65536) throw new RangeError(`reserve(${count}): beyond the 4 GiB of a WebAssembly memory`);
      this.memory.grow(pages);
    }
    this.refresh();
    this.float32.fill(0, offset, end);
    this.top = end;
    this.highWater = Math.max(this.highWater, end);
    return offset;
  }

  clear(): void {
    this.top = this.base;
  }
}

export class WasmKernels implements F32Kernels {
  readonly backend = 'wasm-simd' as const;
  readonly arena: F32Arena;
  private readonly x: Exports;

  /** Instantiates the module synchronously; throws where WebAssembly or its SIMD is unavailable. */
  constructor() {
    const api = webAssemblyApi();
    if (!api) throw new Error('no WebAssembly in this runtime');
    const bytes = kernelsWasmBytes();
    if (!api.validate(bytes)) throw new Error('the WebAssembly SIMD kernels do not validate here');
    this.x = new api.Instance(new api.Module(bytes), {}).exports as unknown as Exports;
    if (this.x.heapBase() > 65536) throw new Error('kernels module: static data overlaps the packing regions');
    this.arena = new WasmArena(this.x.memory, this.x.arenaBase());
  }

  /** Runs the GEMM micro-kernel alone `reps` times on L1-resident packed operands; returns the flops done. */
  peakProbe(reps: number): number {
    this.x.peakProbe(reps);
    return reps * this.x.peakProbeFlops();
  }

  gemm(transA: boolean, transB: boolean, m: number, n: number, k: number, a: number, lda: number, b: number, ldb: number, beta: 0 | 1, c: number, ldc: number): void {
    this.x.gemm(transA ? 1 : 0, transB ? 1 : 0, m, n, k, a, lda, b, ldb, beta, c, ldc);
  }
  addRowVector(x: number, rows: number, cols: number, ldx: number, v: number): void {
    this.x.addRowVector(x, rows, cols, ldx, v);
  }
  addColumnSums(x: number, rows: number, cols: number, ldx: number, sums: number): void {
    this.x.addColumnSums(x, rows, cols, ldx, sums);
  }
  gatherAddRows(table: number, ldt: number, index: number, rows: number, cols: number, out: number, ldo: number): void {
    this.x.gatherAddRows(table, ldt, index, rows, cols, out, ldo);
  }
  scatterAddRows(x: number, ldx: number, index: number, rows: number, cols: number, table: number, ldt: number): void {
    this.x.scatterAddRows(x, ldx, index, rows, cols, table, ldt);
  }
  activate(kind: F32Activation, x: number, rows: number, cols: number, ldx: number): void {
    this.x.activate(ACTIVATION[kind], x, rows, cols, ldx);
  }
  activationBackward(kind: F32Activation, y: number, ldy: number, dy: number, lddy: number, dz: number, lddz: number, rows: number, cols: number): void {
    this.x.activationBackward(ACTIVATION[kind], y, ldy, dy, lddy, dz, lddz, rows, cols);
  }
  lstmForward(gates: number, ldg: number, cPrev: number, c: number, tanhC: number, h: number, ldh: number, rows: number, H: number): void {
    this.x.lstmForward(gates, ldg, cPrev, c, tanhC, h, ldh, rows, H);
  }
  lstmBackward(gates: number, ldg: number, cPrev: number, tanhC: number, dh: number, lddh: number, dc: number, dGates: number, lddg: number, rows: number, H: number): void {
    this.x.lstmBackward(gates, ldg, cPrev, tanhC, dh, lddh, dc, dGates, lddg, rows, H);
  }
  gruForward(gi: number, ldgi: number, gh: number, ldgh: number, hPrev: number, ldhp: number, h: number, ldh: number, rows: number, H: number): void {
    this.x.gruForward(gi, ldgi, gh, ldgh, hPrev, ldhp, h, ldh, rows, H);
  }
  gruBackward(gi: number, ldgi: number, gh: number, ldgh: number, hPrev: number, ldhp: number, dh: number, lddh: number, dGi: number, lddgi: number, dGh: number, lddgh: number, dhPrev: number, lddhp: number, rows: number, H: number): void {
    this.x.gruBackward(gi, ldgi, gh, ldgh, hPrev, ldhp, dh, lddh, dGi, lddgi, dGh, lddgh, dhPrev, lddhp, rows, H);
  }
}
