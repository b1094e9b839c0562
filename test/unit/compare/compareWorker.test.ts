// The compare worker as the extension runs it (bundled like dist/compareRemediesWorker.js, real worker_threads): one entry
// trains off the calling thread with a progress message per epoch; cancelling terminates the worker at once.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { compareDataFromText } from '../../../src/lab/lineup/compareRemediesData';
import { compareLineup } from '../../../src/lab/lineup/compareRemediesLineup';
import type { DemoDataset } from '../../../src/lab/lineup/lineupData';
import { nodePlatform } from '../../../src/node/nodePlatform';
import { CompareCancelledError, trainEntryInWorker } from '../../../src/host/compareRemedies/compareRemediesWorkerClient';
import { parseCompareWorkerMessage } from '../../../src/protocol/compareRemediesProtocol';
import { bundleWorker } from '../workerBundle';

const root = path.resolve(__dirname, '../../../..');

describe('compare remedies: worker thread', function () {
  this.timeout(30_000);
  let directory: string;
  let workerScript: string;
  let data: DemoDataset;
  const off = { clipNorm: 0, tbpttK1: 0, tbpttK2: 0, l2: 0 };

  before(async () => {
    data = await compareDataFromText(fs.readFileSync(path.join(root, 'samples', 'sine.csv'), 'utf8'), 'sine.csv', nodePlatform);
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'rnn-lab-compare-'));
    workerScript = await bundleWorker('compareRemediesWorker', directory);
  });
  after(() => fs.rmSync(directory, { recursive: true, force: true }));

  it('trains the GRU entry for 2 epochs and reports both epochs', async () => {
    const experiment = compareLineup({ remedies: off, epochs: 2 }).find((entry) => entry.id === 'gru')!;
    const epochs: number[] = [];
    const result = await trainEntryInWorker(workerScript, { type: 'train', experiment, data }, (epoch) => epochs.push(epoch)).result;
    assert.deepEqual(epochs, [1, 2]);
    assert.equal(result.id, 'gru');
    assert.equal(result.validationLossPerEpoch.length, 2);
    assert.ok(Number.isFinite(result.finalValidationLoss));
  });

  it('cancel stops the worker and rejects with CompareCancelledError', async () => {
    const experiment = compareLineup({ remedies: off, epochs: 500 }).find((entry) => entry.id === 'lstm')!;
    const started = Date.now();
    const run = trainEntryInWorker(workerScript, { type: 'train', experiment, data }, () => undefined);
    setTimeout(() => run.cancel(), 100);
    await assert.rejects(run.result, CompareCancelledError);
    assert.ok(Date.now() - started < 5000, `cancelled after ${Date.now() - started} ms`);
  });

  it('validates worker answers with the field path', () => {
    assert.equal(parseCompareWorkerMessage({ type: 'epoch', epoch: 3, epochs: 2 }).ok, false);
    const bad = parseCompareWorkerMessage({ type: 'result', result: { id: 'rnn', finalValidationLoss: 'x' } });
    assert.ok(!bad.ok && bad.issue.path === 'result.finalValidationLoss');
    assert.equal(parseCompareWorkerMessage({ type: 'error', message: 'boom' }).ok, true);
  });
});
