// The Compare Remedies line-up: nine entries in the lecture's order, the same seed and budget, remedy parameters from
// the settings with 0 (off) falling back to the demo's defaults.
import * as assert from 'node:assert/strict';
import { DEMO_CLIP_NORM, DEMO_L2, DEMO_TRUNCATION } from '../../../src/lab/lineup/lineup';
import { COMPARE_ENTRY_IDS, compareLineup, effectiveRemedyParameters } from '../../../src/lab/lineup/compareRemediesLineup';

const OFF = { clipNorm: 0, tbpttK1: 0, tbpttK2: 0, l2: 0 };

describe('compare remedies: line-up', () => {
  it('has the nine entries in order with one seed and one budget', () => {
    const lineup = compareLineup({ remedies: OFF, epochs: 3, seed: 42 });
    assert.deepEqual(lineup.map((experiment) => experiment.id), [...COMPARE_ENTRY_IDS]);
    for (const experiment of lineup) {
      assert.equal(experiment.seed, 42);
      if (experiment.kind === 'bptt') assert.equal(experiment.epochs, 3);
    }
    assert.equal(lineup[8]!.kind, 'esn');
  });

  it('falls back to the demo defaults when a setting is 0 (off)', () => {
    assert.deepEqual(effectiveRemedyParameters(OFF), { clipNorm: DEMO_CLIP_NORM, k1: DEMO_TRUNCATION.k1, k2: DEMO_TRUNCATION.k2, l2: DEMO_L2 });
  });

  it('uses the settings when set, keeping k2 ≥ k1', () => {
    const lineup = compareLineup({ remedies: { clipNorm: 5, tbpttK1: 20, tbpttK2: 8, l2: 0.01 } });
    const byId = new Map(lineup.map((experiment) => [experiment.id, experiment]));
    const remedies = (id: string): unknown => {
      const experiment = byId.get(id);
      return experiment?.kind === 'bptt' ? experiment.remedies : undefined;
    };
    assert.deepEqual(remedies('clipping'), { clipNorm: 5 });
    assert.deepEqual(remedies('tbptt'), { truncation: { k1: 20, k2: 20 } });
    assert.deepEqual(remedies('l2'), { l2: 0.01 });
    assert.deepEqual(remedies('irnn'), { clipNorm: 5 });
    assert.deepEqual(remedies('rnn'), {});
    assert.equal(byId.get('clipping')?.label, 'RNN + clip ‖g‖ ≤ 5');
  });
});
