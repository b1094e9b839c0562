// Pascanu's Ω (src/engine/remedies/omega.ts): its W_hh gradient against central finite differences of Ω with
// ∂J/∂h_{k+1} (and σ'(a_{k+1})) held constant, a known zero, and the wiring to the model's BPTT buffers.
import * as assert from 'node:assert/strict';
import { computeBatchGradients } from '../../../src/engine/bptt';
import type { SequenceExample } from '../../../src/engine/dataset';
import { createInitializedParameters } from '../../../src/engine/init';
import { RecurrentModel } from '../../../src/engine/model';
import type { ModelConfig, Nonlinearity } from '../../../src/engine/modelConfig';
import { SeededRandom } from '../../../src/engine/random';
import { accumulateOmegaTerms, OmegaRegularizer, type OmegaSums } from '../../../src/engine/remedies/omega';
import { relativeError } from '../engine/numericAssertions';

const EPSILON = 1e-6;

/**
 * |a − n| / max(|a|, |n|, 1): relative for entries of size ≥ 1, absolute below. Central differences in float64 carry
 * a rounding error of about 1e-16·|Ω|/ε ≈ 1e-10, so a plain relative error is meaningless for entries near 0.
 */
function gradientError(analytical: number, numerical: number): number {
  return Math.abs(analytical - numerical) / Math.max(Math.abs(analytical), Math.abs(numerical), 1);
}

/** Ω (mean over kept terms) and its analytical gradient for fixed buffers. */
function omegaAndGradient(w: Float64Array, H: number, nonlinearity: Nonlinearity, states: Float64Array, deltas: Float64Array, steps: number) {
  const sums: OmegaSums = { sumOfSquares: 0, terms: 0 };
  const gradient = new Float64Array(H * H);
  accumulateOmegaTerms(w, H, nonlinearity, states, deltas, steps, sums, gradient, new Float64Array(H), new Float64Array(H));
  return { omega: sums.sumOfSquares / sums.terms, gradient: gradient.map((g) => g / sums.terms), terms: sums.terms };
}

function omegaOnly(w: Float64Array, H: number, nonlinearity: Nonlinearity, states: Float64Array, deltas: Float64Array, steps: number): number {
  const sums: OmegaSums = { sumOfSquares: 0, terms: 0 };
  accumulateOmegaTerms(w, H, nonlinearity, states, deltas, steps, sums, null, new Float64Array(H), new Float64Array(H));
  return sums.sumOfSquares / sums.terms;
}

/** Worst relative error of the analytical ∂Ω/∂W_hh against central differences, entry by entry. */
function worstFiniteDifferenceError(w: Float64Array, H: number, nonlinearity: Nonlinearity, states: Float64Array, deltas: Float64Array, steps: number): number {
  const { gradient } = omegaAndGradient(w, H, nonlinearity, states, deltas, steps);
  let worst = 0;
  for (let i = 0; i < w.length; i++) {
    const saved = w[i]!;
    w[i] = saved + EPSILON;
    const plus = omegaOnly(w, H, nonlinearity, states, deltas, steps);
    w[i] = saved - EPSILON;
    const minus = omegaOnly(w, H, nonlinearity, states, deltas, steps);
    w[i] = saved;
    worst = Math.max(worst, gradientError(gradient[i]!, (plus - minus) / (2 * EPSILON)));
  }
  return worst;
}

function randomBuffers(random: SeededRandom, H: number, T: number, nonlinearity: Nonlinearity) {
  const w = Float64Array.from({ length: H * H }, () => random.gaussian(0, 0.8));
  // stored outputs h = σ(a): in (−1, 1) for tanh, (0, 1) for sigmoid, ≥ 0 with some zeros for relu
  const states = Float64Array.from({ length: (T + 1) * H }, () => {
    const a = random.gaussian(0, 1);
    return nonlinearity === 'tanh' ? Math.tanh(a) : nonlinearity === 'sigmoid' ? 1 / (1 + Math.exp(-a)) : Math.max(0, a);
  });
  const deltas = Float64Array.from({ length: T * H }, () => random.gaussian(0, 1));
  return { w, states, deltas };
}

function config(overrides: Partial<ModelConfig>): ModelConfig {
  return {
    cell: 'rnn', nonlinearity: 'tanh', inputSize: 2, hiddenSize: 4, outputSize: 1, numLayers: 1,
    topology: 'many-to-one', loss: 'mse', oneToManyInput: 'first-step', outputLength: 1, ...overrides,
  };
}

function randomSequences(random: SeededRandom, count: number, T: number, I: number): SequenceExample[] {
  return Array.from({ length: count }, () => ({
    inputLength: T,
    inputs: Float64Array.from({ length: T * I }, () => random.uniform(-1, 1)),
    targetLength: 1,
    targets: Float64Array.of(random.uniform(-1, 1)),
  }));
}

describe("Pascanu's Ω regulariser", () => {
  for (const nonlinearity of ['tanh', 'sigmoid', 'relu'] as const) {
    it(`∂Ω/∂W_hh matches central differences to 1e-6 relative (absolute below 1) (${nonlinearity}, H = 5, T = 7, δ and σ' held constant)`, () => {
      const random = new SeededRandom(nonlinearity.length);
      const { w, states, deltas } = randomBuffers(random, 5, 7, nonlinearity);
      const { omega, terms } = omegaAndGradient(w, 5, nonlinearity, states, deltas, 7);
      assert.equal(terms, 7);
      assert.ok(omega > 1e-3, `Ω = ${omega} should be clearly positive for a random W`);
      const worst = worstFiniteDifferenceError(w, 5, nonlinearity, states, deltas, 7);
      assert.ok(worst < 1e-6, `worst relative error ${worst}`);
    });
  }

  it('is exactly 0, with zero gradient, for an orthogonal W_hh and σ\' = 1 (every Jacobian preserves norms)', () => {
    const H = 3;
    // rotation about the z axis: orthogonal
    const c = Math.cos(0.7);
    const s = Math.sin(0.7);
    const w = Float64Array.of(c, -s, 0, s, c, 0, 0, 0, 1);
    const random = new SeededRandom(3);
    const states = Float64Array.from({ length: 5 * H }, () => random.uniform(0.1, 2)); // relu outputs > 0: σ' = 1
    const deltas = Float64Array.from({ length: 4 * H }, () => random.gaussian(0, 1));
    const { omega, gradient } = omegaAndGradient(w, H, 'relu', states, deltas, 4);
    assert.ok(Math.abs(omega) < 1e-28, `Ω = ${omega}`);
    assert.ok(gradient.every((g) => Math.abs(g) < 1e-14));
    // W = 2·rotation doubles every norm: r = 4, each term (4 − 1)² = 9
    const doubled = w.map((x) => 2 * x);
    assert.ok(Math.abs(omegaAndGradient(doubled, H, 'relu', states, deltas, 4).omega - 9) < 1e-12);
  });

  it('skips terms whose ‖∂J/∂h‖² is below 1e-20 (the reference code\'s bound)', () => {
    const H = 2;
    const w = Float64Array.of(1, 0, 0, 1);
    const states = new Float64Array(3 * H).fill(0.5);
    const deltas = Float64Array.of(1, 0, 1e-11, 0);
    assert.equal(omegaAndGradient(w, H, 'relu', states, deltas, 2).terms, 1);
  });

  it('adds α·mean ∂Ω/∂W_hh from the model\'s own BPTT buffers over a mini-batch of 2 sequences, 2 layers', () => {
    const cfg = config({ numLayers: 2, hiddenSize: 3 });
    const random = new SeededRandom(11);
    const model = new RecurrentModel(cfg, createInitializedParameters(cfg, { scheme: 'orthogonal', orthogonalGain: 1.3 }, random));
    const sequences = randomSequences(random, 2, 6, 2);
    const alpha = 2;
    const omega = new OmegaRegularizer(model, alpha);
    // capture what each backward pass leaves in the layers, to recompute Ω independently
    const captured: { states: Float64Array; deltas: Float64Array }[][] = [];
    model.zeroGradients();
    for (const sequence of sequences) {
      computeBatchGradients(model, [sequence], [0], 0, 1);
      omega.addSequence();
      captured.push(model.encoder.layers.map((layer) => ({ states: layer.hiddenStates.slice(0, 7 * 3), deltas: layer.hiddenGradients.slice(0, 6 * 3) })));
    }
    // computeBatchGradients zeroes the gradients per call: start the Ω-only comparison from zero
    model.zeroGradients();
    const penalty = omega.applyToGradients();
    let expectedPenalty = 0;
    model.encoder.layers.forEach((layer, l) => {
      const w = layer.parameters.weightHh;
      // Ω_l = mean over both sequences' terms: concatenate their buffers as one 12-step "sequence" would mix rows, so
      // sum the per-sequence sums instead
      const sums: OmegaSums = { sumOfSquares: 0, terms: 0 };
      const gradient = new Float64Array(9);
      for (const run of captured) {
        accumulateOmegaTerms(w, 3, 'tanh', run[l]!.states, run[l]!.deltas, 6, sums, gradient, new Float64Array(3), new Float64Array(3));
      }
      expectedPenalty += (alpha * sums.sumOfSquares) / sums.terms;
      const added = layer.gradients.weightHh;
      for (let i = 0; i < 9; i++) assert.ok(relativeError(added[i]!, (alpha * gradient[i]!) / sums.terms) < 1e-12);
      // and the same mean gradient against finite differences of the batch Ω_l
      const batchOmega = (): number => {
        const s: OmegaSums = { sumOfSquares: 0, terms: 0 };
        for (const run of captured) accumulateOmegaTerms(w, 3, 'tanh', run[l]!.states, run[l]!.deltas, 6, s, null, new Float64Array(3), new Float64Array(3));
        return s.sumOfSquares / s.terms;
      };
      for (let i = 0; i < 9; i++) {
        const saved = w[i]!;
        w[i] = saved + EPSILON;
        const plus = batchOmega();
        w[i] = saved - EPSILON;
        const minus = batchOmega();
        w[i] = saved;
        assert.ok(gradientError(added[i]! / alpha, (plus - minus) / (2 * EPSILON)) < 1e-6, `layer ${l} entry ${i}`);
      }
    });
    assert.ok(relativeError(penalty, expectedPenalty) < 1e-12);
    // only W_hh receives ∂Ω
    for (const tensor of model.gradients.tensors) {
      if (!tensor.name.startsWith('weight_hh')) assert.ok(tensor.data.every((g) => g === 0), tensor.name);
    }
  });

  it('refuses LSTM and GRU, naming the flag, and a wiring without the afterBackward hook', () => {
    for (const cell of ['lstm', 'gru'] as const) {
      const cfg = config({ cell });
      const model = new RecurrentModel(cfg, createInitializedParameters(cfg, { scheme: 'xavier' }, new SeededRandom(1)));
      assert.throws(() => new OmegaRegularizer(model, 2), /--omega applies to the vanilla RNN's W_hh/);
    }
    const cfg = config({});
    const model = new RecurrentModel(cfg, createInitializedParameters(cfg, { scheme: 'xavier' }, new SeededRandom(1)));
    assert.throws(() => new OmegaRegularizer(model, 2).applyToGradients(), /afterBackward/);
  });
});
