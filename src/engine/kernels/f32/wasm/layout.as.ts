// The fixed regions of linear memory (bytes). AssemblyScript's own static data (none: --runtime stub, no strings)
// lies below 64 KiB; the packed GEMM operands follow; the arena of wasmKernels.ts starts at ARENA_BASE.
export const MR: i32 = 4; // rows of the C micro-tile
export const NR: i32 = 8; // columns of the C micro-tile (two f32x4)
export const KC: i32 = 256; // depth of one packed block: an MR×KC A strip plus a KC×NR B strip stay in L1 (12 KiB)
export const MC: i32 = 64; // rows of A packed at once: MC×KC floats = 64 KiB (L2)
export const NC: i32 = 512; // columns of B packed at once: KC×NC floats = 512 KiB

export const A_PACK: usize = 65536;
export const B_PACK: usize = A_PACK + <usize>(MC * KC * 4);
export const TILE: usize = B_PACK + <usize>(KC * NC * 4); // one MR×NR edge tile
export const CONSTANTS: usize = TILE + 1024; // splatted constants of math.as.ts, 16 bytes each (≤ 3 KiB)
export const ARENA_BASE: usize = TILE + 4096;
