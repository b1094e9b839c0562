// Issue 13, item 7: Stop Training and the progress notification's Cancel reach the training worker while it reads and
// prepares the data. The shared cancel flag travels with `loadData`; the worker answers a cancelled intake with
// `cancelled` (not an error), whether the intake threw DataCancelled or the flag was seen between stages.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { CANCEL_GRACE_MS, TrainingWorker } from '../../../src/host/training/trainingWorkerClient';
import { DataIntake } from '../../../src/data/intake';
import { nodePlatform } from '../../../src/node/nodePlatform';
import { CANCEL_FLAG_INDEX, CANCEL_REQUESTED, parseWorkerToHostMessage } from '../../../src/protocol/workerProtocol';
import { startMessage } from '../training/trainingRunFixtures';
import { bundleWorker } from '../workerBundle';

describe('cancelling the data intake (issue 13)', function () {
  this.timeout(60_000);
  let directory: string;
  let workerScript: string;
  let bigCsv: string;

  before(async () => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'rnn-lab-intake-cancel-'));
    workerScript = await bundleWorker('trainingWorker', directory);
    // ≈ 25 MB: reading and parsing it takes over a second here, far longer than the 150 ms before Cancel.
    bigCsv = path.join(directory, 'big.csv');
    const rows = ['time,value,other'];
    for (let i = 0; i < 1_300_000; i++) rows.push(`${i},${Math.sin(i * 0.01).toFixed(6)},${i % 7}`);
    fs.writeFileSync(bigCsv, rows.join('\n'));
  });
  after(() => fs.rmSync(directory, { recursive: true, force: true }));

  it('the intake throws an error named DataCancelled when the flag is raised', async () => {
    const intake = new DataIntake(nodePlatform);
    await assert.rejects(intake.load({ kind: 'text', text: '1\n2\n3', label: 'sel' }, { maxBytes: 100, cancel: { aborted: true } }), (error: Error) => error.name === 'DataCancelled');
    const loaded = await intake.load({ kind: 'text', text: '1\n2\n3', label: 'sel' }, { maxBytes: 100, cancel: { aborted: false } });
    assert.equal(loaded.ok, true);
  });

  it('the worker answers a load whose flag is already raised with cancelled, not an error', async () => {
    const flag = new Int32Array(new SharedArrayBuffer(4));
    Atomics.store(flag, CANCEL_FLAG_INDEX, CANCEL_REQUESTED);
    const worker = new Worker(workerScript);
    try {
      const answer = await new Promise<unknown>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.postMessage({ type: 'loadData', runId: 'intake', source: { kind: 'text', text: '1\n2\n3\n4', label: 'sel' }, maxBytes: 100, cancelFlag: flag.buffer });
      });
      const parsed = parseWorkerToHostMessage(answer);
      assert.ok(parsed.ok);
      assert.equal(parsed.value.type, 'cancelled');
      assert.equal(parsed.value.runId, 'intake');
    } finally {
      await worker.terminate();
    }
  });

  it('Cancel during a slow load ends as cancelled, acknowledged by the worker', async () => {
    const worker = new TrainingWorker(workerScript, () => undefined);
    const started = performance.now();
    const loading = worker.load({ kind: 'file', path: bigCsv, label: 'big.csv' }, { maxBytes: 1 << 30 });
    setTimeout(() => worker.cancel(), 150);
    const reply = await loading;
    const seconds = (performance.now() - started) / 1000;
    console.log(`      cancelled load answered after ${seconds.toFixed(2)} s`);
    assert.equal(reply.type, 'cancelled');
    assert.ok(seconds * 1000 < CANCEL_GRACE_MS, 'the worker answered, not the host\'s fallback timer');
    assert.equal(worker.cancelRequested, true);
    // after a cancel, nothing more is asked of the worker
    const { settings } = startMessage({});
    assert.equal((await worker.prepare({}, settings)).type, 'cancelled');
    worker.dispose();
  });

  it('a worker that loaded the data and waits for the user is ended at once by Cancel; preparing then answers cancelled', async () => {
    const worker = new TrainingWorker(workerScript, () => undefined);
    const loaded = await worker.load({ kind: 'text', text: Array.from({ length: 80 }, (_, i) => Math.sin(i)).join('\n'), label: 'sel' }, { maxBytes: 1 << 20 });
    assert.equal(loaded.type, 'dataLoaded');
    let signalled = false;
    void worker.whenCancelRequested.then(() => (signalled = true));
    worker.cancel();
    await Promise.resolve();
    assert.equal(signalled, true);
    const { settings } = startMessage({ model: { window: 5 } });
    assert.equal((await worker.prepare({}, settings)).type, 'cancelled');
  });
});
