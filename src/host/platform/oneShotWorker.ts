// One request, one answer, in a fresh worker_threads worker that is terminated afterwards — how the panels run the
// gradient check and text sampling off the extension host's thread. The answer is validated by the channel's parser;
// an `error` answer, a crash (out of memory: workerLimits.ts) or no answer within `timeoutMs` rejects. No vscode import (unit tests use it directly).
import { Worker } from 'node:worker_threads';
import type { ValidationResult } from '../../protocol/validation';
import { describeIssue } from '../../protocol/validation';
import { describeWorkerError, type WorkerJob, workerHeapLimitMb, workerResourceLimits } from './workerLimits';

export interface OneShotWorkerOptions<TAnswer> {
  readonly workerScript: string;
  readonly request: unknown;
  readonly parse: (raw: unknown) => ValidationResult<TAnswer | { readonly type: 'error'; readonly message: string }>;
  readonly timeoutMs: number;
  /** What did not arrive in time, e.g. "result" or "sample" (used in the timeout message). */
  readonly awaited: string;
  /** Names the job in the out-of-memory message (workerLimits.ts). */
  readonly job: WorkerJob;
}

export function runInOneShotWorker<TAnswer extends { readonly type: string }>(options: OneShotWorkerOptions<TAnswer>): Promise<TAnswer> {
  return new Promise((resolve, reject) => {
    const limitMb = workerHeapLimitMb();
    const worker = new Worker(options.workerScript, { resourceLimits: workerResourceLimits(limitMb) });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new Error(`no ${options.awaited} within ${options.timeoutMs / 1000} s`));
    }, options.timeoutMs);
    const finish = (): void => {
      clearTimeout(timer);
      void worker.terminate();
    };
    worker.once('message', (raw: unknown) => {
      finish();
      const parsed = options.parse(raw);
      if (!parsed.ok) reject(new Error(`malformed worker answer: ${describeIssue(parsed.issue)}`));
      else if (parsed.value.type === 'error') reject(new Error((parsed.value as { message: string }).message));
      else resolve(parsed.value as TAnswer);
    });
    worker.once('error', (error) => {
      finish();
      reject(new Error(describeWorkerError(error, options.job, limitMb)));
    });
    // A worker that ends without answering (e.g. process.exit in it) must not leave the caller waiting for the timeout.
    worker.once('exit', (code) => {
      finish();
      reject(new Error(`the worker stopped (exit code ${code}) before it answered`));
    });
    worker.postMessage(options.request);
  });
}
