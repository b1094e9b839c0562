// The losses of docs/maths.md "Losses", checked on numbers worked out by hand.
import * as assert from 'node:assert/strict';
import { meanSquaredError, softmaxCrossEntropy } from '../../../src/engine/losses';

describe('losses', () => {
  it('MSE keeps the lecture\'s ½ and divides by m: J = 1/(2m) Σ (ŷ − y)², ∂J/∂ŷ = (ŷ − y)/m', () => {
    const gradient = new Float64Array(3);
    const loss = meanSquaredError(Float64Array.of(1, 2, 3), Float64Array.of(0, 2, 5), 3, 3, gradient);
    assert.equal(loss, (1 + 0 + 4) / 6);
    assert.deepEqual(Array.from(gradient), [1 / 3, 0, -2 / 3]);
  });

  it('MSE shares of a mini-batch sum to the batch loss (m counts every scored value of the batch)', () => {
    const first = meanSquaredError(Float64Array.of(1), Float64Array.of(0), 1, 3, null);
    const second = meanSquaredError(Float64Array.of(2, 2), Float64Array.of(0, 1), 2, 3, null);
    assert.equal(first + second, (1 + 4 + 1) / 6);
  });

  it('softmax cross-entropy: −(1/m) Σ log softmax(ŷ)_y and (softmax − onehot)/m', () => {
    const gradient = new Float64Array(4);
    const logits = Float64Array.of(0, Math.log(3), 800, 800);
    const loss = softmaxCrossEntropy(logits, Int32Array.of(1, 0), 2, 2, 2, gradient);
    // step 0: softmax = [1/4, 3/4], −log 3/4; step 1: equal logits too large for a naive e^800 (overflow): softmax = [½, ½], −log ½
    assert.ok(Math.abs(loss - (-Math.log(0.75) - Math.log(0.5)) / 2) < 1e-12);
    const expected = [0.25 / 2, (0.75 - 1) / 2, (0.5 - 1) / 2, 0.5 / 2];
    gradient.forEach((g, i) => assert.ok(Math.abs(g - expected[i]!) < 1e-12, `gradient[${i}]`));
  });
});
