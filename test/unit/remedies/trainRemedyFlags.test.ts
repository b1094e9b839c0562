// `rnn-lab train` remedy flags (src/cli/trainRemedyFlags.ts): values, defaults, and one-line errors naming the flag.
import * as assert from 'node:assert/strict';
import { CliUsageError } from '../../../src/cli/cliSupport';
import { parseFlags } from '../../../src/cli/flags';
import { parseRemedyFlags, REMEDY_FLAGS } from '../../../src/cli/train/trainRemedyFlags';
import type { CellKind } from '../../../src/engine/modelConfig';

const SPEC = { ...REMEDY_FLAGS, hidden: { type: 'string' }, epochs: { type: 'string' }, tbptt: { type: 'string' } } as const;

function parse(args: string[], cell: CellKind | 'esn' = 'rnn') {
  return parseRemedyFlags(parseFlags('train', args, SPEC), cell);
}

function usageError(args: string[], pattern: RegExp, cell: CellKind | 'esn' = 'rnn'): void {
  assert.throws(
    () => parse(args, cell),
    (error: unknown) => error instanceof CliUsageError && pattern.test(error.message) && !error.message.includes('\n'),
    `expected ${pattern} for ${args.join(' ')}`,
  );
}

describe('rnn-lab train remedy flags', () => {
  it('reads every remedy into the engine options', () => {
    const values = parse(['--clip-norm', '1.5', '--clip-value', '5', '--l2', '1e-4', '--omega', '2', '--init', 'orthogonal', '--spectral-radius', '0.9']);
    assert.equal(values.clipNorm, 1.5);
    assert.equal(values.clipValue, 5);
    assert.equal(values.l2, 1e-4);
    assert.equal(values.omega, 2);
    assert.deepEqual(values.init, { scheme: 'orthogonal', spectralRadius: 0.9 });
    assert.equal(values.echoState, null);
  });

  it('defaults: no clipping, no penalties, Xavier; --init identity implies relu (IRNN) with λ from --identity-scale', () => {
    const none = parse([]);
    assert.deepEqual([none.clipNorm, none.clipValue, none.l2, none.omega, none.init.scheme, none.impliedNonlinearity], [null, null, 0, 0, 'xavier', undefined]);
    const irnn = parse(['--init', 'identity', '--identity-scale', '0.5']);
    assert.deepEqual(irnn.init, { scheme: 'identity', identityScale: 0.5 });
    assert.equal(irnn.impliedNonlinearity, 'relu');
  });

  it('refuses bad values with one line naming the flag and the accepted values', () => {
    usageError(['--clip-norm', '0'], /^--clip-norm must be a number greater than 0, got "0"$/);
    usageError(['--clip-value', 'abc'], /^--clip-value must be a number greater than 0/);
    usageError(['--l2', '-1'], /--l2/);
    usageError(['--omega=-2'], /^--omega must be α, a number ≥ 0/);
    usageError(['--init', 'he'], /^--init must be one of xavier\|orthogonal\|identity, got "he"$/);
    usageError(['--spectral-radius', 'Infinity'], /^--spectral-radius must be a number greater than 0/);
    usageError(['--identity-scale', '0.5'], /^--identity-scale applies to --init identity/);
  });

  it("--omega is the vanilla RNN's: refused for LSTM and GRU", () => {
    usageError(['--omega', '2'], /--omega applies to the vanilla RNN's W_hh.*--cell lstm/, 'lstm');
    usageError(['--omega', '2'], /--omega applies to the vanilla RNN's W_hh/, 'gru');
    assert.equal(parse(['--omega', '0'], 'lstm').omega, 0);
  });

  it('echo state network: reads its options, refuses BPTT flags, and its flags need --cell esn', () => {
    const esn = parse(['--reservoir', '50', '--spectral-radius', '0.9', '--leak', '0.3', '--sparsity', '0.8', '--input-scale', '0.5', '--ridge', '1e-4', '--washout', '5'], 'esn');
    assert.deepEqual(esn.echoState, { reservoirSize: 50, spectralRadius: 0.9, leak: 0.3, sparsity: 0.8, inputScale: 0.5, ridge: 1e-4, washout: 5 });
    assert.deepEqual(parse([], 'esn').echoState, {});
    usageError(['--leak', '0'], /^--leak must be a number in \(0, 1\], got "0"$/, 'esn');
    usageError(['--sparsity', '1'], /^--sparsity must be a number in \[0, 1\)/, 'esn');
    usageError(['--reservoir', '5000'], /^--reservoir must be an integer from 1 to 1000/, 'esn');
    usageError(['--washout', '2.5'], /^--washout must be an integer/, 'esn');
    usageError(['--clip-norm', '1'], /^--clip-norm does not apply to --cell esn/, 'esn');
    usageError(['--tbptt', '5,5'], /^--tbptt does not apply to --cell esn/, 'esn');
    usageError(['--hidden', '8'], /^--hidden does not apply to --cell esn/, 'esn');
    usageError(['--reservoir', '50'], /^--reservoir applies to --cell esn only/, 'rnn');
  });
});
