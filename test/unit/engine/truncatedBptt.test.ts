// Truncated BPTT(k1, k2): k2 ≥ T is full BPTT bit for bit; every window reaches back k2 steps (also a short last one),
// checked against a reference that detaches the carried state explicitly.
import * as assert from 'node:assert/strict';
import { computeBatchGradients } from '../../../src/engine/bptt';
import type { SequenceExample } from '../../../src/engine/dataset';
import { createGradientCheckProblem } from '../../../src/engine/gradcheck';
import { meanSquaredError } from '../../../src/engine/losses';
import { truncatedBatchGradients } from '../../../src/engine/truncatedBptt';
import { zerosLike } from '../../../src/engine/tensor';

function gradients(model: { gradients: { tensors: readonly { data: Float64Array }[] } }): number[] {
  return model.gradients.tensors.flatMap((t) => Array.from(t.data));
}

describe('truncated BPTT', () => {
  for (const cell of ['rnn', 'lstm', 'gru'] as const) {
    for (const topology of ['many-to-one', 'many-to-many-synced'] as const) {
      it(`${cell} ${topology}: TBPTT(T, T) equals full BPTT`, () => {
        const { model, examples } = createGradientCheckProblem({ cell, topology, loss: 'mse', seed: 3, steps: 6, numLayers: 2 });
        const full = computeBatchGradients(model, examples, [0, 1], 0, 2);
        const fullGradients = gradients(model);
        const truncated = truncatedBatchGradients(model, examples, [0, 1], 0, 2, { k1: 6, k2: 6 });
        assert.equal(truncated, full);
        assert.deepEqual(gradients(model), fullGradients);
      });
    }
  }

  // An independent reference: for every window, the state after step s_w − 1 is computed by a separate forward pass
  // over the prefix and handed over as plain numbers (explicitly detached); the window [s_w, e_w) is run from it, its
  // new steps scored with the full-BPTT m, and the gradients summed. Windows listed by hand.
  function detachedReference(
    model: ReturnType<typeof createGradientCheckProblem>['model'],
    sequence: SequenceExample,
    windows: readonly (readonly [start: number, firstScored: number, end: number])[],
  ): number[] {
    const I = model.config.inputSize;
    const O = model.config.outputSize;
    const synced = model.config.topology === 'many-to-many-synced';
    const T = sequence.inputLength;
    const m = (synced ? T : 1) * O;
    const total = zerosLike(model.parameters);
    for (const [start, firstScored, end] of windows) {
      let state = null;
      if (start > 0) {
        model.forward({ inputLength: start, inputs: sequence.inputs.slice(0, start * I), targetLength: synced ? start : 1 });
        const carried = model.finalState();
        state = { hidden: Float64Array.from(carried.hidden), cell: carried.cell === null ? null : Float64Array.from(carried.cell) };
      }
      const steps = end - start;
      model.zeroGradients();
      model.forward({ inputLength: steps, inputs: sequence.inputs.slice(start * I, end * I), targetLength: synced ? steps : 1 }, state);
      const gradient = new Float64Array(model.outputGradient.length);
      const rows = synced ? end - firstScored : 1;
      const firstRow = synced ? firstScored - start : 0;
      const targets = synced ? sequence.targets.slice(firstScored * O, end * O) : sequence.targets;
      meanSquaredError(model.outputs.subarray(firstRow * O), targets, rows * O, m, gradient.subarray(firstRow * O));
      model.backward(gradient);
      model.gradients.tensors.forEach((t, i) => t.data.forEach((g, j) => (total.tensors[i]!.data[j]! += g)));
    }
    return total.tensors.flatMap((t) => Array.from(t.data));
  }

  for (const cell of ['rnn', 'lstm', 'gru'] as const) {
    for (const topology of ['many-to-one', 'many-to-many-synced'] as const) {
      it(`${cell} ${topology}: TBPTT(K, K) with K ≥ T and TBPTT(19, 20) on T = 20 are full BPTT bit for bit`, () => {
        const { model, examples } = createGradientCheckProblem({ cell, topology, loss: 'mse', seed: 5, steps: 20, numLayers: 2, batchSize: 2 });
        const full = computeBatchGradients(model, examples, [0, 1], 0, 2);
        const fullGradients = gradients(model);
        for (const [k1, k2] of [[20, 20], [25, 25], [19, 20], [10, 20], [1, 20], [3, 40]] as const) {
          const truncated = truncatedBatchGradients(model, examples, [0, 1], 0, 2, { k1, k2 });
          assert.equal(truncated, full, `loss of (${k1}, ${k2})`);
          assert.deepEqual(gradients(model), fullGradients, `gradient of (${k1}, ${k2})`);
        }
        // and a real truncation differs (the test is not vacuous): (2, 2) reaches back 2 steps only
        truncatedBatchGradients(model, examples, [0, 1], 0, 2, { k1: 2, k2: 2 });
        assert.notDeepEqual(gradients(model), fullGradients);
      });

      it(`${cell} ${topology}: TBPTT(3, 4) on T = 7 (short last segment) backpropagates every window k2 = 4 steps`, () => {
        const { model, examples } = createGradientCheckProblem({ cell, topology, loss: 'mse', seed: 8, steps: 7, numLayers: 2, batchSize: 1 });
        truncatedBatchGradients(model, examples, [0], 0, 1, { k1: 3, k2: 4 });
        const truncated = gradients(model);
        // by hand: e = 3, 6, 7; s = max(0, e − 4) = 0, 2, 3; new steps [0, 3), [3, 6), [6, 7).
        // Many-to-one scores only step 6, in the last window [3, 7).
        const windows: (readonly [number, number, number])[] =
          topology === 'many-to-one' ? [[3, 6, 7]] : [[0, 0, 3], [2, 3, 6], [3, 6, 7]];
        const reference = detachedReference(model, examples[0]!, windows);
        reference.forEach((g, i) => assert.ok(Math.abs(g - truncated[i]!) <= 1e-14 * Math.max(1, Math.abs(g)), `entry ${i}: ${g} vs ${truncated[i]}`));
        // the old rule s_w = max(0, e_{w−1} − (k2 − k1)) started the last window at 5: a different gradient
        const old = detachedReference(model, examples[0]!, topology === 'many-to-one' ? [[5, 6, 7]] : [[0, 0, 3], [2, 3, 6], [5, 6, 7]]);
        assert.ok(old.some((g, i) => Math.abs(g - truncated[i]!) > 1e-9), 'differs from the short last window');
      });
    }
  }

  it('TBPTT(k1, 4) on many-to-one backpropagates k2 = 4 steps back from the scored last step, also for T mod k1 ≠ 0', () => {
    for (const [steps, k1] of [[8, 2], [7, 2], [7, 3]] as const) {
      const { model, examples } = createGradientCheckProblem({ cell: 'rnn', topology: 'many-to-one', loss: 'mse', seed: 4, steps, batchSize: 1 });
      truncatedBatchGradients(model, examples, [0], 0, 1, { k1, k2: 4 });
      const norms = model.hiddenGradientNorms()[0]!;
      // the last backward window covers steps T−4 … T−1 of the sequence
      assert.equal(norms.length, 4, `T = ${steps}, k1 = ${k1}`);
      assert.ok(norms.every((n) => n > 0));
    }
  });

  it('rejects k2 < k1 and topologies it does not apply to', () => {
    const { model, examples } = createGradientCheckProblem({ cell: 'rnn', topology: 'many-to-one', loss: 'mse', seed: 4 });
    assert.throws(() => truncatedBatchGradients(model, examples, [0], 0, 1, { k1: 3, k2: 2 }), /1 ≤ k1 ≤ k2/);
    const other = createGradientCheckProblem({ cell: 'rnn', topology: 'one-to-many', loss: 'mse', seed: 4 });
    assert.throws(() => truncatedBatchGradients(other.model, other.examples, [0], 0, 1, { k1: 2, k2: 2 }), /does not apply|not one-to-many/);
  });
});
