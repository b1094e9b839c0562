// The contract's element-wise kernels. Each is written once as a column step generic in T: T = v128 handles four
// columns (full f32x4 loads and stores), T = f32 one column of a row's tail (the value splatted into all lanes, lane 0
// stored), so the tail runs the very same arithmetic. Offsets and leading dimensions arrive in 4-byte elements.
import { reluV, sigmoidV, tanhV } from './math.as';

export const TANH = 0;
export const SIGMOID = 1;
export const RELU = 2;

// @ts-ignore: decorator
@inline function ld<T>(p: usize): v128 {
  return sizeof<T>() == 16 ? v128.load(p) : v128.load32_splat(p);
}
// @ts-ignore: decorator
@inline function st<T>(p: usize, v: v128): void {
  if (sizeof<T>() == 16) v128.store(p, v);
  else v128.store32_lane(p, v, 0);
}
// @ts-ignore: decorator
@inline function act(kind: i32, x: v128): v128 {
  return kind == TANH ? tanhV(x) : kind == SIGMOID ? sigmoidV(x) : reluV(x);
}
// @ts-ignore: decorator
@inline function oneMinus(x: v128): v128 {
  return f32x4.sub(f32x4.splat(1), x);
}

export function addRowVector(x: usize, rows: i32, cols: i32, ldx: usize, v: usize): void {
  for (let r = 0; r < rows; r++) {
    const row = (x + <usize>r * ldx) << 2;
    let j = 0;
    for (; j + 4 <= cols; j += 4) { const o = <usize>j << 2; st<v128>(row + o, f32x4.add(ld<v128>(row + o), ld<v128>((v << 2) + o))); }
    for (; j < cols; j++) { const o = <usize>j << 2; st<f32>(row + o, f32x4.add(ld<f32>(row + o), ld<f32>((v << 2) + o))); }
  }
}

/** sums[j] += Σ_r x[r, j]: the rows are added into the sums in place, four columns at a time. */
export function addColumnSums(x: usize, rows: i32, cols: i32, ldx: usize, sums: usize): void {
  for (let r = 0; r < rows; r++) {
    const row = (x + <usize>r * ldx) << 2;
    let j = 0;
    for (; j + 4 <= cols; j += 4) { const o = <usize>j << 2; st<v128>((sums << 2) + o, f32x4.add(ld<v128>((sums << 2) + o), ld<v128>(row + o))); }
    for (; j < cols; j++) { const o = <usize>j << 2; st<f32>((sums << 2) + o, f32x4.add(ld<f32>((sums << 2) + o), ld<f32>(row + o))); }
  }
}

/** dst[r, :] += src[r, :] over one row of cols floats (byte addresses). */
// @ts-ignore: decorator
@inline function addRow(dst: usize, src: usize, cols: i32): void {
  let j = 0;
  for (; j + 4 <= cols; j += 4) { const o = <usize>j << 2; st<v128>(dst + o, f32x4.add(ld<v128>(dst + o), ld<v128>(src + o))); }
  for (; j < cols; j++) { const o = <usize>j << 2; st<f32>(dst + o, f32x4.add(ld<f32>(dst + o), ld<f32>(src + o))); }
}

export function gatherAddRows(table: usize, ldt: usize, index: usize, rows: i32, cols: i32, out: usize, ldo: usize): void {
  for (let r = 0; r < rows; r++) {
    const t = <usize>load<i32>((index + <usize>r) << 2);
    addRow((out + <usize>r * ldo) << 2, (table + t * ldt) << 2, cols);
  }
}

export function scatterAddRows(x: usize, ldx: usize, index: usize, rows: i32, cols: i32, table: usize, ldt: usize): void {
  for (let r = 0; r < rows; r++) {
    const t = <usize>load<i32>((index + <usize>r) << 2);
    addRow((table + t * ldt) << 2, (x + <usize>r * ldx) << 2, cols);
  }
}

export function activate(kind: i32, x: usize, rows: i32, cols: i32, ldx: usize): void {
  for (let r = 0; r < rows; r++) {
    const row = (x + <usize>r * ldx) << 2;
    let j = 0;
    for (; j + 4 <= cols; j += 4) { const p = row + (<usize>j << 2); st<v128>(p, act(kind, ld<v128>(p))); }
    for (; j < cols; j++) { const p = row + (<usize>j << 2); st<f32>(p, act(kind, ld<f32>(p))); }
  }
}

/** dz = dy ⊙ f′(z) from y: tanh 1 − y², σ y(1 − y), relu [y > 0] (a bit mask selecting dy or 0). */
// @ts-ignore: decorator
@inline function backStep<T>(kind: i32, y: usize, dy: usize, dz: usize): void {
  const yv = ld<T>(y), g = ld<T>(dy);
  let d: v128;
  if (kind == TANH) d = f32x4.mul(g, oneMinus(f32x4.mul(yv, yv)));
  else if (kind == SIGMOID) d = f32x4.mul(f32x4.mul(g, yv), oneMinus(yv));
  else d = v128.and(g, f32x4.gt(yv, f32x4.splat(0)));
  st<T>(dz, d);
}

export function activationBackward(kind: i32, y: usize, ldy: usize, dy: usize, lddy: usize, dz: usize, lddz: usize, rows: i32, cols: i32): void {
  for (let r = 0; r < rows; r++) {
    const yr = (y + <usize>r * ldy) << 2, gr = (dy + <usize>r * lddy) << 2, zr = (dz + <usize>r * lddz) << 2;
    let j = 0;
    for (; j + 4 <= cols; j += 4) { const o = <usize>j << 2; backStep<v128>(kind, yr + o, gr + o, zr + o); }
    for (; j < cols; j++) { const o = <usize>j << 2; backStep<f32>(kind, yr + o, gr + o, zr + o); }
  }
}

/** i, f, o = σ, g = tanh of the gate block (gate q at g + q·Hb); c = f ⊙ cPrev + i ⊙ g; h = o ⊙ tanh(c). */
// @ts-ignore: decorator
@inline function lstmStep<T>(g: usize, Hb: usize, cp: usize, c: usize, tc: usize, h: usize): void {
  const i = sigmoidV(ld<T>(g)), f = sigmoidV(ld<T>(g + Hb)), gg = tanhV(ld<T>(g + 2 * Hb)), o = sigmoidV(ld<T>(g + 3 * Hb));
  st<T>(g, i); st<T>(g + Hb, f); st<T>(g + 2 * Hb, gg); st<T>(g + 3 * Hb, o);
  const cv = f32x4.add(f32x4.mul(f, ld<T>(cp)), f32x4.mul(i, gg));
  const t = tanhV(cv);
  st<T>(c, cv); st<T>(tc, t); st<T>(h, f32x4.mul(o, t));
}

export function lstmForward(gates: usize, ldg: usize, cPrev: usize, c: usize, tanhC: usize, h: usize, ldh: usize, rows: i32, H: i32): void {
  const Hb = <usize>H << 2;
  for (let r = 0; r < rows; r++) {
    const g = (gates + <usize>r * ldg) << 2, s = <usize>r * Hb, hr = (h + <usize>r * ldh) << 2;
    const cp = (cPrev << 2) + s, cr = (c << 2) + s, tr = (tanhC << 2) + s;
    let j = 0;
    for (; j + 4 <= H; j += 4) { const o = <usize>j << 2; lstmStep<v128>(g + o, Hb, cp + o, cr + o, tr + o, hr + o); }
    for (; j < H; j++) { const o = <usize>j << 2; lstmStep<f32>(g + o, Hb, cp + o, cr + o, tr + o, hr + o); }
  }
}

/** The contract's LSTM backward formulas; dc is read before it is overwritten with dc̃ ⊙ f. */
// @ts-ignore: decorator
@inline function lstmBackStep<T>(g: usize, Hb: usize, cp: usize, tc: usize, dh: usize, dc: usize, dg: usize): void {
  const i = ld<T>(g), f = ld<T>(g + Hb), gg = ld<T>(g + 2 * Hb), o = ld<T>(g + 3 * Hb);
  const t = ld<T>(tc), d = ld<T>(dh);
  const dct = f32x4.add(ld<T>(dc), f32x4.mul(f32x4.mul(d, o), oneMinus(f32x4.mul(t, t))));
  st<T>(dg, f32x4.mul(f32x4.mul(dct, gg), f32x4.mul(i, oneMinus(i))));
  st<T>(dg + Hb, f32x4.mul(f32x4.mul(dct, ld<T>(cp)), f32x4.mul(f, oneMinus(f))));
  st<T>(dg + 2 * Hb, f32x4.mul(f32x4.mul(dct, i), oneMinus(f32x4.mul(gg, gg))));
  st<T>(dg + 3 * Hb, f32x4.mul(f32x4.mul(d, t), f32x4.mul(o, oneMinus(o))));
  st<T>(dc, f32x4.mul(dct, f));
}

export function lstmBackward(gates: usize, ldg: usize, cPrev: usize, tanhC: usize, dh: usize, lddh: usize, dc: usize, dGates: usize, lddg: usize, rows: i32, H: i32): void {
  const Hb = <usize>H << 2;
  for (let r = 0; r < rows; r++) {
    const g = (gates + <usize>r * ldg) << 2, s = <usize>r * Hb;
    const cp = (cPrev << 2) + s, tr = (tanhC << 2) + s, dcr = (dc << 2) + s;
    const dhr = (dh + <usize>r * lddh) << 2, dgr = (dGates + <usize>r * lddg) << 2;
    let j = 0;
    for (; j + 4 <= H; j += 4) { const o = <usize>j << 2; lstmBackStep<v128>(g + o, Hb, cp + o, tr + o, dhr + o, dcr + o, dgr + o); }
    for (; j < H; j++) { const o = <usize>j << 2; lstmBackStep<f32>(g + o, Hb, cp + o, tr + o, dhr + o, dcr + o, dgr + o); }
  }
}

/** r = σ(gi_r + gh_r), z = σ(gi_z + gh_z), n = tanh(gi_n + r ⊙ gh_n), h = (1 − z) ⊙ n + z ⊙ hPrev = n + z ⊙ (hPrev − n). */
// @ts-ignore: decorator
@inline function gruStep<T>(gi: usize, gh: usize, Hb: usize, hp: usize, h: usize): void {
  const r = sigmoidV(f32x4.add(ld<T>(gi), ld<T>(gh)));
  const z = sigmoidV(f32x4.add(ld<T>(gi + Hb), ld<T>(gh + Hb)));
  const n = tanhV(f32x4.add(ld<T>(gi + 2 * Hb), f32x4.mul(r, ld<T>(gh + 2 * Hb))));
  st<T>(gi, r); st<T>(gi + Hb, z); st<T>(gi + 2 * Hb, n);
  st<T>(h, f32x4.add(f32x4.mul(oneMinus(z), n), f32x4.mul(z, ld<T>(hp))));
}

export function gruForward(gi: usize, ldgi: usize, gh: usize, ldgh: usize, hPrev: usize, ldhp: usize, h: usize, ldh: usize, rows: i32, H: i32): void {
  const Hb = <usize>H << 2;
  for (let row = 0; row < rows; row++) {
    const a = (gi + <usize>row * ldgi) << 2, b = (gh + <usize>row * ldgh) << 2;
    const p = (hPrev + <usize>row * ldhp) << 2, q = (h + <usize>row * ldh) << 2;
    let j = 0;
    for (; j + 4 <= H; j += 4) { const o = <usize>j << 2; gruStep<v128>(a + o, b + o, Hb, p + o, q + o); }
    for (; j < H; j++) { const o = <usize>j << 2; gruStep<f32>(a + o, b + o, Hb, p + o, q + o); }
  }
}

// @ts-ignore: decorator
@inline function gruBackStep<T>(s: usize, gh: usize, Hb: usize, hp: usize, dh: usize, di: usize, dg: usize, dp: usize): void {
  const r = ld<T>(s), z = ld<T>(s + Hb), n = ld<T>(s + 2 * Hb), d = ld<T>(dh);
  const a = f32x4.mul(f32x4.mul(d, oneMinus(z)), oneMinus(f32x4.mul(n, n)));
  const dr = f32x4.mul(f32x4.mul(a, ld<T>(gh + 2 * Hb)), f32x4.mul(r, oneMinus(r)));
  const dz = f32x4.mul(f32x4.mul(d, f32x4.sub(ld<T>(hp), n)), f32x4.mul(z, oneMinus(z)));
  st<T>(di, dr); st<T>(di + Hb, dz); st<T>(di + 2 * Hb, a);
  st<T>(dg, dr); st<T>(dg + Hb, dz); st<T>(dg + 2 * Hb, f32x4.mul(a, r));
  st<T>(dp, f32x4.mul(d, z));
}

export function gruBackward(gi: usize, ldgi: usize, gh: usize, ldgh: usize, hPrev: usize, ldhp: usize, dh: usize, lddh: usize, dGi: usize, lddgi: usize, dGh: usize, lddgh: usize, dhPrev: usize, lddhp: usize, rows: i32, H: i32): void {
  const Hb = <usize>H << 2;
  for (let row = 0; row < rows; row++) {
    const s = (gi + <usize>row * ldgi) << 2, g = (gh + <usize>row * ldgh) << 2, p = (hPrev + <usize>row * ldhp) << 2;
    const d = (dh + <usize>row * lddh) << 2, di = (dGi + <usize>row * lddgi) << 2, dg = (dGh + <usize>row * lddgh) << 2;
    const dp = (dhPrev + <usize>row * lddhp) << 2;
    let j = 0;
    for (; j + 4 <= H; j += 4) { const o = <usize>j << 2; gruBackStep<v128>(s + o, g + o, Hb, p + o, d + o, di + o, dg + o, dp + o); }
    for (; j < H; j++) { const o = <usize>j << 2; gruBackStep<f32>(s + o, g + o, Hb, p + o, d + o, di + o, dg + o, dp + o); }
  }
}
