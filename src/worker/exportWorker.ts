// worker_threads entry (dist/exportWorker.js) for "RNN Lab: Export Run as PyTorch Script…" (issue 14): builds the
// standalone training script of a saved run (lab/export/runExport.ts: PyTorch for RNN/LSTM/GRU runs, NumPy for echo
// state networks) and writes it with its sidecar file (node/exportFiles.ts), the same code `rnn-lab export` runs.
// Reading the run's data and generating the script may take longer than the 50 ms the extension host may be busy,
// so it runs here; the worker posts one answer (the script written, or an error) and the host terminates it.
import { parentPort } from 'node:worker_threads';
import { ExportError } from '../lab/export/exportBundle';
import { buildRunExport } from '../lab/export/runExport';
import { writeExportBundle } from '../node/exportFiles';
import { nodePlatform } from '../node/nodePlatform';
import type { ExportRunRequest, ExportWorkerMessage } from '../protocol/exportProtocol';
import { parseExportRunRequest } from '../protocol/exportProtocol';
import { describeIssue } from '../protocol/validation';

/**
 * An ExportError's message as it is (it already says what to do); any other failure (a file that cannot be written,
 * a bug) with its kind when that says more than "Error".
 */
export function describeExportFailure(error: unknown): string {
  if (error instanceof ExportError) return error.message;
  if (!(error instanceof Error)) return String(error);
  return error.name === 'Error' || error.name === '' ? error.message : `${error.name}: ${error.message}`;
}

/** Builds and writes the export; every failure becomes an `error` answer, never an exception. */
export async function exportRun(request: ExportRunRequest): Promise<ExportWorkerMessage> {
  try {
    const bundle = await buildRunExport(request.runDirectory, nodePlatform, request.out === undefined ? {} : { out: request.out });
    await writeExportBundle(bundle);
    return { type: 'exported', scriptPath: bundle.scriptPath, runJsonPath: bundle.runJsonPath, summary: bundle.summary };
  } catch (error) {
    return { type: 'error', message: describeExportFailure(error) };
  }
}

const port = parentPort;
if (port !== null) {
  port.on('message', (raw: unknown) => {
    const parsed = parseExportRunRequest(raw);
    if (!parsed.ok) {
      port.postMessage({ type: 'error', message: `malformed request: ${describeIssue(parsed.issue)}` } satisfies ExportWorkerMessage);
      return;
    }
    void exportRun(parsed.value).then((answer) => port.postMessage(answer));
  });
}
