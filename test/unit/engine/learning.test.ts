// Learning with fixed seeds: the engine does not only compute gradients, it trains.
import * as assert from 'node:assert/strict';
import { evaluateLoss } from '../../../src/engine/bptt';
import type { SequenceExample } from '../../../src/engine/dataset';
import { CELL_KINDS } from '../../../src/engine/modelConfig';
import { SeededRandom } from '../../../src/engine/random';
import { modelConfig, sineWindows, trainSeeded } from './trainingFixtures';

describe('learning (fixed seeds)', function () {
  this.timeout(60_000);

  for (const cell of CELL_KINDS) {
    it(`${cell} fits the sine series to MSE < 1e-3`, () => {
      const training = sineWindows(100, 10);
      const { model, result } = trainSeeded(modelConfig({ cell }), training, { optimizer: 'adam', learningRate: 0.01, epochs: 12, batchSize: 4, seed: 1 });
      // evaluateLoss is J = 1/(2m) Σ (ŷ − y)², so the mean squared error is 2J
      const meanSquaredError = 2 * evaluateLoss(model, sineWindows(40, 10, 200));
      assert.ok(meanSquaredError < 1e-3, `held-out MSE ${meanSquaredError}`);
      assert.ok(result.lossPerEpoch[result.lossPerEpoch.length - 1]! < result.lossPerEpoch[0]! / 10);
    });
  }

  it('learns a toy many-to-one classification (is the sum of 6 numbers positive?) with cross-entropy', () => {
    const random = new SeededRandom(5);
    const make = (count: number): SequenceExample[] =>
      Array.from({ length: count }, () => {
        const values = Array.from({ length: 6 }, () => random.uniform(-1, 1));
        const label = values.reduce((a, b) => a + b, 0) > 0 ? 1 : 0;
        return { inputLength: 6, inputs: Float64Array.from(values), targetLength: 1, targets: new Float64Array(0), targetClasses: Int32Array.of(label) };
      });
    const training = make(200);
    const test = make(100);
    const { model } = trainSeeded(modelConfig({ outputSize: 2, loss: 'xent' }), training, { optimizer: 'adam', learningRate: 0.02, epochs: 20, batchSize: 8, seed: 1 });
    let correct = 0;
    for (const example of test) {
      model.forward(example);
      if ((model.outputs[1]! > model.outputs[0]! ? 1 : 0) === example.targetClasses![0]) correct++;
    }
    assert.ok(correct / test.length >= 0.9, `held-out accuracy ${correct / test.length}`);
  });

  it('an encoder–decoder learns to reverse a sequence of 3 numbers', () => {
    const random = new SeededRandom(7);
    const make = (count: number): SequenceExample[] =>
      Array.from({ length: count }, () => {
        const values = Array.from({ length: 3 }, () => random.uniform(-1, 1));
        return { inputLength: 3, inputs: Float64Array.from(values), targetLength: 3, targets: Float64Array.from([...values].reverse()) };
      });
    const training = make(200);
    const test = make(50);
    const config = modelConfig({ cell: 'gru', hiddenSize: 16, topology: 'many-to-many-encoder-decoder', outputLength: 3 });
    const { model } = trainSeeded(config, training, { optimizer: 'adam', learningRate: 0.01, epochs: 25, batchSize: 8, seed: 1 });
    // targets are U(−1, 1): predicting 0 gives MSE 1/3; the reversed order must be learned to get far below
    const meanSquaredError = 2 * evaluateLoss(model, test);
    assert.ok(meanSquaredError < 0.01, `held-out MSE ${meanSquaredError}`);
    model.forward(test[0]!);
    assert.ok(Math.abs(model.outputs[0]! - test[0]!.inputs[2]!) < 0.15);
    assert.ok(Math.abs(model.outputs[2]! - test[0]!.inputs[0]!) < 0.15);
  });
});
