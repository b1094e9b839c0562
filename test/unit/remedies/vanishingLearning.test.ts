// The lecture's point, with fixed seeds: on the adding problem (T = 30, one marker in each half, so the first marked
// value lies 15–30 steps before the output), an LSTM learns to add while a vanilla tanh RNN with Xavier
// initialisation — whose ‖∂J/∂h_k‖ vanishes with the lag — stays at the constant predictor, in the same budget.
import * as assert from 'node:assert/strict';
import { evaluateLoss } from '../../../src/engine/bptt';
import { addingProblem, trainRun, vanillaConfig } from './remedyFixtures';

const STEPS = 30;
/** J of the best constant prediction (0 for the centred target): Var(u₁ + u₂)/2 = (1/6)/2. */
const CONSTANT_PREDICTOR_LOSS = 1 / 12;

function addingRun(cell: 'rnn' | 'lstm') {
  const config = vanillaConfig({ cell, inputSize: 2, hiddenSize: 8 });
  const validation = addingProblem(200, STEPS, 99);
  const run = trainRun(config, addingProblem(300, STEPS, 7), {
    remedies: { init: { scheme: 'xavier' } },
    optimizer: 'adam',
    learningRate: 0.02,
    epochs: 12,
    batchSize: 8,
    seed: 1,
    validation,
    diagnostics: { samples: 1 },
  });
  return { ...run, validationLoss: evaluateLoss(run.model, validation) };
}

describe('vanishing gradients: the adding problem, T = 30', function () {
  this.timeout(60000);

  it('an LSTM reaches low error where a vanilla tanh RNN (Xavier) stays at the constant predictor, same budget', () => {
    const lstm = addingRun('lstm');
    const rnn = addingRun('rnn');
    assert.ok(lstm.validationLoss < 0.01, `LSTM validation J = ${lstm.validationLoss}`);
    assert.ok(rnn.validationLoss > 0.6 * CONSTANT_PREDICTOR_LOSS, `vanilla RNN validation J = ${rnn.validationLoss}`);
    // and why: at the first step the vanilla RNN's ‖∂J/∂h_0‖ is a tiny fraction of ‖∂J/∂h_{T−1}‖, the LSTM's is not
    const decay = (run: typeof lstm): number => {
      const norms = run.outcome.result.diagnostics!.hiddenGradNorms[0]!;
      return norms[0]! / norms[STEPS - 1]!;
    };
    assert.ok(decay(rnn) < 1e-3, `vanilla ‖∂J/∂h_0‖/‖∂J/∂h_29‖ = ${decay(rnn)}`);
    assert.ok(decay(lstm) > 10 * decay(rnn), `LSTM ratio ${decay(lstm)} vs vanilla ${decay(rnn)}`);
  });
});
