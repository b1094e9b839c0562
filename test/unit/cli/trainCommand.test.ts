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

describe('rnn-lab train --cell esn: the model is saved and printed', function () {
  this.timeout(60_000);

  it('--save writes W, W_in, W_out and ρ achieved; --json has the same numbers under echoState.model', async () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'rnn-lab-esn-'));
    const file = path.join(directory, 'esn.json');
    const result = await runCommand(trainCommand(), [SINE, '--cell', 'esn', '--window', '6', '--reservoir', '7', '--seed', '3', '--save', file, '--json', '--quiet']);
    assert.equal(result.code, 0, result.stderr);
    const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as { config: { spectralRadiusAchieved: number }; reservoir: { W: number[][] }; readout: { W_out: number[][] } };
    const output = JSON.parse(result.stdout) as { trainLoss: number; echoState: { savedModel: string; washoutApplies: boolean; model: typeof saved } };
    assert.equal(saved.reservoir.W.length, 7);
    assert.equal(saved.readout.W_out[0]!.length, 9);
    assert.ok(Math.abs(saved.config.spectralRadiusAchieved - 0.95) <= 1e-9);
    assert.deepEqual(output.echoState.model.reservoir.W, saved.reservoir.W);
    assert.equal(output.echoState.savedModel, file);
    assert.equal(output.echoState.washoutApplies, false);
  });

  it('--washout with a many-to-one ESN is refused (exit 2): only the last state of a window is used', async () => {
    await assert.rejects(
      runCommand(trainCommand(), [SINE, '--cell', 'esn', '--washout', '3', '--quiet']),
      (error: unknown) => error instanceof CliUsageError && /^--washout applies to synced many-to-many echo state networks only: a many-to-one ESN/.test(error.message),
    );
    // synced: applied, so washout 0 and 3 give different losses
    const loss = async (washout: string): Promise<number> =>
      (JSON.parse((await runCommand(trainCommand(), [SINE, '--cell', 'esn', '--topology', 'many-to-many-synced', '--window', '8', '--washout', washout, '--json', '--quiet'])).stdout) as { trainLoss: number }).trainLoss;
    assert.notEqual(await loss('0'), await loss('3'));
  });

  it('a small reservoir on a short noisy series trains: ρ reaches the target (was "reached ρ = 20.398… instead of 0.95")', async () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'rnn-lab-esn-'));
    const data = path.join(directory, 'noisy.csv');
    const random = (() => { let s = 12345; return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31); })();
    fs.writeFileSync(data, `y\n${Array.from({ length: 40 }, (_, n) => (Math.sin(0.4 * n) + 0.2 * (random() - 0.5)).toFixed(4)).join('\n')}\n`);
    for (const seed of ['1', '2', '3', '4', '5']) {
      const result = await runCommand(trainCommand(), [data, '--cell', 'esn', '--window', '5', '--reservoir', '8', '--seed', seed, '--json', '--quiet']);
      assert.equal(result.code, 0, result.stderr);
      const output = JSON.parse(result.stdout) as { echoState: { model: { config: { spectralRadiusAchieved: number } } } };
      assert.ok(Math.abs(output.echoState.model.config.spectralRadiusAchieved - 0.95) <= 1e-9, `seed ${seed}`);
    }
  });
});

describe('rnn-lab train --json: the final model\'s loss', function () {
  this.timeout(60_000);
  it('finalTrainLoss and finalValidationLoss are J of the saved model on the whole sets (the saved file agrees)', async () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'rnn-lab-final-'));
    const file = path.join(directory, 'model.json');
    const result = await runCommand(trainCommand(), [SINE, '--window', '6', '--epochs', '3', '--hidden', '4', '--json', '--quiet', '--save', file]);
    const output = JSON.parse(result.stdout) as { trainLoss: number; finalTrainLoss: number; finalValidationLoss: number };
    const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as { training: { finalTrainLoss: number; finalValidationLoss: number } };
    assert.ok(output.finalTrainLoss > 0 && output.finalValidationLoss > 0);
    assert.equal(saved.training.finalTrainLoss, output.finalTrainLoss);
    assert.equal(saved.training.finalValidationLoss, output.finalValidationLoss);
    assert.notEqual(output.finalTrainLoss, output.trainLoss);
  });
});
