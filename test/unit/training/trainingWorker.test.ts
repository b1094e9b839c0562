import * as assert from 'assert';
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TrainingWorker } from '../../../src/host/training/trainingWorker';
import type { ProgressMessage } from '../../../src/shared/protocol/workerProtocol';
import { parseHostToWorkerMessage, parseWorkerToHostMessage } from '../../../src/shared/protocol/workerProtocol';
import { startMessage } from './trainingRunFixtures';

const root = path.resolve(__dirname, '../../../..');

describe('training worker thread (real worker_threads, bundled like dist/worker.js)', function () {
  let directory: string;
  let workerScript: string;

  before(async () => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'rnn-lab-worker-'));
    workerScript = path.join(directory, 'worker.js');
    await esbuild.build({ entryPoints: [path.join(root, 'src/worker/main.ts')], outfile: workerScript, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'error' });
  });
  after(() => fs.rmSync(directory, { recursive: true, force: true }));

  function request(overrides: Parameters<typeof startMessage>[0]) {
    const { type: _type, cancelFlag: _flag, ...rest } = startMessage(overrides);
    return rest;
  }

  it('runs a whole training off the calling thread and ends with done', async () => {
    const progress: ProgressMessage[] = [];
    const worker = new TrainingWorker(workerScript, request({ training: { epochs: 5 } }), { onProgress: (m) => progress.push(m), log: () => undefined });
    const result = await worker.result;
    assert.strictEqual(result.type, 'done');
    if (result.type !== 'done') return;
    const epochs = [...progress.flatMap((m) => m.epochs), ...result.epochs].map((e) => e.epoch);
    assert.deepStrictEqual(epochs, [1, 2, 3, 4, 5]);
    assert.ok(progress.length >= 1);
  });

  it('cancels a long run through the shared flag long before it would finish', async () => {
    let worker: TrainingWorker | undefined;
    const seen: number[] = [];
    worker = new TrainingWorker(workerScript, request({ training: { epochs: 100000, batch: 4 } }), {
      onProgress: (m) => {
        seen.push(m.epoch);
        if (m.epoch >= 2) worker?.cancel();
      },
      log: () => undefined,
    });
    const result = await worker.result;
    assert.strictEqual(result.type, 'cancelled');
    if (result.type !== 'cancelled') return;
    assert.ok(result.epochsCompleted >= 2 && result.epochsCompleted < 100000);
    assert.ok(result.modelJson !== null, 'the worker acknowledged (not the forced fallback)');
    assert.ok(worker.cancelLatencyMs !== undefined && worker.cancelLatencyMs >= 0);
  });

  it('trains the vanilla RNN with Pascanu\'s Ω enabled', async () => {
    const worker = new TrainingWorker(workerScript, request({ training: { epochs: 2 }, remedies: { omega: 1 } }), { onProgress: () => undefined, log: () => undefined });
    const result = await worker.result;
    assert.strictEqual(result.type, 'done');
  });

  it('reports a failure inside the worker as an error result (Ω applies to the vanilla RNN only)', async () => {
    const worker = new TrainingWorker(
      workerScript,
      request({ model: { hiddenSize: 8, window: 12, cell: 'lstm' }, remedies: { omega: 1 } }),
      { onProgress: () => undefined, log: () => undefined },
    );
    const result = await worker.result;
    assert.strictEqual(result.type, 'error');
    if (result.type === 'error') assert.match(result.message, /vanilla RNN/);
  });
});

describe('worker protocol validation', () => {
  it('accepts well-formed messages and rejects malformed ones with the field path', () => {
    const progress = { type: 'progress', runId: 'r', epoch: 1, totalEpochs: 2, trainLoss: 1, validationLoss: null, epochs: [], gradientSamples: [], spectralSamples: [], updateGradientNorms: [] };
    assert.ok(parseWorkerToHostMessage(progress).ok);
    const cases: [unknown, string][] = [
      [null, ''],
      [{ type: 'bogus', runId: 'r' }, 'type'],
      [{ type: 'done', runId: 3 }, 'runId'],
      [{ ...progress, epoch: 'one' }, 'epoch'],
      [{ ...progress, epochs: undefined }, 'epochs'],
      [{ type: 'done', runId: 'r', epochs: [], gradientSamples: [], spectralSamples: [], updateGradientNorms: [], epochsCompleted: 1, modelJson: 5 }, 'modelJson'],
      [{ type: 'diverged', runId: 'r', epochs: [], gradientSamples: [], spectralSamples: [], updateGradientNorms: [], epochsCompleted: 1, modelJson: null }, 'divergence'],
      [{ type: 'error', runId: 'r' }, 'message'],
    ];
    for (const [raw, path] of cases) {
      const parsed = parseWorkerToHostMessage(raw);
      assert.ok(!parsed.ok, JSON.stringify(raw));
      if (!parsed.ok) assert.strictEqual(parsed.issue.path, path);
    }
  });

  it('requires a SharedArrayBuffer cancel flag in start', () => {
    const { cancelFlag: _flag, ...withoutFlag } = startMessage({});
    const rejected = parseHostToWorkerMessage({ ...withoutFlag, cancelFlag: new ArrayBuffer(4) });
    assert.ok(!rejected.ok && rejected.issue.path === 'cancelFlag');
    assert.ok(parseHostToWorkerMessage(startMessage({})).ok);
    assert.ok(parseHostToWorkerMessage({ type: 'cancel', runId: 'r' }).ok);
  });
});
