// W3 (issue 4, "Performance"): one full ‖∂J/∂h_k‖ diagnostic — forward over T = 100 steps, backward through all of
// them, the per-timestep norms of every layer — on a vanilla tanh RNN with H = 64, as the gradient panel requests it
// per sampled epoch. Timed per call in CPU time (median over repetitions of the mean over a window of calls).
import { hiddenGradientDiagnostics } from '../src/engine/bptt';
import { createInitializedParameters } from '../src/engine/init';
import { RecurrentModel } from '../src/engine/model';
import { SeededRandom } from '../src/engine/random';
import { benchModelConfig } from './rnnLabWorkload';
import { cpuMs, median, stepsForWindow } from './timing';
import { noisySineWindows } from './workloadData';

export const W3_SEQUENCE_LENGTH = 100;
export const W3_HIDDEN_SIZE = 64;

export function measureDiagnosticMs(repetitions: number, windowMs: number): number {
  const config = benchModelConfig('rnn', W3_HIDDEN_SIZE);
  const model = new RecurrentModel(config, createInitializedParameters(config, { scheme: 'xavier' }, new SeededRandom(3)));
  const data = noisySineWindows(8, W3_SEQUENCE_LENGTH, 3);
  let checksum = 0;
  const run = (calls: number): number => {
    const start = cpuMs();
    for (let c = 0; c < calls; c++) checksum += hiddenGradientDiagnostics(model, data.examples[c % data.examples.length]).hiddenGradNorms[0][0];
    return Math.max(cpuMs() - start, 1e-3);
  };
  run(5); // warm-up (JIT)
  const calls = stepsForWindow(windowMs, run(5), 5);
  const perCall: number[] = [];
  for (let r = 0; r < repetitions; r++) perCall.push(run(calls) / calls);
  if (!Number.isFinite(checksum)) throw new Error('W3: the diagnostic produced a non-finite gradient norm');
  return median(perCall);
}
