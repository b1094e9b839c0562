// The host ⇄ training-worker channel (worker_threads): the intake messages (intakeProtocol.ts), then `start` /
// `startPrepared`, throttled progress and exactly one terminal message. The host never trains: the worker runs
// lab/training/trainingRun.ts and posts what it measures. Cancel travels through a SharedArrayBuffer flag (Atomics),
// because the worker's event loop is busy while training and would only see a `cancel` message between epochs; the
// flag is read between mini-batches. Every message is a valibot schema (schema.ts); nothing crosses unchecked.
import * as v from 'valibot';
import type { SequenceExample } from '../engine/dataset';
import type { DivergenceInfo, EpochMetrics, GradientNormSample, SpectralSample, ValidationPredictions } from '../lab/runs/runRecord';
import type { ProgressBatch } from '../lab/training/progressThrottle';
import type { TrainingJob } from '../lab/training/trainingRun';
import { CancelFlagSchema, INTAKE_REPLY_OPTIONS, INTAKE_REQUEST_OPTIONS, ModelExtrasSchema, parseTrainingSettings } from './intakeProtocol';
import { count, ModelConfigSchema, WORKER_PARTS } from './runParts';
import { anyNumber, checkedBy, messageUnion, parseWith, record } from './schema';
import { examplesSchema } from './sequenceExamples';
import type { ValidationResult } from './validation';
export type { TrainingData } from '../data/intakeTypes';
export { MAX_PROGRESS_MESSAGES_PER_SECOND, type ProgressBatch } from '../lab/training/progressThrottle';
export type { TrainingJob } from '../lab/training/trainingRun';
export type { PredictionTarget } from '../lab/training/validationPredictions';

/** Index into the Int32Array over `cancelFlag`; 0 = keep going, 1 = stop as soon as possible. */
export const CANCEL_FLAG_INDEX = 0;
export const CANCEL_REQUESTED = 1;

const cancelFlag = CancelFlagSchema;

const HOST_TO_WORKER_OPTIONS = [
  ...INTAKE_REQUEST_OPTIONS,
  /** Trains on data sent along (tests; the train commands use the intake and `startPrepared`). */
  v.object({
    type: v.literal('start'),
    runId: v.string(),
    model: ModelConfigSchema,
    settings: checkedBy(parseTrainingSettings),
    data: examplesSchema(['train', 'validation'], 'an object { inputSize, outputSize, train, validation }'),
    modelExtras: ModelExtrasSchema,
    predictionTarget: v.optional(record({ column: v.string(), offset: v.number(), scale: v.number() })),
    cancelFlag,
  }),
  /** Trains on the data this worker's intake prepared, with the settings it prepared them with. */
  v.object({ type: v.literal('startPrepared'), runId: v.string(), cancelFlag }),
  /** Fallback for a run that has not begun yet; the flag is the primary path. */
  v.object({ type: v.literal('cancel'), runId: v.string() }),
] as const;

const { batchEntries, DivergenceInfoSchema, ValidationPredictionsSchema } = WORKER_PARTS;
/** Terminal messages carry the last unsent batch and the parameters to save (model.json and initial-model.json text). */
const terminalEntries = {
  runId: v.string(),
  epochsCompleted: count,
  modelJson: v.nullable(v.string()),
  /** The parameters before the first update, in model.json's format; null when training never started. */
  initialModelJson: v.nullable(v.string()),
  /** The final (or last good) model on the validation windows, when the job named a prediction target. */
  validationPredictions: v.optional(ValidationPredictionsSchema),
  /** How the run trained (precision, threads, kernels); absent when training never started. */
  arithmetic: v.optional(WORKER_PARTS.RunArithmeticSchema),
  ...batchEntries,
} as const;

const WORKER_TO_HOST_OPTIONS = [
  ...INTAKE_REPLY_OPTIONS,
  v.object({
    type: v.literal('progress'),
    runId: v.string(),
    epoch: count,
    totalEpochs: count,
    trainLoss: anyNumber(),
    validationLoss: v.nullable(anyNumber()),
    ...batchEntries,
  }),
  v.object({ type: v.literal('done'), ...terminalEntries }),
  v.object({ type: v.literal('cancelled'), ...terminalEntries }),
  /** NaN/∞ loss or an exploding gradient: training stopped and `modelJson` holds the last good parameters. */
  v.object({ type: v.literal('diverged'), ...terminalEntries, divergence: DivergenceInfoSchema }),
  v.object({ type: v.literal('error'), runId: v.string(), message: v.string() }),
] as const;

const HostToWorkerSchema = messageUnion(HOST_TO_WORKER_OPTIONS);
const WorkerToHostSchema = messageUnion(WORKER_TO_HOST_OPTIONS);

export type HostToWorkerMessage = v.InferOutput<typeof HostToWorkerSchema>;
export type StartTrainingMessage = Extract<HostToWorkerMessage, { type: 'start' }>;
export type StartPreparedMessage = Extract<HostToWorkerMessage, { type: 'startPrepared' }>;
export type CancelTrainingMessage = Extract<HostToWorkerMessage, { type: 'cancel' }>;
export type WorkerToHostMessage = v.InferOutput<typeof WorkerToHostSchema>;
export type ProgressMessage = Extract<WorkerToHostMessage, { type: 'progress' }>;
export type DoneMessage = Extract<WorkerToHostMessage, { type: 'done' }>;
export type CancelledMessage = Extract<WorkerToHostMessage, { type: 'cancelled' }>;
export type DivergedMessage = Extract<WorkerToHostMessage, { type: 'diverged' }>;
export type ErrorMessage = Extract<WorkerToHostMessage, { type: 'error' }>;
/** What a training run posts. */
export type TrainingReply = ProgressMessage | DoneMessage | CancelledMessage | DivergedMessage | ErrorMessage;
export type TerminalWorkerMessage = DoneMessage | CancelledMessage | DivergedMessage | ErrorMessage;

/** The messages carry exactly what the lab measures (compile-time checks, both ways). */
export const workerTypesMatch = {
  job: (job: TrainingJob): Omit<StartTrainingMessage, 'type' | 'runId' | 'cancelFlag'> => job,
  example: (example: SequenceExample): StartTrainingMessage['data']['train'][number] => example,
  batch: (batch: ProgressBatch): Pick<ProgressMessage, keyof ProgressBatch> => batch,
  batchBack: (batch: Pick<ProgressMessage, keyof ProgressBatch>): ProgressBatch => batch,
  epoch: (metrics: EpochMetrics): ProgressMessage['epochs'][number] => metrics,
  sample: (sample: GradientNormSample): ProgressMessage['gradientSamples'][number] => sample,
  spectra: (sample: SpectralSample): ProgressMessage['spectralSamples'][number] => sample,
  divergence: (divergence: DivergenceInfo): DivergedMessage['divergence'] => divergence,
  divergenceBack: (divergence: DivergedMessage['divergence']): DivergenceInfo => divergence,
  predictions: (predictions: ValidationPredictions): NonNullable<DoneMessage['validationPredictions']> => predictions,
};

/** Validates what the worker posts (the host trusts nothing that crosses a thread boundary unchecked). */
export function parseWorkerToHostMessage(raw: unknown): ValidationResult<WorkerToHostMessage> {
  return parseWith(WorkerToHostSchema, raw);
}

/** Validates what the host posts to the worker. */
export function parseHostToWorkerMessage(raw: unknown): ValidationResult<HostToWorkerMessage> {
  return parseWith(HostToWorkerSchema, raw);
}

export function isTerminalWorkerMessage(message: WorkerToHostMessage): message is TerminalWorkerMessage {
  return message.type === 'done' || message.type === 'cancelled' || message.type === 'diverged' || message.type === 'error';
}
