// Collects what the trainer measures and releases it at most `ratePerSecond` times a second (≤ 10 progress messages
// per second), batching everything in between so the host still gets every epoch's metrics and every sample.
import type { EpochMetrics, GradientNormSample, SpectralSample } from '../runs/runRecord';

/** Hard ceiling of progress messages per second: the panels redraw at most this often. */
export const MAX_PROGRESS_MESSAGES_PER_SECOND = 10;

/** Everything measured since the previous message: progress is throttled, but no epoch is ever dropped. */
export interface ProgressBatch {
  readonly epochs: readonly EpochMetrics[];
  readonly gradientSamples: readonly GradientNormSample[];
  readonly spectralSamples: readonly SpectralSample[];
  /** Global gradient norm ‖∂J/∂θ‖ of each update (before clipping), in order. */
  readonly updateGradientNorms: readonly number[];
}

export class ProgressThrottle {
  private epochs: EpochMetrics[] = [];
  private gradientSamples: GradientNormSample[] = [];
  private spectralSamples: SpectralSample[] = [];
  private updateGradientNorms: number[] = [];
  private lastSentAt = Number.NEGATIVE_INFINITY;
  private readonly minimumIntervalMs: number;

  /** `ratePerSecond` is capped at MAX_PROGRESS_MESSAGES_PER_SECOND; `now` is injectable for tests. */
  constructor(ratePerSecond: number, private readonly now: () => number) {
    const rate = Math.min(Math.max(ratePerSecond, Number.MIN_VALUE), MAX_PROGRESS_MESSAGES_PER_SECOND);
    this.minimumIntervalMs = 1000 / rate;
  }

  get intervalMs(): number {
    return this.minimumIntervalMs;
  }

  addEpoch(metrics: EpochMetrics): void {
    this.epochs.push(metrics);
  }

  addGradientSample(sample: GradientNormSample): void {
    this.gradientSamples.push(sample);
  }

  addSpectralSample(sample: SpectralSample): void {
    this.spectralSamples.push(sample);
  }

  addUpdateGradientNorm(norm: number): void {
    this.updateGradientNorms.push(norm);
  }

  /** The batch to send now, or undefined when nothing new was measured or the last message was too recent. */
  takeIfDue(): ProgressBatch | undefined {
    if (this.epochs.length === 0) return undefined;
    const now = this.now();
    if (now - this.lastSentAt < this.minimumIntervalMs) return undefined;
    this.lastSentAt = now;
    return this.take();
  }

  /** Everything not sent yet (for the terminal message), regardless of timing. */
  flush(): ProgressBatch {
    return this.take();
  }

  private take(): ProgressBatch {
    const batch: ProgressBatch = {
      epochs: this.epochs,
      gradientSamples: this.gradientSamples,
      spectralSamples: this.spectralSamples,
      updateGradientNorms: this.updateGradientNorms,
    };
    this.epochs = [];
    this.gradientSamples = [];
    this.spectralSamples = [];
    this.updateGradientNorms = [];
    return batch;
  }
}
