// Per-sampled-epoch diagnostics (src/engine/diagnostics/epochDiagnostics.ts) as the engine's train() records them.
import * as assert from 'node:assert/strict';
import { sampledEpochs } from '../../../src/engine/diagnostics/epochDiagnostics';
import { largestSingularValue } from '../../../src/engine/linalg/singularValues';
import { sineWindows, trainRun, vanillaConfig } from './remedyFixtures';

describe('sampled epoch diagnostics', function () {
  this.timeout(30000);

  it('samples about n epochs evenly, always the first and the last', () => {
    assert.deepEqual([...sampledEpochs(100, 10)], [1, 12, 23, 34, 45, 56, 67, 78, 89, 100]);
    assert.deepEqual([...sampledEpochs(4, 10)], [1, 2, 3, 4]);
    assert.deepEqual([...sampledEpochs(7, 2)], [1, 7]);
    assert.deepEqual([...sampledEpochs(7, 1)], [7]);
    assert.equal(sampledEpochs(1000, 10).size, 10);
    assert.throws(() => sampledEpochs(0), /totalEpochs/);
  });

  it('records ‖∂J/∂h_k‖, ‖∂J/∂c_k‖, ‖∂h_t/∂h_k‖ and the spectra of W_hh at the sampled epochs (LSTM, 2 layers)', () => {
    const H = 4;
    const T = 9;
    const config = vanillaConfig({ cell: 'lstm', hiddenSize: H, numLayers: 2 });
    const windows = sineWindows(14, T);
    const { model, outcome } = trainRun(config, windows.slice(0, 10), {
      remedies: { clipNorm: 1 },
      learningRate: 0.05,
      epochs: 9,
      batchSize: 2,
      seed: 3,
      validation: windows.slice(10),
      diagnostics: { samples: 3, jacobianStep: 6, jacobianProducts: true },
    });
    const samples = outcome.epochDiagnostics;
    // epoch 0: the initial parameters
    assert.deepEqual(samples.map((sample) => sample.epoch), [0, 1, 5, 9]);
    const last = samples[3]!;
    assert.ok(last.jacobianProductNorms !== null && last.spectral !== null);
    assert.equal(last.unavailable, undefined);
    assert.equal(last.hiddenGradNorms.length, 2);
    assert.equal(last.hiddenGradNorms[0]!.length, T);
    assert.equal(last.cellGradNorms!.length, 2);
    assert.equal(last.lossTerm, 0);
    // measured after the last epoch on the same probe as the trainer's final diagnostics
    assert.deepEqual(last.hiddenGradNorms, outcome.result.diagnostics!.hiddenGradNorms);
    assert.equal(last.jacobianProductNorms.step, 6);
    assert.equal(last.jacobianProductNorms.values[1]!.length, 7);
    assert.equal(last.omegaPenalty, null);
    // spectra: every gate block of both layers plus the stacked matrix, λ₁ of the final W_hh
    const blocks = last.spectral.matrices.map((m) => `${m.parameter}/${m.block}`);
    assert.deepEqual(blocks.slice(0, 5), ['weight_hh_l0/i', 'weight_hh_l0/f', 'weight_hh_l0/g', 'weight_hh_l0/o', 'weight_hh_l0/stacked']);
    const stacked = last.spectral.matrices.find((m) => m.parameter === 'weight_hh_l1' && m.block === 'stacked')!;
    const whh = model.parameters.tensors.find((t) => t.name === 'weight_hh_l1')!.data;
    assert.ok(Math.abs(stacked.largestSingularValue - largestSingularValue(whh, 4 * H, H)) < 1e-12);
    assert.equal(stacked.bound.length, T);
    const gate = last.spectral.matrices[0]!;
    assert.equal(gate.eigenvalues!.re.length, H);
    assert.ok(gate.spectralRadius! <= gate.largestSingularValue + 1e-12);
    // per update: the pre-clip norms and the clipped flag count
    assert.equal(outcome.clipping.preClipNorms.length, 9 * 5);
  });
});
