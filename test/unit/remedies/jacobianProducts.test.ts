// ‖∂h_t/∂h_k‖ (src/engine/diagnostics/jacobianProducts.ts): against the explicit product Π diag(σ'(a_i)) W_hh for
// the vanilla RNN, against finite differences of the state for LSTM and GRU, and against the Pascanu bound.
import * as assert from 'node:assert/strict';
import type { SequenceExample } from '../../../src/engine/dataset';
import { hiddenJacobianProducts, jacobianProductNorms } from '../../../src/engine/diagnostics/jacobianProducts';
import { spectralDiagnostics } from '../../../src/engine/diagnostics/spectral';
import { createInitializedParameters } from '../../../src/engine/init';
import { largestSingularValue } from '../../../src/engine/linalg/singularValues';
import { RecurrentModel, type RecurrentState } from '../../../src/engine/model';
import type { CellKind, ModelConfig } from '../../../src/engine/modelConfig';
import { SeededRandom } from '../../../src/engine/random';
import type { LstmLayer } from '../../../src/engine/cells/lstmLayer';
import { vanillaConfig } from './remedyFixtures';

function randomSequence(random: SeededRandom, steps: number, inputSize: number): SequenceExample {
  return {
    inputLength: steps,
    inputs: Float64Array.from({ length: steps * inputSize }, () => random.uniform(-1, 1)),
    targetLength: 1,
    targets: Float64Array.of(0),
  };
}

function buildModel(config: ModelConfig, gain: number, seed: number): RecurrentModel {
  return new RecurrentModel(config, createInitializedParameters(config, { scheme: 'orthogonal', orthogonalGain: gain }, new SeededRandom(seed)));
}

/** C = A·B for n×n row-major matrices. */
function multiply(a: Float64Array, b: Float64Array, n: number): Float64Array {
  const c = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let k = 0; k < n; k++) for (let j = 0; j < n; j++) c[i * n + j] += a[i * n + k]! * b[k * n + j]!;
  return c;
}

describe('Jacobian products ‖∂h_t/∂h_k‖', () => {
  it('vanilla tanh RNN: equal the explicit product Π_{k<i≤t} diag(σ\'(a_i)) W_hh to 1e-12, 2 layers', () => {
    const H = 4;
    const T = 7;
    const config = vanillaConfig({ hiddenSize: H, inputSize: 2, numLayers: 2 });
    const model = buildModel(config, 1.2, 3);
    const probe = randomSequence(new SeededRandom(8), T, 2);
    const t = 5;
    const { step, fromStep, layers } = hiddenJacobianProducts(model, probe, { step: t });
    assert.equal(step, t);
    assert.equal(fromStep, 0);
    model.encoder.layers.forEach((layer, l) => {
      const w = layer.parameters.weightHh;
      // product for k = t, t−1, …: P_t = I, P_{k} = P_{k+1} · diag(1 − h_{k+1}²) W_hh
      let product: Float64Array = new Float64Array(H * H);
      for (let i = 0; i < H; i++) product[i * H + i] = 1;
      for (let k = t; k >= 0; k--) {
        const got = layers[l]![k]!;
        for (let i = 0; i < H * H; i++) assert.ok(Math.abs(got[i]! - product[i]!) < 1e-12, `layer ${l}, k ${k}, entry ${i}`);
        // one more factor: ∂h_{k}/∂h_{k−1} = diag(1 − h_k²) W_hh, h_k at row k+1 of hiddenStates
        const factor = new Float64Array(H * H);
        for (let r = 0; r < H; r++) {
          const h = layer.hiddenStates[(k + 1) * H + r]!;
          for (let c = 0; c < H; c++) factor[r * H + c] = (1 - h * h) * w[r * H + c]!;
        }
        product = multiply(product, factor, H);
      }
    });
    const norms = jacobianProductNorms(model, probe, { step: t });
    assert.equal(norms.norm, 'spectral');
    norms.values.forEach((perLag, l) => {
      assert.equal(perLag.length, t + 1);
      assert.ok(Math.abs(perLag[t]! - 1) < 1e-12, '‖∂h_t/∂h_t‖ = ‖I‖ = 1');
      perLag.forEach((value, k) => assert.ok(Math.abs(value - largestSingularValue(layers[l]![k]!, H, H)) < 1e-12));
    });
  });

  it('vanilla RNN: stays below the Pascanu bound (λ₁γ)^(t−k) and decays for λ₁γ < 1', () => {
    const config = vanillaConfig({ hiddenSize: 5 });
    const model = buildModel(config, 0.8, 4);
    const probe = randomSequence(new SeededRandom(2), 20, 1);
    const norms = jacobianProductNorms(model, probe);
    assert.equal(norms.step, 19);
    const spectrum = spectralDiagnostics(config, model.parameters, { sequenceLength: 20 }).matrices[0]!;
    assert.ok(Math.abs(spectrum.largestSingularValue - 0.8) < 1e-12, 'orthogonal × 0.8: λ₁ = 0.8');
    const values = norms.values[0]!;
    for (let k = 0; k <= 19; k++) assert.ok(values[k]! <= spectrum.bound[19 - k]! * (1 + 1e-12), `k = ${k}`);
    assert.ok(values[0]! < 0.8 ** 19 * 1.000001);
  });

  for (const cell of ['lstm', 'gru'] as const satisfies readonly CellKind[]) {
    it(`${cell}: ∂h_t/∂h_k (c_k held fixed) matches central differences of the state`, () => {
      const H = 3;
      const I = 2;
      const T = 6;
      const config = vanillaConfig({ cell, hiddenSize: H, inputSize: I });
      const model = buildModel(config, 1, 6);
      const probe = randomSequence(new SeededRandom(5), T, I);
      const t = T - 1;
      const { layers } = hiddenJacobianProducts(model, probe, { step: t });
      const layer = model.encoder.layers[0]!;
      const states = Float64Array.from(layer.hiddenStates.subarray(0, (T + 1) * H));
      const cells = cell === 'lstm' ? Float64Array.from((layer as LstmLayer).cellStates.subarray(0, (T + 1) * H)) : null;
      const epsilon = 1e-6;
      for (const k of [t - 1, 2, 0]) {
        // rerun steps k+1 … t from the state (h_k + εe_j, c_k), reading h_t
        const suffix = { inputLength: t - k, inputs: probe.inputs.subarray((k + 1) * I, (t + 1) * I), targetLength: 1 };
        const hT = (j: number, delta: number): Float64Array => {
          const hidden = states.slice((k + 1) * H, (k + 2) * H);
          hidden[j] += delta;
          const state: RecurrentState = { hidden, cell: cells === null ? null : cells.slice((k + 1) * H, (k + 2) * H) };
          model.forward(suffix, state);
          return layer.hiddenStates.slice((t - k) * H, (t - k + 1) * H);
        };
        for (let j = 0; j < H; j++) {
          const plus = hT(j, epsilon);
          const minus = hT(j, -epsilon);
          for (let i = 0; i < H; i++) {
            const numerical = (plus[i]! - minus[i]!) / (2 * epsilon);
            const analytical = layers[0]![k]![i * H + j]!;
            assert.ok(Math.abs(analytical - numerical) < 1e-8, `k ${k}: ∂h_t[${i}]/∂h_k[${j}] = ${analytical}, numerically ${numerical}`);
          }
        }
      }
    });
  }

  it('rejects a step outside the sequence and caps the lags', () => {
    const model = buildModel(vanillaConfig({ hiddenSize: 2 }), 1, 1);
    const probe = randomSequence(new SeededRandom(1), 5, 1);
    assert.throws(() => jacobianProductNorms(model, probe, { step: 5 }), /outside the probe sequence's steps 0…4/);
    const capped = jacobianProductNorms(model, probe, { maxLag: 2 });
    assert.equal(capped.fromStep, 2);
    assert.equal(capped.values[0]!.length, 3);
  });
});
