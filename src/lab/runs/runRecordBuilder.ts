// Accumulates a run's progress batches into the RunRecord that is saved as run.json and replayed to panels.
// Metrics arrive batched (the worker throttles messages, never drops epochs); epochs must arrive in order.
import type { ProgressBatch } from '../training/progressThrottle';
import type { TrainingEvents } from '../training/trainingRun';
import { RNN_LAB_VERSION } from '../version';
import {
  type DataSummary,
  type DivergenceInfo,
  type EpochMetrics,
  type GradientNormSample,
  type SpectralSample,
  RUN_RECORD_FORMAT,
  RUN_RECORD_VERSION,
  type RunModelKind,
  type RunRecord,
  type RunStatus,
  type SourcedSettings,
  type ValidationPredictions,
  type RunArithmetic,
} from './runRecord';

/** Per-update gradient norms kept in a record; beyond this the oldest half is thinned (every other value dropped). */
export const MAX_STORED_UPDATE_NORMS = 50_000;

export interface RunStart {
  readonly id: string;
  readonly name: string;
  readonly startedAt: Date;
  readonly config: SourcedSettings;
  readonly data: DataSummary;
  /** Default 'bptt'. */
  readonly modelKind?: RunModelKind;
}

export interface RunEnd {
  readonly status: Exclude<RunStatus, 'running'>;
  readonly finishedAt: Date;
  readonly divergence?: DivergenceInfo;
  readonly error?: string;
  readonly modelFile: string | null;
  /** initial-model.json when it is saved beside model.json (runRecordFile.ts). */
  readonly initialModelFile?: string | null;
  /** The precision and threads the run resolved to (absent: the run never started training). */
  readonly arithmetic?: RunArithmetic;
}

export class RunRecordBuilder {
  private readonly epochs: EpochMetrics[] = [];
  private readonly gradientSamples: GradientNormSample[] = [];
  private readonly spectralSamples: SpectralSample[] = [];
  private updateGradientNorms: number[] = [];
  private validationPredictions: ValidationPredictions | undefined;

  constructor(private readonly start: RunStart) {}

  get id(): string {
    return this.start.id;
  }

  get lastEpoch(): EpochMetrics | undefined {
    return this.epochs[this.epochs.length - 1];
  }

  get epochCount(): number {
    return this.epochs.length;
  }

  /** Appends one batch; throws when epochs arrive out of order (a protocol bug, not a user error). */
  addBatch(batch: ProgressBatch): void {
    for (const metrics of batch.epochs) {
      const expected = this.epochs.length + 1;
      if (metrics.epoch !== expected) throw new Error(`run ${this.start.id}: got epoch ${metrics.epoch}, expected ${expected}`);
      this.epochs.push(metrics);
    }
    this.gradientSamples.push(...batch.gradientSamples);
    this.spectralSamples.push(...batch.spectralSamples);
    for (const norm of batch.updateGradientNorms) this.updateGradientNorms.push(norm);
    if (this.updateGradientNorms.length > MAX_STORED_UPDATE_NORMS) this.thinOldestHalf();
  }

  /**
   * Training events that record the run into this builder (for runs trained in the same thread: the demo, tests); the
   * extension's runs arrive as the worker's progress batches instead. `onEpoch` is called after the epoch is recorded.
   */
  recorder(onEpoch?: TrainingEvents['onEpoch']): Pick<TrainingEvents, 'onEpoch' | 'onUpdateNorm' | 'onDiagnostics'> {
    const updateNorms: number[] = [];
    return {
      onUpdateNorm: (norm) => void updateNorms.push(norm),
      onDiagnostics: (_sample, gradientSamples, spectra) => this.addBatch({ epochs: [], gradientSamples, spectralSamples: spectra === null ? [] : [spectra], updateGradientNorms: [] }),
      onEpoch: (metrics, report) => {
        this.addBatch({ epochs: [metrics], gradientSamples: [], spectralSamples: [], updateGradientNorms: updateNorms.splice(0) });
        return onEpoch?.(metrics, report);
      },
    };
  }

  /** The final model's validation predictions (sent with the terminal message). */
  setValidationPredictions(predictions: ValidationPredictions): void {
    this.validationPredictions = predictions;
  }

  /** The record so far (status `running`), e.g. to replay a live run to a panel that just opened. */
  snapshot(now: Date): RunRecord {
    return this.build({ status: 'running', finishedAt: now, modelFile: null }, null);
  }

  finish(end: RunEnd): RunRecord {
    return this.build(end, end.finishedAt.toISOString());
  }

  private build(end: RunEnd | (Omit<RunEnd, 'status'> & { status: RunStatus }), finishedAt: string | null): RunRecord {
    const record: RunRecord = {
      format: RUN_RECORD_FORMAT,
      version: RUN_RECORD_VERSION,
      id: this.start.id,
      name: this.start.name,
      status: end.status,
      startedAt: this.start.startedAt.toISOString(),
      finishedAt,
      durationMs: Math.max(0, end.finishedAt.getTime() - this.start.startedAt.getTime()),
      engineVersion: RNN_LAB_VERSION,
      config: this.start.config,
      data: this.start.data,
      epochs: [...this.epochs],
      gradientNormsPerTimestep: [...this.gradientSamples],
      spectra: [...this.spectralSamples],
      updateGradientNorms: [...this.updateGradientNorms],
      modelKind: this.start.modelKind ?? 'bptt',
      modelFile: end.modelFile,
    };
    return {
      ...record,
      ...(end.divergence ? { divergence: end.divergence } : {}),
      ...(end.error !== undefined ? { error: end.error } : {}),
      ...(end.initialModelFile !== undefined ? { initialModelFile: end.initialModelFile } : {}),
      ...(this.validationPredictions !== undefined ? { validationPredictions: this.validationPredictions } : {}),
      ...(end.arithmetic !== undefined ? { arithmetic: end.arithmetic } : {}),
    };
  }

  /** Keeps the recent half at full resolution and every other value of the older half. */
  private thinOldestHalf(): void {
    const half = Math.floor(this.updateGradientNorms.length / 2);
    const older = this.updateGradientNorms.slice(0, half).filter((_, index) => index % 2 === 0);
    this.updateGradientNorms = older.concat(this.updateGradientNorms.slice(half));
  }
}
