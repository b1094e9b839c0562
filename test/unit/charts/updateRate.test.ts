import * as assert from 'assert';
import { maxInWindow } from '../../../src/host/trainingPanel/updateRate';

describe('live update rate of the training panel', () => {
  it('counts the most messages inside any one-second window', () => {
    assert.strictEqual(maxInWindow([]), 0);
    assert.strictEqual(maxInWindow([0]), 1);
    // every 100 ms for 2 s: exactly 10 in any window [t, t + 1000)
    assert.strictEqual(maxInWindow(Array.from({ length: 21 }, (_, i) => i * 100)), 10);
    // a burst of 4 within 30 ms after a slow start
    assert.strictEqual(maxInWindow([0, 900, 2000, 2010, 2020, 2030, 3500]), 4);
    assert.strictEqual(maxInWindow([0, 999, 1000], 1000), 2);
  });
});
