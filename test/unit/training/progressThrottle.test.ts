import * as assert from 'assert';
import { sampledEpochs } from '../../../src/engine/diagnostics/epochDiagnostics';
import { ProgressThrottle } from '../../../src/lab/training/progressThrottle';
import type { EpochMetrics } from '../../../src/lab/runs/runRecord';

function metrics(epoch: number): EpochMetrics {
  return { epoch, trainLoss: 1 / epoch, validationLoss: null, meanGradientNorm: 1, maxGradientNorm: 2, clippedFraction: 0, elapsedMs: 3 };
}

describe('progress throttling (≤ 10 messages/s, no epoch dropped)', () => {
  it('sends at most one message per 100 ms and delivers every epoch in order', () => {
    let now = 0;
    const throttle = new ProgressThrottle(10, () => now);
    const delivered: number[] = [];
    const sendTimes: number[] = [];
    // 1000 epochs of 3 ms each: 3 s of training.
    for (let epoch = 1; epoch <= 1000; epoch++) {
      now += 3;
      throttle.addEpoch(metrics(epoch));
      throttle.addUpdateGradientNorm(epoch);
      const batch = throttle.takeIfDue();
      if (batch) {
        sendTimes.push(now);
        delivered.push(...batch.epochs.map((m) => m.epoch));
      }
    }
    const rest = throttle.flush();
    delivered.push(...rest.epochs.map((m) => m.epoch));
    assert.deepStrictEqual(delivered, Array.from({ length: 1000 }, (_, i) => i + 1));
    for (let i = 1; i < sendTimes.length; i++) assert.ok((sendTimes[i] as number) - (sendTimes[i - 1] as number) >= 100);
    // 3 s at ≤ 10/s: at most 31 messages (the first goes out at once).
    assert.ok(sendTimes.length <= 31 && sendTimes.length >= 29, `sent ${sendTimes.length}`);
  });

  it('caps the rate at 10/s even when asked for more, and honours lower rates', () => {
    assert.strictEqual(new ProgressThrottle(50, () => 0).intervalMs, 100);
    assert.strictEqual(new ProgressThrottle(2, () => 0).intervalMs, 500);
  });

  it('sends nothing before the first epoch, and the update norms travel with their epochs', () => {
    let now = 1000;
    const throttle = new ProgressThrottle(10, () => now);
    throttle.addUpdateGradientNorm(0.5);
    assert.strictEqual(throttle.takeIfDue(), undefined);
    throttle.addEpoch(metrics(1));
    const batch = throttle.takeIfDue();
    assert.deepStrictEqual(batch?.updateGradientNorms, [0.5]);
    now += 50;
    throttle.addEpoch(metrics(2));
    assert.strictEqual(throttle.takeIfDue(), undefined, 'too soon after the last message');
    assert.deepStrictEqual(throttle.flush().epochs.map((m) => m.epoch), [2]);
  });
});

describe('gradient sampling epochs (one schedule for the panels and the CLI: engine/diagnostics/epochDiagnostics.ts)', () => {
  it('samples every epoch of a short run', () => {
    assert.deepStrictEqual([...sampledEpochs(10)], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('samples exactly the default 24 evenly spaced epochs of a long run, including the first and the last', () => {
    const epochs = [...sampledEpochs(1000)];
    assert.strictEqual(epochs.length, 24);
    assert.strictEqual(epochs[0], 1);
    assert.strictEqual(epochs[epochs.length - 1], 1000);
    const gaps = epochs.slice(1).map((epoch, i) => epoch - (epochs[i] as number));
    assert.ok(Math.max(...gaps) - Math.min(...gaps) <= 1, `uneven gaps ${gaps.join(',')}`);
    assert.deepStrictEqual([...sampledEpochs(7, 3)], [1, 4, 7]);
  });
});
