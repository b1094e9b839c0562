// Seeded RNG: the same seed gives a bit-identical run; another seed gives another run.
import * as assert from 'node:assert/strict';
import { modelConfig, sineWindows, trainSeeded } from './trainingFixtures';

function run(seed: number, cell: 'rnn' | 'lstm' | 'gru'): { parameters: number[]; losses: number[]; norms: number[][] } {
  const { model, result } = trainSeeded(modelConfig({ cell, numLayers: 2, hiddenSize: 5 }), sineWindows(30, 6), {
    optimizer: 'adam',
    learningRate: 0.01,
    epochs: 3,
    batchSize: 4,
    seed,
    validation: sineWindows(5, 6, 100),
  });
  return {
    parameters: model.parameters.tensors.flatMap((t) => Array.from(t.data)),
    losses: [...result.lossPerEpoch, ...result.validationLossPerEpoch],
    norms: result.diagnostics!.hiddenGradNorms,
  };
}

describe('seeded determinism', () => {
  for (const cell of ['rnn', 'lstm', 'gru'] as const) {
    it(`${cell}: the same seed trains bit-identically`, () => {
      const a = run(42, cell);
      const b = run(42, cell);
      // Object.is compares the exact float64 bits (and would tell −0 from 0)
      assert.equal(a.parameters.length, b.parameters.length);
      a.parameters.forEach((value, i) => assert.ok(Object.is(value, b.parameters[i]), `parameter ${i}`));
      assert.deepEqual(a.losses, b.losses);
      assert.deepEqual(a.norms, b.norms);
    });
  }

  it('another seed gives other parameters', () => {
    const a = run(1, 'rnn');
    const b = run(2, 'rnn');
    assert.notDeepEqual(a.parameters, b.parameters);
  });
});
