// `rnn-lab gradcheck`: the worst relative error per parameter, exit 0 below 1e-6.
import * as assert from 'node:assert/strict';
import { CliUsageError } from '../../../src/cli/cliSupport';
import { gradcheckCommand } from '../../../src/cli/gradcheck/gradcheckCommand';
import { runCommand } from './captureCommand';

describe('rnn-lab gradcheck', function () {
  this.timeout(60_000);

  it('prints one line per parameter and passes for a 2-layer GRU encoder–decoder with cross-entropy', async () => {
    const result = await runCommand(gradcheckCommand(), ['--cell', 'gru', '--layers', '2', '--topology', 'many-to-many-encoder-decoder', '--loss', 'xent', '--seed', '3']);
    assert.equal(result.code, 0, result.stdout);
    for (const name of ['weight_ih_l0', 'weight_hh_l1', 'decoder.weight_ih_l0', 'decoder.bias_hh_l1', 'weight_out', 'bias_out']) {
      assert.match(result.stdout, new RegExp(`^${name.replace('.', '\\.')}\\s+\\d+\\s+\\d\\.\\d{3}e[-+]\\d+`, 'm'), name);
    }
    assert.match(result.stdout, /: PASS \(tolerance 0\.000001\)\n$/);
  });

  it('--json reports every parameter\'s worst relative error', async () => {
    const result = await runCommand(gradcheckCommand(), ['--cell', 'lstm', '--json']);
    const report = JSON.parse(result.stdout) as { parameters: { name: string; worstRelativeError: number }[]; passed: boolean };
    assert.equal(report.parameters.length, 6);
    assert.ok(report.passed && report.parameters.every((p) => p.worstRelativeError < 1e-6));
  });

  it('bad values name the flag and the accepted values', async () => {
    await assert.rejects(runCommand(gradcheckCommand(), ['--cell', 'cnn']), (error: unknown) => error instanceof CliUsageError && error.message === '--cell must be one of rnn|lstm|gru, got "cnn"');
    await assert.rejects(runCommand(gradcheckCommand(), ['--layers', '5']), /--layers must be an integer from 1 to 4, got "5"/);
    await assert.rejects(runCommand(gradcheckCommand(), ['--topology', 'seq2seq']), /--topology must be one of one-to-one\|one-to-many\|many-to-one\|many-to-many-encoder-decoder\|many-to-many-synced/);
    await assert.rejects(runCommand(gradcheckCommand(), ['--hidden', '9']), /--hidden must be an integer from 1 to 4/);
  });
});
