// The fixed random reservoir of an echo state network (Jaeger 2001; docs/maths.md "Echo state network"):
//   x(n) = (1−a)·x(n−1) + a·tanh(W_in [1; u(n)] + W x(n−1)),
// W [N×N] sparse (a fraction S of exact zeros, the rest uniform on [−1, 1]) rescaled to spectral radius ρ,
// W_in [N×(1+I)] dense uniform on [−inputScale, inputScale]. Neither is trained; only the readout is.
// W is kept dense (for export and spectral diagnostics) and in compressed sparse rows for the time loop, which then
// costs O(nnz) = O((1−S)N²) per step instead of O(N²).
import { rescaleToSpectralRadius } from '../linalg/spectralRadius';
import type { SeededRandom } from '../random';
import type { EchoStateOptions } from './esnOptions';

/** Fresh draws allowed when a very sparse W happens to be nilpotent (ρ = 0, e.g. strictly triangular). */
const MAX_RESERVOIR_DRAWS = 10;

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
    try {
      weights = rescaleToSpectralRadius(candidate, n, options.spectralRadius);
    } catch (error) {
      if (!(error instanceof RangeError) || !/spectral radius 0/.test(error.message)) throw error;
    }
  }
  if (weights === null) {
    throw new RangeError(
      `echo state network: ${MAX_RESERVOIR_DRAWS} random reservoirs of size ${n} with sparsity ${options.sparsity} all had spectral radius 0; lower the sparsity or enlarge the reservoir.`,
    );
  }
  const inputWeights = new Float64Array(n * (1 + inputSize));
  for (let i = 0; i < inputWeights.length; i++) inputWeights[i] = rng.uniform(-options.inputScale, options.inputScale);
  return { size: n, inputSize, leak: options.leak, weights, inputWeights, ...compressRows(weights, n) };
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
