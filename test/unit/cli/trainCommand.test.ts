// `rnn-lab train DATA … --json`: trains each cell end to end on a CSV column and prints the documented fields.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CliUsageError } from '../../../src/cli/cliSupport';
import { trainCommand } from '../../../src/cli/train/trainCommand';
import { parseModel } from '../../../src/modelFiles/modelJson';
import { runCommand } from './captureCommand';

const SINE = path.resolve(__dirname, '../../../../test/fixtures/train/sine.csv');

interface TrainJson {
  trainLoss: number;
  validationLoss: number;
  lossPerEpoch: number[];
  hidden_grad_norms: number[][];
  cell_grad_norms?: number[][];
  timestepsPerSecond: number;
}

describe('rnn-lab train', function () {
  this.timeout(60_000);

  for (const cell of ['rnn', 'lstm', 'gru']) {
    it(`${cell}: --json prints one object with the losses, hidden_grad_norms [L][T] and timesteps/s; progress on stderr`, async () => {
      const result = await runCommand(trainCommand(), [SINE, '--column', 'value', '--window', '8', '--cell', cell, '--layers', '2', '--hidden', '6', '--epochs', '4', '--batch', '4', '--optimizer', 'adam', '--lr', '0.01', '--json']);
      assert.equal(result.code, 0, result.stderr);
      const output = JSON.parse(result.stdout) as TrainJson;
      assert.equal(output.lossPerEpoch.length, 4);
      assert.ok(output.lossPerEpoch[3]! < output.lossPerEpoch[0]!);
      assert.ok(output.validationLoss > 0 && output.trainLoss > 0);
      assert.equal(output.hidden_grad_norms.length, 2);
      assert.equal(output.hidden_grad_norms[0]!.length, 8);
      assert.equal(output.cell_grad_norms !== undefined, cell === 'lstm');
      assert.ok(output.timestepsPerSecond > 0);
      assert.equal(result.stderr.match(/^epoch \d+\/4 /gm)?.length, 4);
    });
  }

  it('same seed, same result; --save writes a model that loads with PyTorch names', async () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'rnn-lab-train-'));
    const file = path.join(directory, 'model.json');
    const args = [SINE, '--window', '6', '--epochs', '2', '--topology', 'many-to-many-synced', '--seed', '9', '--json', '--quiet'];
    const first = JSON.parse((await runCommand(trainCommand(), [...args, '--save', file])).stdout) as TrainJson;
    const second = JSON.parse((await runCommand(trainCommand(), args)).stdout) as TrainJson;
    assert.deepEqual(first.lossPerEpoch, second.lossPerEpoch);
    const loaded = parseModel(fs.readFileSync(file, 'utf8'));
    assert.deepEqual(loaded.parameters.tensors.map((t) => t.name), ['weight_ih_l0', 'weight_hh_l0', 'bias_ih_l0', 'bias_hh_l0', 'weight_out', 'bias_out']);
    assert.equal(loaded.config.topology, 'many-to-many-synced');
  });

  it('encoder–decoder and one-to-many train from the same column', async () => {
    for (const topology of ['many-to-many-encoder-decoder', 'one-to-many']) {
      const result = await runCommand(trainCommand(), [SINE, '--window', '5', '--output-steps', '3', '--topology', topology, '--epochs', '2', '--json', '--quiet']);
      const output = JSON.parse(result.stdout) as TrainJson;
      assert.equal(output.lossPerEpoch.length, 2, topology);
    }
  });

  it('bad flags and values: one line naming the flag and the accepted values', async () => {
    const expectUsage = async (args: string[], pattern: RegExp): Promise<void> => {
      await assert.rejects(runCommand(trainCommand(), [SINE, ...args]), (error: unknown) => error instanceof CliUsageError && pattern.test(error.message) && !error.message.includes('\n'));
    };
    await expectUsage(['--cell', 'transformer'], /^--cell must be one of rnn\|lstm\|gru\|esn, got "transformer"$/);
    await expectUsage(['--optimizer', 'rmsprop'], /^--optimizer must be one of sgd, momentum, adam, got "rmsprop"$/);
    await expectUsage(['--lr', '0'], /^--lr must be a number 1e-7–10, got 0$/);
    await expectUsage(['--lr', '-1'], /--lr got a value starting with "-"/);
    await expectUsage(['--epochs', 'many'], /^--epochs must be an integer 1–100000, got "many"$/);
    await expectUsage(['--tbptt', '5'], /^--tbptt must be K1,K2/);
    await expectUsage(['--column', 'nope'], /there is no column "nope"/);
    await expectUsage(['--shuffle'], /unknown flag --shuffle; accepted flags: --column/);
  });
});
