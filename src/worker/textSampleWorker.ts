// worker_threads entry (dist/textSampleWorker.js) for the training panel's "Text sample" card (issue 6, chart 6): parses
// the run's model.json, checks it is a character model, and draws the sample with the engine (sampling.ts). Parsing a
// model file and running 2000 single-step forward passes can take longer than the 50 ms the extension host may be
// busy, so it runs here; the worker posts one answer (the sample or an error) and the host terminates it.
import { parentPort } from 'node:worker_threads';
import { sampleText } from '../engine/sampling';
import { characterModelFromFile } from '../modelFiles/characterModelFile';
import { parseModel } from '../modelFiles/modelJson';
import type { SampleTextWorkerRequest, SamplingWorkerMessage } from '../protocol/textSampleProtocol';
import { parseSampleTextWorkerRequest } from '../protocol/textSampleProtocol';
import { describeIssue } from '../protocol/validation';

/** Draws one sample; every failure (bad file, not a character model, bad option) becomes an `error` answer. */
export function runTextSampling(request: SampleTextWorkerRequest, clock: () => number = () => performance.now()): SamplingWorkerMessage {
  const started = clock();
  try {
    const characterModel = characterModelFromFile(parseModel(request.modelJson, 'model.json'));
    const sample = sampleText(characterModel, {
      prime: request.prime,
      length: request.length,
      temperature: request.temperature,
      seed: request.seed,
      unknownPrimeCharacters: 'skip',
    });
    return { type: 'sampled', text: sample.text, greedy: sample.greedy, skippedPrimeCharacters: [...sample.skippedPrimeCharacters], elapsedMs: clock() - started };
  } catch (error) {
    return { type: 'error', message: error instanceof Error ? error.message : String(error) };
  }
}

const port = parentPort;
if (port !== null) {
  port.on('message', (raw: unknown) => {
    const parsed = parseSampleTextWorkerRequest(raw);
    const answer: SamplingWorkerMessage = parsed.ok ? runTextSampling(parsed.value) : { type: 'error', message: `malformed request: ${describeIssue(parsed.issue)}` };
    port.postMessage(answer);
  });
}
