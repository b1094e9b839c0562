// The host end of one train command's worker thread (dist/trainingWorker.js). The worker is started first and parses
// the data: the worker parses and windows it (load → overview, prepare → preview), so the extension host never does;
// then `startPrepared` trains there. The host only posts, raises the shared cancel flag and listens. The flag goes to
// the worker with the first message (`loadData`), so Stop Training and Cancel reach the intake too: the worker answers
// a cancelled load or preparation with `cancelled`. The worker runs under the memory limit of
// host/platform/workerLimits.ts: running out of memory ends it with a message, never the extension host. The worker
// is terminated when the run ends or the command is dismissed, so its memory goes with it.
// No vscode import (the worker path is passed in), so the same client runs in unit tests.
import { Worker } from 'node:worker_threads';
import type { IntakeChoices } from '../../data/prepare/prepareTrainingData';
import type { DataLoadedMessage, DataPreparedMessage, DataRejectedMessage, DataSource } from '../../protocol/intakeProtocol';
import { MessageHandler } from '../../protocol/messageHandler';
import {
  CANCEL_FLAG_INDEX,
  CANCEL_REQUESTED,
  type CancelledMessage,
  type ErrorMessage,
  type HostToWorkerMessage,
  type ProgressMessage,
  type StartTrainingMessage,
  type TerminalWorkerMessage,
  type WorkerToHostMessage,
  parseWorkerToHostMessage,
} from '../../protocol/workerProtocol';
import type { TrainingSettings } from '../../lab/runs/runRecord';
import { describeWorkerError, workerHeapLimitMb, workerResourceLimits } from '../platform/workerLimits';

/**
 * If the worker has not answered a cancel within this time (e.g. stuck in one enormous step), it is terminated and
 * the run ends as cancelled without parameters. The flag is checked between mini-batches, so this is a safety net.
 */
export const CANCEL_GRACE_MS = 3000;
/** The id intake messages carry before a run exists. */
const INTAKE_ID = 'intake';

export type StartRequest = Omit<StartTrainingMessage, 'type' | 'cancelFlag'>;
export type LoadReply = DataLoadedMessage | DataRejectedMessage | ErrorMessage | CancelledMessage;
export type PrepareReply = DataPreparedMessage | DataRejectedMessage | ErrorMessage | CancelledMessage;
type IntakeReply = DataLoadedMessage | DataPreparedMessage | DataRejectedMessage | ErrorMessage | CancelledMessage;

/** The `cancelled` answer of an intake request, or of a run stopped before it acknowledged. */
function cancelledMessage(runId: string): CancelledMessage {
  return { type: 'cancelled', runId, epochsCompleted: 0, modelJson: null, initialModelJson: null, epochs: [], gradientSamples: [], spectralSamples: [], updateGradientNorms: [] };
}

export interface LoadOptions {
  readonly maxBytes: number;
  readonly group?: boolean;
  readonly target?: string;
}

export class TrainingWorker {
  private readonly worker: Worker;
  private readonly cancelFlag = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  private readonly handler: MessageHandler<WorkerToHostMessage, HostToWorkerMessage>;
  private onProgress: ((message: ProgressMessage) => void) | undefined;
  /** The intake request waiting for its reply (one at a time). */
  private pendingIntake: ((reply: IntakeReply) => void) | undefined;
  private settle: ((message: TerminalWorkerMessage) => void) | undefined;
  // Declared without an initialiser before `whenCancelRequested`, whose initialiser sets it.
  private signalCancel: (() => void) | undefined;
  private started = false;
  private ended = false;
  private cancelTimer: NodeJS.Timeout | undefined;
  private cancelRequestedAt: number | undefined;
  private currentRunId = INTAKE_ID;
  /** The heap limit this worker was started with (MB), for the out-of-memory message. */
  readonly memoryLimitMb: number;
  /** Milliseconds from the cancel request to the worker's `cancelled` message (undefined until cancelled). */
  cancelLatencyMs: number | undefined;
  /** Settles once a started run ends (done, cancelled, diverged or error). */
  readonly result: Promise<TerminalWorkerMessage>;

  constructor(workerScript: string, log: (line: string) => void) {
    this.result = new Promise((resolve) => {
      this.settle = resolve;
    });
    this.memoryLimitMb = workerHeapLimitMb();
    this.worker = new Worker(workerScript, { stderr: false, resourceLimits: workerResourceLimits(this.memoryLimitMb) });
    const intakeReply = (message: DataLoadedMessage | DataPreparedMessage | DataRejectedMessage): void => this.answerIntake(message);
    this.handler = new MessageHandler<WorkerToHostMessage, HostToWorkerMessage>({
      channel: 'training worker',
      send: (message) => this.worker.postMessage(message),
      parse: parseWorkerToHostMessage,
      logRejected: log,
      handlers: {
        dataLoaded: intakeReply,
        dataPrepared: intakeReply,
        dataRejected: intakeReply,
        progress: (message) => this.onProgress?.(message),
        done: (message) => this.finish(message),
        cancelled: (message) => (this.started ? this.finish(message) : this.answerIntake(message)),
        diverged: (message) => this.finish(message),
        error: (message) => this.fail(message),
      },
    });
    this.worker.on('message', (raw: unknown) => this.handler.receive(raw));
    this.worker.on('error', (error) => this.fail({ type: 'error', runId: this.currentRunId, message: describeWorkerError(error, 'training', this.memoryLimitMb) }));
    this.worker.on('exit', (code) => {
      this.fail({ type: 'error', runId: this.currentRunId, message: `the training worker exited (code ${code}) before the run ended` });
    });
  }

  get runId(): string {
    return this.currentRunId;
  }

  /** True once Stop or Cancel was pressed for this worker (during the intake or the run). */
  get cancelRequested(): boolean {
    return this.cancelRequestedAt !== undefined;
  }

  /** Settles when Stop or Cancel is pressed (a command waiting for the user stops waiting then). */
  readonly whenCancelRequested: Promise<void> = new Promise((resolve) => {
    this.signalCancel = resolve;
  });

  /** Sends the data; the worker parses it and answers with an overview (or where the data is wrong). */
  load(source: DataSource, options: LoadOptions): Promise<LoadReply> {
    return this.askIntake({
      type: 'loadData',
      runId: INTAKE_ID,
      source,
      maxBytes: options.maxBytes,
      cancelFlag: this.cancelFlag.buffer as SharedArrayBuffer,
      ...(options.group !== undefined ? { group: options.group } : {}),
      ...(options.target !== undefined ? { target: options.target } : {}),
    }) as Promise<LoadReply>;
  }

  /** Windows the loaded data with the user's answers; answers with the preview (or a data error). */
  prepare(choices: IntakeChoices, settings: TrainingSettings): Promise<PrepareReply> {
    return this.askIntake({ type: 'prepareData', runId: INTAKE_ID, choices, settings }) as Promise<PrepareReply>;
  }

  /** Starts training: on the prepared data (`{ runId }`) or on data sent along (`StartRequest`). */
  start(request: StartRequest | { readonly runId: string }, onProgress: (message: ProgressMessage) => void): Promise<TerminalWorkerMessage> {
    if (this.started) throw new Error('this worker already ran its training');
    this.started = true;
    this.currentRunId = request.runId;
    this.onProgress = onProgress;
    const cancelFlag = this.cancelFlag.buffer as SharedArrayBuffer;
    if ('data' in request) this.handler.post({ type: 'start', ...request, cancelFlag });
    else this.handler.post({ type: 'startPrepared', runId: request.runId, cancelFlag });
    return this.result;
  }

  /**
   * Raises the shared flag: the intake sees it between its stages (and every ~64k rows), training between
   * mini-batches. A worker that does not answer within CANCEL_GRACE_MS is terminated and the request or run ends as
   * cancelled; a worker that is idle (the command is waiting for the user's answer) is ended at once.
   */
  cancel(): void {
    if (this.cancelRequestedAt !== undefined || this.ended) return;
    this.cancelRequestedAt = performance.now();
    Atomics.store(this.cancelFlag, CANCEL_FLAG_INDEX, CANCEL_REQUESTED);
    this.signalCancel?.();
    this.handler.post({ type: 'cancel', runId: this.currentRunId });
    if (!this.started) {
      if (this.pendingIntake === undefined) {
        this.dispose();
        return;
      }
      this.cancelTimer = setTimeout(() => {
        this.answerIntake(cancelledMessage(INTAKE_ID));
        this.dispose();
      }, CANCEL_GRACE_MS);
      return;
    }
    this.cancelTimer = setTimeout(() => this.finish(cancelledMessage(this.currentRunId)), CANCEL_GRACE_MS);
  }

  /** Ends the worker of a command that will not train (dismissed, invalid data). */
  dispose(): void {
    if (this.started && !this.ended) return;
    this.ended = true;
    if (this.cancelTimer !== undefined) clearTimeout(this.cancelTimer);
    this.answerIntake(this.cancelRequested ? cancelledMessage(INTAKE_ID) : { type: 'error', runId: INTAKE_ID, message: 'the data worker was stopped' });
    void this.worker.terminate();
  }

  private askIntake(message: HostToWorkerMessage): Promise<IntakeReply> {
    if (this.cancelRequested && !this.started) return Promise.resolve(cancelledMessage(INTAKE_ID));
    if (this.ended || this.started) return Promise.resolve({ type: 'error', runId: INTAKE_ID, message: 'the data worker is no longer available' });
    if (this.pendingIntake !== undefined) throw new Error('one intake request at a time');
    return new Promise((resolve) => {
      this.pendingIntake = resolve;
      this.handler.post(message);
    });
  }

  private answerIntake(reply: IntakeReply): void {
    if (!this.started && this.cancelTimer !== undefined) {
      clearTimeout(this.cancelTimer);
      this.cancelTimer = undefined;
    }
    const pending = this.pendingIntake;
    this.pendingIntake = undefined;
    pending?.(reply);
  }

  /** An error before training answers the pending intake request; during training it ends the run. */
  private fail(message: ErrorMessage): void {
    if (!this.started) {
      this.answerIntake(message);
      return;
    }
    this.finish(message);
  }

  private finish(message: TerminalWorkerMessage): void {
    const settle = this.settle;
    if (settle === undefined || !this.started) return;
    this.settle = undefined;
    this.ended = true;
    if (this.cancelTimer !== undefined) clearTimeout(this.cancelTimer);
    if (this.cancelRequestedAt !== undefined) this.cancelLatencyMs = performance.now() - this.cancelRequestedAt;
    void this.worker.terminate();
    settle(message);
  }
}
