// A malformed gradient case is one clear message naming the field path (grad-case format, gradCase.ts).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { GradCaseError, parseGradCase, runGradCase } from '../../../src/engine/gradCase';

const FIXTURES = path.resolve(__dirname, '../../../../test/fixtures/grad-cases');

function validCase(): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, 'rnn_T5_I2_H3_O1_mse_last.input.json'), 'utf8')) as Record<string, unknown>;
}

function expectError(mutate: (json: Record<string, unknown>) => void, message: string): void {
  const json = validCase();
  mutate(json);
  assert.throws(
    () => parseGradCase(json),
    (error: unknown) => error instanceof GradCaseError && error.message === message,
    `expected "${message}"`,
  );
}

type Json = Record<string, unknown>;
const weights = (json: Json): Json => json['weights'] as Json;
const layer0 = (json: Json): Json => (weights(json)['layers'] as Json[])[0]!;

describe('grad case parsing', () => {
  it('names the field path of a wrongly shaped matrix', () => {
    expectError((json) => (layer0(json)['W_hh'] as unknown[]).pop(), 'weights.layers[0].W_hh: expected 3 rows of 3 numbers');
    expectError((json) => ((layer0(json)['W_ih'] as unknown[][])[1]!).push(0), 'weights.layers[0].W_ih: expected 3 rows of 2 numbers (row 1 is not)');
  });

  it('names a non-number entry with its index', () => {
    expectError((json) => ((layer0(json)['b_hh'] as unknown[])[2] = 'x'), 'weights.layers[0].b_hh[2]: expected a finite number, got "x"');
    expectError((json) => ((json['inputs'] as unknown[][])[4]![1] = null), 'inputs[4][1]: expected a finite number, got null');
  });

  it('names missing fields, unknown cells and losses, and bad sizes', () => {
    expectError((json) => delete weights(json)['W_out'], 'weights.W_out: missing');
    expectError((json) => (json['cell'] = 'transformer'), 'cell: expected one of "rnn", "lstm", "gru", got "transformer"');
    expectError((json) => (json['loss'] = 'mae'), 'loss: expected one of "mse_last", "mse_all", got "mae"');
    expectError((json) => ((json['topology'] as Json)['num_layers'] = 2), 'weights.layers: expected an array of 2 layers (topology.num_layers)');
    expectError((json) => ((json['topology'] as Json)['hidden_size'] = 0), 'topology.hidden_size: expected an integer from 1 to 100000, got 0');
    expectError((json) => (json['targets'] = [1, 2]), 'targets: expected 1 number (mse_last scores the last step)');
    expectError((json) => (json['h0'] = [[0, 0]]), 'h0: expected 1 row of 3 numbers (row 0 is not)');
    expectError((json) => (json['c0'] = [[0, 0, 0]]), 'c0: only an lstm has a cell state; remove c0 for cell "rnn"');
    assert.throws(() => parseGradCase([1, 2]), /^GradCaseError: \(root\): expected an object$|\(root\): expected an object/);
  });

  it('accepts num_layers omitted (1), h0 given, and [[…]] targets for mse_last', () => {
    const json = validCase();
    json['h0'] = [[0.1, -0.2, 0.3]];
    json['targets'] = [[(json['targets'] as number[])[0]]];
    const withState = runGradCase(parseGradCase(json));
    const without = runGradCase(parseGradCase(validCase()));
    assert.notEqual(withState.loss, without.loss);
    assert.equal(withState.hidden_grad_norms[0]!.length, 5);
  });
});
