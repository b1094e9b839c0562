// Compare Remedies data and training on the bundled sine sample: the windows match the demo's sine experiment
// (T = 60, ≈ 240 windows, z-scored), and a one-epoch entry of the line-up trains to a finite loss with the curves the
// panel overlays; bad text gives a DataError naming the problem, not a crash.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compareDataFromText, compareWindowShape } from '../../../src/lab/lineup/compareRemediesData';
import { compareLineup } from '../../../src/lab/lineup/compareRemediesLineup';
import type { DemoDataset } from '../../../src/lab/lineup/lineupData';
import { nodePlatform } from '../../../src/node/nodePlatform';
import { trainCompareEntry } from '../../../src/worker/compareRemediesWorker';

const root = path.resolve(__dirname, '../../../..');
const sineText = fs.readFileSync(path.join(root, 'samples', 'sine.csv'), 'utf8');

describe('compare remedies: data', () => {
  it('cuts the 1000-row sine into T = 60 windows every 4 rows, 80/20 split', async () => {
    assert.deepEqual(compareWindowShape(1000), { window: 60, stride: 4 });
    assert.deepEqual(compareWindowShape(50), { window: 10, stride: 1 });
    const data = await compareDataFromText(sineText, 'sine.csv', nodePlatform);
    assert.equal(data.rows, 1000);
    assert.equal(data.steps, 60);
    const total = data.training.examples.length + data.validation.examples.length;
    assert.equal(total, Math.floor((1000 - 60 - 1) / 4) + 1);
    assert.ok(data.validation.examples.length >= Math.floor(total * 0.2) - 1 && data.validation.examples.length <= Math.ceil(total * 0.2) + 1);
    assert.equal(data.training.examples[0]!.inputLength, 60);
  });

  it('rejects too little or non-numeric data with a DataError', async () => {
    await assert.rejects(compareDataFromText('1\n2\n3\n', 'tiny.csv', nodePlatform), (error: Error) => error.name === 'DataError' && /only 3 rows/.test(error.message));
    await assert.rejects(compareDataFromText('a,b\nx,y\nz,w\n', 'words.csv', nodePlatform), (error: Error) => error.name === 'DataError');
  });
});

describe('compare remedies: training one entry', () => {
  let data: DemoDataset;
  before(async () => {
    data = await compareDataFromText(sineText, 'sine.csv', nodePlatform);
  });
  const lineup = compareLineup({ remedies: { clipNorm: 0, tbpttK1: 0, tbpttK2: 0, l2: 0 }, epochs: 1, seed: 7 });

  it('trains + clipping for one epoch: finite loss, % clipped, λ₁, one ‖∂J/∂h_k‖ per timestep', () => {
    const experiment = lineup.find((entry) => entry.id === 'clipping')!;
    const epochs: number[] = [];
    const result = trainCompareEntry({ type: 'train', experiment, data }, (epoch) => epochs.push(epoch));
    assert.deepEqual(epochs, [1]);
    assert.equal(result.id, 'clipping');
    assert.ok(Number.isFinite(result.finalValidationLoss) && result.finalValidationLoss > 0);
    assert.equal(result.validationLossPerEpoch.length, 1);
    assert.equal(result.updatesPerEpoch, Math.ceil(data.training.examples.length / 8));
    assert.ok(result.clippedPercent !== null && result.clippedPercent >= 0 && result.clippedPercent <= 100);
    assert.ok(result.lambda1 !== null && result.lambda1 > 0);
    assert.equal(result.hiddenGradNorms?.length, 60);
  });

  it('fits the ESN in closed form: no updates, no clipping, no BPTT curve', () => {
    const experiment = lineup.find((entry) => entry.id === 'esn')!;
    const result = trainCompareEntry({ type: 'train', experiment, data });
    assert.equal(result.updatesPerEpoch, 0);
    assert.equal(result.clippedPercent, null);
    assert.equal(result.hiddenGradNorms, null);
    assert.ok(Number.isFinite(result.finalValidationLoss));
  });
});
