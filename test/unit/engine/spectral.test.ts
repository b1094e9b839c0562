import * as assert from 'assert';
import { NONLINEARITY_GAMMA, spectralDiagnostics, spectralVerdict } from '../../../src/engine/diagnostics/spectral';
import { householderQr } from '../../../src/engine/linalg/qr';
import type { ModelConfig } from '../../../src/engine/modelConfig';
import { parameterLayout } from '../../../src/engine/parameterLayout';
import { createTensor, type ParameterSet } from '../../../src/engine/tensor';

function config(overrides: Partial<ModelConfig>): ModelConfig {
  return {
    cell: 'rnn',
    nonlinearity: 'tanh',
    inputSize: 1,
    hiddenSize: 3,
    outputSize: 1,
    numLayers: 1,
    topology: 'many-to-one',
    loss: 'mse',
    oneToManyInput: 'first-step',
    outputLength: 1,
    ...overrides,
  };
}

function zeroParameters(c: ModelConfig): ParameterSet {
  return { tensors: parameterLayout(c).map((spec) => createTensor(spec.name, spec.shape)) };
}

function setWeightHh(parameters: ParameterSet, name: string, values: number[]): void {
  const tensor = parameters.tensors.find((t) => t.name === name);
  assert.ok(tensor);
  tensor.data.set(values);
}

describe('engine/diagnostics spectral', () => {
  it('vanilla tanh RNN with W_hh = 0.5·Q (orthogonal): λ₁ = ρ = 0.5, bound 0.5^lag, vanishing guaranteed', () => {
    const c = config({ hiddenSize: 4 });
    const parameters = zeroParameters(c);
    const { q } = householderQr(Float64Array.from([1, 2, 0, 1, -1, 0.5, 3, 2, 0, 1, 1, -2, 4, 0, 1, 1]), 4, 4);
    setWeightHh(parameters, 'weight_hh_l0', Array.from(q, (v) => 0.5 * v));
    const result = spectralDiagnostics(c, parameters, { sequenceLength: 5 });
    assert.strictEqual(result.matrices.length, 1);
    const [m] = result.matrices;
    assert.strictEqual(m.parameter, 'weight_hh_l0');
    assert.strictEqual(m.block, 'W_hh');
    assert.ok(Math.abs(m.largestSingularValue - 0.5) < 1e-12);
    assert.ok(m.spectralRadius !== null && Math.abs(m.spectralRadius - 0.5) < 1e-12);
    assert.strictEqual(m.gamma, 1);
    assert.ok(m.eigenvalues !== null && m.eigenvalues.re.length === 4);
    m.eigenvalues.re.forEach((re, i) => assert.ok(Math.abs(Math.hypot(re, m.eigenvalues!.im[i]) - 0.5) < 1e-12));
    assert.deepStrictEqual(m.bound.map((b) => Number(b.toFixed(12))), [1, 0.5, 0.25, 0.125, 0.0625]);
    assert.strictEqual(m.verdict, 'vanishing-guaranteed');
  });

  it('γ depends on the nonlinearity: λ₁ = 3 is vanishing for sigmoid (λ₁γ = 0.75) and exploding-possible for relu', () => {
    const diagonal = [3, 0, 0, 0, -1, 0, 0, 0, 2];
    for (const [nonlinearity, verdict, lambdaGamma] of [['sigmoid', 'vanishing-guaranteed', 0.75], ['relu', 'exploding-possible', 3], ['tanh', 'exploding-possible', 3]] as const) {
      const c = config({ nonlinearity });
      const parameters = zeroParameters(c);
      setWeightHh(parameters, 'weight_hh_l0', diagonal);
      const [m] = spectralDiagnostics(c, parameters, { sequenceLength: 3 }).matrices;
      assert.strictEqual(m.gamma, NONLINEARITY_GAMMA[nonlinearity]);
      assert.ok(Math.abs(m.lambdaGamma - lambdaGamma) < 1e-12);
      assert.strictEqual(m.verdict, verdict);
      assert.ok(Math.abs(m.bound[2] - lambdaGamma * lambdaGamma) < 1e-12);
    }
    assert.strictEqual(spectralVerdict(1), 'critical');
  });

  it('non-normal W_hh: λ₁ > ρ, and the verdict follows λ₁ (the bound), not ρ', () => {
    // [[0.5, 2], [0, 0.5]]: ρ = 0.5 but λ₁ = (2 + √(2² + 4·0.5²))/2… computed exactly: σ² eigenvalues of WᵀW.
    const c = config({ hiddenSize: 2 });
    const parameters = zeroParameters(c);
    setWeightHh(parameters, 'weight_hh_l0', [0.5, 2, 0, 0.5]);
    const [m] = spectralDiagnostics(c, parameters, { sequenceLength: 2 }).matrices;
    // WᵀW = [[0.25, 1], [1, 4.25]]: λ_max = (4.5 + √(16 + 4))/2 = 2.25 + √5.
    assert.ok(Math.abs(m.largestSingularValue - Math.sqrt(2.25 + Math.sqrt(5))) < 1e-12);
    assert.ok(m.spectralRadius !== null && Math.abs(m.spectralRadius - 0.5) < 1e-7);
    assert.strictEqual(m.verdict, 'exploding-possible');
  });

  it('LSTM: one entry per gate block i, f, g, o with its γ, plus the stacked 4H×H matrix, for every layer', () => {
    const H = 2;
    const c = config({ cell: 'lstm', hiddenSize: H, numLayers: 2 });
    const parameters = zeroParameters(c);
    // Block k = (k + 1)·I, so λ₁ of block k is k + 1 and the stacked λ₁ = √(1 + 4 + 9 + 16) = √30.
    const values: number[] = [];
    for (let k = 0; k < 4; k++) values.push(k + 1, 0, 0, k + 1);
    setWeightHh(parameters, 'weight_hh_l1', values);
    const result = spectralDiagnostics(c, parameters, { sequenceLength: 4 });
    assert.strictEqual(result.matrices.length, 10);
    const layer1 = result.matrices.filter((m) => m.layer === 1);
    assert.deepStrictEqual(layer1.map((m) => m.block), ['i', 'f', 'g', 'o', 'stacked']);
    assert.deepStrictEqual(layer1.map((m) => m.gamma), [0.25, 0.25, 1, 0.25, 1]);
    assert.deepStrictEqual(layer1.map((m) => Number(m.largestSingularValue.toFixed(12))), [1, 2, 3, 4, Number(Math.sqrt(30).toFixed(12))]);
    assert.deepStrictEqual(layer1.map((m) => m.verdict), ['vanishing-guaranteed', 'vanishing-guaranteed', 'exploding-possible', 'critical', 'exploding-possible']);
    const stacked = layer1[4];
    assert.strictEqual(stacked.rows, 8);
    assert.strictEqual(stacked.spectralRadius, null);
    assert.strictEqual(stacked.eigenvalues, null);
  });

  it('encoder–decoder GRU reports the decoder stack with its parameter names', () => {
    const c = config({ cell: 'gru', hiddenSize: 2, topology: 'many-to-many-encoder-decoder' });
    const result = spectralDiagnostics(c, zeroParameters(c), { sequenceLength: 2, includeEigenvalues: false });
    assert.deepStrictEqual(
      result.matrices.map((m) => `${m.parameter}:${m.block}`),
      ['weight_hh_l0:r', 'weight_hh_l0:z', 'weight_hh_l0:n', 'weight_hh_l0:stacked', 'decoder.weight_hh_l0:r', 'decoder.weight_hh_l0:z', 'decoder.weight_hh_l0:n', 'decoder.weight_hh_l0:stacked'],
    );
    assert.ok(result.matrices.every((m) => m.eigenvalues === null && m.largestSingularValue === 0));
  });

  it('rejects a missing parameter and a bad sequence length', () => {
    const c = config({});
    assert.throws(() => spectralDiagnostics(c, { tensors: [] }, { sequenceLength: 3 }), /no parameter "weight_hh_l0"/);
    assert.throws(() => spectralDiagnostics(c, zeroParameters(c), { sequenceLength: 0 }), /sequenceLength must be a positive integer/);
  });
});
