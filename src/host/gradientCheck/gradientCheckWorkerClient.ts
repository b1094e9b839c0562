// Runs the gradient check in a fresh worker_threads worker (dist/gradientCheckWorker.js) and resolves with its validated
// answer; the worker is terminated afterwards. No vscode import, so unit tests drive it with a freshly bundled worker.
import type { GradientCheckRequest, GradientCheckResultMessage } from '../../protocol/gradientCheckProtocol';
import { parseGradientCheckWorkerMessage } from '../../protocol/gradientCheckProtocol';
import { runInOneShotWorker } from '../platform/oneShotWorker';

/** A tiny model's check takes well under this; beyond it the worker is stopped and the check reported as failed. */
export const GRADIENT_CHECK_TIMEOUT_MS = 120_000;

/** Runs one check in a fresh worker (dist/gradientCheckWorker.js); the worker is terminated afterwards. */
export function runGradientCheckInWorker(workerScript: string, request: GradientCheckRequest): Promise<GradientCheckResultMessage> {
  return runInOneShotWorker<GradientCheckResultMessage>({
    workerScript,
    request: { type: 'check', request },
    parse: parseGradientCheckWorkerMessage,
    timeoutMs: GRADIENT_CHECK_TIMEOUT_MS,
    awaited: 'result',
    job: 'gradientCheck',
  });
}
