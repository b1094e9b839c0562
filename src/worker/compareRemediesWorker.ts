// worker_threads entry (dist/compareRemediesWorker.js) for "RNN Lab: Compare Remedies": trains ONE line-up entry with the same
// engine calls as `rnn-lab demo` (runDemoExperiment → the one training run, or the ESN's closed-form ridge fit), posts
// a progress message per epoch and one result (or error). The host starts one worker per entry, one after another, and
// cancels by terminating the current worker.
import { performance } from 'node:perf_hooks';
import { parentPort } from 'node:worker_threads';
import { runDemoExperiment } from '../lab/lineup/runLineupExperiment';
import type { CompareTrainMessage } from '../protocol/compareRemediesTrainMessage';
import { parseCompareTrainMessage } from '../protocol/compareRemediesTrainMessage';
import type { CompareEntryResult, CompareWorkerMessage } from '../protocol/compareRemediesProtocol';
import { describeIssue } from '../protocol/validation';

/** Trains one entry; `onEpoch` sees each finished epoch. */
export function trainCompareEntry(message: CompareTrainMessage, onEpoch: (epoch: number, epochs: number) => void = () => undefined): CompareEntryResult {
  const { experiment, data } = message;
  const result = runDemoExperiment(experiment, data, () => performance.now(), onEpoch);
  // One update per mini-batch (engine/training/trainLoop.ts); the ESN has no gradient updates at all.
  const updatesPerEpoch = experiment.kind === 'bptt' ? Math.ceil(data.training.examples.length / experiment.batchSize) : 0;
  return {
    id: experiment.id,
    label: experiment.label,
    finalValidationLoss: result.validationLoss,
    validationLossPerEpoch: [...result.validationLossPerEpoch],
    lossPerEpoch: [...result.lossPerEpoch],
    updatesPerEpoch,
    clippedPercent: result.clippedPercent,
    lambda1: result.lambda1,
    wallMilliseconds: result.wallMilliseconds,
    diverged: result.diverged,
    hiddenGradNorms: result.hiddenGradNorms === null ? null : [...result.hiddenGradNorms],
  };
}

const port = parentPort;
if (port !== null) {
  port.on('message', (raw: unknown) => {
    const post = (message: CompareWorkerMessage): void => port.postMessage(message);
    const request = parseCompareTrainMessage(raw);
    if (!request.ok) {
      post({ type: 'error', message: `malformed request: ${describeIssue(request.issue)}` });
      return;
    }
    try {
      post({ type: 'result', result: trainCompareEntry(request.value, (epoch, epochs) => post({ type: 'epoch', epoch, epochs })) });
    } catch (error) {
      post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  });
}
