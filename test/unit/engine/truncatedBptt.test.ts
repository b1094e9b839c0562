// Truncated BPTT(k1, k2): (T, T) is full BPTT exactly; (k, k) equals a run chunked by hand with the state carried.
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

  it('TBPTT(k, k) on a synced LSTM equals chunks run by hand, carrying h and c without gradient', () => {
    const { model, examples } = createGradientCheckProblem({ cell: 'lstm', topology: 'many-to-many-synced', loss: 'mse', seed: 8, steps: 7, batchSize: 1 });
    const sequence = examples[0]!;
    const I = model.config.inputSize;
    const O = model.config.outputSize;
    const m = 7 * O;
    truncatedBatchGradients(model, examples, [0], 0, 1, { k1: 3, k2: 3 });
    const truncated = gradients(model);

    // by hand: chunks [0,3), [3,6), [6,7); gradients summed, state handed over as plain numbers
    const total = zerosLike(model.parameters);
    let state = null;
    let loss = 0;
    for (const [start, end] of [[0, 3], [3, 6], [6, 7]] as const) {
      const chunk: SequenceExample = {
        inputLength: end - start,
        inputs: sequence.inputs.slice(start * I, end * I),
        targetLength: end - start,
        targets: sequence.targets.slice(start * O, end * O),
      };
      model.zeroGradients();
      model.forward(chunk, state);
      loss += meanSquaredError(model.outputs, chunk.targets, (end - start) * O, m, model.outputGradient);
      model.backward(model.outputGradient);
      model.gradients.tensors.forEach((t, i) => t.data.forEach((g, j) => (total.tensors[i]!.data[j]! += g)));
      state = model.finalState();
    }
    const byHand = total.tensors.flatMap((t) => Array.from(t.data));
    byHand.forEach((g, i) => assert.ok(Math.abs(g - truncated[i]!) <= 1e-15 * Math.max(1, Math.abs(g)), `entry ${i}`));
    assert.ok(loss > 0);
    // and truncation changes the gradient (the test is not vacuous)
    computeBatchGradients(model, examples, [0], 0, 1);
    assert.notDeepEqual(gradients(model), truncated);
  });

  it('TBPTT(2, 4) on many-to-one backpropagates k2 = 4 steps back from the scored last step', () => {
    const { model, examples } = createGradientCheckProblem({ cell: 'rnn', topology: 'many-to-one', loss: 'mse', seed: 4, steps: 8, batchSize: 1 });
    truncatedBatchGradients(model, examples, [0], 0, 1, { k1: 2, k2: 4 });
    const norms = model.hiddenGradientNorms()[0]!;
    // the last backward window covers steps 4…7 of the sequence
    assert.equal(norms.length, 4);
    assert.ok(norms.every((n) => n > 0));
  });

  it('rejects k2 < k1 and topologies it does not apply to', () => {
    const { model, examples } = createGradientCheckProblem({ cell: 'rnn', topology: 'many-to-one', loss: 'mse', seed: 4 });
    assert.throws(() => truncatedBatchGradients(model, examples, [0], 0, 1, { k1: 3, k2: 2 }), /1 ≤ k1 ≤ k2/);
    const other = createGradientCheckProblem({ cell: 'rnn', topology: 'one-to-many', loss: 'mse', seed: 4 });
    assert.throws(() => truncatedBatchGradients(other.model, other.examples, [0], 0, 1, { k1: 2, k2: 2 }), /does not apply|not one-to-many/);
  });
});
