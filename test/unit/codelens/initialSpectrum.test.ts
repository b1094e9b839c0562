// λ₁γ of the initial W_hh as the remedy lenses report it: analytical cases (identity λI: λ₁ = λ; orthogonal: λ₁ = 1;
// γ = ¼ for sigmoid gates), an independent power-iteration reference for random Xavier weights, the max over LSTM
// gates, the ρ rescaling, the cost budget and the cache.
import * as assert from 'node:assert/strict';
import { modelConfigFromRnnConfig } from '../../../src/modelFiles/rnnConfig/modelConfigFromRnnConfig';
import { createInitializedParameters } from '../../../src/engine/init';
import { SeededRandom } from '../../../src/engine/random';
import { InitialSpectrumCache, initialSpectrum, initialSpectrumIsCheap, type InitialSpectrum } from '../../../src/modelFiles/rnnConfig/initialSpectrum';
import { configFrom } from './configText';

const base = { topology: 'many-to-one', inputLength: 20, outputLength: 1, inputSize: 3, hiddenSize: 24, seed: 7 };

function measured(fields: Record<string, unknown>): InitialSpectrum {
  const result = initialSpectrum(configFrom({ ...base, ...fields }));
  assert.equal(result.kind, 'measured', JSON.stringify(result));
  return result as InitialSpectrum;
}

/** ‖W‖₂ by power iteration on WᵀW (independent of the engine's eigen-solver). */
function powerIterationNorm(w: Float64Array, n: number): number {
  let v = new Float64Array(n).fill(1 / Math.sqrt(n));
  let estimate = 0;
  for (let iteration = 0; iteration < 5000; iteration++) {
    const wv = new Float64Array(n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) wv[i] += (w[i * n + j] as number) * (v[j] as number);
    const wtwv = new Float64Array(n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) wtwv[j] += (w[i * n + j] as number) * (wv[i] as number);
    const norm = Math.hypot(...wtwv);
    const next = Math.sqrt(norm);
    v = wtwv.map((x) => x / norm);
    if (Math.abs(next - estimate) < 1e-13 * next) return next;
    estimate = next;
  }
  return estimate;
}

describe('λ₁γ of the initial recurrent weights', () => {
  it('identity init W_hh = 1.31·I with ReLU: λ₁γ = 1.31 → exploding possible (the lecture example)', () => {
    const result = measured({ cell: 'rnn', nonlinearity: 'relu', init: 'identity', identityScale: 1.31 });
    assert.ok(Math.abs(result.lambdaGamma - 1.31) < 1e-12, String(result.lambdaGamma));
    assert.equal(result.verdict, 'exploding-possible');
    assert.equal(result.block, 'W_hh');
    assert.equal(result.parameter, 'weight_hh_l0');
  });

  it('identity init with sigmoid: γ = ¼ gives λ₁γ = 0.25 → vanishing guaranteed', () => {
    const result = measured({ cell: 'rnn', nonlinearity: 'sigmoid', init: 'identity' });
    assert.ok(Math.abs(result.lambdaGamma - 0.25) < 1e-12);
    assert.equal(result.gamma, 0.25);
    assert.equal(result.verdict, 'vanishing-guaranteed');
  });

  it('orthogonal init with tanh: every singular value is 1, λ₁γ = 1 (critical)', () => {
    const result = measured({ cell: 'rnn', nonlinearity: 'tanh', init: 'orthogonal' });
    assert.ok(Math.abs(result.largestSingularValue - 1) < 1e-12, String(result.largestSingularValue));
    assert.equal(result.verdict, 'critical');
  });

  it('Xavier init: λ₁ equals an independent power iteration on the same seeded weights', () => {
    const fields = { ...base, cell: 'rnn', nonlinearity: 'tanh', init: 'xavier', layers: 2 };
    const result = measured(fields);
    const config = configFrom(fields);
    const built = modelConfigFromRnnConfig(config);
    assert.ok(built.ok);
    const tensors = createInitializedParameters(built.model, { scheme: 'xavier' }, new SeededRandom(config.seed)).tensors;
    const norms = ['weight_hh_l0', 'weight_hh_l1'].map((name) => powerIterationNorm(tensors.find((t) => t.name === name)?.data as Float64Array, 24));
    const largest = Math.max(...norms);
    assert.ok(Math.abs(result.largestSingularValue - largest) < 1e-8 * largest, `${result.largestSingularValue} vs ${largest}`);
    assert.equal(result.parameter, norms[0] as number >= (norms[1] as number) ? 'weight_hh_l0' : 'weight_hh_l1');
    assert.equal(result.blocksMeasured, 2);
    // U(±√(3/H)) entries: λ₁ ≈ 2·√H·√(1/H) = 2 for large H (Marchenko–Pastur edge, variance 1/H).
    assert.ok(result.lambdaGamma > 1.5 && result.lambdaGamma < 2.5, String(result.lambdaGamma));
  });

  it('a different seed draws different weights (the lens follows the config seed)', () => {
    const a = measured({ cell: 'rnn', init: 'xavier', seed: 1 });
    const b = measured({ cell: 'rnn', init: 'xavier', seed: 2 });
    assert.notEqual(a.largestSingularValue, b.largestSingularValue);
  });

  it('LSTM with identity 2·I: the tanh gate g (γ = 1) gives the largest λ₁γ = 2; sigmoid gates only 0.5', () => {
    const result = measured({ cell: 'lstm', init: 'identity', identityScale: 2 });
    assert.equal(result.block, 'g');
    assert.ok(Math.abs(result.lambdaGamma - 2) < 1e-12);
    assert.equal(result.blocksMeasured, 4);
  });

  it('encoder–decoder measures the decoder stack too', () => {
    const result = measured({ topology: 'many-to-many-encoder-decoder', inputLength: 6, outputLength: 4, cell: 'gru', init: 'orthogonal' });
    assert.equal(result.blocksMeasured, 6);
  });

  it('rescaling to ρ: ρ ≤ λ₁, so λ₁γ is at least ρ', () => {
    const result = measured({ cell: 'rnn', init: 'xavier', spectralRadius: 0.9 });
    assert.ok(result.largestSingularValue >= 0.9 - 1e-9, String(result.largestSingularValue));
  });

  it('skips echo state networks, oversized models and configs without a model', () => {
    assert.deepEqual(initialSpectrum(configFrom({ ...base, cell: 'esn' })), { kind: 'skipped', reason: 'echo-state-network' });
    const big = initialSpectrum(configFrom({ ...base, hiddenSize: 512 }));
    assert.equal(big.kind === 'skipped' && big.reason, 'too-large');
    const noTopology = initialSpectrum(configFrom({ cell: 'rnn', hiddenSize: 8 }));
    assert.equal(noTopology.kind === 'skipped' && noTopology.reason, 'no-model');
  });

  it('keeps the work within budget: H = 256 plain RNN yes, 4 LSTM layers of 256 no', () => {
    const model = (cell: 'rnn' | 'lstm', numLayers: number, hiddenSize: number) => ({
      cell, numLayers, hiddenSize, nonlinearity: 'tanh' as const, inputSize: 1, outputSize: 1, topology: 'many-to-one' as const,
      loss: 'mse' as const, oneToManyInput: 'first-step' as const, outputLength: 1,
    });
    assert.equal(initialSpectrumIsCheap(model('rnn', 1, 256), false), true);
    assert.equal(initialSpectrumIsCheap(model('rnn', 1, 256), true), false);
    assert.equal(initialSpectrumIsCheap(model('lstm', 4, 256), false), false);
    assert.equal(initialSpectrumIsCheap(model('lstm', 1, 128), false), true);
    assert.equal(initialSpectrumIsCheap(model('lstm', 1, 128), true), false);
    assert.equal(initialSpectrumIsCheap(model('rnn', 1, 128), true), true);
  });

  it('caches by the fields that matter: editing epochs reuses the result, editing the seed recomputes', () => {
    const cache = new InitialSpectrumCache();
    const first = cache.get(configFrom({ ...base, epochs: 10 }));
    assert.equal(cache.peek(configFrom({ ...base, epochs: 99 })), first);
    assert.equal(cache.peek(configFrom({ ...base, seed: 8 })), undefined);
    cache.get(configFrom({ ...base, seed: 8 }));
    assert.equal(cache.size, 2);
  });
});
