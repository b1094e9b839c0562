// The time loop checked with a trivial cell whose outputs are known by hand (tfjs-layers style): a 1-unit ReLU RNN
// with W_ih = W_hh = W_out = 1 and zero biases is h_t = relu(x_t + h_{t−1}) — for positive inputs a running sum —
// so every topology's outputs, and BPTT's ∂J/∂h_k and gradients, can be written down exactly.
import * as assert from 'node:assert/strict';
import { computeBatchGradients, hiddenGradientDiagnostics } from '../../../src/engine/bptt';
import type { SequenceExample, TopologyId } from '../../../src/engine/dataset';
import { RecurrentModel, createZeroParameters } from '../../../src/engine/model';
import type { ModelConfig } from '../../../src/engine/modelConfig';

function identityModel(topology: TopologyId, numLayers = 1, extra: Partial<ModelConfig> = {}): RecurrentModel {
  const config: ModelConfig = {
    cell: 'rnn',
    nonlinearity: 'relu',
    inputSize: 1,
    hiddenSize: 1,
    outputSize: 1,
    numLayers,
    topology,
    loss: 'mse',
    oneToManyInput: 'first-step',
    outputLength: 3,
    ...extra,
  };
  const parameters = createZeroParameters(config);
  for (const tensor of parameters.tensors) if (tensor.name.includes('weight')) tensor.data.fill(1);
  return new RecurrentModel(config, parameters);
}

function example(inputs: number[], targets: number[]): SequenceExample {
  return { inputLength: inputs.length, inputs: Float64Array.from(inputs), targetLength: targets.length, targets: Float64Array.from(targets) };
}

function gradientOf(model: RecurrentModel, name: string): number[] {
  return Array.from(model.gradients.tensors.find((t) => t.name === name)!.data);
}

describe('time loop with a hand-computable identity ReLU RNN', () => {
  it('synced: outputs are the running sums; ∂J/∂h_k = Σ_{t≥k} (ŷ_t − y_t)/m', () => {
    const model = identityModel('many-to-many-synced');
    const sequence = example([1, 2, 3, 4], [0, 0, 0, 0]);
    const loss = computeBatchGradients(model, [sequence], [0], 0, 1);
    assert.deepEqual(Array.from(model.outputs.subarray(0, 4)), [1, 3, 6, 10]);
    // J = 1/(2·4) (1 + 9 + 36 + 100)
    assert.equal(loss, 146 / 8);
    // residuals/m = [1, 3, 6, 10]/4; suffix sums = [20, 19, 16, 10]/4
    const dh = [5, 4.75, 4, 2.5];
    assert.deepEqual(model.hiddenGradientNorms()[0], dh);
    // dW_out = Σ_t dŷ_t h_t = (1·1 + 3·3 + 6·6 + 10·10)/4; db_out = Σ dŷ_t = 20/4
    assert.deepEqual(gradientOf(model, 'weight_out'), [146 / 4]);
    assert.deepEqual(gradientOf(model, 'bias_out'), [5]);
    // dW_hh = Σ_k dh_k h_{k−1} = 5·0 + 4.75·1 + 4·3 + 2.5·6; dW_ih = Σ_k dh_k x_k = 5 + 9.5 + 12 + 10
    assert.deepEqual(gradientOf(model, 'weight_hh_l0'), [4.75 + 12 + 15]);
    assert.deepEqual(gradientOf(model, 'weight_ih_l0'), [36.5]);
    assert.deepEqual(gradientOf(model, 'bias_ih_l0'), [16.25]);
  });

  it('many-to-one: only the last step is scored; the gradient reaches every step undiminished', () => {
    const model = identityModel('many-to-one');
    const loss = computeBatchGradients(model, [example([1, 2, 3], [4])], [0], 0, 1);
    assert.deepEqual(Array.from(model.outputs.subarray(0, 1)), [6]);
    assert.equal(loss, 2); // ½ (6 − 4)²
    assert.deepEqual(model.hiddenGradientNorms()[0], [2, 2, 2]);
  });

  it('two layers: the upper layer sums the running sums; ∂J/∂h of the lower layer adds both paths', () => {
    const model = identityModel('many-to-many-synced', 2);
    computeBatchGradients(model, [example([1, 1, 1], [0, 0, 0])], [0], 0, 1);
    // layer 1: 1, 2, 3; layer 2: 1, 3, 6
    assert.deepEqual(Array.from(model.outputs.subarray(0, 3)), [1, 3, 6]);
    // top: dŷ = [1, 3, 6]/3, dh2 = suffix sums = [10, 9, 6]/3; bottom: dh1_k = Σ_{t≥k} dh2_t = [25, 15, 6]/3
    const [bottom, top] = model.hiddenGradientNorms();
    assert.deepEqual(top!.map((v) => v * 3), [10, 9, 6]);
    assert.deepEqual(bottom!.map((v) => Math.round(v * 3 * 1e12) / 1e12), [25, 15, 6]);
  });

  it('one-to-many: the input at step 1 only, or at every step', () => {
    const first = identityModel('one-to-many');
    first.forward(example([2], [0, 0, 0]));
    assert.deepEqual(Array.from(first.outputs.subarray(0, 3)), [2, 2, 2]);
    const every = identityModel('one-to-many', 1, { oneToManyInput: 'every-step' });
    every.forward(example([2], [0, 0, 0, 0]));
    assert.deepEqual(Array.from(every.outputs.subarray(0, 4)), [2, 4, 6, 8]);
  });

  it('one-to-one: a single step, no recurrence', () => {
    const model = identityModel('one-to-one');
    const loss = computeBatchGradients(model, [example([3], [1])], [0], 0, 1);
    assert.deepEqual(Array.from(model.outputs.subarray(0, 1)), [3]);
    assert.equal(loss, 2);
    // h_{−1} = 0, so W_hh gets no gradient
    assert.deepEqual(gradientOf(model, 'weight_hh_l0'), [0]);
    assert.deepEqual(gradientOf(model, 'weight_ih_l0'), [6]);
  });

  it('encoder–decoder: the decoder starts from the encoder sum S and feeds back ŷ: S, 2S, 4S (M ≠ T)', () => {
    const model = identityModel('many-to-many-encoder-decoder');
    const sequence = example([1, 2], [0, 0, 0]);
    computeBatchGradients(model, [sequence], [0], 0, 1);
    // decoder h_0 = relu(ŷ_{−1} + S) = 3, ŷ_0 = 3; h_1 = relu(3 + 3) = 6; h_2 = relu(6 + 6) = 12
    assert.deepEqual(Array.from(model.outputs.subarray(0, 3)), [3, 6, 12]);
    // by hand: J = (9 + 36 + 144)/6; dŷ = [3, 6, 12]/3 = [1, 2, 4] before feedback.
    // Going back: dŷ_2 = 4, dh_2 = 4; dŷ_1 = 2 + 4 (ŷ_1 fed step 2), dh_1 = 6 + 4 (carry) = 10;
    // dŷ_0 = 1 + 10, dh_0 = 11 + 10 = 21; the encoder's final state receives 21, and its first step 21 too.
    assert.deepEqual(model.decoderHiddenGradientNorms()![0], [21, 10, 4]);
    assert.deepEqual(model.hiddenGradientNorms()[0], [21, 21]);
  });

  it('‖∂J_t/∂h_k‖ for one loss term is zero after t and equals the lone term\'s gradient before it', () => {
    const model = identityModel('many-to-many-synced');
    const diagnostics = hiddenGradientDiagnostics(model, example([1, 2, 3, 4], [0, 0, 0, 0]), 1);
    // J_1 alone: dŷ_1 = 3/4 reaches h_1 and h_0 unchanged, nothing at k = 2, 3
    assert.deepEqual(diagnostics.lossTermHiddenGradNorms![0], [0.75, 0.75, 0, 0]);
    assert.deepEqual(diagnostics.hiddenGradNorms[0], [5, 4.75, 4, 2.5]);
    // the diagnostic did not touch the parameter gradients
    assert.ok(model.gradients.tensors.every((t) => t.data.every((v) => v === 0)));
  });
});
