import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TrainingWorker } from '../../../src/host/training/trainingWorkerClient';
import { parseModel } from '../../../src/modelFiles/modelJson';
import type { ProgressMessage } from '../../../src/protocol/workerProtocol';
import { parseHostToWorkerMessage, parseWorkerToHostMessage } from '../../../src/protocol/workerProtocol';
import { startMessage } from './trainingRunFixtures';
import { bundleWorker } from '../workerBundle';

const root = path.resolve(__dirname, '../../../..');

describe('training worker thread (real worker_threads, bundled like dist/trainingWorker.js)', function () {
  let directory: string;
  let workerScript: string;

  before(async () => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'rnn-lab-worker-'));
    workerScript = await bundleWorker('trainingWorker', directory);
  });
  after(() => fs.rmSync(directory, { recursive: true, force: true }));

  function request(overrides: Parameters<typeof startMessage>[0]) {
    const { type: _type, cancelFlag: _flag, ...rest } = startMessage(overrides);
    return rest;
  }

  it('runs a whole training off the calling thread and ends with done', async () => {
    const progress: ProgressMessage[] = [];
    const worker = new TrainingWorker(workerScript, () => undefined);
    const result = await worker.start(request({ training: { epochs: 5 } }), (m) => progress.push(m));
    assert.strictEqual(result.type, 'done');
    if (result.type !== 'done') return;
    const epochs = [...progress.flatMap((m) => m.epochs), ...result.epochs].map((e) => e.epoch);
    assert.deepStrictEqual(epochs, [1, 2, 3, 4, 5]);
    assert.ok(progress.length >= 1);
    // both model files cross the thread: the trained parameters and the ones drawn before the first update
    assert.ok(result.modelJson !== null && result.initialModelJson !== null);
    assert.notStrictEqual(result.initialModelJson, result.modelJson);
    assert.strictEqual(parseModel(result.initialModelJson).extras.training?.['epochsCompleted'], 0);
  });

  it('cancels a long run through the shared flag long before it would finish', async () => {
    let worker: TrainingWorker | undefined;
    const seen: number[] = [];
    worker = new TrainingWorker(workerScript, () => undefined);
    const result = await worker.start(request({ training: { epochs: 100000, batch: 4 } }), (m) => {
      seen.push(m.epoch);
      if (m.epoch >= 2) worker?.cancel();
    });
    assert.strictEqual(result.type, 'cancelled');
    if (result.type !== 'cancelled') return;
    assert.ok(result.epochsCompleted >= 2 && result.epochsCompleted < 100000);
    assert.ok(result.modelJson !== null, 'the worker acknowledged (not the forced fallback)');
    assert.ok(worker.cancelLatencyMs !== undefined && worker.cancelLatencyMs >= 0);
  });

  it('parses, windows and trains the adding problem inside the worker (intake → startPrepared), sending predictions', async () => {
    const worker = new TrainingWorker(workerScript, () => undefined);
    const file = path.join(root, 'samples', 'adding-problem.csv');
    const loaded = await worker.load({ kind: 'file', path: file, label: 'adding-problem.csv' }, { maxBytes: 1 << 20 });
    assert.strictEqual(loaded.type, 'dataLoaded');
    if (loaded.type !== 'dataLoaded') return;
    assert.strictEqual(loaded.overview.kind, 'grouped');
    assert.strictEqual(loaded.overview.rows, 5000);
    const { settings } = startMessage({ model: { topology: 'many-to-one', hiddenSize: 4 }, training: { epochs: 2 } });
    const prepared = await worker.prepare({}, settings);
    assert.strictEqual(prepared.type, 'dataPrepared');
    if (prepared.type !== 'dataPrepared') return;
    assert.deepStrictEqual(prepared.prepared.summary.shapes.inputShape, [100, 50, 2]);
    assert.strictEqual(prepared.prepared.summary.shapes.validationWindows, 20);
    assert.strictEqual(prepared.prepared.model.inputSize, 2);
    const result = await worker.start({ runId: 'adding' }, () => undefined);
    assert.strictEqual(result.type, 'done');
    if (result.type !== 'done') return;
    assert.strictEqual(result.runId, 'adding');
    assert.strictEqual(result.epochsCompleted, 2);
    // one prediction per validation sequence, in the target's units (sums of two U(0,1) values)
    assert.strictEqual(result.validationPredictions?.column, 'target');
    assert.strictEqual(result.validationPredictions?.windows.length, 20);
    for (const window of result.validationPredictions?.windows ?? []) {
      assert.ok((window.targets[0] as number) >= 0 && (window.targets[0] as number) <= 2);
      assert.ok(Number.isFinite(window.predictions[0]));
    }
  });

  it('answers bad data with the located error, and missing values with where they are', async () => {
    const worker = new TrainingWorker(workerScript, () => undefined);
    const bad = await worker.load({ kind: 'text', text: '1\n2\n3\n12,5a\n4', label: 'sel' }, { maxBytes: 1 << 20 });
    assert.strictEqual(bad.type, 'dataRejected');
    if (bad.type === 'dataRejected') {
      assert.strictEqual(bad.error.code, 'not-a-number');
      assert.strictEqual(bad.error.line, 4);
    }
    worker.dispose();

    const gaps = new TrainingWorker(workerScript, () => undefined);
    const rows = ['value,other', ...Array.from({ length: 60 }, (_, i) => `${i === 7 || i === 30 ? '' : Math.sin(i)},${i}`)];
    const loaded = await gaps.load({ kind: 'text', text: rows.join('\n'), label: 'gaps.csv' }, { maxBytes: 1 << 20 });
    assert.strictEqual(loaded.type, 'dataLoaded');
    const { settings } = startMessage({ model: { window: 5 } });
    const refused = await gaps.prepare({}, settings);
    assert.strictEqual(refused.type, 'dataRejected');
    if (refused.type === 'dataRejected') {
      assert.strictEqual(refused.missing?.count, 2);
      assert.deepStrictEqual(refused.missing?.lines, [9, 32]);
      assert.strictEqual(refused.error.line, 9, 'located at the first gap');
      assert.match(refused.error.problem, /^2 missing values/);
    }
    const interpolated = await gaps.prepare({ missing: 'interpolate' }, settings);
    assert.strictEqual(interpolated.type, 'dataPrepared');
    gaps.dispose();
  });

  it('refuses a selection over the size limit before parsing it', async () => {
    const worker = new TrainingWorker(workerScript, () => undefined);
    const reply = await worker.load({ kind: 'text', text: '1,2,3,4,5,6,7,8,9,10', label: 'sel' }, { maxBytes: 8 });
    assert.strictEqual(reply.type, 'dataRejected');
    if (reply.type === 'dataRejected') assert.strictEqual(reply.error.code, 'too-large');
    worker.dispose();
  });

  it('trains the vanilla RNN with Pascanu\'s Ω enabled', async () => {
    const worker = new TrainingWorker(workerScript, () => undefined);
    const result = await worker.start(request({ training: { epochs: 2 }, remedies: { omega: 1 } }), () => undefined);
    assert.strictEqual(result.type, 'done');
  });

  it('reports a failure inside the worker as an error result (Ω applies to the vanilla RNN only)', async () => {
    const worker = new TrainingWorker(workerScript, () => undefined);
    const result = await worker.start(request({ model: { hiddenSize: 8, window: 12, cell: 'lstm' }, remedies: { omega: 1 } }), () => undefined);
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
      [{ type: 'done', runId: 'r', epochs: [], gradientSamples: [], spectralSamples: [], updateGradientNorms: [], epochsCompleted: 1, modelJson: 5, initialModelJson: null }, 'modelJson'],
      [{ type: 'diverged', runId: 'r', epochs: [], gradientSamples: [], spectralSamples: [], updateGradientNorms: [], epochsCompleted: 1, modelJson: null, initialModelJson: null }, 'divergence'],
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
    assert.ok(parseHostToWorkerMessage({ type: 'startPrepared', runId: 'r', cancelFlag: new SharedArrayBuffer(4) }).ok);
    const noFlag = parseHostToWorkerMessage({ type: 'startPrepared', runId: 'r' });
    assert.ok(!noFlag.ok && noFlag.issue.path === 'cancelFlag');
  });

  it('checks the intake messages field by field', () => {
    const load = { type: 'loadData', runId: 'intake', source: { kind: 'text', text: '1 2 3', label: 'sel' }, maxBytes: 100, cancelFlag: new SharedArrayBuffer(4) };
    assert.ok(parseHostToWorkerMessage(load).ok);
    const { cancelFlag: _loadFlag, ...loadWithoutFlag } = load;
    const loadNoFlag = parseHostToWorkerMessage(loadWithoutFlag);
    assert.ok(!loadNoFlag.ok && loadNoFlag.issue.path === 'cancelFlag', 'the cancel flag travels with the first message');
    const hostCases: [unknown, string][] = [
      [{ ...load, source: { kind: 'url', label: 'x' } }, 'source.kind'],
      [{ ...load, source: { kind: 'file', label: 'x' } }, 'source.path'],
      [{ ...load, maxBytes: -1 }, 'maxBytes'],
      [{ type: 'prepareData', runId: 'intake', choices: {} }, 'settings'],
      [{ type: 'prepareData', runId: 'intake', choices: { missing: 'guess' }, settings: startMessage({}).settings }, 'choices.missing'],
      [{ type: 'prepareData', runId: 'intake', choices: {}, settings: { ...startMessage({}).settings, model: { ...startMessage({}).settings.model, hiddenSize: 100000 } } }, 'settings.model.hiddenSize'],
    ];
    for (const [raw, path] of hostCases) {
      const parsed = parseHostToWorkerMessage(raw);
      assert.ok(!parsed.ok && parsed.issue.path === path, `${JSON.stringify(raw)} → ${path}`);
    }
    const overview = { format: 'numbers', rows: 3, columns: [{ name: 'value', type: 'number', missing: 0 }], warnings: [], kind: 'series' };
    assert.ok(parseWorkerToHostMessage({ type: 'dataLoaded', runId: 'intake', overview }).ok);
    const model = { cell: 'rnn', nonlinearity: 'tanh', inputSize: 1, hiddenSize: 4, outputSize: 1, numLayers: 1, topology: 'many-to-one', loss: 'mse', oneToManyInput: 'first-step', outputLength: 1 };
    const prediction = { column: 'value', topology: 'many-to-one', window: 2, horizon: 1, targetLength: 1 };
    const shapes = { rowsRead: 3, columnsUsed: ['value'], trainWindows: 1, validationWindows: 0, inputShape: [1, 2, 1], targetShape: [1, 1, 1] };
    const summary = { source: 'sel', fingerprint: 'ab', shapes, normalization: [] };
    assert.ok(parseWorkerToHostMessage({ type: 'dataPrepared', runId: 'intake', prepared: { model, prediction, summary, extras: {} } }).ok);
    const workerCases: [unknown, string][] = [
      [{ type: 'dataLoaded', runId: 'intake', overview: { ...overview, columns: 3 } }, 'overview.columns'],
      [{ type: 'dataLoaded', runId: 'intake', overview: { ...overview, kind: 'video' } }, 'overview.kind'],
      [{ type: 'dataPrepared', runId: 'intake', prepared: { model, prediction, summary } }, 'prepared.extras'],
      [{ type: 'dataPrepared', runId: 'intake', prepared: { model: { ...model, hiddenSize: 0 }, prediction, summary, extras: {} } }, 'prepared.model.hiddenSize'],
      [{ type: 'dataPrepared', runId: 'intake', prepared: { model, prediction, summary: { ...summary, shapes: { ...shapes, inputShape: [1, 2] } }, extras: {} } }, 'prepared.summary.shapes.inputShape[2]'],
      [{ type: 'dataRejected', runId: 'intake', error: { problem: 'p', code: 'empty', source: 's' } }, 'error.hint'],
    ];
    for (const [raw, path] of workerCases) {
      const parsed = parseWorkerToHostMessage(raw);
      assert.ok(!parsed.ok && parsed.issue.path === path, `${JSON.stringify(raw)} → ${path}`);
    }
    assert.ok(parseWorkerToHostMessage({ type: 'dataRejected', runId: 'intake', error: { problem: 'p', code: 'empty', source: 's', hint: '' } }).ok);
  });
});
