import * as assert from 'assert';
import type { SequenceDataset, SequenceExample } from '../../../src/engine/dataset';
import { echoStateLoss, predictEchoState, trainEchoStateNetwork } from '../../../src/engine/esn/echoStateNetwork';
import { resolveEchoStateOptions } from '../../../src/engine/esn/esnOptions';
import { reservoirSpectrum } from '../../../src/engine/esn/reservoirSpectrum';
import { ridgeRegressionReadout } from '../../../src/engine/esn/ridgeReadout';
import { spectralRadius } from '../../../src/engine/linalg/eigenvalues';
import { SeededRandom } from '../../../src/engine/random';

/** Windows of a series for synced next-step prediction: inputs s(n…n+T−1), targets s(n+1…n+T). */
function nextStepWindows(series: number[], length: number, stride: number): SequenceDataset {
  const examples: SequenceExample[] = [];
  for (let start = 0; start + length + 1 <= series.length; start += stride) {
    examples.push({
      inputLength: length,
      inputs: Float64Array.from(series.slice(start, start + length)),
      targetLength: length,
      targets: Float64Array.from(series.slice(start + 1, start + length + 1)),
    });
  }
  return { inputSize: 1, outputSize: 1, examples };
}

/** Solves A x = b by Gaussian elimination with partial pivoting (independent of the engine's Cholesky). */
function gaussianSolve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) pivot = r;
    [m[c], m[pivot]] = [m[pivot], m[c]];
    for (let r = c + 1; r < n; r++) {
      const f = m[r][c] / m[c][c];
      for (let k = c; k <= n; k++) m[r][k] -= f * m[c][k];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let sum = m[r][n];
    for (let k = r + 1; k < n; k++) sum -= m[r][k] * x[k];
    x[r] = sum / m[r][r];
  }
  return x;
}

describe('engine/esn ridge readout', () => {
  it('equals the closed form Y Xᵀ (X Xᵀ + βI)⁻¹ on a hand-checkable case', () => {
    // z = [1, u] for u = 0, 1, 2; y = 1 + 2u; β = 0.5: X Xᵀ + βI = [[3.5, 3], [3, 5.5]], X Yᵀ = [9, 13],
    // det = 10.25 ⇒ W_out = [5.5·9 − 3·13, −3·9 + 3.5·13] / 10.25 = [10.5, 18.5] / 10.25.
    const features = Float64Array.from([1, 0, 1, 1, 1, 2]);
    const targets = Float64Array.from([1, 3, 5]);
    const readout = ridgeRegressionReadout(features, targets, 3, 2, 1, 0.5);
    assert.ok(Math.abs(readout[0] - 10.5 / 10.25) < 1e-14);
    assert.ok(Math.abs(readout[1] - 18.5 / 10.25) < 1e-14);
    // β = 0 recovers the exact line y = 1 + 2u.
    const exact = ridgeRegressionReadout(features, targets, 3, 2, 1, 0);
    assert.ok(Math.abs(exact[0] - 1) < 1e-12 && Math.abs(exact[1] - 2) < 1e-12);
  });
});

describe('engine/esn echo state network', () => {
  it('the fitted readout equals the closed form on reservoir states recomputed independently', () => {
    const data: SequenceDataset = {
      inputSize: 1,
      outputSize: 1,
      examples: [
        { inputLength: 4, inputs: Float64Array.from([0.1, -0.4, 0.7, 0.2]), targetLength: 4, targets: Float64Array.from([0.3, 0.1, -0.2, 0.5]) },
        { inputLength: 4, inputs: Float64Array.from([0.9, 0.5, -0.3, -0.8]), targetLength: 4, targets: Float64Array.from([-0.1, 0.4, 0.6, 0.0]) },
      ],
    };
    const options = { reservoirSize: 3, sparsity: 0.3, spectralRadius: 0.8, leak: 0.6, washout: 1, ridge: 0.01, inputScale: 0.5 };
    const { network, trainSamples } = trainEchoStateNetwork(data, 'many-to-many-synced', options, new SeededRandom(4));
    assert.strictEqual(trainSamples, 6);
    const { weights: w, inputWeights: wIn } = network.reservoir;
    const N = 3;
    const rows: number[][] = [];
    const ys: number[] = [];
    for (const example of data.examples) {
      let x = [0, 0, 0];
      for (let n = 0; n < 4; n++) {
        const u = example.inputs[n];
        // x(n) = (1−a)x(n−1) + a·tanh(W_in[1; u] + W x(n−1))
        x = x.map((xr, r) => {
          let pre = wIn[r * 2] + wIn[r * 2 + 1] * u;
          for (let c = 0; c < N; c++) pre += w[r * N + c] * x[c];
          return (1 - 0.6) * xr + 0.6 * Math.tanh(pre);
        });
        if (n >= 1) {
          rows.push([1, u, ...x]);
          ys.push(example.targets[n]);
        }
      }
    }
    const F = 5;
    const normal = Array.from({ length: F }, (_, i) => Array.from({ length: F }, (_, j) => rows.reduce((s, z) => s + z[i] * z[j], 0) + (i === j ? 0.01 : 0)));
    const rhs = Array.from({ length: F }, (_, i) => rows.reduce((s, z, k) => s + z[i] * ys[k], 0));
    const expected = gaussianSolve(normal, rhs);
    for (let f = 0; f < F; f++) assert.ok(Math.abs(network.readout[f] - expected[f]) < 1e-10, `W_out[${f}] = ${network.readout[f]}, closed form ${expected[f]}`);
    // J reported over the kept steps equals 1/(2m) Σ (ŷ − y)² from these features.
    const j = rows.reduce((s, z, k) => s + (z.reduce((acc, v, f) => acc + v * expected[f], 0) - ys[k]) ** 2, 0) / (2 * rows.length);
    assert.ok(Math.abs(echoStateLoss(network, data.examples) - j) < 1e-12);
  });

  it('draws a reservoir with the requested spectral radius and sparsity', () => {
    const options = resolveEchoStateOptions({ reservoirSize: 100 });
    const data = nextStepWindows(Array.from({ length: 80 }, (_, n) => Math.sin(0.2 * n)), 30, 10);
    const { network } = trainEchoStateNetwork(data, 'many-to-many-synced', options, new SeededRandom(1));
    assert.ok(Math.abs(spectralRadius(network.reservoir.weights, 100) - 0.95) < 1e-6);
    const zeros = network.reservoir.weights.filter((v) => v === 0).length / 10000;
    assert.ok(Math.abs(zeros - 0.9) < 0.02, `fraction of zeros ${zeros}`);
    assert.strictEqual(network.reservoir.value.length, 10000 - network.reservoir.weights.filter((v) => v === 0).length);
  });

  it('reservoir spectrum: ρ = target, λ₁ ≥ ρ, leaky bound (1 − a) + a·λ₁ per step', () => {
    const data = nextStepWindows(Array.from({ length: 60 }, (_, n) => Math.sin(0.2 * n)), 20, 10);
    const { network } = trainEchoStateNetwork(data, 'many-to-many-synced', { reservoirSize: 40, leak: 0.3, sparsity: 0.5 }, new SeededRandom(2));
    const spectrum = reservoirSpectrum(network.reservoir, 4);
    assert.ok(spectrum.spectralRadius !== null && Math.abs(spectrum.spectralRadius - 0.95) < 1e-6);
    assert.ok(spectrum.largestSingularValue >= spectrum.spectralRadius);
    const factor = 0.7 + 0.3 * spectrum.largestSingularValue;
    assert.ok(Math.abs(spectrum.lambdaGamma - factor) < 1e-12);
    assert.ok(Math.abs(spectrum.bound[3] - factor ** 3) < 1e-12);
    assert.strictEqual(spectrum.verdict, factor < 1 ? 'vanishing-guaranteed' : 'exploding-possible');
    assert.strictEqual(spectrum.eigenvalues?.re.length, 40);
  });

  it('with ρ = 0.95 fits noise-free sine next-step prediction to J < 1e-4 on train and validation', () => {
    const series = Array.from({ length: 700 }, (_, n) => Math.sin(0.2 * n));
    const train = nextStepWindows(series.slice(0, 500), 50, 10);
    const validation = nextStepWindows(series.slice(500), 50, 10);
    const result = trainEchoStateNetwork(train, 'many-to-many-synced', { spectralRadius: 0.95 }, new SeededRandom(7), validation);
    assert.ok(result.trainLoss < 1e-4, `train J = ${result.trainLoss}`);
    assert.ok(result.validationLoss !== null && result.validationLoss < 1e-4, `validation J = ${result.validationLoss}`);
    // Achieved (documented in the report): both far below the target.
    assert.ok(result.trainLoss < 1e-7, `train J = ${result.trainLoss}`);
  });

  it('many-to-one uses the state at the last step (predict the next value after a window)', () => {
    const series = Array.from({ length: 400 }, (_, n) => Math.sin(0.3 * n) * 0.8);
    const examples: SequenceExample[] = [];
    for (let start = 0; start + 21 <= series.length; start += 3) {
      examples.push({ inputLength: 20, inputs: Float64Array.from(series.slice(start, start + 20)), targetLength: 1, targets: Float64Array.of(series[start + 20]) });
    }
    const data: SequenceDataset = { inputSize: 1, outputSize: 1, examples };
    const result = trainEchoStateNetwork(data, 'many-to-one', {}, new SeededRandom(3));
    assert.ok(result.trainLoss < 1e-4, `train J = ${result.trainLoss}`);
    assert.strictEqual(result.trainSamples, examples.length);
    const prediction = predictEchoState(result.network, examples[5]);
    assert.strictEqual(prediction.length, 1);
    assert.ok(Math.abs(prediction[0] - examples[5].targets[0]) < 0.02);
  });

  it('is deterministic for a seed and differs across seeds', () => {
    const data = nextStepWindows(Array.from({ length: 200 }, (_, n) => Math.sin(0.2 * n) + 0.1 * Math.cos(1.3 * n)), 40, 20);
    const a = trainEchoStateNetwork(data, 'many-to-many-synced', {}, new SeededRandom(11));
    const b = trainEchoStateNetwork(data, 'many-to-many-synced', {}, new SeededRandom(11));
    const c = trainEchoStateNetwork(data, 'many-to-many-synced', {}, new SeededRandom(12));
    assert.deepStrictEqual(Array.from(a.network.readout), Array.from(b.network.readout));
    assert.deepStrictEqual(Array.from(a.network.reservoir.weights), Array.from(b.network.reservoir.weights));
    assert.strictEqual(a.trainLoss, b.trainLoss);
    assert.notDeepStrictEqual(Array.from(a.network.reservoir.weights), Array.from(c.network.reservoir.weights));
  });

  it('gives clear errors for unsupported topologies, class targets, bad options and a too-long washout', () => {
    const data = nextStepWindows(Array.from({ length: 30 }, (_, n) => Math.sin(n)), 5, 5);
    assert.throws(() => trainEchoStateNetwork(data, 'one-to-many', {}, new SeededRandom(1)), /not supported for topology one-to-many/);
    assert.throws(() => trainEchoStateNetwork(data, 'many-to-many-encoder-decoder', {}, new SeededRandom(1)), /not supported for topology many-to-many-encoder-decoder/);
    assert.throws(() => trainEchoStateNetwork(data, 'many-to-many-synced', { leak: 1.5 }, new SeededRandom(1)), /leak must be a number in \(0, 1\], got 1.5/);
    assert.throws(() => trainEchoStateNetwork(data, 'many-to-many-synced', { sparsity: 1 }, new SeededRandom(1)), /sparsity must be a number in \[0, 1\)/);
    assert.throws(() => trainEchoStateNetwork(data, 'many-to-many-synced', { washout: 5 }, new SeededRandom(1)), /washout = 5/);
    assert.throws(() => trainEchoStateNetwork(data, 'many-to-one', {}, new SeededRandom(1)), /topology many-to-one needs 1×1/);
    const classes: SequenceDataset = {
      inputSize: 1,
      outputSize: 2,
      examples: [{ inputLength: 3, inputs: new Float64Array(3), targetLength: 1, targets: new Float64Array(0), targetClasses: Int32Array.of(1) }],
    };
    assert.throws(() => trainEchoStateNetwork(classes, 'many-to-one', {}, new SeededRandom(1)), /needs regression targets \(loss mse\)/);
  });
});
