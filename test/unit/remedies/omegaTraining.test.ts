// Pascanu's Ω inside training (trainer `afterBackward` → OmegaRegularizer → `beforeUpdate`): only W_hh moves
// differently, by exactly −lr·α·∂Ω/∂W_hh, and the penalty is reported per sampled epoch.
import * as assert from 'node:assert/strict';
import type { EpochDiagnostics } from '../../../src/engine/diagnostics/epochDiagnostics';
import { sineWindows, snapshot, trainRun, vanillaConfig } from './remedyFixtures';

/** The diagnostics sampled after `epoch` (0: the initial parameters). */
function epoch(run: ReturnType<typeof trainRun>, epoch: number): EpochDiagnostics {
  const sample = run.outcome.epochDiagnostics.find((entry) => entry.epoch === epoch);
  assert.ok(sample !== undefined, `epoch ${epoch} was sampled`);
  return sample;
}

describe("Pascanu's Ω in training", function () {
  this.timeout(30000);

  const windows = sineWindows(6, 12);
  const oneUpdate = (omega: number, truncation: { k1: number; k2: number } | null = null) =>
    trainRun(vanillaConfig({ hiddenSize: 5 }), windows, {
      remedies: { omega, truncation, init: { scheme: 'orthogonal', orthogonalGain: 0.7 } },
      learningRate: 0.1,
      epochs: 1,
      batchSize: 6,
      seed: 9,
      diagnostics: {},
    });

  it('one SGD step: only W_hh differs from the unregularised step, and the penalty is reported', () => {
    const plain = oneUpdate(0);
    const regularised = oneUpdate(2);
    const names = plain.model.parameters.tensors.map((t) => t.name);
    const a = snapshot(plain.model);
    const b = snapshot(regularised.model);
    names.forEach((name, i) => {
      if (name === 'weight_hh_l0') assert.notDeepEqual(b[i], a[i], 'W_hh should feel ∂Ω');
      else assert.deepEqual(b[i], a[i], `${name} must not receive ∂Ω`);
    });
    const penalty = epoch(regularised, 1).omegaPenalty!;
    assert.ok(penalty > 0 && Number.isFinite(penalty), `α·Ω = ${penalty}`);
    assert.equal(epoch(plain, 1).omegaPenalty, null);
    // the initial parameters (epoch 0) have no penalty yet
    assert.equal(epoch(regularised, 0).omegaPenalty, null);
  });

  it('runs with truncated BPTT too (one Ω collection per window)', () => {
    const run = oneUpdate(2, { k1: 4, k2: 4 });
    assert.equal(run.outcome.diverged, null);
    assert.ok(epoch(run, 1).omegaPenalty! > 0);
  });

  it('reduces Ω over training of a contracting vanilla RNN (W_hh = 0.7·Q: the error signal shrinks 30% per step)', () => {
    const run = (omega: number) =>
      trainRun(vanillaConfig({ hiddenSize: 6 }), sineWindows(20, 15), {
        remedies: { omega, init: { scheme: 'orthogonal', orthogonalGain: 0.7 } },
        learningRate: 0.05,
        epochs: 15,
        batchSize: 5,
        seed: 2,
        diagnostics: { samples: 2 },
      });
    const regularised = run(2).outcome.epochDiagnostics.filter((sample) => sample.epoch >= 1);
    assert.ok(regularised[1]!.omegaPenalty! < 0.5 * regularised[0]!.omegaPenalty!, `α·Ω ${regularised[0]!.omegaPenalty} → ${regularised[1]!.omegaPenalty}`);
  });
});
