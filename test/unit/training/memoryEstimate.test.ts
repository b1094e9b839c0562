// The memory estimate a run is checked against before its model is allocated: numbers derived by hand.
import * as assert from 'node:assert/strict';
import type { ModelConfig } from '../../../src/engine/modelConfig';
import { checkTrainingMemory, estimateTrainingMemory, MemoryBudgetError, TRAINING_MEMORY_BUDGET_BYTES } from '../../../src/lab/training/memoryEstimate';
import { runTraining } from '../../../src/lab/training/trainingRun';
import { trainingJob } from './trainingRunFixtures';

function config(cell: ModelConfig['cell'], hiddenSize: number, numLayers: number): ModelConfig {
  return { cell, nonlinearity: 'tanh', inputSize: 1, hiddenSize, outputSize: 1, numLayers, topology: 'many-to-one', loss: 'mse', oneToManyInput: 'first-step', outputLength: 1 };
}

describe('training memory estimate', () => {
  it('vanilla RNN H = 8, T = 20, Adam, with Jacobian products: 25 216 + 15 520 bytes, term by term', () => {
    const estimate = estimateTrainingMemory(config('rnn', 8, 1), 'adam', 20, true);
    // P = W_ih 8 + W_hh 64 + b_ih 8 + b_hh 8 + W_out 8 + b_out 1 = 97; copies: θ, g, m, v, last good, 2 kernel copies,
    // the initial parameters (initial-model.json)
    assert.equal(estimate.parameters, 97);
    assert.equal(estimate.parameterCopies, 8);
    assert.equal(estimate.parameterBytes, 97 * 8 * 8);
    // (T + 1) steps × (2H + 3·1·H) doubles = 21 × 40
    assert.equal(estimate.cacheBytes, 21 * 40 * 8);
    // spectral 4H² + Jacobian products L·min(T, 101)·H² = 256 + 1280 doubles
    assert.equal(estimate.diagnosticsBytes, (256 + 1280) * 8);
    // the model files' text: 136 bytes per parameter while one is assembled, 24 for the other one's finished text
    assert.equal(estimate.modelTextBytes, 97 * 160);
    assert.equal(estimate.totalBytes, 25216 + 97 * 160);
  });

  it('LSTM and SGD: 4 gates, c_t and tanh(c_t) cached; SGD keeps no optimiser state', () => {
    const estimate = estimateTrainingMemory(config('lstm', 4, 2), 'sgd', 10, false);
    // P = layer 0: 16·1 + 16·4 + 16 + 16 = 112; layer 1: 16·4 + 16·4 + 32 = 160; readout 4 + 1 → 277
    assert.equal(estimate.parameters, 277);
    assert.equal(estimate.parameterCopies, 6);
    // per layer and step 2H + 3·4·H + 2H = 64 doubles; 2 layers × 11 steps
    assert.equal(estimate.cacheBytes, 2 * 11 * 64 * 8);
    assert.equal(estimate.diagnosticsBytes, 4 * 16 * 8);
  });

  it('refuses an LSTM 512 × 4 layers (≈ 1585 MB at T = 20; measured peak RSS 1360 MB at T = 5 with one model file), naming what to lower', () => {
    assert.throws(
      () => checkTrainingMemory(config('lstm', 512, 4), 'adam', 20, false),
      (error: unknown) =>
        error instanceof MemoryBudgetError &&
        error instanceof RangeError &&
        /^the model needs about 1585 MB of memory, more than the 1024 MB budget: 7\.4 M parameters × 8 copies/.test(error.message) &&
        /--hidden/.test(error.message) && /--layers/.test(error.message) && /--window/.test(error.message),
    );
    // two layers fit: ≈ 695 MB at T = 100, ≈ 930 MB with the Jacobian products over T = 60
    assert.ok(checkTrainingMemory(config('lstm', 512, 2), 'adam', 100, false).totalBytes < TRAINING_MEMORY_BUDGET_BYTES);
    assert.ok(checkTrainingMemory(config('lstm', 512, 2), 'adam', 60, true).totalBytes < TRAINING_MEMORY_BUDGET_BYTES);
  });

  it('runTraining checks the estimate before allocating the model', () => {
    const job = trainingJob({ model: { hiddenSize: 512, layers: 2, cell: 'lstm' } });
    const longWindows = job.data.train.map((e) => ({ ...e, inputLength: 1000, inputs: new Float64Array(1000) }));
    assert.throws(() => runTraining({ ...job, data: { ...job.data, train: longWindows.slice(0, 1) } }, { clock: () => 0, jacobianSamples: 6 }), MemoryBudgetError);
  });
});
