// Ridge-regression readout in closed form (docs/maths.md "Echo state network"):
//   W_out = Y Xᵀ (X Xᵀ + βI)⁻¹,
// X [F×S] the feature columns z = [1; u; x] of the S kept samples, Y [O×S] their targets. Equivalently
// (X Xᵀ + βI) W_outᵀ = X Yᵀ, a symmetric positive-definite system (for β > 0) solved by Cholesky.
// The normal equations are accumulated sample by sample (an F×F and an F×O sum), so memory is O(F²) whatever S is.
import { solveSymmetricPositiveDefinite } from '../linalg/cholesky';

export class RidgeAccumulator {
  /** X Xᵀ, lower triangle only (Cholesky reads the lower triangle). */
  private readonly gram: Float64Array;
  /** X Yᵀ [F×O]. */
  private readonly crossCorrelation: Float64Array;
  private samples = 0;

  constructor(
    readonly featureCount: number,
    readonly outputCount: number,
  ) {
    this.gram = new Float64Array(featureCount * featureCount);
    this.crossCorrelation = new Float64Array(featureCount * outputCount);
  }

  get sampleCount(): number {
    return this.samples;
  }

  /** Adds one sample: z = features[fOffset … fOffset+F−1], y = targets[tOffset … tOffset+O−1]. */
  add(features: Float64Array, fOffset: number, targets: Float64Array, tOffset: number): void {
    const F = this.featureCount;
    const O = this.outputCount;
    for (let i = 0; i < F; i++) {
      const zi = features[fOffset + i];
      if (zi === 0) continue;
      const row = i * F;
      for (let j = 0; j <= i; j++) this.gram[row + j] += zi * features[fOffset + j];
      for (let o = 0; o < O; o++) this.crossCorrelation[i * O + o] += zi * targets[tOffset + o];
    }
    this.samples++;
  }

  /** W_out [O×F], row-major: ŷ = W_out z. */
  solve(ridge: number): Float64Array {
    if (this.samples === 0) throw new RangeError('ridge readout: no training samples were collected (all steps fell inside the washout?).');
    const F = this.featureCount;
    const O = this.outputCount;
    const a = Float64Array.from(this.gram);
    for (let i = 0; i < F; i++) a[i * F + i] += ridge;
    let solution: Float64Array;
    try {
      solution = solveSymmetricPositiveDefinite(a, F, this.crossCorrelation, O); // W_outᵀ [F×O]
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw new RangeError(`ridge readout: X Xᵀ + βI is singular for β = ${ridge} (${detail}). Use a ridge β > 0, e.g. 1e-6.`);
    }
    const readout = new Float64Array(O * F);
    for (let f = 0; f < F; f++) for (let o = 0; o < O; o++) readout[o * F + f] = solution[f * O + o];
    return readout;
  }
}

/** Closed-form ridge readout from explicit samples: features [S×F], targets [S×O] (row per sample). */
export function ridgeRegressionReadout(
  features: Float64Array,
  targets: Float64Array,
  sampleCount: number,
  featureCount: number,
  outputCount: number,
  ridge: number,
): Float64Array {
  if (features.length !== sampleCount * featureCount || targets.length !== sampleCount * outputCount) {
    throw new RangeError(
      `ridge readout: expected features [${sampleCount}×${featureCount}] and targets [${sampleCount}×${outputCount}], got ${features.length} and ${targets.length} values.`,
    );
  }
  const accumulator = new RidgeAccumulator(featureCount, outputCount);
  for (let s = 0; s < sampleCount; s++) accumulator.add(features, s * featureCount, targets, s * outputCount);
  return accumulator.solve(ridge);
}
