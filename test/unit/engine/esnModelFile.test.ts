// ESN model files: every number needed to recompute the network is saved; recomputing the states, predictions and J
// from the saved JSON with plain loops (independent of the engine) gives the losses the engine reported; the file
// reads back into the same network; a broken file names its JSON path.
import * as assert from 'node:assert/strict';
import type { SequenceDataset, SequenceExample } from '../../../src/engine/dataset';
import { echoStateLoss, predictEchoState, trainEchoStateNetwork } from '../../../src/engine/esn/echoStateNetwork';
import { SeededRandom } from '../../../src/engine/random';
import { parseEchoStateModel, serializeEchoStateModel } from '../../../src/modelFiles/echoStateModelJson';

function windows(topology: 'many-to-one' | 'many-to-many-synced', T: number, count: number, offset = 0): SequenceDataset {
  const series = Array.from({ length: count + T + 1 + offset }, (_, n) => Math.sin(0.37 * n) + 0.1 * Math.cos(1.7 * n));
  const examples: SequenceExample[] = [];
  for (let s = offset; s < offset + count; s++) {
    const inputs = Float64Array.from(series.slice(s, s + T));
    const targets = topology === 'many-to-one' ? Float64Array.of(series[s + T]!) : Float64Array.from(series.slice(s + 1, s + T + 1));
    examples.push({ inputLength: T, inputs, targetLength: topology === 'many-to-one' ? 1 : T, targets });
  }
  return { inputSize: 1, outputSize: 1, examples };
}

interface SavedEsn {
  config: { topology: string; leak: number; washout: number; reservoirSize: number; spectralRadius: number; spectralRadiusAchieved: number };
  reservoir: { W: number[][]; W_in: number[][] };
  readout: { W_out: number[][] };
}

/** J from the saved numbers alone: x(n) = (1−a)x(n−1) + a·tanh(W_in[1; u] + W x(n−1)), ŷ = W_out [1; u; x]. */
function lossFromSaved(saved: SavedEsn, data: SequenceDataset): number {
  const { W, W_in } = saved.reservoir;
  const wOut = saved.readout.W_out[0]!;
  const a = saved.config.leak;
  const N = W.length;
  let sum = 0;
  let m = 0;
  for (const example of data.examples) {
    let x = new Array<number>(N).fill(0);
    for (let n = 0; n < example.inputLength; n++) {
      const u = example.inputs[n]!;
      x = x.map((xi, i) => (1 - a) * xi + a * Math.tanh(W_in[i]![0]! + W_in[i]![1]! * u + W[i]!.reduce((acc, w, j) => acc + w * x[j]!, 0)));
      const scored = saved.config.topology === 'many-to-one' ? n === example.inputLength - 1 : n >= saved.config.washout;
      if (!scored) continue;
      const z = [1, u, ...x];
      const y = z.reduce((acc, zi, f) => acc + wOut[f]! * zi, 0);
      const target = example.targets[saved.config.topology === 'many-to-one' ? 0 : n]!;
      sum += (y - target) ** 2;
      m++;
    }
  }
  return sum / (2 * m);
}

describe('echo state network model file', () => {
  for (const topology of ['many-to-one', 'many-to-many-synced'] as const) {
    it(`${topology}: J recomputed from the saved W, W_in, W_out equals the engine's train and validation J`, () => {
      const train = windows(topology, 12, 30);
      const validation = windows(topology, 12, 8, 40);
      const trained = trainEchoStateNetwork(train, topology, { reservoirSize: 12, leak: 0.7, washout: 3, sparsity: 0.5 }, new SeededRandom(4), validation);
      const text = serializeEchoStateModel(trained.network, { training: { seed: 4 } });
      const saved = JSON.parse(text) as SavedEsn;
      assert.equal(saved.reservoir.W.length, 12);
      assert.equal(saved.reservoir.W_in[0]!.length, 2);
      assert.equal(saved.readout.W_out[0]!.length, 1 + 1 + 12);
      assert.ok(Math.abs(saved.config.spectralRadiusAchieved - 0.95) <= 1e-9);
      const rel = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);
      assert.ok(rel(lossFromSaved(saved, train), trained.trainLoss) < 1e-12, `${lossFromSaved(saved, train)} vs ${trained.trainLoss}`);
      assert.ok(rel(lossFromSaved(saved, validation), trained.validationLoss!) < 1e-12);

      // read back: the same network, bit for bit
      const loaded = parseEchoStateModel(text);
      assert.deepEqual(Array.from(loaded.reservoir.weights), Array.from(trained.network.reservoir.weights));
      assert.deepEqual(Array.from(loaded.readout), Array.from(trained.network.readout));
      assert.equal(echoStateLoss(loaded, validation.examples), trained.validationLoss);
      assert.deepEqual(Array.from(predictEchoState(loaded, validation.examples[0]!)), Array.from(predictEchoState(trained.network, validation.examples[0]!)));
    });
  }

  it('a broken file names the JSON path', () => {
    const trained = trainEchoStateNetwork(windows('many-to-one', 5, 10), 'many-to-one', { reservoirSize: 3, sparsity: 0 }, new SeededRandom(1));
    const saved = JSON.parse(serializeEchoStateModel(trained.network)) as SavedEsn & Record<string, unknown>;
    saved.reservoir.W[1]![2] = 'x' as unknown as number;
    assert.throws(() => parseEchoStateModel(JSON.stringify(saved), 'm.json'), /m\.json: \$\.reservoir\.W\[1\]\[2\]: must be a finite number/);
    saved.reservoir.W[1] = [1];
    assert.throws(() => parseEchoStateModel(JSON.stringify(saved)), /\$\.reservoir\.W\[1\]: must be an array of 3 numbers/);
    (saved.config as unknown as Record<string, unknown>)['leak'] = 2;
    assert.throws(() => parseEchoStateModel(JSON.stringify(saved)), /\$\.config\.leak: /);
  });
});
