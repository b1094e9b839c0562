import * as assert from 'assert';
import { parseModel } from '../../../src/modelFiles/modelJson';
import type { ProgressMessage, TerminalWorkerMessage, TrainingReply } from '../../../src/protocol/workerProtocol';
import { runTraining } from '../../../src/lab/training/trainingRun';
import { startMessage } from './trainingRunFixtures';

function collect(run: (post: (message: TrainingReply) => void) => void): { progress: ProgressMessage[]; terminal: TerminalWorkerMessage } {
  const messages: TrainingReply[] = [];
  run((message) => messages.push(message));
  const terminal = messages[messages.length - 1] as TerminalWorkerMessage;
  assert.ok((terminal as TrainingReply).type !== 'progress', 'the last message is terminal');
  assert.strictEqual(messages.filter((m) => m.type !== 'progress').length, 1, 'exactly one terminal message');
  return { progress: messages.filter((m): m is ProgressMessage => m.type === 'progress'), terminal };
}

describe('training run in the worker (engine trainer + remedies + progress)', () => {
  it('trains to completion, reports every epoch once with decreasing loss, and returns a loadable model', () => {
    let now = 0;
    const start = startMessage({ training: { epochs: 15, batch: 8, learningRate: 0.02 } });
    // A clock advancing 1 s per reading: every epoch is "due", so no message is held back by the throttle.
    const { progress, terminal } = collect((post) => runTraining(start, post, () => (now += 1000)));
    assert.strictEqual(terminal.type, 'done');
    if (terminal.type !== 'done') return;
    const epochs = [...progress.flatMap((m) => m.epochs), ...terminal.epochs];
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
    assert.strictEqual(start.data.train.length, 86);
    const updates = [...progress.flatMap((m) => m.updateGradientNorms), ...terminal.updateGradientNorms];
    assert.strictEqual(updates.length, 15 * 11);
    const samples = [...progress.flatMap((m) => m.gradientSamples), ...terminal.gradientSamples];
    assert.deepStrictEqual(samples.map((s) => s.epoch), Array.from({ length: 16 }, (_, i) => i), 'epoch 0 and every epoch of a short run');
    assert.strictEqual(samples[0]?.hiddenNorms.length, 12, 'one ‖∂J/∂h_k‖ per timestep');
    assert.strictEqual(samples[0]?.lossTerm, 0);
    const spectra = [...progress.flatMap((m) => m.spectralSamples), ...terminal.spectralSamples];
    assert.strictEqual(spectra[0]?.matrices[0]?.parameter, 'weight_hh_l0');
    assert.ok((spectra[0]?.matrices[0]?.largestSingularValue ?? 0) > 0);
    const loaded = parseModel(terminal.modelJson ?? '');
    assert.strictEqual(loaded.config.hiddenSize, 8);
    assert.deepStrictEqual(loaded.extras.normalization, { kind: 'none' });
    assert.strictEqual(terminal.epochsCompleted, 15);
  });

  it('is reproducible: the same seed gives the same losses', () => {
    const losses = (): number[] => {
      const { progress, terminal } = collect((post) => runTraining(startMessage({ training: { epochs: 3, seed: 7 } }), post, () => 0));
      return [...progress.flatMap((m) => m.epochs), ...(terminal.type === 'error' ? [] : terminal.epochs)].map((e) => e.trainLoss);
    };
    assert.deepStrictEqual(losses(), losses());
  });

  it('stops between mini-batches when the shared cancel flag is raised, keeping the finished epochs', () => {
    const start = startMessage({ training: { epochs: 200, batch: 4 } });
    const flag = new Int32Array(start.cancelFlag);
    let now = 0;
    const { terminal } = collect((post) =>
      runTraining(start, (message) => {
        // Raise the flag once epoch 2 has been reported, as the host's Stop button does.
        if (message.type === 'progress' && message.epoch >= 2) Atomics.store(flag, 0, 1);
        post(message);
      }, () => (now += 1000)),
    );
    assert.strictEqual(terminal.type, 'cancelled');
    if (terminal.type !== 'cancelled') return;
    assert.strictEqual(terminal.epochsCompleted, 2);
    assert.ok(terminal.modelJson !== null && parseModel(terminal.modelJson).parameters.tensors.length === 6);
  });

  it('clips by global norm: every update norm above τ counts as clipped', () => {
    const { progress, terminal } = collect((post) =>
      runTraining(startMessage({ training: { epochs: 2 }, remedies: { clipNorm: 0.05 } }), post, () => 0),
    );
    assert.notStrictEqual(terminal.type, 'error');
    if (terminal.type === 'error') return;
    const epochs = [...progress.flatMap((m) => m.epochs), ...terminal.epochs];
    const norms = [...progress.flatMap((m) => m.updateGradientNorms), ...terminal.updateGradientNorms];
    const aboveThreshold = norms.filter((norm) => norm >= 0.05).length;
    // 86 windows / batch 16 → 6 updates per epoch.
    assert.strictEqual(norms.length, 12);
    const reportedClipped = epochs.reduce((sum, e) => sum + e.clippedFraction * 6, 0);
    assert.ok(aboveThreshold > 0);
    assert.ok(Math.abs(reportedClipped - aboveThreshold) < 1e-9, `${reportedClipped} vs ${aboveThreshold}`);
  });

  it('stops a diverging run, restores the last good parameters and suggests clipping', () => {
    // IRNN with a huge SGD step: ReLU with W_hh = I and α = 50 blows up within a few updates.
    const start = startMessage({
      model: { nonlinearity: 'relu' },
      training: { epochs: 30, optimizer: 'sgd', learningRate: 10 },
      remedies: { init: 'identity' },
    });
    const { terminal } = collect((post) => runTraining(start, post, () => 0));
    assert.strictEqual(terminal.type, 'diverged');
    if (terminal.type !== 'diverged') return;
    assert.ok(terminal.divergence.hints.includes('enable-clipping'));
    assert.ok(terminal.divergence.epoch >= 1 && terminal.divergence.lastGoodEpoch === terminal.divergence.epoch - 1);
    assert.strictEqual(terminal.epochsCompleted, terminal.divergence.lastGoodEpoch);
    const restored = parseModel(terminal.modelJson ?? '');
    for (const tensor of restored.parameters.tensors) assert.ok(tensor.data.every(Number.isFinite), `${tensor.name} is finite`);
  });

  it('reports an unusable option as an error message, not a crash', () => {
    const run = (): void => runTraining(startMessage({ model: { cell: 'lstm' }, remedies: { omega: 2 } }), () => undefined);
    // Ω is defined for the vanilla RNN's W_hh only; the worker's main turns the thrown error into an `error` message.
    assert.throws(run, /vanilla RNN/);
  });
});
