import * as assert from 'assert';
import { createInitializedParameters } from '../../../src/engine/init';
import type { ModelConfig } from '../../../src/engine/modelConfig';
import { SeededRandom } from '../../../src/engine/random';
import { clipGradientsByGlobalNorm } from '../../../src/engine/remedies/clipping';
import { DEFAULT_GRADIENT_NORM_BOUND, LastGoodParameters, detectDivergence, suggestRemedies } from '../../../src/engine/remedies/divergence';
import type { ParameterSet } from '../../../src/engine/tensor';

function set(values: Record<string, number[]>): ParameterSet {
  return { tensors: Object.entries(values).map(([name, data]) => ({ name, shape: [data.length], data: Float64Array.from(data) })) };
}

describe('divergence detection', () => {
  it('accepts a healthy step', () => {
    assert.strictEqual(detectDivergence({ loss: 0.3, gradientNorm: 12, parameters: set({ w: [1, 2] }) }), undefined);
  });

  it('detects a NaN or infinite loss first', () => {
    const nan = detectDivergence({ loss: Number.NaN, gradientNorm: 1 });
    assert.strictEqual(nan?.reason, 'non-finite-loss');
    assert.match(nan.detail, /the training loss became NaN/);
    assert.strictEqual(detectDivergence({ loss: Number.POSITIVE_INFINITY })?.reason, 'non-finite-loss');
  });

  it('detects a non-finite gradient norm and a norm above the bound (default 1e6)', () => {
    assert.strictEqual(detectDivergence({ loss: 1, gradientNorm: Number.NaN })?.reason, 'non-finite-gradient');
    assert.strictEqual(DEFAULT_GRADIENT_NORM_BOUND, 1e6);
    assert.strictEqual(detectDivergence({ loss: 1, gradientNorm: 1e6 }), undefined);
    const above = detectDivergence({ loss: 1, gradientNorm: 2.5e6 });
    assert.strictEqual(above?.reason, 'gradient-norm-above-bound');
    assert.match(above.detail, /2\.50e\+6 exceeded the bound 1000000/);
    assert.strictEqual(detectDivergence({ loss: 1, gradientNorm: 150 }, {}, 100)?.reason, 'gradient-norm-above-bound');
    assert.throws(() => detectDivergence({ loss: 1 }, {}, 0), /bound must be a number > 0/);
  });

  it('detects NaN/Inf parameters, naming the tensor and element', () => {
    const result = detectDivergence({ loss: 1, parameters: set({ weight_ih_l0: [1, 2], weight_hh_l0: [0, Number.NEGATIVE_INFINITY] }) });
    assert.strictEqual(result?.reason, 'non-finite-parameters');
    assert.strictEqual(result.tensorName, 'weight_hh_l0');
    assert.match(result.detail, /parameter weight_hh_l0\[1\] became -Infinity/);
  });

  it('hints the remedy to try, from what the run already uses', () => {
    const vanilla = suggestRemedies({ cell: 'rnn', init: 'xavier', learningRate: 0.1, clipNorm: null });
    assert.deepStrictEqual(vanilla, ['enable-clipping', 'lower-learning-rate', 'orthogonal-init', 'use-lstm']);
    const report = detectDivergence({ loss: Number.NaN }, { cell: 'rnn', init: 'xavier', learningRate: 0.1 });
    assert.strictEqual(
      report?.hint,
      'Training diverged: try to enable gradient clipping by global norm (e.g. --clip-norm 1); lower the learning rate (e.g. --lr 0.01); ' +
        'use orthogonal initialisation (--init orthogonal) or a spectral radius below 1 (--spectral-radius 0.9); or use an LSTM or GRU cell (--cell lstm).',
    );
    assert.deepStrictEqual(suggestRemedies({ cell: 'lstm', clipNorm: 5 }), ['lower-clip-threshold', 'lower-learning-rate']);
    assert.match(detectDivergence({ loss: Number.NaN }, { cell: 'lstm', clipNorm: 5, learningRate: 0.3 })!.hint, /--clip-norm 0\.5\); or lower the learning rate \(e\.g\. --lr 0\.03\)/);
    assert.deepStrictEqual(suggestRemedies({ cell: 'rnn', nonlinearity: 'relu', init: 'identity', identityScale: 1, clipValue: 5 }), [
      'lower-clip-threshold',
      'lower-learning-rate',
      'lower-identity-scale',
      'use-lstm',
    ]);
    assert.deepStrictEqual(suggestRemedies({ cell: 'rnn', init: 'orthogonal', spectralRadius: 1.5 }), ['enable-clipping', 'lower-learning-rate', 'lower-spectral-radius', 'use-lstm']);
  });

  it('catches a deliberately exploding vanilla RNN (W_hh = 3I, T = 400), which clipping then bounds', () => {
    // ∂J/∂h_0 of J = ½‖h_T‖² for the linear recurrence h_t = W h_{t−1}: Wᵀ applied T times, ‖·‖ grows as 3^T.
    const config: ModelConfig = { cell: 'rnn', nonlinearity: 'relu', inputSize: 1, hiddenSize: 4, outputSize: 1, numLayers: 1, topology: 'many-to-one', loss: 'mse', oneToManyInput: 'first-step', outputLength: 1 };
    const parameters = createInitializedParameters(config, { scheme: 'identity', identityScale: 3 }, new SeededRandom(1));
    const whh = parameters.tensors.find((t) => t.name === 'weight_hh_l0')!.data;
    let h = [1, 1, 1, 1];
    for (let t = 0; t < 400; t++) h = h.map((_, i) => h.reduce((sum, hj, j) => sum + whh[i * 4 + j] * hj, 0));
    const gradients = set({ weight_hh_l0: h.flatMap((hi) => h.map((hj) => hi * hj)) });
    const norm = Math.sqrt(gradients.tensors[0].data.reduce((s, g) => s + g * g, 0));
    const report = detectDivergence({ loss: 0.5 * h.reduce((s, x) => s + x * x, 0), gradientNorm: norm }, { cell: 'rnn', init: 'identity', identityScale: 3 });
    assert.ok(report !== undefined, 'not detected');
    assert.ok(['non-finite-loss', 'non-finite-gradient'].includes(report.reason), report.reason);
    assert.ok(report.remedies.includes('lower-identity-scale'));
    // A finite but huge gradient (T = 100: 3^200 ≈ 2.7e95) is detected by the bound and tamed by clipping.
    h = [1, 1, 1, 1];
    for (let t = 0; t < 100; t++) h = h.map((_, i) => h.reduce((sum, hj, j) => sum + whh[i * 4 + j] * hj, 0));
    const finite = set({ weight_hh_l0: h.flatMap((hi) => h.map((hj) => hi * hj)) });
    const clip = clipGradientsByGlobalNorm(finite, 1);
    assert.strictEqual(detectDivergence({ loss: 1, gradientNorm: clip.normBeforeClip })?.reason, 'gradient-norm-above-bound');
    assert.ok(clip.clipped && Math.abs(Math.hypot(...finite.tensors[0].data) - 1) < 1e-12);
  });

  it('LastGoodParameters saves and restores the last healthy values without reallocating', () => {
    const parameters = set({ w: [1, 2], b: [3] });
    const keeper = new LastGoodParameters(parameters);
    parameters.tensors[0].data[0] = 5;
    keeper.save(parameters);
    parameters.tensors[0].data[0] = Number.NaN;
    parameters.tensors[1].data[0] = Number.POSITIVE_INFINITY;
    keeper.restore(parameters);
    assert.deepStrictEqual(parameters.tensors.map((t) => Array.from(t.data)), [[5, 2], [3]]);
    assert.throws(() => keeper.restore(set({ w: [1] })), /does not match/);
  });
});
