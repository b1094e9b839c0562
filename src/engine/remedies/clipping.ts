// Gradient clipping, the remedy for exploding gradients (docs/maths.md, "Remedies"; issue 4 `--clip-norm`, `--clip-value`).
// Both act in place on the gradient set after BPTT and before the optimiser step, and allocate nothing.
import type { ParameterSet } from '../tensor';

export interface ClipResult {
  /** ‖g‖₂ over all parameters before clipping (reported for every update, issue 4 "Diagnostics"). */
  readonly normBeforeClip: number;
  /** Whether the gradient was changed. */
  readonly clipped: boolean;
}

/**
 * ‖g‖₂ = √(Σ over every tensor and element of g²), the global norm of Pascanu et al. Algorithm 1.
 * Exploding gradients can be finite yet above 1e154, where g² overflows; then the sum is redone scaled by max|g|
 * (‖g‖ = m·√Σ(g/m)², as LAPACK's dnrm2), so clipping still sees the true norm. NaN or ±Inf in g gives NaN or Infinity.
 */
export function globalGradientNorm(gradients: ParameterSet): number {
  let sumOfSquares = 0;
  for (const tensor of gradients.tensors) {
    const data = tensor.data;
    for (let i = 0; i < data.length; i++) {
      const value = data[i] as number;
      sumOfSquares += value * value;
    }
  }
  if (Number.isFinite(sumOfSquares)) return Math.sqrt(sumOfSquares);
  let maxAbs = 0;
  for (const tensor of gradients.tensors) {
    for (const value of tensor.data) {
      if (Number.isNaN(value)) return Number.NaN;
      maxAbs = Math.max(maxAbs, Math.abs(value));
    }
  }
  if (!Number.isFinite(maxAbs)) return maxAbs;
  let scaledSum = 0;
  for (const tensor of gradients.tensors) {
    for (const value of tensor.data) {
      const scaled = value / maxAbs;
      scaledSum += scaled * scaled;
    }
  }
  return maxAbs * Math.sqrt(scaledSum);
}

/**
 * Clipping by global norm (Pascanu, Mikolov & Bengio 2013, Algorithm 1): g = ∂J/∂θ over ALL parameters;
 * if ‖g‖ ≥ τ then g ← τ·g/‖g‖. The direction of the update is kept, only its length is capped at τ.
 * A non-finite norm (NaN/Inf in g) is reported but g is left alone: scaling cannot repair it (divergence.ts reports it).
 */
export function clipGradientsByGlobalNorm(gradients: ParameterSet, threshold: number): ClipResult {
  if (!(threshold > 0) || !Number.isFinite(threshold)) {
    throw new RangeError(`clip norm must be a finite number > 0, got ${String(threshold)}`);
  }
  const norm = globalGradientNorm(gradients);
  if (!Number.isFinite(norm) || norm < threshold) {
    return { normBeforeClip: norm, clipped: false };
  }
  const scale = threshold / norm;
  for (const tensor of gradients.tensors) {
    const data = tensor.data;
    for (let i = 0; i < data.length; i++) {
      data[i] = (data[i] as number) * scale;
    }
  }
  return { normBeforeClip: norm, clipped: true };
}

/**
 * Clipping by value: every element to [−c, c] (min-char-rnn clips to ±5). Unlike the norm clip it can change the
 * update's direction. `clipped` is true if any element was outside the interval; the norm reported is the one before.
 * NaN elements stay NaN (they are a divergence, not something to clip).
 */
export function clipGradientsByValue(gradients: ParameterSet, limit: number): ClipResult {
  if (!(limit > 0) || !Number.isFinite(limit)) {
    throw new RangeError(`clip value must be a finite number > 0, got ${String(limit)}`);
  }
  const normBeforeClip = globalGradientNorm(gradients);
  let clipped = false;
  for (const tensor of gradients.tensors) {
    const data = tensor.data;
    for (let i = 0; i < data.length; i++) {
      const value = data[i] as number;
      if (value > limit) {
        data[i] = limit;
        clipped = true;
      } else if (value < -limit) {
        data[i] = -limit;
        clipped = true;
      }
    }
  }
  return { normBeforeClip, clipped };
}

export interface ClippingSummary {
  /** Updates recorded. */
  readonly updates: number;
  /** Updates whose gradient was clipped. */
  readonly clippedCount: number;
  /** clippedCount / updates (0 when there were none): "the fraction of updates clipped" of issue 4. */
  readonly clippedFraction: number;
  /** Pre-clip global norm of every update, in order. */
  readonly preClipNorms: readonly number[];
  /** Largest pre-clip norm seen (0 when there were none); NaN if any norm was NaN. */
  readonly maxPreClipNorm: number;
}

/**
 * Accumulates ClipResults over a run (or an epoch: `reset()` between epochs). `preClipNorms` grows by one number per
 * update — a float64 per update, the data the per-update chart draws.
 */
export class ClippingStats {
  private updates = 0;
  private clippedCount = 0;
  private maxNorm = 0;
  private readonly norms: number[] = [];
  private readonly clippedFlags: boolean[] = [];

  record(result: ClipResult): void {
    this.updates++;
    if (result.clipped) this.clippedCount++;
    this.norms.push(result.normBeforeClip);
    this.clippedFlags.push(result.clipped);
    // Math.max propagates NaN, so a NaN update stays visible in the summary.
    this.maxNorm = Math.max(this.maxNorm, result.normBeforeClip);
  }

  get updateCount(): number {
    return this.updates;
  }

  get clippedFraction(): number {
    return this.updates === 0 ? 0 : this.clippedCount / this.updates;
  }

  /** Whether each recorded update was clipped, in the order of summary().preClipNorms. */
  clippedPerUpdate(): boolean[] {
    return this.clippedFlags.slice();
  }

  summary(): ClippingSummary {
    return {
      updates: this.updates,
      clippedCount: this.clippedCount,
      clippedFraction: this.clippedFraction,
      preClipNorms: this.norms.slice(),
      maxPreClipNorm: this.maxNorm,
    };
  }

  reset(): void {
    this.updates = 0;
    this.clippedCount = 0;
    this.maxNorm = 0;
    this.norms.length = 0;
    this.clippedFlags.length = 0;
  }
}
