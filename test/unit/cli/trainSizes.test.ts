// `rnn-lab train --json` finishes with every diagnostic at the sizes students use: H = 8 … 256, batch 1 and 32, SGD and
// Adam (the spectral diagnostics once gave up at H ≥ 64 and aborted the run). Short series, one epoch: the eigen- and
// singular-value routines run on the initial parameters and after an epoch of updates.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { trainCommand } from '../../../src/cli/train/trainCommand';
import { runCommand } from './captureCommand';

interface SizeJson {
  lossPerEpoch: (number | null)[];
  diagnostics: { epoch: number; spectral: { matrices: { largestSingularValue: number; spectralRadius: number | null }[] } | null; unavailable?: string[] }[];
}

describe('rnn-lab train at every hidden size (--hidden 8 … 256, batch 1 and 32, SGD and Adam)', function () {
  this.timeout(300_000);
  let file: string;

  before(() => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'rnn-lab-sizes-'));
    file = path.join(directory, 'series.csv');
    const rows = Array.from({ length: 64 }, (_, t) => `${t},${Math.sin(0.2 * t) + 0.1 * Math.cos(1.7 * t)}`);
    fs.writeFileSync(file, `t,value\n${rows.join('\n')}\n`);
  });

  for (const hidden of [8, 64, 96, 128, 160, 256]) {
    for (const batch of [1, 32]) {
      for (const optimizer of ['sgd', 'adam']) {
        it(`H = ${hidden}, batch ${batch}, ${optimizer}: JSON with λ₁ and ρ at every sampled epoch`, async () => {
          const result = await runCommand(trainCommand(), [file, '--column', 'value', '--window', '50', '--hidden', String(hidden), '--batch', String(batch), '--optimizer', optimizer, '--epochs', '1', '--json', '--quiet']);
          assert.equal(result.code, 0, result.stderr);
          const json = JSON.parse(result.stdout) as SizeJson;
          assert.equal(json.lossPerEpoch.length, 1);
          assert.deepEqual(json.diagnostics.map((sample) => sample.epoch), [0, 1]);
          for (const sample of json.diagnostics) {
            assert.equal(sample.unavailable, undefined, `epoch ${sample.epoch}: ${sample.unavailable?.join('; ')}`);
            const matrix = sample.spectral?.matrices[0];
            assert.ok(matrix !== undefined && matrix.largestSingularValue > 0);
            assert.ok(matrix.spectralRadius !== null && matrix.spectralRadius <= matrix.largestSingularValue * (1 + 1e-10));
          }
        });
      }
    }
  }
});
