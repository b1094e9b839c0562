import * as assert from 'assert';
import {
  DEFAULT_FORGET_GATE_BIAS,
  createInitializedParameters,
  initializeParameters,
  xavierUniformLimit,
} from '../../../src/engine/init';
import type { ModelConfig } from '../../../src/engine/modelConfig';
import { spectralRadius } from '../../../src/engine/linalg/eigenvalues';
import { SeededRandom } from '../../../src/engine/random';
import type { ParameterSet, Tensor } from '../../../src/engine/tensor';
import { findTensor } from '../../../src/engine/tensor';

function config(overrides: Partial<ModelConfig> = {}): ModelConfig {
  return {
    cell: 'rnn',
    nonlinearity: 'tanh',
    inputSize: 3,
    hiddenSize: 8,
    outputSize: 2,
    numLayers: 1,
    topology: 'many-to-one',
    loss: 'mse',
    oneToManyInput: 'first-step',
    outputLength: 1,
    ...overrides,
  };
}

function get(parameters: ParameterSet, name: string): Tensor {
  const tensor = findTensor(parameters, name);
  assert.ok(tensor, `missing ${name}`);
  return tensor;
}

/** Block `gate` [n×n] of a [G·n × n] matrix; returns max |BᵀB − I|. */
function orthogonalityError(data: Float64Array, gate: number, n: number, gain = 1): number {
  const offset = gate * n * n;
  let worst = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let dot = 0;
      for (let k = 0; k < n; k++) dot += data[offset + k * n + i] * data[offset + k * n + j];
      worst = Math.max(worst, Math.abs(dot / (gain * gain) - (i === j ? 1 : 0)));
    }
  }
  return worst;
}

describe('initializeParameters (docs/maths.md "Remedies → Initialisation")', () => {
  it('draws W_ih, W_hh and W_out from Xavier uniform within ±√(6/(fan_in+fan_out)), per gate block, variance limit²/3', () => {
    const cfg = config({ cell: 'lstm', inputSize: 20, hiddenSize: 30, outputSize: 5 });
    const parameters = createInitializedParameters(cfg, { scheme: 'xavier' }, new SeededRandom(1));
    const cases: [string, number][] = [
      ['weight_ih_l0', xavierUniformLimit(20, 30)], // per gate block: fan_out = H, not 4H
      ['weight_hh_l0', xavierUniformLimit(30, 30)],
      ['weight_out', xavierUniformLimit(30, 5)],
    ];
    assert.ok(Math.abs(xavierUniformLimit(20, 30) - Math.sqrt(6 / 50)) < 1e-15);
    for (const [name, limit] of cases) {
      const data = get(parameters, name).data;
      let max = 0;
      let sumSquares = 0;
      for (const x of data) {
        max = Math.max(max, Math.abs(x));
        sumSquares += x * x;
      }
      assert.ok(max <= limit, `${name}: ${max} > ${limit}`);
      assert.ok(max > 0.9 * limit, `${name}: max ${max} far below ${limit}`);
      const variance = sumSquares / data.length;
      assert.ok(Math.abs(variance / (limit * limit / 3) - 1) < 0.15, `${name}: variance ${variance}`);
    }
    for (const name of ['bias_hh_l0', 'bias_out']) assert.ok(get(parameters, name).data.every((x) => x === 0));
  });

  it('orthogonal: every W_hh gate block satisfies QᵀQ = I to 1e-12 (times g²), GRU and 2 layers', () => {
    const cfg = config({ cell: 'gru', hiddenSize: 12, numLayers: 2 });
    const parameters = createInitializedParameters(cfg, { scheme: 'orthogonal' }, new SeededRandom(2));
    for (const name of ['weight_hh_l0', 'weight_hh_l1']) {
      for (let gate = 0; gate < 3; gate++) {
        const error = orthogonalityError(get(parameters, name).data, gate, 12);
        assert.ok(error < 1e-12, `${name} gate ${gate}: ${error}`);
      }
    }
    // Distinct blocks are independent draws.
    const whh = get(parameters, 'weight_hh_l0').data;
    assert.notStrictEqual(whh[0], whh[144]);
    const scaled = createInitializedParameters(config({ hiddenSize: 10 }), { scheme: 'orthogonal', orthogonalGain: 1.5 }, new SeededRandom(2));
    assert.ok(orthogonalityError(get(scaled, 'weight_hh_l0').data, 0, 10, 1.5) < 1e-12);
  });

  it('orthogonal: signs fixed by diag(R), so the entries are symmetric around 0 (Haar) and the mean diagonal is ≈ 0', () => {
    // Without the sign fix Householder QR gives Q with a biased diagonal; with it E[Q_ii] = 0.
    let diagonalSum = 0;
    let count = 0;
    for (let seed = 0; seed < 200; seed++) {
      const parameters = createInitializedParameters(config({ hiddenSize: 4 }), { scheme: 'orthogonal' }, new SeededRandom(seed));
      const whh = get(parameters, 'weight_hh_l0').data;
      for (let i = 0; i < 4; i++) {
        diagonalSum += whh[i * 4 + i];
        count++;
      }
    }
    assert.ok(Math.abs(diagonalSum / count) < 0.06, `mean diagonal ${diagonalSum / count}`);
  });

  it('identity: W_hh = λI (IRNN) with zero biases', () => {
    const cfg = config({ nonlinearity: 'relu', hiddenSize: 5 });
    const parameters = createInitializedParameters(cfg, { scheme: 'identity', identityScale: 0.5 }, new SeededRandom(3));
    const whh = get(parameters, 'weight_hh_l0').data;
    for (let i = 0; i < 5; i++) for (let j = 0; j < 5; j++) assert.strictEqual(whh[i * 5 + j], i === j ? 0.5 : 0);
    for (const name of ['bias_ih_l0', 'bias_hh_l0', 'bias_out']) assert.ok(get(parameters, name).data.every((x) => x === 0));
    const defaultScale = createInitializedParameters(cfg, { scheme: 'identity' }, new SeededRandom(3));
    assert.strictEqual(get(defaultScale, 'weight_hh_l0').data[6], 1);
  });

  it('LSTM forget gate: bias_ih f block = +1, bias_hh f block = 0, so b_ih + b_hh = +1 (and 0 elsewhere)', () => {
    const hidden = 6;
    const parameters = createInitializedParameters(config({ cell: 'lstm', hiddenSize: hidden, numLayers: 2 }), { scheme: 'xavier' }, new SeededRandom(4));
    assert.strictEqual(DEFAULT_FORGET_GATE_BIAS, 1);
    for (const layer of [0, 1]) {
      const bih = get(parameters, `bias_ih_l${layer}`).data;
      const bhh = get(parameters, `bias_hh_l${layer}`).data;
      for (let row = 0; row < 4 * hidden; row++) {
        const isForget = row >= hidden && row < 2 * hidden; // gate order i, f, g, o
        assert.strictEqual(bih[row] + bhh[row], isForget ? 1 : 0, `layer ${layer} row ${row}`);
        assert.strictEqual(bhh[row], 0);
      }
    }
    const custom = createInitializedParameters(config({ cell: 'lstm', hiddenSize: hidden }), { scheme: 'xavier', forgetGateBias: 2 }, new SeededRandom(4));
    assert.strictEqual(get(custom, 'bias_ih_l0').data[hidden], 2);
    // GRU has no forget gate: all biases 0.
    const gru = createInitializedParameters(config({ cell: 'gru', hiddenSize: hidden }), { scheme: 'xavier' }, new SeededRandom(4));
    assert.ok(get(gru, 'bias_ih_l0').data.every((x) => x === 0));
  });

  it('applies the same rules to the decoder stack of the encoder–decoder (input size O at layer 0)', () => {
    const cfg = config({ cell: 'lstm', topology: 'many-to-many-encoder-decoder', inputSize: 3, outputSize: 2, hiddenSize: 4, outputLength: 5 });
    const parameters = createInitializedParameters(cfg, { scheme: 'orthogonal' }, new SeededRandom(5));
    const decoderIh = get(parameters, 'decoder.weight_ih_l0');
    assert.deepStrictEqual(decoderIh.shape, [16, 2]);
    const limit = xavierUniformLimit(2, 4);
    assert.ok(decoderIh.data.every((x) => Math.abs(x) <= limit) && decoderIh.data.some((x) => x !== 0));
    for (let gate = 0; gate < 4; gate++) assert.ok(orthogonalityError(get(parameters, 'decoder.weight_hh_l0').data, gate, 4) < 1e-12);
    assert.strictEqual(get(parameters, 'decoder.bias_ih_l0').data[4], 1);
  });

  it('rescales every W_hh gate block to the requested spectral radius (within 1e-6), for every scheme', () => {
    for (const scheme of ['xavier', 'orthogonal', 'identity'] as const) {
      const parameters = createInitializedParameters(config({ cell: 'gru', hiddenSize: 10 }), { scheme, spectralRadius: 0.9 }, new SeededRandom(6));
      const whh = get(parameters, 'weight_hh_l0').data;
      for (let gate = 0; gate < 3; gate++) {
        const radius = spectralRadius(whh.slice(gate * 100, (gate + 1) * 100), 10);
        assert.ok(Math.abs(radius - 0.9) < 1e-6, `${scheme} gate ${gate}: ρ = ${radius}`);
      }
    }
    // Identity λI has ρ = λ, so the rescale gives 0.9·I exactly (up to rounding).
    const irnn = createInitializedParameters(config({ hiddenSize: 3 }), { scheme: 'identity', identityScale: 2, spectralRadius: 0.9 }, new SeededRandom(6));
    assert.ok(Math.abs(get(irnn, 'weight_hh_l0').data[4] - 0.9) < 1e-12);
    assert.throws(() => createInitializedParameters(config(), { scheme: 'xavier', spectralRadius: 0 }, new SeededRandom(6)), /spectralRadius must be a finite number > 0/);
    assert.throws(
      () => createInitializedParameters(config({ hiddenSize: 3 }), { scheme: 'identity', identityScale: 0, spectralRadius: 0.9 }, new SeededRandom(6)),
      /cannot rescale weight_hh_l0 \(gate block 0\) to spectral radius 0.9/,
    );
  });

  it('is deterministic: same seed ⇒ bit-identical parameters; different seed ⇒ different', () => {
    const cfg = config({ cell: 'lstm', numLayers: 2 });
    const a = createInitializedParameters(cfg, { scheme: 'orthogonal' }, new SeededRandom(77));
    const b = createInitializedParameters(cfg, { scheme: 'orthogonal' }, new SeededRandom(77));
    const c = createInitializedParameters(cfg, { scheme: 'orthogonal' }, new SeededRandom(78));
    a.tensors.forEach((tensor, k) => assert.deepStrictEqual(tensor.data, b.tensors[k].data));
    assert.notDeepStrictEqual(a.tensors[0].data, c.tensors[0].data);
  });

  it('rejects a parameter set that does not match the config, and bad options', () => {
    const small = createInitializedParameters(config({ hiddenSize: 4 }), { scheme: 'xavier' }, new SeededRandom(1));
    assert.throws(() => initializeParameters(small, config({ hiddenSize: 5 }), { scheme: 'xavier' }, new SeededRandom(1)), /weight_ih_l0" has shape \[4, 3\], the model config needs \[5, 3\]/);
    assert.throws(() => initializeParameters({ tensors: [] }, config(), { scheme: 'xavier' }, new SeededRandom(1)), /"weight_ih_l0" \[8, 3\] is missing/);
    assert.throws(() => initializeParameters(small, config({ hiddenSize: 4 }), { scheme: 'glorot' as 'xavier' }, new SeededRandom(1)), /xavier\|orthogonal\|identity, got "glorot"/);
    assert.throws(() => initializeParameters(small, config({ hiddenSize: 4 }), { scheme: 'identity', identityScale: Number.NaN }, new SeededRandom(1)), /identityScale/);
  });
});
