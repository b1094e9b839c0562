// The training worker (worker_threads entry, bundled to dist/worker.js). It waits for one `start`, trains
// synchronously (trainingRun.ts), posts progress and one terminal message, and is then terminated by the host.
// Cancel arrives through the shared flag inside `start`; the `cancel` message is only a fallback for a run
// that has not begun yet, because this thread's event loop is blocked while it trains.
import { parentPort } from 'node:worker_threads';
import { MessageHandler } from '../shared/protocol/messageHandler';
import {
  CANCEL_FLAG_INDEX,
  CANCEL_REQUESTED,
  type HostToWorkerMessage,
  type StartTrainingMessage,
  type WorkerToHostMessage,
  parseHostToWorkerMessage,
} from '../shared/protocol/workerProtocol';
import { lowerThisThreadPriority } from './backgroundPriority';
import { runTraining } from './trainingRun';

const port = parentPort;
if (port === null) throw new Error('dist/worker.js must be started as a worker_threads Worker');

const cancelledBeforeStart = new Set<string>();
lowerThisThreadPriority();

const handler = new MessageHandler<HostToWorkerMessage, WorkerToHostMessage>({
  channel: 'training worker',
  send: (message) => port.postMessage(message),
  parse: parseHostToWorkerMessage,
  logRejected: (line) => process.stderr.write(`${line}\n`),
  handlers: {
    start: (message) => {
      // Defer one turn so a `cancel` already queued behind `start` is seen first.
      setImmediate(() => start(message));
    },
    cancel: (message) => {
      cancelledBeforeStart.add(message.runId);
    },
  },
});

function start(message: StartTrainingMessage): void {
  if (cancelledBeforeStart.has(message.runId)) Atomics.store(new Int32Array(message.cancelFlag), CANCEL_FLAG_INDEX, CANCEL_REQUESTED);
  try {
    runTraining(message, (reply) => handler.post(reply));
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    handler.post({ type: 'error', runId: message.runId, message: text });
  }
}

port.on('message', (raw: unknown) => handler.receive(raw));
