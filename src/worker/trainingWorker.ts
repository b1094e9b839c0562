// The training worker (worker_threads entry, bundled to dist/trainingWorker.js). A train command starts it first and hands
// it the data (intake: `loadData`, then `prepareData` once the host has its answers); `startPrepared` then trains on
// what the intake prepared — or `start` trains on data sent with the message. It trains synchronously
// (trainingRun.ts), posts progress and one terminal message, and is then terminated by the host.
// Cancel arrives through the shared flag; the `cancel` message is only a fallback for a run that has not begun yet,
// because this thread's event loop is blocked while it trains.
import { parentPort } from 'node:worker_threads';
import { MessageHandler } from '../protocol/messageHandler';
import {
  CANCEL_FLAG_INDEX,
  CANCEL_REQUESTED,
  type HostToWorkerMessage,
  type TrainingJob,
  type WorkerToHostMessage,
  parseHostToWorkerMessage,
} from '../protocol/workerProtocol';
import { lowerThisThreadPriority } from '../node/backgroundPriority';
import { DataIntake } from '../lab/training/dataIntake';
import { runTraining } from '../lab/training/trainingRun';

const port = parentPort;
if (port === null) throw new Error('dist/trainingWorker.js must be started as a worker_threads Worker');

const cancelledBeforeStart = new Set<string>();
const intake = new DataIntake();
lowerThisThreadPriority();

const handler = new MessageHandler<HostToWorkerMessage, WorkerToHostMessage>({
  channel: 'training worker',
  send: (message) => port.postMessage(message),
  parse: parseHostToWorkerMessage,
  logRejected: (line) => process.stderr.write(`${line}\n`),
  handlers: {
    loadData: (message) => {
      void intake.load(message).then(
        (reply) => handler.post(reply),
        (error: unknown) => handler.post({ type: 'error', runId: message.runId, message: describe(error) }),
      );
    },
    prepareData: (message) => {
      try {
        handler.post(intake.prepare(message));
      } catch (error) {
        handler.post({ type: 'error', runId: message.runId, message: describe(error) });
      }
    },
    start: (message) => {
      // Defer one turn so a `cancel` already queued behind `start` is seen first.
      setImmediate(() => train(message));
    },
    startPrepared: (message) => {
      const job = intake.job(message.runId, message.cancelFlag);
      if (job === undefined) {
        handler.post({ type: 'error', runId: message.runId, message: 'no prepared data to train on (prepareData must succeed before startPrepared)' });
        return;
      }
      setImmediate(() => train(job));
    },
    cancel: (message) => {
      cancelledBeforeStart.add(message.runId);
    },
  },
});

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function train(job: TrainingJob): void {
  if (cancelledBeforeStart.has(job.runId)) Atomics.store(new Int32Array(job.cancelFlag), CANCEL_FLAG_INDEX, CANCEL_REQUESTED);
  try {
    runTraining(job, (reply) => handler.post(reply));
  } catch (error) {
    handler.post({ type: 'error', runId: job.runId, message: describe(error) });
  }
}

port.on('message', (raw: unknown) => handler.receive(raw));
