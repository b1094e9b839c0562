import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { resolveSettings } from '../../../src/lab/settings/resolveSettings';
import { MAX_STORED_UPDATE_NORMS, RunRecordBuilder } from '../../../src/lab/runs/runRecordBuilder';
import { RunStore, runFolderName, runRecordProblem } from '../../../src/node/runStore';
import type { DataSummary, EpochMetrics } from '../../../src/lab/runs/runRecord';

const summary: DataSummary = {
  source: 'sine.csv',
  fingerprint: 'ab'.repeat(32),
  shapes: { rowsRead: 100, columnsUsed: ['value'], trainWindows: 64, validationWindows: 16, inputShape: [80, 20, 1], targetShape: [80, 1, 1] },
  normalization: [{ column: 'value', kind: 'zscore', offset: 0.1, scale: 0.7 }],
  predicts: 'next value',
};

function epoch(n: number, loss: number): EpochMetrics {
  return { epoch: n, trainLoss: loss, validationLoss: loss * 1.1, meanGradientNorm: 0.5, maxGradientNorm: 0.9, clippedFraction: 0.25, elapsedMs: 12 };
}

function builder(startedAt = new Date('2026-11-27T21:15:00.123Z')): RunRecordBuilder {
  return new RunRecordBuilder({ id: 'run-1', name: 'sine', startedAt, config: resolveSettings().settings, data: summary });
}

const emptyBatch = { gradientSamples: [], spectralSamples: [], updateGradientNorms: [] };

describe('run record building', () => {
  it('accumulates batched epochs, samples and update norms into the record', () => {
    const b = builder();
    b.addBatch({ ...emptyBatch, epochs: [epoch(1, 0.5), epoch(2, 0.25)], updateGradientNorms: [1, 2, 3] });
    b.addBatch({
      ...emptyBatch,
      epochs: [epoch(3, 0.125)],
      gradientSamples: [{ epoch: 3, layer: 0, hiddenNorms: [0.001, 0.01, 0.1] }],
      updateGradientNorms: [4],
    });
    const record = b.finish({ status: 'completed', finishedAt: new Date('2026-11-27T21:15:02.123Z'), modelFile: 'model.json' });
    assert.strictEqual(record.format, 'rnn-lab.run');
    assert.strictEqual(record.status, 'completed');
    assert.strictEqual(record.durationMs, 2000);
    assert.strictEqual(record.finishedAt, '2026-11-27T21:15:02.123Z');
    assert.deepStrictEqual(record.epochs.map((e) => e.trainLoss), [0.5, 0.25, 0.125]);
    assert.deepStrictEqual(record.updateGradientNorms, [1, 2, 3, 4]);
    assert.deepStrictEqual(record.gradientNormsPerTimestep[0]?.hiddenNorms, [0.001, 0.01, 0.1]);
    assert.strictEqual(record.config.model.hiddenSize.source, 'default');
    assert.strictEqual(runRecordProblem(JSON.parse(JSON.stringify(record))), undefined);
  });

  it('refuses epochs out of order (a protocol bug must not produce a wrong record)', () => {
    const b = builder();
    b.addBatch({ ...emptyBatch, epochs: [epoch(1, 1)] });
    assert.throws(() => b.addBatch({ ...emptyBatch, epochs: [epoch(3, 1)] }), /got epoch 3, expected 2/);
  });

  it('thins the older half of the per-update norms beyond the storage limit', () => {
    const b = builder();
    const norms = Array.from({ length: MAX_STORED_UPDATE_NORMS + 2 }, (_, i) => i);
    b.addBatch({ ...emptyBatch, epochs: [epoch(1, 1)], updateGradientNorms: norms });
    const stored = b.snapshot(new Date()).updateGradientNorms;
    const half = Math.floor(norms.length / 2);
    assert.strictEqual(stored.length, Math.ceil(half / 2) + (norms.length - half));
    assert.strictEqual(stored[stored.length - 1], norms.length - 1, 'the newest norm is kept');
    assert.strictEqual(stored[1], 2, 'every other old norm is kept');
  });

  it('keeps the divergence of a diverged run', () => {
    const b = builder();
    const divergence = { reason: 'non-finite-loss' as const, epoch: 4, value: Number.NaN, detail: 'the training loss became NaN', hints: ['enable-clipping' as const], lastGoodEpoch: 3 };
    const record = b.finish({ status: 'diverged', finishedAt: new Date(), modelFile: 'model.json', divergence });
    assert.deepStrictEqual(record.divergence, divergence);
  });
});

describe('run store', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'rnn-lab-runs-'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('names folders <timestamp>-<slug> that sort by time', () => {
    assert.strictEqual(runFolderName(new Date('2026-11-27T21:15:00.123Z'), 'Precio del Café (día)'), '2026-11-27T21-15-00-123Z-precio-del-cafe-dia');
    assert.strictEqual(runFolderName(new Date('2026-11-27T21:15:00.123Z'), '***'), '2026-11-27T21-15-00-123Z-run');
  });

  it('saves run.json and model.json, lists runs newest first and reads them back', async () => {
    const store = new RunStore(path.join(root, '.rnn-lab', 'runs'));
    const older = await store.createRunDirectory(new Date('2026-11-27T20:00:00Z'), 'first');
    const newer = await store.createRunDirectory(new Date('2026-11-27T21:00:00Z'), 'second');
    const clash = await store.createRunDirectory(new Date('2026-11-27T21:00:00Z'), 'second');
    assert.notStrictEqual(clash.directory, newer.directory);
    const b = builder();
    b.addBatch({ ...emptyBatch, epochs: [epoch(1, 0.5), epoch(2, 0.2)] });
    const record = b.finish({ status: 'completed', finishedAt: new Date(), modelFile: 'model.json' });
    await store.save(older.directory, { ...record, name: 'first', startedAt: '2026-11-27T20:00:00.000Z' }, '{"format":"rnn-lab-model"}');
    const saved = await store.save(newer.directory, { ...record, name: 'second', startedAt: '2026-11-27T21:00:00.000Z' }, null);
    assert.strictEqual(saved.modelJsonPath, null);
    assert.ok(fs.existsSync(path.join(older.directory, 'model.json')));
    fs.writeFileSync(path.join(clash.directory, 'run.json'), '{ not json');
    const listed = await store.list();
    assert.deepStrictEqual(listed.runs.map((run) => run.name), ['second', 'first']);
    assert.strictEqual(listed.runs[0]?.lastEpochTrainLoss, 0.2);
    assert.strictEqual(listed.skipped.length, 1);
    assert.match(listed.skipped[0]?.reason ?? '', /not valid JSON/);
    const read = await store.read(saved.runJsonPath);
    assert.deepStrictEqual(read.epochs, record.epochs);
  });

  it('writes initial-model.json beside model.json (both before run.json) and names both in the record', async () => {
    const store = new RunStore(path.join(root, 'initial', '.rnn-lab', 'runs'));
    const { directory } = await store.createRunDirectory(new Date('2026-11-27T22:00:00Z'), 'initial');
    const record = builder().finish({ status: 'completed', finishedAt: new Date(), modelFile: 'model.json', initialModelFile: 'initial-model.json' });
    const saved = await store.save(directory, record, '{"trained":true}', '{"initial":true}');
    assert.strictEqual(saved.initialModelJsonPath, path.join(directory, 'initial-model.json'));
    assert.strictEqual(fs.readFileSync(path.join(directory, 'initial-model.json'), 'utf8'), '{"initial":true}');
    assert.strictEqual(fs.readFileSync(path.join(directory, 'model.json'), 'utf8'), '{"trained":true}');
    assert.deepStrictEqual(fs.readdirSync(directory).sort(), ['initial-model.json', 'model.json', 'run.json'], 'no temporary files left');
    const read = await store.read(saved.runJsonPath);
    assert.strictEqual(read.initialModelFile, 'initial-model.json');
    assert.strictEqual(read.modelKind, 'bptt');
    const without = await store.save(directory, record, null);
    assert.strictEqual(without.initialModelJsonPath, null);
  });

  it('never writes outside its root', async () => {
    const store = new RunStore(path.join(root, 'runs'));
    const b = builder();
    const record = b.finish({ status: 'completed', finishedAt: new Date(), modelFile: null });
    await assert.rejects(store.save(path.join(root, 'elsewhere'), record, null), /outside the run store/);
    await assert.rejects(store.save(path.join(root, 'runs', '..', '..', 'x'), record, null), /outside the run store/);
  });

  it('lists nothing when the folder does not exist yet', async () => {
    assert.deepStrictEqual(await new RunStore(path.join(root, 'missing')).list(), { runs: [], skipped: [] });
  });
});
