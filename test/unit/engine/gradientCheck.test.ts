// BPTT gradients against central differences (docs/maths.md, "Gradient check"): every cell × topology × loss, the
// vanilla RNN's three nonlinearities, stacked layers and non-zero initial states. J(θ ± ε) is evaluated by the
// independent double-double reference forward pass (referenceLoss.ts), so the tolerance 1e-6 is meaningful.
import * as assert from 'node:assert/strict';
import { TOPOLOGY_IDS } from '../../../src/engine/dataset';
import { checkGradients, createGradientCheckProblem, type GradientCheckProblemSpec } from '../../../src/engine/gradcheck';
import { CELL_KINDS, LOSS_KINDS } from '../../../src/engine/modelConfig';

const TOLERANCE = 1e-6;

function assertGradientsMatch(spec: GradientCheckProblemSpec): number {
  const problem = createGradientCheckProblem(spec);
  const report = checkGradients(problem.model, problem.examples, { initialState: problem.initialState });
  const failing = report.parameters.filter((p) => !(p.worstRelativeError <= TOLERANCE));
  assert.deepEqual(
    failing.map((p) => `${p.name}: ${p.worstRelativeError} (analytic ${p.analytic}, numeric ${p.numeric})`),
    [],
  );
  // every parameter was compared, and at least one gradient entry is clearly non-zero (the check is not vacuous)
  assert.equal(report.parameters.length, problem.model.parameters.tensors.length);
  assert.ok(report.parameters.some((p) => Math.abs(p.analytic) > 1e-4 || Math.abs(p.numeric) > 1e-4));
  return report.worstRelativeError;
}

describe('gradient check: BPTT vs central differences', function () {
  this.timeout(120_000);
  for (const cell of CELL_KINDS) {
    for (const topology of TOPOLOGY_IDS) {
      for (const loss of LOSS_KINDS) {
        it(`${cell} ${topology} ${loss}`, () => {
          assertGradientsMatch({ cell, topology, loss, seed: 11 });
        });
      }
    }
  }

  for (const nonlinearity of ['relu', 'sigmoid'] as const) {
    for (const topology of ['many-to-one', 'many-to-many-synced', 'many-to-many-encoder-decoder'] as const) {
      it(`rnn (${nonlinearity}) ${topology}`, () => {
        assertGradientsMatch({ cell: 'rnn', nonlinearity, topology, loss: 'mse', seed: 5 });
      });
    }
  }

  for (const cell of CELL_KINDS) {
    it(`${cell}: 2 layers, non-zero h0 (and c0), synced, mse`, () => {
      assertGradientsMatch({ cell, numLayers: 2, topology: 'many-to-many-synced', loss: 'mse', seed: 3, randomInitialState: true });
    });
    it(`${cell}: 3 layers, encoder–decoder with M ≠ T, xent`, () => {
      assertGradientsMatch({ cell, numLayers: 3, topology: 'many-to-many-encoder-decoder', loss: 'xent', seed: 4, steps: 3, outputSteps: 5, hiddenSize: 2 });
    });
  }

  it('one-to-many with the input repeated at every step', () => {
    assertGradientsMatch({ cell: 'gru', topology: 'one-to-many', loss: 'mse', seed: 9, oneToManyInput: 'every-step' });
  });

  it('a 2-layer LSTM at the maximum gradient-check size (T = 8, H = 4)', () => {
    assertGradientsMatch({ cell: 'lstm', numLayers: 2, topology: 'many-to-one', loss: 'mse', seed: 2, steps: 8, hiddenSize: 4, batchSize: 1 });
  });

  it('float64 central differences are limited by rounding (why the check uses double-double)', () => {
    const problem = createGradientCheckProblem({ cell: 'lstm', numLayers: 2, topology: 'many-to-many-encoder-decoder', loss: 'mse', seed: 1 });
    const exact = checkGradients(problem.model, problem.examples);
    const rounded = checkGradients(problem.model, problem.examples, { precision: 'float64' });
    assert.ok(exact.worstRelativeError < 1e-8, `double-double: ${exact.worstRelativeError}`);
    assert.ok(rounded.worstRelativeError > exact.worstRelativeError * 10, `float64: ${rounded.worstRelativeError}`);
  });
});
