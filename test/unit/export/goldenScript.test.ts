// The generated PyTorch script is code people read: a golden file keeps it readable and stable. Any change to the
// generator shows up as a diff of test/fixtures/export/golden_pytorch.py (regenerate it with
// RNN_LAB_UPDATE_GOLDEN=1 after reading the diff). The case uses every optional section: TBPTT, Ω, L2, clipping.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildSettingsExport } from '../../../src/lab/export/runExport';
import { settingsFrom, type SettingsOverrides } from '../../../src/lab/settings/resolveSettings';
import { nodePlatform } from '../../../src/node/nodePlatform';

const root = path.resolve(__dirname, '../../../..');
const GOLDEN = path.join(root, 'test/fixtures/export/golden_pytorch.py');

describe('the generated PyTorch script (golden file)', () => {
  it('is the reviewed script, line for line, and its sidecar holds the initial parameters and the data as read', async () => {
    const settings = settingsFrom({
      model: { cell: 'rnn', hiddenSize: 4, window: 8 },
      training: { epochs: 2, batch: 4, learningRate: 0.01, seed: 7 },
      remedies: { clipNorm: 1, l2: 0.001, omega: 2, tbpttK1: 3, tbpttK2: 5 },
    } as SettingsOverrides);
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rnn-lab-golden-')), 'train_pytorch.py');
    const previous = process.cwd();
    process.chdir(root);
    try {
      const bundle = await buildSettingsExport('golden.rnn.json', settings, 'samples/sine.csv', {}, nodePlatform, out);
      const script = bundle.files[0]!.contents;
      if (process.env['RNN_LAB_UPDATE_GOLDEN'] === '1') fs.writeFileSync(GOLDEN, script);
      assert.equal(script, fs.readFileSync(GOLDEN, 'utf8'));
      const sidecar = JSON.parse(bundle.files[1]!.contents) as { data: { kind: string; values: number[][] }; initialParameters: Record<string, unknown> };
      assert.equal(sidecar.data.kind, 'series');
      assert.deepEqual(Object.keys(sidecar.initialParameters), ['weight_ih_l0', 'weight_hh_l0', 'bias_ih_l0', 'bias_hh_l0', 'weight_out', 'bias_out']);
      assert.ok(sidecar.data.values[0]!.length > 100);
    } finally {
      process.chdir(previous);
    }
  });
});
