// The training worker (worker_threads entry, bundled to dist/trainingWorker.js). A train command starts it first and
// hands it the data: `loadData` (the intake parses and describes it: data/intake.ts), `prepareData` once the host has
// its answers, then `startPrepared` trains on what the intake prepared — or `start` trains on data sent with the
// message. Training is lab/training/trainingRun.ts, the same code `rnn-lab train` runs; here its events become
// throttled progress messages (≤ rnnLab.charts.updateRate per second, no epoch dropped) and one terminal message.
// Cancel arrives through the shared flag, which comes with `loadData`: the intake reads it between its stages (and
// every ~64k rows) and throws an error named 'DataCancelled', answered here with `cancelled` (not an error); training
// reads it between mini-batches (and float32 runs every few timesteps, on every shard thread). The `cancel` message is only a fallback for a run that has not begun yet, because
// this thread's event loop is blocked while it trains.
import { parentPort, resourceLimits } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { DataIntake, isDataCancelled } from '../data/intake';
import { ProgressThrottle } from '../lab/training/progressThrottle';
import type { TrainingSettings } from '../lab/runs/runRecord';
import { arithmeticOf, runTraining, type TrainingJob } from '../lab/training/trainingRun';
import { predictionTargetOf } from '../lab/training/validationPredictions';
import { lowerThisThreadPriority } from '../node/backgroundPriority';
import { nodePlatform } from '../node/nodePlatform';
import { nodeParallelTraining } from '../node/threads/parallelTraining';
import { MessageHandler } from '../protocol/messageHandler';
import {
  CANCEL_FLAG_INDEX,
  CANCEL_REQUESTED,
  type HostToWorkerMessage,
  type TrainingReply,
  type WorkerToHostMessage,
  parseHostToWorkerMessage,
} from '../protocol/workerProtocol';

const port = parentPort;
if (port === null) throw new Error('dist/trainingWorker.js must be started as a worker_threads Worker');

const cancelledBeforeStart = new Set<string>();
const intake = new DataIntake(nodePlatform);
/** The settings the intake prepared the data with: the run trains with exactly these. */
let preparedSettings: TrainingSettings | undefined;
/** The host's cancel flag, from `loadData` on (one per command). */
let intakeCancelFlag: Int32Array | undefined;

/** The flag as the intake and the training read it. */
function cancelSignal(flag: Int32Array | undefined): { readonly aborted: boolean } {
  return { get aborted() { return flag !== undefined && Atomics.load(flag, CANCEL_FLAG_INDEX) !== 0; } };
}

/** Stop or Cancel during the intake (data/intake.ts throws it by this name). */
function postCancelled(runId: string): void {
  handler.post({ type: 'cancelled', runId, epochsCompleted: 0, modelJson: null, initialModelJson: null, epochs: [], gradientSamples: [], spectralSamples: [], updateGradientNorms: [] });
}
lowerThisThreadPriority();

const handler = new MessageHandler<HostToWorkerMessage, WorkerToHostMessage>({
  channel: 'training worker',
  send: (message) => port.postMessage(message),
  parse: parseHostToWorkerMessage,
  logRejected: (line) => process.stderr.write(`${line}\n`),
  handlers: {
    loadData: (message) => {
      const { runId, source, maxBytes } = message;
      intakeCancelFlag = new Int32Array(message.cancelFlag);
      const cancel = cancelSignal(intakeCancelFlag);
      const options = { maxBytes, cancel, ...(message.group !== undefined ? { group: message.group } : {}), ...(message.target !== undefined ? { target: message.target } : {}) };
      void intake.load(source, options).then(
        (loaded) => {
          if (cancel.aborted) postCancelled(runId);
          else handler.post(loaded.ok ? { type: 'dataLoaded', runId, overview: loaded.overview } : { type: 'dataRejected', runId, error: loaded.error });
        },
        (error: unknown) => (isDataCancelled(error) || cancel.aborted ? postCancelled(runId) : handler.post({ type: 'error', runId, message: describe(error) })),
      );
    },
    prepareData: (message) => {
      const { runId } = message;
      const cancel = cancelSignal(intakeCancelFlag);
      try {
        if (cancel.aborted) {
          postCancelled(runId);
          return;
        }
        const prepared = intake.prepare(message.choices, message.settings, cancel);
        if (cancel.aborted) {
          postCancelled(runId);
          return;
        }
        if (!prepared.ok) {
          handler.post({ type: 'dataRejected', runId, error: prepared.error, ...(prepared.missing !== undefined ? { missing: prepared.missing } : {}) });
          return;
        }
        preparedSettings = message.settings;
        const { model, prediction, summary, extras } = prepared.prepared;
        handler.post({ type: 'dataPrepared', runId, prepared: { model, prediction, summary, extras } });
      } catch (error) {
        if (isDataCancelled(error) || cancel.aborted) postCancelled(runId);
        else handler.post({ type: 'error', runId, message: describe(error) });
      }
    },
    start: (message) => {
      const { type: _type, runId, cancelFlag, ...job } = message;
      // Defer one turn so a `cancel` already queued behind `start` is seen first.
      setImmediate(() => train(runId, job, cancelFlag));
    },
    startPrepared: (message) => {
      const { runId, cancelFlag } = message;
      const prepared = intake.take();
      const settings = preparedSettings;
      if (prepared === undefined || settings === undefined) {
        handler.post({ type: 'error', runId, message: 'no prepared data to train on (prepareData must succeed before startPrepared)' });
        return;
      }
      const job: TrainingJob = { model: prepared.model, settings, data: prepared.data, modelExtras: prepared.extras, predictionTarget: predictionTargetOf(prepared) };
      setImmediate(() => train(runId, job, cancelFlag));
    },
    cancel: (message) => {
      cancelledBeforeStart.add(message.runId);
    },
  },
});

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function train(runId: string, job: TrainingJob, cancelBuffer: SharedArrayBuffer): void {
  const cancelFlag = new Int32Array(cancelBuffer);
  if (cancelledBeforeStart.has(runId)) Atomics.store(cancelFlag, CANCEL_FLAG_INDEX, CANCEL_REQUESTED);
  const post = (reply: TrainingReply): void => handler.post(reply);
  const clock = (): number => performance.now();
  const throttle = new ProgressThrottle(job.settings.charts.updateRate, clock);
  const totalEpochs = job.settings.training.epochs;
  try {
    const run = runTraining(job, {
      clock,
      // shard workers for float32 runs, with this worker's own memory limits (rnnLab.workers.maxMemoryMB)
      parallel: nodeParallelTraining(resourceLimits),
      cancel: cancelSignal(cancelFlag),
      onUpdateNorm: (norm) => throttle.addUpdateGradientNorm(norm),
      onDiagnostics: (_sample, gradientSamples, spectra) => {
        for (const entry of gradientSamples) throttle.addGradientSample(entry);
        if (spectra !== null) throttle.addSpectralSample(spectra);
      },
      onEpoch: (metrics) => {
        throttle.addEpoch(metrics);
        const batch = throttle.takeIfDue();
        if (batch !== undefined) {
          post({ type: 'progress', runId, epoch: metrics.epoch, totalEpochs, trainLoss: metrics.trainLoss, validationLoss: metrics.validationLoss, ...batch });
        }
      },
    });
    const terminal = {
      runId,
      epochsCompleted: run.epochsCompleted,
      modelJson: run.modelJson,
      initialModelJson: run.initialModelJson,
      arithmetic: arithmeticOf(run),
      ...throttle.flush(),
      ...(run.validationPredictions !== undefined ? { validationPredictions: run.validationPredictions } : {}),
    };
    if (run.divergence !== undefined) post({ type: 'diverged', divergence: run.divergence, ...terminal });
    else if (run.status === 'cancelled') post({ type: 'cancelled', ...terminal });
    else post({ type: 'done', ...terminal });
  } catch (error) {
    post({ type: 'error', runId, message: describe(error) });
  }
}

port.on('message', (raw: unknown) => handler.receive(raw));
