import * as assert from 'assert';
import { DEFAULT_ADAM_EPSILON, createOptimizer } from '../../../src/engine/optimizers';
import type { ParameterSet } from '../../../src/engine/tensor';

function set(values: Record<string, number[]>): ParameterSet {
  return { tensors: Object.entries(values).map(([name, data]) => ({ name, shape: [data.length], data: Float64Array.from(data) })) };
}

function close(actual: ArrayLike<number>, expected: number[], tolerance = 1e-15): void {
  assert.strictEqual(actual.length, expected.length);
  for (let i = 0; i < expected.length; i++) {
    assert.ok(Math.abs(actual[i] - expected[i]) <= tolerance * Math.max(1, Math.abs(expected[i])), `[${i}] ${actual[i]} ≠ ${expected[i]}`);
  }
}

describe('optimizers', () => {
  it('SGD: θ ← θ − α ∂J/∂θ, the lecture update, over every tensor', () => {
    const parameters = set({ weight_hh_l0: [1, -2, 0.5], bias_out: [3] });
    const gradients = set({ weight_hh_l0: [0.5, 1, -4], bias_out: [-1] });
    const optimizer = createOptimizer('sgd', { learningRate: 0.1 }, parameters);
    optimizer.step(parameters, gradients);
    close(parameters.tensors[0].data, [0.95, -2.1, 0.9]);
    close(parameters.tensors[1].data, [3.1]);
    optimizer.step(parameters, gradients);
    close(parameters.tensors[0].data, [0.9, -2.2, 1.3]);
    assert.strictEqual(optimizer.stepCount, 2);
    assert.strictEqual(optimizer.kind, 'sgd');
  });

  it('momentum: v ← μv + g, θ ← θ − αv, hand-computed over three steps', () => {
    const parameters = set({ w: [1] });
    const optimizer = createOptimizer('momentum', { learningRate: 0.5, momentum: 0.9 }, parameters);
    // g = 2, 2, −1: v = 2, 3.8, 2.42; θ = 1 − 1 = 0, 0 − 1.9 = −1.9, −1.9 − 1.21 = −3.11.
    for (const [g, expected] of [[2, 0], [2, -1.9], [-1, -3.11]]) {
      optimizer.step(parameters, set({ w: [g] }));
      close(parameters.tensors[0].data, [expected], 1e-14);
    }
    const defaults = createOptimizer('momentum', { learningRate: 1 }, set({ w: [0] }));
    const p = set({ w: [0] });
    defaults.step(p, set({ w: [1] }));
    defaults.step(p, set({ w: [1] }));
    close(p.tensors[0].data, [-(1 + 1.9)]); // default μ = 0.9
    defaults.reset();
    defaults.step(p, set({ w: [1] }));
    close(p.tensors[0].data, [-(1 + 1.9) - 1]);
  });

  it('Adam: the first step has magnitude α·|g|/(|g|+ε) ≈ α whatever the gradient scale', () => {
    const parameters = set({ w: [0, 0, 0, 0] });
    const gradients = set({ w: [1e-3, -50, 7, 0] });
    const optimizer = createOptimizer('adam', { learningRate: 0.01 }, parameters);
    optimizer.step(parameters, gradients);
    const g = gradients.tensors[0].data;
    close(parameters.tensors[0].data, Array.from(g, (gi) => (gi === 0 ? 0 : -0.01 * gi / (Math.abs(gi) + DEFAULT_ADAM_EPSILON))), 1e-14);
    assert.ok(Math.abs(Math.abs(parameters.tensors[0].data[1]) - 0.01) < 1e-11);
  });

  it('Adam: second step matches Kingma & Ba Algorithm 1 by hand (β1 = 0.9, β2 = 0.999, ε = 1e-8)', () => {
    const parameters = set({ w: [1] });
    const optimizer = createOptimizer('adam', { learningRate: 0.1 }, parameters);
    optimizer.step(parameters, set({ w: [2] }));
    optimizer.step(parameters, set({ w: [-1] }));
    // t=1: m = 0.2, v = 0.004, m̂ = 2, v̂ = 4 → θ = 1 − 0.1·2/(2 + 1e-8)
    // t=2: m = 0.18 − 0.1 = 0.08, v = 0.003996 + 0.001 = 0.004996, m̂ = 0.08/0.19, v̂ = 0.004996/0.001999
    const theta1 = 1 - (0.1 * 2) / (2 + 1e-8);
    const mHat = 0.08 / (1 - 0.81);
    const vHat = 0.004996 / (1 - 0.999 * 0.999);
    close(parameters.tensors[0].data, [theta1 - (0.1 * mHat) / (Math.sqrt(vHat) + 1e-8)], 1e-13);
    assert.strictEqual(optimizer.stepCount, 2);
  });

  it('minimises a quadratic: ½‖θ − c‖² reaches c with each optimiser', () => {
    const target = [3, -1, 0.5];
    for (const kind of ['sgd', 'momentum', 'adam'] as const) {
      const parameters = set({ w: [0, 0, 0] });
      const gradients = set({ w: [0, 0, 0] });
      const optimizer = createOptimizer(kind, { learningRate: kind === 'adam' ? 0.05 : 0.1 }, parameters);
      for (let step = 0; step < 2000; step++) {
        for (let i = 0; i < 3; i++) gradients.tensors[0].data[i] = parameters.tensors[0].data[i] - target[i];
        optimizer.step(parameters, gradients);
      }
      close(parameters.tensors[0].data, target, 1e-4);
    }
  });

  it('lets the trainer lower α mid-run (divergence remedy)', () => {
    const parameters = set({ w: [0] });
    const optimizer = createOptimizer('sgd', { learningRate: 1 }, parameters);
    optimizer.learningRate = 0.25;
    optimizer.step(parameters, set({ w: [2] }));
    close(parameters.tensors[0].data, [-0.5]);
  });

  it('rejects bad options and mismatched gradients with clear messages', () => {
    const parameters = set({ w: [0, 0] });
    assert.throws(() => createOptimizer('sgd', { learningRate: 0 }, parameters), /learning rate must be a finite number > 0, got 0/);
    assert.throws(() => createOptimizer('sgd', { learningRate: Number.NaN }, parameters), /learning rate/);
    assert.throws(() => createOptimizer('momentum', { learningRate: 0.1, momentum: 1 }, parameters), /momentum must be in \[0, 1\), got 1/);
    assert.throws(() => createOptimizer('adam', { learningRate: 0.1, beta2: -0.1 }, parameters), /beta2/);
    assert.throws(() => createOptimizer('adam', { learningRate: 0.1, epsilon: 0 }, parameters), /epsilon/);
    assert.throws(() => createOptimizer('rmsprop' as 'sgd', { learningRate: 0.1 }, parameters), /sgd\|momentum\|adam, got "rmsprop"/);
    const optimizer = createOptimizer('adam', { learningRate: 0.1 }, parameters);
    assert.throws(() => optimizer.step(parameters, set({ w: [1, 2, 3] })), /tensor 0 \("w"\) has 2 values and its gradient \("w"\) 3, expected 2/);
    assert.throws(() => optimizer.step(parameters, set({ w: [1, 2], b: [1] })), /created for 1 tensors/);
  });
});
