// Runs the gradient check in a fresh worker_threads worker (dist/gradcheckWorker.js) and resolves with its validated
// answer; the worker is terminated afterwards. No vscode import, so unit tests drive it with a freshly bundled worker.
import { Worker } from 'node:worker_threads';
import type { GradientCheckRequest, GradientCheckResultMessage } from '../../shared/protocol/gradientCheckProtocol';
import { parseGradientCheckWorkerMessage } from '../../shared/protocol/gradientCheckProtocol';
import { describeIssue } from '../../shared/protocol/validation';

/** A tiny model's check takes well under this; beyond it the worker is stopped and the check reported as failed. */
export const GRADIENT_CHECK_TIMEOUT_MS = 120_000;

/** Runs one check in a fresh worker (dist/gradcheckWorker.js); the worker is terminated afterwards. */
export function runGradientCheckInWorker(workerScript: string, request: GradientCheckRequest): Promise<GradientCheckResultMessage> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerScript);
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new Error(`no result within ${GRADIENT_CHECK_TIMEOUT_MS / 1000} s`));
    }, GRADIENT_CHECK_TIMEOUT_MS);
    const finish = (): void => {
      clearTimeout(timer);
      void worker.terminate();
    };
    worker.once('message', (raw: unknown) => {
      finish();
      const parsed = parseGradientCheckWorkerMessage(raw);
      if (!parsed.ok) reject(new Error(`malformed worker answer: ${describeIssue(parsed.issue)}`));
      else if (parsed.value.type === 'error') reject(new Error(parsed.value.message));
      else resolve(parsed.value);
    });
    worker.once('error', (error) => {
      finish();
      reject(error);
    });
    worker.postMessage({ type: 'check', request });
  });
}

