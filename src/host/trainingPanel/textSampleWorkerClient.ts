// The host end of text sampling (issue 6, chart 6): reads a saved run's model.json (asynchronously) and has a fresh
// worker_threads worker (dist/textSampleWorker.js) draw the sample, so the extension host is never busy for more than
// the file read's callbacks. No vscode import, so unit tests drive it with a freshly bundled worker.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { SampledTextWorkerMessage, SampleTextWorkerRequest } from '../../protocol/textSampleProtocol';
import { parseSamplingWorkerMessage } from '../../protocol/textSampleProtocol';
import { runInOneShotWorker } from '../platform/oneShotWorker';

/** 2000 characters take well under a second; beyond this the worker is stopped and the sample reported as failed. */
export const SAMPLING_TIMEOUT_MS = 60_000;

export type TextSampleParameters = Omit<SampleTextWorkerRequest, 'type' | 'modelJson'>;

/** Runs one request in a fresh worker; resolves with its validated answer, rejects with the worker's error. */
export function sampleTextInWorker(workerScript: string, request: SampleTextWorkerRequest): Promise<SampledTextWorkerMessage> {
  return runInOneShotWorker<SampledTextWorkerMessage>({ workerScript, request, parse: parseSamplingWorkerMessage, timeoutMs: SAMPLING_TIMEOUT_MS, awaited: 'sample', job: 'textSample' });
}

/** model.json beside a run's run.json (the file name the run record stores; runStore.ts writes it there). */
export function modelJsonPathOf(runJsonPath: string, modelFile: string): string {
  if (path.basename(modelFile) !== modelFile) throw new Error(`the run record's modelFile "${modelFile}" is not a file name in the run's folder`);
  return path.join(path.dirname(runJsonPath), modelFile);
}

/** Samples from a saved run: reads its model file, then draws in a worker. */
export async function sampleTextFromSavedRun(
  workerScript: string,
  modelJsonPath: string,
  parameters: TextSampleParameters,
): Promise<SampledTextWorkerMessage> {
  const modelJson = await fs.readFile(modelJsonPath, 'utf8');
  return sampleTextInWorker(workerScript, { type: 'sample', modelJson, ...parameters });
}
