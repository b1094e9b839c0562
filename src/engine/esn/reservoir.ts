// The fixed random reservoir of an echo state network (Jaeger 2001; docs/maths.md "Echo state network"):
//   x(n) = (1−a)·x(n−1) + a·tanh(W_in [1; u(n)] + W x(n−1)),
// W [N×N] sparse (a fraction S of exact zeros, the rest uniform on [−1, 1]) rescaled to spectral radius ρ,
// W_in [N×(1+I)] dense uniform on [−inputScale, inputScale]. Neither is trained; only the readout is.
// Redraws. A W whose nonzero pattern has no directed cycle is nilpotent — ρ = 0 exactly, and no scaling reaches the
// target — but the QR iteration returns rounding noise of about ε‖W‖ for its eigenvalues (a Jordan block of size k
// even ε^(1/k)‖W‖), and scaling by target / (that noise) gave ρ = 20.4 or 0.64 instead of 0.95 on 8-unit reservoirs.
// So a W is redrawn — from the next numbers of the same seeded stream, so the run stays reproducible — when its graph
// is acyclic (checked exactly, on the pattern, not on rounded eigenvalues), when its computed ρ is below 1e-8·‖W‖_F (linalg/spectralRadius.ts refuses it),
// or when the rescaled W's measured ρ misses the target by more than RESERVOIR_RHO_TOLERANCE; at most
// MAX_RESERVOIR_DRAWS times. W_in is drawn after the accepted W.
// W is kept dense (for export and spectral diagnostics) and in compressed sparse rows for the time loop, which then
// costs O(nnz) = O((1−S)N²) per step instead of O(N²).
import { rescaleToSpectralRadius, spectralRadius } from '../linalg/spectralRadius';
import type { SeededRandom } from '../random';
import type { EchoStateOptions } from './esnOptions';

/**
 * Fresh draws allowed when a sparse W is nilpotent (ρ = 0) or its ρ cannot be measured to RESERVOIR_RHO_TOLERANCE.
 * A small sparse W is often nilpotent: with N = 2 and S = 0.9 about 4 draws in 5 are; N = 1 needs its one entry
 * kept (1 in 10). 1000 draws make a failure improbable (0.9^1000 ≈ 2e-46 for N = 1); each refused draw costs an O(N²)
 * graph test, an eigenvalue computation only when the graph has a cycle.
 */
export const MAX_RESERVOIR_DRAWS = 1000;
/** |ρ(W) − target| allowed after rescaling, relative to the target (measured with linalg/eigenvalues.ts). */
export const RESERVOIR_RHO_TOLERANCE = 1e-9;

export interface Reservoir {
  readonly size: number;
  readonly inputSize: number;
  readonly leak: number;
  /** W [N×N], row-major, ρ(W) = options.spectralRadius. */
  readonly weights: Float64Array;
  /** W_in [N×(1+I)], row-major; column 0 multiplies the constant 1 (bias). */
  readonly inputWeights: Float64Array;
  /** CSR of W: row r's nonzeros are columnIndex/value[rowStart[r] … rowStart[r+1]−1]. */
  readonly rowStart: Int32Array;
  readonly columnIndex: Int32Array;
  readonly value: Float64Array;
}

export function createReservoir(inputSize: number, options: EchoStateOptions, rng: SeededRandom): Reservoir {
  const n = options.reservoirSize;
  let weights: Float64Array | null = null;
  for (let draw = 0; draw < MAX_RESERVOIR_DRAWS && weights === null; draw++) {
    const candidate = new Float64Array(n * n);
    for (let i = 0; i < candidate.length; i++) {
      // Draw both numbers every time so the stream does not depend on which entries survive.
      const keep = rng.nextFloat() >= options.sparsity;
      const entry = rng.uniform(-1, 1);
      if (keep) candidate[i] = entry;
    }
    weights = scaledReservoir(candidate, n, options.spectralRadius);
  }
  if (weights === null) {
    throw new RangeError(
      `echo state network: ${MAX_RESERVOIR_DRAWS} random reservoirs of size ${n} with sparsity ${options.sparsity} were all nilpotent (spectral radius 0) or could not be scaled to ρ = ${options.spectralRadius}; lower the sparsity (--sparsity) or enlarge the reservoir (--reservoir).`,
    );
  }
  const inputWeights = new Float64Array(n * (1 + inputSize));
  for (let i = 0; i < inputWeights.length; i++) inputWeights[i] = rng.uniform(-options.inputScale, options.inputScale);
  return { size: n, inputSize, leak: options.leak, weights, inputWeights, ...compressRows(weights, n) };
}

/** W rescaled to ρ = target, or null when this draw must be redrawn (see the header). */
function scaledReservoir(candidate: Float64Array, n: number, target: number): Float64Array | null {
  if (!hasDirectedCycle(candidate, n)) return null;
  let scaled: Float64Array;
  try {
    scaled = rescaleToSpectralRadius(candidate, n, target);
  } catch (error) {
    if (error instanceof RangeError) return null;
    throw error;
  }
  return Math.abs(spectralRadius(scaled, n) - target) <= RESERVOIR_RHO_TOLERANCE * target ? scaled : null;
}

/**
 * Whether the graph i → j for w[i, j] ≠ 0 has a directed cycle (a self-loop counts). Without one, W is permutation-
 * similar to a strictly triangular matrix: nilpotent. Kahn's algorithm: repeatedly remove nodes with no incoming edge;
 * a cycle remains iff not every node is removed.
 */
export function hasDirectedCycle(w: Float64Array, n: number): boolean {
  const incoming = new Int32Array(n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (w[i * n + j] !== 0) incoming[j]++;
  const ready: number[] = [];
  for (let j = 0; j < n; j++) if (incoming[j] === 0) ready.push(j);
  let removed = 0;
  while (ready.length > 0) {
    const i = ready.pop()!;
    removed++;
    for (let j = 0; j < n; j++) {
      if (w[i * n + j] !== 0 && --incoming[j] === 0) ready.push(j);
    }
  }
  return removed < n;
}

/**
 * A reservoir from stored numbers (a saved ESN model file): W [N×N] and W_in [N×(1+I)] row-major, as createReservoir
 * returns them. Throws a RangeError naming a misshapen or non-finite array.
 */
export function reservoirFromWeights(inputSize: number, leak: number, weights: Float64Array, inputWeights: Float64Array): Reservoir {
  const n = Math.round(Math.sqrt(weights.length));
  if (n < 1 || n * n !== weights.length) throw new RangeError(`reservoir: W has ${weights.length} entries, not N×N`);
  if (inputWeights.length !== n * (1 + inputSize)) throw new RangeError(`reservoir: W_in has ${inputWeights.length} entries, expected ${n}×${1 + inputSize}`);
  if (!(leak > 0 && leak <= 1)) throw new RangeError(`reservoir: leak must be in (0, 1], got ${leak}`);
  for (const [name, values] of [['W', weights], ['W_in', inputWeights]] as const) {
    const bad = values.findIndex((v) => !Number.isFinite(v));
    if (bad >= 0) throw new RangeError(`reservoir: ${name} entry ${bad} is ${values[bad]}`);
  }
  return { size: n, inputSize, leak, weights, inputWeights, ...compressRows(weights, n) };
}

function compressRows(w: Float64Array, n: number): Pick<Reservoir, 'rowStart' | 'columnIndex' | 'value'> {
  let nonzeros = 0;
  for (const entry of w) if (entry !== 0) nonzeros++;
  const rowStart = new Int32Array(n + 1);
  const columnIndex = new Int32Array(nonzeros);
  const value = new Float64Array(nonzeros);
  let k = 0;
  for (let r = 0; r < n; r++) {
    rowStart[r] = k;
    for (let c = 0; c < n; c++) {
      const entry = w[r * n + c];
      if (entry === 0) continue;
      columnIndex[k] = c;
      value[k] = entry;
      k++;
    }
  }
  rowStart[n] = k;
  return { rowStart, columnIndex, value };
}

/**
 * One reservoir update in place: state ← (1−a)·state + a·tanh(W_in [1; u] + W·state). `input` holds u(n) at
 * `inputOffset`; `scratch` (length N) receives the pre-activation so nothing is allocated per step.
 */
export function stepReservoir(
  reservoir: Reservoir,
  state: Float64Array,
  input: Float64Array,
  inputOffset: number,
  scratch: Float64Array,
): void {
  const { size, inputSize, leak, inputWeights, rowStart, columnIndex, value } = reservoir;
  const stride = 1 + inputSize;
  for (let r = 0; r < size; r++) {
    const inRow = r * stride;
    let sum = inputWeights[inRow]; // bias column × 1
    for (let i = 0; i < inputSize; i++) sum += inputWeights[inRow + 1 + i] * input[inputOffset + i];
    for (let k = rowStart[r]; k < rowStart[r + 1]; k++) sum += value[k] * state[columnIndex[k]];
    scratch[r] = sum;
  }
  // All rows read the OLD state above; only now overwrite it.
  for (let r = 0; r < size; r++) state[r] = (1 - leak) * state[r] + leak * Math.tanh(scratch[r]);
}
