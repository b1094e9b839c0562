// One training run in its own worker_threads worker (dist/worker.js): the extension host only posts `start`, raises
// the shared cancel flag, and listens. The worker is terminated when the run ends, so its memory goes with it.
// No vscode import (the worker path is passed in), so the same client runs in unit tests and the CLI.
import { Worker } from 'node:worker_threads';
import { MessageHandler } from '../../shared/protocol/messageHandler';
import {
  CANCEL_FLAG_INDEX,
  CANCEL_REQUESTED,
  type CancelledMessage,
  type HostToWorkerMessage,
  type ProgressMessage,
  type StartTrainingMessage,
  type TerminalWorkerMessage,
  type WorkerToHostMessage,
  parseWorkerToHostMessage,
} from '../../shared/protocol/workerProtocol';

/**
 * If the worker has not answered a cancel within this time (e.g. stuck in one enormous step), it is terminated and
 * the run ends as cancelled without parameters. The flag is checked between mini-batches, so this is a safety net.
 */
export const CANCEL_GRACE_MS = 3000;

export interface TrainingWorkerCallbacks {
  readonly onProgress: (message: ProgressMessage) => void;
  /** Lines for the output channel (rejected messages, worker stderr). */
  readonly log: (line: string) => void;
}

export type StartRequest = Omit<StartTrainingMessage, 'type' | 'cancelFlag'>;

export class TrainingWorker {
  private readonly worker: Worker;
  private readonly cancelFlag = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  private readonly handler: MessageHandler<WorkerToHostMessage, HostToWorkerMessage>;
  private settle: ((message: TerminalWorkerMessage) => void) | undefined;
  private cancelTimer: NodeJS.Timeout | undefined;
  private cancelRequestedAt: number | undefined;
  /** Milliseconds from the cancel request to the worker's `cancelled` message (undefined until cancelled). */
  cancelLatencyMs: number | undefined;
  readonly result: Promise<TerminalWorkerMessage>;

  constructor(workerScript: string, private readonly request: StartRequest, callbacks: TrainingWorkerCallbacks) {
    this.result = new Promise((resolve) => {
      this.settle = resolve;
    });
    this.worker = new Worker(workerScript, { stderr: false });
    this.handler = new MessageHandler<WorkerToHostMessage, HostToWorkerMessage>({
      channel: `training worker ${request.runId}`,
      send: (message) => this.worker.postMessage(message),
      parse: parseWorkerToHostMessage,
      logRejected: callbacks.log,
      handlers: {
        progress: (message) => callbacks.onProgress(message),
        done: (message) => this.finish(message),
        cancelled: (message) => this.finish(message),
        diverged: (message) => this.finish(message),
        error: (message) => this.finish(message),
      },
    });
    this.worker.on('message', (raw: unknown) => this.handler.receive(raw));
    this.worker.on('error', (error) => this.finish({ type: 'error', runId: request.runId, message: error.message }));
    this.worker.on('exit', (code) => {
      this.finish({ type: 'error', runId: request.runId, message: `the training worker exited (code ${code}) before the run ended` });
    });
    this.handler.post({ type: 'start', ...request, cancelFlag: this.cancelFlag.buffer as SharedArrayBuffer });
  }

  get runId(): string {
    return this.request.runId;
  }

  /** Raises the shared flag (seen between mini-batches); terminates the worker if it does not stop in time. */
  cancel(): void {
    if (this.cancelRequestedAt !== undefined || this.settle === undefined) return;
    this.cancelRequestedAt = performance.now();
    Atomics.store(this.cancelFlag, CANCEL_FLAG_INDEX, CANCEL_REQUESTED);
    this.handler.post({ type: 'cancel', runId: this.request.runId });
    this.cancelTimer = setTimeout(() => {
      const forced: CancelledMessage = {
        type: 'cancelled',
        runId: this.request.runId,
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

  private finish(message: TerminalWorkerMessage): void {
    const settle = this.settle;
    if (settle === undefined) return;
    this.settle = undefined;
    if (this.cancelTimer !== undefined) clearTimeout(this.cancelTimer);
    if (this.cancelRequestedAt !== undefined) this.cancelLatencyMs = performance.now() - this.cancelRequestedAt;
    void this.worker.terminate();
    settle(message);
  }
}
