// The training loop's contract: epochs × mini-batches, progress and cancellation, validation, diagnostics, timing.
import * as assert from 'node:assert/strict';
import { modelConfig, sineWindows, trainSeeded } from './trainingFixtures';

describe('trainer', () => {
  it('reports every epoch, a validation loss, and the first validation window\'s ‖∂J/∂h_k‖ [L][T]', () => {
    const epochs: number[] = [];
    const { result } = trainSeeded(modelConfig({ cell: 'lstm', numLayers: 2, hiddenSize: 4 }), sineWindows(20, 7), {
      optimizer: 'sgd',
      learningRate: 0.05,
      epochs: 4,
      batchSize: 3,
      seed: 1,
      validation: sineWindows(6, 7, 50),
      onEpoch: (progress) => {
        epochs.push(progress.epoch);
        assert.ok(Number.isFinite(progress.trainLoss) && Number.isFinite(progress.validationLoss));
      },
    });
    assert.deepEqual(epochs, [1, 2, 3, 4]);
    assert.equal(result.lossPerEpoch.length, 4);
    assert.equal(result.validationLoss, result.validationLossPerEpoch[3]);
    // 20 windows in batches of 3: 7 updates per epoch
    assert.equal(result.updates, 28);
    const norms = result.diagnostics!.hiddenGradNorms;
    assert.equal(norms.length, 2);
    assert.equal(norms[0]!.length, 7);
    assert.ok(norms.flat().every((n) => n > 0 && Number.isFinite(n)));
    assert.equal(result.diagnostics!.cellGradNorms![1]!.length, 7);
    assert.ok(result.timestepsPerSecond > 0);
    assert.ok(!result.cancelled && result.diverged === null);
  });

  it('stops when the progress callback returns false', () => {
    const { result } = trainSeeded(modelConfig({}), sineWindows(10, 5), {
      optimizer: 'sgd',
      learningRate: 0.01,
      epochs: 10,
      batchSize: 2,
      seed: 1,
      onEpoch: (progress) => progress.epoch < 3,
    });
    assert.equal(result.epochsCompleted, 3);
    assert.ok(result.cancelled);
  });

  it('stops between mini-batches when the cancellation flag is raised', () => {
    const flag = { aborted: false };
    let updates = 0;
    const { result } = trainSeeded(modelConfig({}), sineWindows(10, 5), {
      optimizer: 'sgd',
      learningRate: 0.01,
      epochs: 10,
      batchSize: 1,
      seed: 1,
      cancel: flag,
      beforeUpdate: () => {
        updates++;
        if (updates === 4) flag.aborted = true;
      },
    });
    assert.equal(result.updates, 4);
    assert.equal(result.epochsCompleted, 0);
    assert.ok(result.cancelled);
  });

  it('detects divergence (a NaN loss) and stops', () => {
    const { result } = trainSeeded(modelConfig({ nonlinearity: 'relu' }), sineWindows(10, 5), {
      optimizer: 'sgd',
      learningRate: 1e6,
      epochs: 5,
      batchSize: 1,
      seed: 1,
    });
    assert.ok(result.diverged !== null, 'expected divergence');
    assert.ok(result.epochsCompleted <= 5);
  });

  it('rejects a dataset that does not fit the topology, naming the example', () => {
    const windows = sineWindows(3, 4);
    assert.throws(
      () => trainSeeded(modelConfig({ topology: 'many-to-many-synced' }), windows, { optimizer: 'sgd', learningRate: 0.1, epochs: 1, batchSize: 1, seed: 1 }),
      /training data example 0: synced many-to-many scores every step/,
    );
  });
});
