// One train command's worker_threads worker (dist/trainingWorker.js). The command starts it before anything else and sends it
// the data: the worker parses and windows it (load → overview, prepare → preview), so the extension host never does;
// then `startPrepared` trains there. The host only posts, raises the shared cancel flag and listens. The worker is
// terminated when the run ends or the command is dismissed, so its memory goes with it.
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

/**
 * If the worker has not answered a cancel within this time (e.g. stuck in one enormous step), it is terminated and
 * the run ends as cancelled without parameters. The flag is checked between mini-batches, so this is a safety net.
 */
export const CANCEL_GRACE_MS = 3000;
/** The id intake messages carry before a run exists. */
const INTAKE_ID = 'intake';

export type StartRequest = Omit<StartTrainingMessage, 'type' | 'cancelFlag'>;
export type LoadReply = DataLoadedMessage | DataRejectedMessage | ErrorMessage;
export type PrepareReply = DataPreparedMessage | DataRejectedMessage | ErrorMessage;

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
  private pendingIntake: ((reply: DataLoadedMessage | DataPreparedMessage | DataRejectedMessage | ErrorMessage) => void) | undefined;
  private settle: ((message: TerminalWorkerMessage) => void) | undefined;
  private started = false;
  private ended = false;
  private cancelTimer: NodeJS.Timeout | undefined;
  private cancelRequestedAt: number | undefined;
  private currentRunId = INTAKE_ID;
  /** Milliseconds from the cancel request to the worker's `cancelled` message (undefined until cancelled). */
  cancelLatencyMs: number | undefined;
  /** Settles once a started run ends (done, cancelled, diverged or error). */
  readonly result: Promise<TerminalWorkerMessage>;

  constructor(workerScript: string, log: (line: string) => void) {
    this.result = new Promise((resolve) => {
      this.settle = resolve;
    });
    this.worker = new Worker(workerScript, { stderr: false });
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
        cancelled: (message) => this.finish(message),
        diverged: (message) => this.finish(message),
        error: (message) => this.fail(message),
      },
    });
    this.worker.on('message', (raw: unknown) => this.handler.receive(raw));
    this.worker.on('error', (error) => this.fail({ type: 'error', runId: this.currentRunId, message: error.message }));
    this.worker.on('exit', (code) => {
      this.fail({ type: 'error', runId: this.currentRunId, message: `the training worker exited (code ${code}) before the run ended` });
    });
  }

  get runId(): string {
    return this.currentRunId;
  }

  /** Sends the data; the worker parses it and answers with an overview (or where the data is wrong). */
  load(source: DataSource, options: LoadOptions): Promise<LoadReply> {
    return this.askIntake({
      type: 'loadData',
      runId: INTAKE_ID,
      source,
      maxBytes: options.maxBytes,
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

  /** Raises the shared flag (seen between mini-batches); terminates the worker if it does not stop in time. */
  cancel(): void {
    if (!this.started) {
      this.dispose();
      return;
    }
    if (this.cancelRequestedAt !== undefined || this.ended) return;
    this.cancelRequestedAt = performance.now();
    Atomics.store(this.cancelFlag, CANCEL_FLAG_INDEX, CANCEL_REQUESTED);
    this.handler.post({ type: 'cancel', runId: this.currentRunId });
    this.cancelTimer = setTimeout(() => {
      const forced: CancelledMessage = {
        type: 'cancelled',
        runId: this.currentRunId,
        epochsCompleted: 0,
        modelJson: null,
        epochs: [],
        gradientSamples: [],
        spectralSamples: [],
        updateGradientNorms: [],
      };
      this.finish(forced);
    }, CANCEL_GRACE_MS);
  }

  /** Ends the worker of a command that will not train (dismissed, invalid data). */
  dispose(): void {
    if (this.started && !this.ended) return;
    this.ended = true;
    this.answerIntake({ type: 'error', runId: INTAKE_ID, message: 'the data worker was stopped' });
    void this.worker.terminate();
  }

  private askIntake(message: HostToWorkerMessage): Promise<DataLoadedMessage | DataPreparedMessage | DataRejectedMessage | ErrorMessage> {
    if (this.ended || this.started) return Promise.resolve({ type: 'error', runId: INTAKE_ID, message: 'the data worker is no longer available' });
    if (this.pendingIntake !== undefined) throw new Error('one intake request at a time');
    return new Promise((resolve) => {
      this.pendingIntake = resolve;
      this.handler.post(message);
    });
  }

  private answerIntake(reply: DataLoadedMessage | DataPreparedMessage | DataRejectedMessage | ErrorMessage): void {
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
