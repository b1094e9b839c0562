// The remedies inside real training runs (src/engine/training/remedyHooks.ts, train.ts): clipping
// obeys its bound and reports every update, divergence stops training and keeps the last good parameters, and
// clipping rescues a vanilla RNN whose recurrent scale makes it diverge without.
import * as assert from 'node:assert/strict';
import { globalGradientNorm } from '../../../src/engine/remedies/clipping';
import type { ParameterSet } from '../../../src/engine/tensor';
import { sineWindows, snapshot, trainRun, vanillaConfig } from './remedyFixtures';

/** relu, W_hh = 1.8·Q (orthogonal): ‖h_t‖ grows like 1.8^t, so at T = 30 the first gradient norm is ≈ 7e7. */
const EXPLODING = { config: vanillaConfig({ nonlinearity: 'relu' }), init: { scheme: 'orthogonal', orthogonalGain: 1.8 } as const, steps: 30 };

describe('remedies in training', function () {
  this.timeout(30000);

  it('clipping by global norm: every applied gradient has ‖g‖ ≤ τ, and the report counts the clipped updates', () => {
    const tau = 0.5;
    const applied: number[] = [];
    const { outcome } = trainRun(vanillaConfig(), sineWindows(24, 12), {
      remedies: { clipNorm: tau },
      learningRate: 0.05,
      epochs: 4,
      batchSize: 3,
      seed: 5,
      trainer: { onAppliedGradient: (gradients: ParameterSet) => void applied.push(globalGradientNorm(gradients)) },
    });
    const clipping = outcome.clipping;
    assert.equal(clipping.updates, outcome.result.updates);
    assert.equal(clipping.updates, 4 * 8);
    assert.equal(clipping.preClipNorms.length, clipping.updates);
    assert.equal(applied.length, clipping.updates);
    applied.forEach((norm, i) => {
      assert.ok(norm <= tau * (1 + 1e-12), `update ${i}: ‖g‖ = ${norm} > τ`);
      const pre = clipping.preClipNorms[i]!;
      // clipped updates are rescaled to exactly τ; the others are untouched
      if (pre >= tau) assert.ok(Math.abs(norm - tau) < 1e-12 * tau, `update ${i}`);
      else assert.equal(norm, pre);
    });
    const expectedClipped = clipping.preClipNorms.filter((norm) => norm >= tau).length;
    assert.equal(clipping.clippedCount, expectedClipped);
    assert.ok(expectedClipped > 0 && expectedClipped < clipping.updates, `clipped ${expectedClipped} of ${clipping.updates}: the test should see both`);
    assert.equal(clipping.clippedFraction, expectedClipped / clipping.updates);
    assert.deepEqual(outcome.clippedPerUpdate, clipping.preClipNorms.map((norm) => norm >= tau));
    assert.equal(clipping.maxPreClipNorm, Math.max(...clipping.preClipNorms));
  });

  it('clipping by value: every applied gradient element lies in [−c, c]', () => {
    const c = 0.01;
    let largest = 0;
    const { outcome } = trainRun(vanillaConfig(), sineWindows(12, 10), {
      remedies: { clipValue: c },
      learningRate: 0.05,
      epochs: 2,
      batchSize: 2,
      seed: 2,
      trainer: {
        onAppliedGradient: (gradients: ParameterSet) => {
          for (const tensor of gradients.tensors) for (const g of tensor.data) largest = Math.max(largest, Math.abs(g));
        },
      },
    });
    assert.ok(largest <= c, `largest |g| = ${largest}`);
    assert.ok(outcome.clipping.clippedCount > 0);
  });

  it('detects divergence on a deliberately exploding vanilla RNN (‖g‖ above the 1e6 bound) and keeps the initial parameters', () => {
    const { model, outcome } = trainRun(EXPLODING.config, sineWindows(40, EXPLODING.steps), {
      remedies: { init: EXPLODING.init },
      learningRate: 0.01,
      epochs: 5,
      batchSize: 4,
      seed: 3,
    });
    const initial = trainRun(EXPLODING.config, sineWindows(4, EXPLODING.steps), { remedies: { init: EXPLODING.init }, learningRate: 0.01, epochs: 1, batchSize: 4, seed: 3, trainer: { cancel: { aborted: true } } });
    assert.ok(outcome.diverged !== null);
    assert.equal(outcome.diverged.reason, 'gradient-norm-above-bound');
    assert.equal(outcome.diverged.epoch, 1);
    assert.equal(outcome.diverged.keptUpdates, 0);
    assert.match(outcome.diverged.hint, /--clip-norm/);
    assert.ok(outcome.diverged.remedies.includes('enable-clipping'));
    assert.ok(outcome.clipping.preClipNorms[0]! > 1e6);
    assert.equal(outcome.result.cancelled, false);
    assert.equal(outcome.result.diverged?.epoch, 1);
    // the restored parameters are exactly the initial draw (no update was healthy)
    assert.deepEqual(snapshot(model), snapshot(initial.model));
  });

  it('on a non-finite loss (no bound), restores the parameters of the last healthy update', () => {
    let lastSeen: number[][] = [];
    let updatesSeen = 0;
    const { model, outcome } = trainRun(EXPLODING.config, sineWindows(40, EXPLODING.steps), {
      remedies: { init: EXPLODING.init, gradientNormBound: Number.MAX_VALUE },
      // the first update (‖g‖ ≈ 7e7) throws the weights so far that the next forward pass overflows
      learningRate: 1,
      epochs: 5,
      batchSize: 4,
      seed: 3,
      trainer: {
        // runs after the remedies on healthy updates only: these parameters are the last good ones so far
        onAppliedGradient: (_gradients: ParameterSet, parameters: ParameterSet) => {
          lastSeen = parameters.tensors.map((tensor) => Array.from(tensor.data));
          updatesSeen++;
        },
      },
    });
    assert.ok(outcome.diverged !== null);
    assert.ok(['non-finite-loss', 'non-finite-gradient', 'non-finite-parameters'].includes(outcome.diverged.reason), outcome.diverged.reason);
    assert.equal(outcome.diverged.keptUpdates, updatesSeen - 1);
    assert.deepEqual(snapshot(model), lastSeen);
    assert.ok(snapshot(model).flat().every(Number.isFinite));
  });

  it('clipping lets the same exploding vanilla RNN train without diverging', () => {
    const { model, outcome } = trainRun(EXPLODING.config, sineWindows(40, EXPLODING.steps), {
      remedies: { init: EXPLODING.init, clipNorm: 1 },
      learningRate: 0.01,
      epochs: 20,
      batchSize: 4,
      seed: 3,
    });
    assert.equal(outcome.diverged, null);
    const losses = outcome.result.lossPerEpoch;
    assert.equal(losses.length, 20);
    assert.ok(losses[0]! > 1e4, `first epoch J = ${losses[0]}: the run starts exploded`);
    assert.ok(losses[19]! < 0.2, `last epoch J = ${losses[19]}`);
    assert.ok(outcome.clipping.clippedFraction > 0.5);
    assert.ok(snapshot(model).flat().every(Number.isFinite));
  });

  it('TBPTT(T, T) through the remedy options trains bit-identically to full BPTT', () => {
    const run = (truncation: { k1: number; k2: number } | null) =>
      trainRun(vanillaConfig({ topology: 'many-to-many-synced' }), sineWindows(8, 10).map((e) => ({ ...e, targetLength: 10, targets: e.inputs.map((x) => 0.5 * x) })), {
        remedies: { truncation, clipNorm: 1 },
        learningRate: 0.05,
        epochs: 2,
        batchSize: 2,
        seed: 4,
      });
    const full = run(null);
    const truncated = run({ k1: 10, k2: 10 });
    assert.deepEqual(truncated.outcome.result.lossPerEpoch, full.outcome.result.lossPerEpoch);
    assert.deepEqual(snapshot(truncated.model), snapshot(full.model));
    // and a real truncation changes the run
    assert.notDeepEqual(snapshot(run({ k1: 2, k2: 2 }).model), snapshot(full.model));
  });
});
