// One training run (src/lab/training/trainingRun.ts), the code the extension's worker and `rnn-lab train` share: every
// epoch reported once, every update's norm, the sampled diagnostics, cancel, clipping, divergence and bad options.
import * as assert from 'assert';
import { setUpTraining } from '../../../src/lab/training/trainingSetup';
import { parseModel } from '../../../src/modelFiles/modelJson';
import { collectRun, trainingJob } from './trainingRunFixtures';

describe('one training run (engine trainer + remedies + events)', () => {
  it('trains to completion, reports every epoch once with decreasing loss, and returns a loadable model', () => {
    const job = trainingJob({ training: { epochs: 15, batch: 8, learningRate: 0.02 } });
    const { epochs, updateNorms, gradientSamples, spectra, run } = collectRun(job);
    assert.strictEqual(run.status, 'completed');
    assert.deepStrictEqual(epochs.map((e) => e.epoch), Array.from({ length: 15 }, (_, i) => i + 1));
    const first = epochs[0]?.trainLoss ?? 0;
    const last = epochs[epochs.length - 1]?.trainLoss ?? Infinity;
    assert.ok(last < first / 5, `loss ${first} → ${last} should fall at least five-fold`);
    for (const e of epochs) {
      assert.ok(e.meanGradientNorm > 0 && e.maxGradientNorm >= e.meanGradientNorm);
      assert.strictEqual(e.clippedFraction, 0);
      assert.ok(e.validationLoss !== null && e.validationLoss > 0);
    }
    // 86 training windows / batch 8 → 11 updates per epoch.
    assert.strictEqual(job.data.train.length, 86);
    assert.strictEqual(updateNorms.length, 15 * 11);
    // the epochs' statistics are those of their updates
    const firstEpochNorms = updateNorms.slice(0, 11);
    assert.ok(Math.abs((epochs[0]?.meanGradientNorm ?? 0) - firstEpochNorms.reduce((a, b) => a + b, 0) / 11) < 1e-15);
    assert.deepStrictEqual(gradientSamples.map((s) => s.epoch), Array.from({ length: 16 }, (_, i) => i), 'epoch 0 and every epoch of a short run');
    assert.strictEqual(gradientSamples[0]?.hiddenNorms.length, 12, 'one ‖∂J/∂h_k‖ per timestep');
    assert.strictEqual(gradientSamples[0]?.lossTerm, 0);
    assert.strictEqual(spectra[0]?.matrices[0]?.parameter, 'weight_hh_l0');
    assert.ok((spectra[0]?.matrices[0]?.largestSingularValue ?? 0) > 0);
    const loaded = parseModel(run.modelJson);
    assert.strictEqual(loaded.config.hiddenSize, 8);
    assert.deepStrictEqual(loaded.extras.normalization, { kind: 'none' });
    assert.strictEqual(run.epochsCompleted, 15);
    // the events report exactly the losses of the engine's result
    assert.deepStrictEqual(epochs.map((e) => e.trainLoss), run.outcome.result.lossPerEpoch);
  });

  it('returns the initial parameters as initial-model.json: the ones setUpTraining drew, before the first update', () => {
    const job = trainingJob({ training: { epochs: 3, batch: 8, learningRate: 0.02, seed: 7 } });
    const { run } = collectRun(job);
    const initial = parseModel(run.initialModelJson);
    const drawn = setUpTraining(job.settings, job.model).model.parameters;
    assert.deepStrictEqual(initial.parameters.tensors.map((t) => [t.name, [...t.data]]), drawn.tensors.map((t) => [t.name, [...t.data]]));
    const trained = parseModel(run.modelJson);
    assert.notDeepStrictEqual(trained.parameters.tensors.map((t) => [...t.data]), initial.parameters.tensors.map((t) => [...t.data]));
    // the same extras as model.json (normalisation, training settings), with the facts of θ₀: no epoch, no loss yet
    assert.deepStrictEqual(initial.extras.normalization, trained.extras.normalization);
    assert.deepStrictEqual(initial.extras.training, { optimizer: 'adam', learningRate: 0.02, batch: 8, seed: 7, epochsCompleted: 0 });
    assert.strictEqual(trained.extras.training?.['epochsCompleted'], 3);
  });

  it('is reproducible: the same seed gives the same losses', () => {
    const losses = (): number[] => collectRun(trainingJob({ training: { epochs: 3, seed: 7 } })).epochs.map((e) => e.trainLoss);
    assert.deepStrictEqual(losses(), losses());
  });

  it('stops between mini-batches when cancelled, keeping the finished epochs', () => {
    let stop = false;
    const { run } = collectRun(trainingJob({ training: { epochs: 200, batch: 4 } }), {
      cancel: { get aborted() { return stop; } },
      // raise the flag once epoch 2 has been reported, as the host's Stop button does
      onEpoch: (metrics) => void (stop = metrics.epoch >= 2),
    });
    assert.strictEqual(run.status, 'cancelled');
    assert.strictEqual(run.epochsCompleted, 2);
    assert.strictEqual(parseModel(run.modelJson).parameters.tensors.length, 6);
  });

  it('clips by global norm: every update norm above τ counts as clipped', () => {
    const { epochs, updateNorms, run } = collectRun(trainingJob({ training: { epochs: 2 }, remedies: { clipNorm: 0.05 } }));
    assert.strictEqual(run.status, 'completed');
    const aboveThreshold = updateNorms.filter((norm) => norm >= 0.05).length;
    // 86 windows / batch 16 → 6 updates per epoch.
    assert.strictEqual(updateNorms.length, 12);
    const reportedClipped = epochs.reduce((sum, e) => sum + e.clippedFraction * 6, 0);
    assert.ok(aboveThreshold > 0);
    assert.ok(Math.abs(reportedClipped - aboveThreshold) < 1e-9, `${reportedClipped} vs ${aboveThreshold}`);
  });

  it('stops a diverging run, restores the last good parameters and suggests clipping', () => {
    // IRNN with a huge SGD step: ReLU with W_hh = I and α = 10 blows up within a few updates.
    const job = trainingJob({
      model: { nonlinearity: 'relu' },
      training: { epochs: 30, optimizer: 'sgd', learningRate: 10 },
      remedies: { init: 'identity' },
    });
    const { run } = collectRun(job);
    assert.strictEqual(run.status, 'diverged');
    const divergence = run.divergence;
    assert.ok(divergence !== undefined);
    assert.ok(divergence.hints.includes('enable-clipping'));
    assert.ok(divergence.epoch >= 1 && divergence.lastGoodEpoch === divergence.epoch - 1);
    assert.strictEqual(run.epochsCompleted, divergence.lastGoodEpoch);
    const restored = parseModel(run.modelJson);
    for (const tensor of restored.parameters.tensors) assert.ok(tensor.data.every(Number.isFinite), `${tensor.name} is finite`);
  });

  it('refuses an option that does not fit the model, naming it', () => {
    // Ω is defined for the vanilla RNN's W_hh only; the worker turns the thrown error into an `error` message.
    assert.throws(() => collectRun(trainingJob({ model: { cell: 'lstm' }, remedies: { omega: 2 } })), /vanilla RNN/);
  });
});
