// Issue 13, item 6: every worker starts with resourceLimits, so a worker that allocates without bound ends with an
// 'error' event (ERR_WORKER_OUT_OF_MEMORY) the clients turn into a message naming the limit — and this process (the
// extension host in the editor) carries on. The workers here allocate until they die under the smallest limit, 128 MB.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  configureWorkerLimits,
  DEFAULT_WORKER_HEAP_MB,
  describeWorkerError,
  MIN_WORKER_HEAP_MB,
  workerHeapLimitMb,
  workerResourceLimits,
} from '../../../src/host/platform/workerLimits';
import { runInOneShotWorker } from '../../../src/host/platform/oneShotWorker';
import { TrainingWorker } from '../../../src/host/training/trainingWorkerClient';
import { trainEntryInWorker } from '../../../src/host/compareRemedies/compareRemediesWorkerClient';
import { accept } from '../../../src/protocol/validation';

/** A worker that, on its first message, keeps strings alive until V8 stops it. */
const GREEDY_WORKER = `
const { parentPort } = require('node:worker_threads');
parentPort.once('message', () => {
  const kept = [];
  for (let i = 0; ; i++) kept.push(new Array(1 << 16).fill(i));
});
`;

describe('worker memory limits (issue 13)', function () {
  this.timeout(60_000);
  let directory: string;
  let greedy: string;

  before(() => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'rnn-lab-oom-'));
    greedy = path.join(directory, 'greedy.js');
    fs.writeFileSync(greedy, GREEDY_WORKER);
    configureWorkerLimits({ heapMb: () => MIN_WORKER_HEAP_MB });
  });
  after(() => {
    configureWorkerLimits({ heapMb: () => DEFAULT_WORKER_HEAP_MB });
    fs.rmSync(directory, { recursive: true, force: true });
  });

  it('derives the limits from the setting, never below the minimum', () => {
    assert.deepEqual(workerResourceLimits(1536), { maxOldGenerationSizeMb: 1536, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 });
    assert.equal(workerResourceLimits(128).maxYoungGenerationSizeMb, 16);
    configureWorkerLimits({ heapMb: () => 10 });
    assert.equal(workerHeapLimitMb(), MIN_WORKER_HEAP_MB);
    configureWorkerLimits({ heapMb: () => Number.NaN });
    assert.equal(workerHeapLimitMb(), DEFAULT_WORKER_HEAP_MB);
    configureWorkerLimits({ heapMb: () => 2047.6 });
    assert.equal(workerHeapLimitMb(), 2048);
    configureWorkerLimits({ heapMb: () => MIN_WORKER_HEAP_MB });
  });

  it('words out-of-memory per job with the limit; other errors keep their message', () => {
    const oom = Object.assign(new Error('Worker terminated due to reaching memory limit: JS heap out of memory'), { code: 'ERR_WORKER_OUT_OF_MEMORY' });
    assert.match(describeWorkerError(oom, 'training', 1536), /the training ran out of memory \(limit 1536 MB\): lower the hidden size, the window, the batch/);
    assert.match(describeWorkerError(oom, 'gradientCheck', 256), /gradient check ran out of memory \(limit 256 MB\)/);
    assert.equal(describeWorkerError(new Error('boom'), 'training', 1536), 'boom');
  });

  it('a one-shot worker (Gradient Check, text sample) that runs out of memory rejects with the message; this process lives on', async () => {
    const started = performance.now();
    const rssBefore = process.memoryUsage().rss;
    await assert.rejects(
      runInOneShotWorker({ workerScript: greedy, request: {}, parse: (raw) => accept(raw as { type: 'x' }), timeoutMs: 50_000, awaited: 'result', job: 'gradientCheck' }),
      /the gradient check ran out of memory \(limit 128 MB\)/,
    );
    const seconds = (performance.now() - started) / 1000;
    console.log(`      out of memory after ${seconds.toFixed(2)} s; this process's RSS ${(rssBefore / 2 ** 20).toFixed(0)} → ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`);
    assert.ok(seconds < 30);
  });

  it('a training worker that runs out of memory while reading answers with an error naming the limit', async () => {
    const worker = new TrainingWorker(greedy, () => undefined);
    assert.equal(worker.memoryLimitMb, 128);
    const reply = await worker.load({ kind: 'text', text: '1\n2\n3', label: 'sel' }, { maxBytes: 100 });
    assert.equal(reply.type, 'error');
    if (reply.type === 'error') assert.match(reply.message, /^the training ran out of memory \(limit 128 MB\): lower the hidden size/);
    worker.dispose();
  });

  it('a Compare Remedies entry that runs out of memory rejects with its message', async () => {
    const run = trainEntryInWorker(greedy, { type: 'train' } as never, () => undefined);
    await assert.rejects(run.result, /Compare Remedies ran out of memory \(limit 128 MB\)/);
  });
});
