// Which arithmetic and how many threads a run gets (lab/training/precision.ts, docs/performance.md).
import * as assert from 'node:assert/strict';
import { choosePrecision } from '../../../src/lab/training/precision';
import { modelConfig } from '../engine/trainingFixtures';

const NO_REMEDIES = { omega: 0, truncation: null };

describe('precision and threads of a run (lab/training/precision.ts)', () => {
  it('auto: float32 for batch ≥ 8 with H ≥ 64, for H ≥ 128, and for character models with batch ≥ 8', () => {
    const at = (hiddenSize: number, batch: number, oneHot = false) =>
      choosePrecision('auto', 1, modelConfig({ hiddenSize }), NO_REMEDIES, batch, 2, oneHot).precision;
    assert.deepEqual([at(16, 16), at(63, 32), at(64, 8), at(64, 7), at(128, 1)], ['float64', 'float64', 'float32', 'float64', 'float32']);
    assert.deepEqual([at(16, 16, true), at(16, 7, true)], ['float32', 'float64']);
  });

  it('Ω, truncated BPTT and the encoder–decoder stay float64, saying why; an explicit float64 is "requested"', () => {
    const config = modelConfig({ hiddenSize: 128 });
    assert.deepEqual(choosePrecision('float32', 0, config, { omega: 2, truncation: null }, 32, 2), { precision: 'float64', reason: 'omega', threads: 1 });
    assert.equal(choosePrecision('auto', 0, config, { omega: 0, truncation: { k1: 5, k2: 5 } }, 32, 2).reason, 'truncation');
    assert.equal(choosePrecision('auto', 0, modelConfig({ hiddenSize: 128, topology: 'many-to-many-encoder-decoder' }), NO_REMEDIES, 32, 2).reason, 'encoder-decoder');
    assert.deepEqual(choosePrecision('float64', 4, config, { omega: 2, truncation: null }, 32, 8), { precision: 'float64', reason: 'requested', threads: 1 });
  });

  it('threads: 0 = the cores (at most 8), shards of ≥ 4 sequences, float32 only', () => {
    const config = modelConfig({ hiddenSize: 128 });
    const threads = (setting: number, batch: number, cores: number, precision: 'auto' | 'float64' = 'auto') =>
      choosePrecision(precision, setting, config, NO_REMEDIES, batch, cores).threads;
    assert.deepEqual([threads(0, 32, 2), threads(0, 64, 16), threads(0, 8, 4), threads(3, 32, 1), threads(0, 3, 4), threads(0, 32, 2, 'float64')], [2, 8, 2, 3, 1, 1]);
  });
});
