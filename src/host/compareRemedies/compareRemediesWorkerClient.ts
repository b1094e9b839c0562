// Trains one Compare Remedies entry in a fresh worker_threads worker (dist/compareRemediesWorker.js); the worker is terminated
// afterwards, or at once when the run is cancelled. It runs under the memory limit of workerLimits.ts. No vscode import.
import { Worker } from 'node:worker_threads';
import type { CompareEntryResult } from '../../protocol/compareRemediesProtocol';
import type { CompareTrainMessage } from '../../protocol/compareRemediesTrainMessage';
import { parseCompareWorkerMessage } from '../../protocol/compareRemediesProtocol';
import { describeIssue } from '../../protocol/validation';
import { describeWorkerError, workerHeapLimitMb, workerResourceLimits } from '../platform/workerLimits';

/** Thrown (as the rejection) when the caller cancelled the entry. */
export class CompareCancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CompareCancelledError';
  }
}

export interface CompareEntryRun {
  readonly result: Promise<CompareEntryResult>;
  /** Stops the worker; `result` rejects with CompareCancelledError. */
  cancel(): void;
}

export function trainEntryInWorker(workerScript: string, message: CompareTrainMessage, onEpoch: (epoch: number, epochs: number) => void): CompareEntryRun {
  const limitMb = workerHeapLimitMb();
  const worker = new Worker(workerScript, { resourceLimits: workerResourceLimits(limitMb) });
  let settle: { resolve: (value: CompareEntryResult) => void; reject: (error: Error) => void } | undefined;
  const result = new Promise<CompareEntryResult>((resolve, reject) => (settle = { resolve, reject }));
  const finish = (outcome: CompareEntryResult | Error): void => {
    const pending = settle;
    settle = undefined;
    void worker.terminate();
    if (pending === undefined) return;
    if (outcome instanceof Error) pending.reject(outcome);
    else pending.resolve(outcome);
  };
  worker.on('message', (raw: unknown) => {
    const parsed = parseCompareWorkerMessage(raw);
    if (!parsed.ok) finish(new Error(`malformed worker answer: ${describeIssue(parsed.issue)}`));
    else if (parsed.value.type === 'epoch') onEpoch(parsed.value.epoch, parsed.value.epochs);
    else if (parsed.value.type === 'error') finish(new Error(parsed.value.message));
    else finish(parsed.value.result);
  });
  worker.once('error', (error) => finish(new Error(describeWorkerError(error, 'compareRemedies', limitMb))));
  worker.once('exit', (code) => finish(new Error(`the compare worker stopped (exit code ${code}) before it answered`)));
  worker.postMessage(message);
  return { result, cancel: () => finish(new CompareCancelledError()) };
}
