// worker_threads entry (dist/gradientCheckWorker.js) for "RNN Lab: Gradient Check": runs the engine's finite-difference
// check (docs/maths.md "Gradient check") on a tiny model off the extension-host thread — it takes 0.3–2 s, far above
// the 50 ms the host may be busy — and posts one result or one error, then the host terminates it.
import { parentPort } from 'node:worker_threads';
import { checkGradients, createGradientCheckProblem } from '../engine/gradcheck';
import type { GradientCheckWorkerMessage, RunGradientCheckMessage } from '../protocol/gradientCheckProtocol';
import { parseRunGradientCheckMessage } from '../protocol/gradientCheckProtocol';
import { describeIssue } from '../protocol/validation';

export function runGradientCheck(message: RunGradientCheckMessage, clock: () => number = () => performance.now()): GradientCheckWorkerMessage {
  const { request } = message;
  const started = clock();
  const problem = createGradientCheckProblem({
    cell: request.cell,
    nonlinearity: request.nonlinearity,
    numLayers: request.numLayers,
    topology: request.topology,
    loss: 'mse',
    seed: request.seed,
    hiddenSize: request.hiddenSize,
    steps: request.steps,
  });
  const report = checkGradients(problem.model, problem.examples, { initialState: problem.initialState });
  const shapes: Record<string, readonly number[]> = {};
  for (const tensor of problem.model.parameters.tensors) shapes[tensor.name] = [...tensor.shape];
  return { type: 'result', report, elapsedMs: clock() - started, shapes };
}

const port = parentPort;
if (port !== null) {
  port.on('message', (raw: unknown) => {
    const parsed = parseRunGradientCheckMessage(raw);
    let answer: GradientCheckWorkerMessage;
    if (!parsed.ok) answer = { type: 'error', message: `malformed request: ${describeIssue(parsed.issue)}` };
    else {
      try {
        answer = runGradientCheck(parsed.value);
      } catch (error) {
        answer = { type: 'error', message: error instanceof Error ? error.message : String(error) };
      }
    }
    port.postMessage(answer);
  });
}
