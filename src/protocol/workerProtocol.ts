// The host ⇄ training-worker channel (worker_threads): one discriminated union per direction.
// The host never trains (issue 5, "Training run"): it sends `start` with everything the worker needs and listens.
// Cancel travels through a SharedArrayBuffer flag (Atomics), because the worker's event loop is busy while training and
// would only see a `cancel` message between epochs; the flag is read between mini-batches.
import type { DivergenceInfo, ValidationPredictions } from '../lab/runs/runRecord';
import type { ProgressBatch } from '../lab/training/progressThrottle';
import type { TrainingJob } from '../lab/training/trainingRun';
import { checkIntakeReply, checkIntakeRequest, INTAKE_REPLY_TYPES, INTAKE_REQUEST_TYPES, type IntakeReply, type IntakeRequest } from './intakeProtocol';
import type { ValidationResult } from './validation';
import { accept, isRecord, readEnum, reject } from './validation';
export type { TrainingData } from '../data/intakeTypes';
export { MAX_PROGRESS_MESSAGES_PER_SECOND, type ProgressBatch } from '../lab/training/progressThrottle';
export type { TrainingJob } from '../lab/training/trainingRun';
export type { PredictionTarget } from '../lab/training/validationPredictions';

/** Index into the Int32Array over `cancelFlag`; 0 = keep going, 1 = stop as soon as possible. */
export const CANCEL_FLAG_INDEX = 0;
export const CANCEL_REQUESTED = 1;

/** Trains on data the host already holds (tests; the train commands use the intake and `startPrepared`). */
export interface StartTrainingMessage extends TrainingJob {
  readonly type: 'start';
  readonly runId: string;
  /** SharedArrayBuffer of one Int32 (see CANCEL_FLAG_INDEX). */
  readonly cancelFlag: SharedArrayBuffer;
}

/** Trains on the data this worker's intake prepared (intakeProtocol.ts): nothing but the run's id and the flag. */
export interface StartPreparedMessage {
  readonly type: 'startPrepared';
  readonly runId: string;
  readonly cancelFlag: SharedArrayBuffer;
}

/** Fallback for a worker that could not use the flag; the flag is the primary path. */
export interface CancelTrainingMessage {
  readonly type: 'cancel';
  readonly runId: string;
}

export type HostToWorkerMessage = StartTrainingMessage | StartPreparedMessage | CancelTrainingMessage | IntakeRequest;

export interface ProgressMessage extends ProgressBatch {
  readonly type: 'progress';
  readonly runId: string;
  readonly epoch: number;
  readonly totalEpochs: number;
  readonly trainLoss: number;
  readonly validationLoss: number | null;
}

/** Terminal messages carry the last unsent batch and the parameters to save (engine serialisation, JSON text). */
interface TerminalMessage extends ProgressBatch {
  readonly runId: string;
  readonly epochsCompleted: number;
  readonly modelJson: string | null;
  /** The final (or last good) model on the validation windows, when the job named a prediction target. */
  readonly validationPredictions?: ValidationPredictions;
}

export interface DoneMessage extends TerminalMessage {
  readonly type: 'done';
}

export interface CancelledMessage extends TerminalMessage {
  readonly type: 'cancelled';
}

/** NaN/Inf loss or an exploding gradient: training stopped and `modelJson` holds the last good parameters. */
export interface DivergedMessage extends TerminalMessage {
  readonly type: 'diverged';
  readonly divergence: DivergenceInfo;
}

export interface ErrorMessage {
  readonly type: 'error';
  readonly runId: string;
  readonly message: string;
}

/** What a training run posts (trainingRun.ts). */
export type TrainingReply = ProgressMessage | DoneMessage | CancelledMessage | DivergedMessage | ErrorMessage;
export type WorkerToHostMessage = TrainingReply | IntakeReply;
export type TerminalWorkerMessage = DoneMessage | CancelledMessage | DivergedMessage | ErrorMessage;

const WORKER_TO_HOST_TYPES: readonly WorkerToHostMessage['type'][] = ['progress', 'done', 'cancelled', 'diverged', 'error', ...INTAKE_REPLY_TYPES];
const HOST_TO_WORKER_TYPES: readonly HostToWorkerMessage['type'][] = ['start', 'startPrepared', 'cancel', ...INTAKE_REQUEST_TYPES];

/** Checks the envelope every message shares: an object with a known `type` and a string `runId`. */
function readEnvelope<T extends string>(raw: unknown, types: readonly T[]): ValidationResult<{ type: T; runId: string }> {
  if (!isRecord(raw)) return reject('', 'notObject', 'a message object', raw);
  const type = readEnum(raw.type, 'type', types);
  if (!type.ok) return { ok: false, issue: { ...type.issue, kind: 'unknownType' } };
  if (typeof raw.runId !== 'string') return reject('runId', 'wrongType', 'a string', raw.runId);
  return accept({ type: type.value, runId: raw.runId });
}

function requireArray(raw: Record<string, unknown>, field: string): ValidationResult<true> {
  return Array.isArray(raw[field]) ? accept(true) : reject(field, 'wrongType', 'an array', raw[field]);
}

/** Validates what the worker posts (the host trusts nothing that crosses a thread boundary unchecked). */
export function parseWorkerToHostMessage(raw: unknown): ValidationResult<WorkerToHostMessage> {
  const envelope = readEnvelope(raw, WORKER_TO_HOST_TYPES);
  if (!envelope.ok) return envelope;
  const record = raw as Record<string, unknown>;
  const type = envelope.value.type;
  if (type === 'dataLoaded' || type === 'dataPrepared' || type === 'dataRejected') return checkIntakeReply(record, type);
  if (envelope.value.type === 'error') {
    return typeof record.message === 'string' ? accept(raw as ErrorMessage) : reject('message', 'wrongType', 'a string', record.message);
  }
  for (const field of ['epochs', 'gradientSamples', 'spectralSamples', 'updateGradientNorms']) {
    const array = requireArray(record, field);
    if (!array.ok) return array;
  }
  if (envelope.value.type === 'progress') {
    if (typeof record.epoch !== 'number') return reject('epoch', 'wrongType', 'a number', record.epoch);
    return accept(raw as ProgressMessage);
  }
  if (typeof record.epochsCompleted !== 'number') return reject('epochsCompleted', 'wrongType', 'a number', record.epochsCompleted);
  if (record.modelJson !== null && typeof record.modelJson !== 'string') {
    return reject('modelJson', 'wrongType', 'a string or null', record.modelJson);
  }
  if (envelope.value.type === 'diverged' && !isRecord(record.divergence)) {
    return reject('divergence', 'notObject', 'an object { reason, epoch, value, hints, lastGoodEpoch }', record.divergence);
  }
  return accept(raw as WorkerToHostMessage);
}

/** Validates what the host posts to the worker. */
export function parseHostToWorkerMessage(raw: unknown): ValidationResult<HostToWorkerMessage> {
  const envelope = readEnvelope(raw, HOST_TO_WORKER_TYPES);
  if (!envelope.ok) return envelope;
  if (envelope.value.type === 'cancel') return accept(raw as CancelTrainingMessage);
  const record = raw as Record<string, unknown>;
  const type = envelope.value.type;
  if (type === 'loadData' || type === 'prepareData') return checkIntakeRequest(record, type);
  if (type === 'startPrepared') {
    return isCancelFlag(record.cancelFlag)
      ? accept(raw as StartPreparedMessage)
      : reject('cancelFlag', 'wrongType', 'a SharedArrayBuffer of at least 4 bytes', record.cancelFlag);
  }
  for (const field of ['model', 'settings', 'data']) {
    if (!isRecord(record[field])) return reject(field, 'notObject', 'an object', record[field]);
  }
  if (!isCancelFlag(record.cancelFlag)) {
    return reject('cancelFlag', 'wrongType', 'a SharedArrayBuffer of at least 4 bytes', record.cancelFlag);
  }
  const data = record.data as Record<string, unknown>;
  for (const field of ['train', 'validation']) {
    if (!Array.isArray(data[field])) return reject(`data.${field}`, 'wrongType', 'an array of examples', data[field]);
  }
  return accept(raw as StartTrainingMessage);
}

function isCancelFlag(value: unknown): value is SharedArrayBuffer {
  return value instanceof SharedArrayBuffer && value.byteLength >= Int32Array.BYTES_PER_ELEMENT;
}

export function isTerminalWorkerMessage(message: WorkerToHostMessage): message is TerminalWorkerMessage {
  return message.type === 'done' || message.type === 'cancelled' || message.type === 'diverged' || message.type === 'error';
}
