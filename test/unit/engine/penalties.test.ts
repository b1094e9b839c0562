import * as assert from 'assert';
import { applyL2Penalty, isL2Penalized, l2Penalty } from '../../../src/engine/remedies/penalties';
import type { ParameterSet } from '../../../src/engine/tensor';

function set(values: Record<string, number[]>): ParameterSet {
  return { tensors: Object.entries(values).map(([name, data]) => ({ name, shape: [data.length], data: Float64Array.from(data) })) };
}

describe('L2 penalty λ‖θ‖²/2 (weights only)', () => {
  it('decays every weight matrix, including the decoder and the readout, and no bias', () => {
    for (const name of ['weight_ih_l0', 'weight_hh_l3', 'weight_out', 'decoder.weight_hh_l0', 'decoder.weight_ih_l1']) assert.ok(isL2Penalized(name), name);
    for (const name of ['bias_ih_l0', 'bias_hh_l1', 'bias_out', 'decoder.bias_ih_l0']) assert.ok(!isL2Penalized(name), name);
  });

  it('adds λθ to the weight gradients and returns λ‖W‖²/2, hand-computed', () => {
    const parameters = set({ weight_hh_l0: [1, -2], bias_hh_l0: [10], weight_out: [3] });
    const gradients = set({ weight_hh_l0: [0.5, 0.5], bias_hh_l0: [1], weight_out: [0] });
    const penalty = applyL2Penalty(parameters, gradients, 0.1);
    assert.ok(Math.abs(penalty - 0.05 * (1 + 4 + 9)) < 1e-15); // the bias (10) is not counted
    assert.deepStrictEqual(Array.from(gradients.tensors[0].data), [0.5 + 0.1, 0.5 - 0.2]);
    assert.deepStrictEqual(Array.from(gradients.tensors[1].data), [1]);
    assert.ok(Math.abs(gradients.tensors[2].data[0] - 0.3) < 1e-15);
    assert.ok(Math.abs(l2Penalty(parameters, 0.1) - penalty) < 1e-15);
  });

  it('its gradient matches central finite differences of the penalty', () => {
    const parameters = set({ weight_ih_l0: [0.3, -1.2, 0.7], bias_ih_l0: [0.4] });
    const gradients = set({ weight_ih_l0: [0, 0, 0], bias_ih_l0: [0] });
    const lambda = 0.37;
    applyL2Penalty(parameters, gradients, lambda);
    const epsilon = 1e-6;
    parameters.tensors.forEach((tensor, k) => {
      for (let i = 0; i < tensor.data.length; i++) {
        const original = tensor.data[i];
        tensor.data[i] = original + epsilon;
        const plus = l2Penalty(parameters, lambda);
        tensor.data[i] = original - epsilon;
        const minus = l2Penalty(parameters, lambda);
        tensor.data[i] = original;
        const numeric = (plus - minus) / (2 * epsilon);
        const analytic = gradients.tensors[k].data[i];
        assert.ok(Math.abs(numeric - analytic) / Math.max(Math.abs(numeric), Math.abs(analytic), 1e-12) < 1e-6 || Math.abs(numeric - analytic) < 1e-9, `${tensor.name}[${i}]`);
      }
    });
  });

  it('λ = 0 changes nothing; bad λ and mismatched gradients are rejected', () => {
    const parameters = set({ weight_out: [2] });
    const gradients = set({ weight_out: [1] });
    assert.strictEqual(applyL2Penalty(parameters, gradients, 0), 0);
    assert.strictEqual(gradients.tensors[0].data[0], 1);
    assert.throws(() => applyL2Penalty(parameters, gradients, -1), /L2 strength must be a finite number ≥ 0, got -1/);
    assert.throws(() => applyL2Penalty(parameters, set({ weight_hh_l0: [1] }), 0.1), /gradient 0 is "weight_hh_l0" \(1 values\), expected "weight_out"/);
    assert.throws(() => applyL2Penalty(parameters, set({}), 0.1), /1 parameter tensors but 0 gradient tensors/);
  });
});
