// finalTrainLoss / finalValidationLoss: J of the saved parameters on the whole training and validation sets, without
// penalties — recomputed here from the saved model.json with plain loops (h_t = tanh(W_ih x_t + b_ih + W_hh h_{t−1} +
// b_hh), ŷ = W_out h_T + b_out, J = Σ (ŷ − y)² / (2m)); trainLoss (the running mean of the last epoch) differs.
import * as assert from 'node:assert/strict';
import type { SequenceExample } from '../../../src/engine/dataset';
import { runTraining } from '../../../src/lab/training/trainingRun';
import { trainingJob } from './trainingRunFixtures';

interface StateDict {
  weight_ih_l0: number[][];
  weight_hh_l0: number[][];
  bias_ih_l0: number[];
  bias_hh_l0: number[];
  weight_out: number[][];
  bias_out: number[];
}

function lossByHand(p: StateDict, examples: readonly SequenceExample[]): number {
  const H = p.weight_hh_l0.length;
  let sum = 0;
  for (const example of examples) {
    let h = new Array<number>(H).fill(0);
    for (let t = 0; t < example.inputLength; t++) {
      const x = example.inputs[t]!;
      h = h.map((_, i) => Math.tanh(p.weight_ih_l0[i]![0]! * x + p.bias_ih_l0[i]! + p.weight_hh_l0[i]!.reduce((acc, w, j) => acc + w * h[j]!, 0) + p.bias_hh_l0[i]!));
    }
    const y = p.weight_out[0]!.reduce((acc, w, j) => acc + w * h[j]!, p.bias_out[0]!);
    sum += (y - example.targets[0]!) ** 2;
  }
  return sum / (2 * examples.length);
}

describe('the final model\'s loss (finalTrainLoss, finalValidationLoss)', () => {
  for (const overrides of [{}, { remedies: { l2: 0.01, clipNorm: 1 } }]) {
    it(`equals J of the saved parameters recomputed by hand, without penalties ${JSON.stringify(overrides)}`, () => {
      const job = trainingJob({ training: { epochs: 5, batch: 8, seed: 3 }, ...overrides });
      const run = runTraining(job, { clock: () => 0 });
      const saved = JSON.parse(run.modelJson) as { state_dict: StateDict; training: { finalTrainLoss: number; finalValidationLoss: number } };
      const train = lossByHand(saved.state_dict, job.data.train);
      const validation = lossByHand(saved.state_dict, job.data.validation);
      assert.ok(Math.abs(run.finalTrainLoss - train) <= 1e-13 * train, `${run.finalTrainLoss} vs ${train}`);
      assert.ok(Math.abs(run.finalValidationLoss - validation) <= 1e-13 * validation);
      assert.equal(saved.training.finalTrainLoss, run.finalTrainLoss);
      assert.equal(saved.training.finalValidationLoss, run.finalValidationLoss);
      // the reported trainLoss is the running mean over the last epoch, measured before each update: not J of the model
      assert.notEqual(run.outcome.result.trainLoss, run.finalTrainLoss);
    });
  }
});
