// The host end of the export (issue 14): one request to a fresh worker_threads worker (dist/exportWorker.js), which
// builds and writes the script; resolves with its validated answer, rejects with the worker's message (an
// ExportError's text as it is), a crash (out of memory: workerLimits.ts) or a timeout. No vscode import, so unit tests
// drive it with a freshly bundled worker.
import type { RunExportedMessage } from '../../protocol/exportProtocol';
import { parseExportWorkerMessage } from '../../protocol/exportProtocol';
import { runInOneShotWorker } from '../platform/oneShotWorker';

/** Reading a run's data and writing a script takes seconds; beyond this the worker is stopped and the export failed. */
export const EXPORT_TIMEOUT_MS = 300_000;

/** Exports the run saved in `runDirectory` to the default script inside it (or to `out`). */
export function exportRunInWorker(workerScript: string, runDirectory: string, out?: string): Promise<RunExportedMessage> {
  return runInOneShotWorker<RunExportedMessage>({
    workerScript,
    request: out === undefined ? { type: 'export', runDirectory } : { type: 'export', runDirectory, out },
    parse: parseExportWorkerMessage,
    timeoutMs: EXPORT_TIMEOUT_MS,
    awaited: 'export',
    job: 'export',
  });
}
