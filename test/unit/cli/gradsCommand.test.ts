// `rnn-lab grads CASE.json`: the contract of the grad-case format, end to end through the command.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CliUsageError } from '../../../src/cli/cliSupport';
import { gradsCommand } from '../../../src/cli/grads/gradsCommand';
import { parseGradCase, runGradCase } from '../../../src/engine/gradCase';
import { gradCaseOverflow } from '../../../src/engine/gradCaseRunner';
import { runCommand } from './captureCommand';

const FIXTURES = path.resolve(__dirname, '../../../../test/fixtures/grad-cases');

function relative(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1e-12);
}

describe('rnn-lab grads', () => {
  it('prints loss, outputs, grads, hidden_grad_norms and cell_grad_norms matching the torch reference', async () => {
    const result = await runCommand(gradsCommand(), [path.join(FIXTURES, 'lstm_T5_I2_H3_O1_mse_last.input.json')]);
    assert.equal(result.code, 0);
    const output = JSON.parse(result.stdout) as Record<string, unknown>;
    const expected = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'lstm_T5_I2_H3_O1_mse_last.expected.json'), 'utf8')) as Record<string, unknown>;
    for (const key of ['loss', 'outputs', 'grads', 'hidden_grad_norms', 'cell_grad_norms']) assert.ok(key in output, key);
    assert.ok(relative(output['loss'] as number, expected['loss'] as number) < 1e-12);
    const norms = (output['cell_grad_norms'] as number[][])[0]!;
    (expected['cell_grad_norms'] as number[][])[0]!.forEach((v, k) => assert.ok(relative(norms[k]!, v) < 1e-12));
  });

  it('a malformed case is one error naming the field path (exit 2 via CliUsageError)', async () => {
    const json = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'rnn_T5_I2_H3_O1_mse_last.input.json'), 'utf8')) as { weights: { layers: { W_hh: number[][] }[] } };
    json.weights.layers[0]!.W_hh.pop();
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rnn-lab-grads-')), 'bad.json');
    fs.writeFileSync(file, JSON.stringify(json));
    await assert.rejects(runCommand(gradsCommand(), [file]), (error: unknown) => {
      assert.ok(error instanceof CliUsageError);
      assert.equal(error.message, `${file}: weights.layers[0].W_hh: expected 3 rows of 3 numbers`);
      return true;
    });
    fs.writeFileSync(file, '{"cell": ');
    await assert.rejects(runCommand(gradsCommand(), [file]), /not valid JSON/);
    await assert.rejects(runCommand(gradsCommand(), [path.join(path.dirname(file), 'missing.json')]), /cannot read the case file \(ENOENT\)/);
  });
});

describe('rnn-lab grads: a case whose numbers overflow float64', () => {
  it('an overflowing loss is exit 2 naming the target and output, not "loss": null', async () => {
    const json = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'rnn_T5_I2_H3_O1_mse_last.input.json'), 'utf8')) as { targets: number[] };
    json.targets = [1e200];
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rnn-lab-grads-')), 'overflow.json');
    fs.writeFileSync(file, JSON.stringify(json));
    await assert.rejects(runCommand(gradsCommand(), [file]), (error: unknown) => {
      assert.ok(error instanceof CliUsageError);
      assert.match(error.message, /overflow\.json: the loss overflowed to Infinity: \(ŷ − y\)² with outputs\[0\] = -?[\d.e-]+ and targets\[0\] = 1e\+200 exceeds float64/);
      return true;
    });
  });

  it('gradCaseOverflow names the first non-finite output, state or gradient by its path', () => {
    const gradCase = parseGradCase(JSON.parse(fs.readFileSync(path.join(FIXTURES, 'rnn_T5_I2_H3_O1_mse_last.input.json'), 'utf8')));
    const result = runGradCase(gradCase);
    assert.equal(gradCaseOverflow(gradCase, result), null);
    assert.match(gradCaseOverflow(gradCase, { ...result, outputs: [Number.POSITIVE_INFINITY], loss: Number.NaN }) ?? '', /^the forward pass overflowed: outputs\[0\] = Infinity/);
    const layers = result.grads.layers.map((layer, l) => (l === 0 ? { ...layer, W_hh: layer.W_hh.map((row, r) => (r === 1 ? [row[0]!, Number.NaN, row[2]!] : row)) } : layer));
    assert.match(gradCaseOverflow(gradCase, { ...result, grads: { ...result.grads, layers } }) ?? '', /^the backward pass overflowed: grads\.layers\[0\]\.W_hh\[1\]\[1\] = NaN/);
  });
});
