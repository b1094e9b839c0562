// `rnn-lab train` flags (src/cli/train/trainFlags.ts) map onto the extension's settings: the same defaults, the same
// bounds, one-line errors naming the flag; the data answers (--column, --target, --missing, --group) stay answers.
import * as assert from 'node:assert/strict';
import { CliUsageError } from '../../../src/cli/cliSupport';
import { effectiveSettings, parseTrainFlags } from '../../../src/cli/train/trainFlags';
import type { ModelConfig } from '../../../src/engine/modelConfig';
import { plainSettings, resolveSettings } from '../../../src/lab/settings/resolveSettings';
import { remedyOptionsFor } from '../../../src/lab/training/trainingSetup';

function settingsOf(args: string[]) {
  const options = parseTrainFlags(['data.csv', ...args]);
  assert.ok(options !== null);
  return effectiveSettings(options.overrides);
}

function usageError(args: string[], pattern: RegExp): void {
  assert.throws(
    () => settingsOf(args),
    (error: unknown) => error instanceof CliUsageError && pattern.test(error.message) && !error.message.includes('\n'),
    `expected ${pattern} for ${args.join(' ')}`,
  );
}

const LSTM: ModelConfig = { cell: 'lstm', nonlinearity: 'tanh', inputSize: 1, hiddenSize: 4, outputSize: 1, numLayers: 1, topology: 'many-to-one', loss: 'mse', oneToManyInput: 'first-step', outputLength: 1 };

describe('rnn-lab train flags → settings', () => {
  it('without flags, the settings are exactly the extension\'s defaults', () => {
    assert.deepEqual(settingsOf([]), plainSettings(resolveSettings().settings));
  });

  it('every training flag sets the setting of the same meaning', () => {
    const settings = settingsOf([
      '--cell', 'gru', '--hidden', '24', '--layers', '2', '--window', '30', '--horizon', '2', '--topology', 'many-to-many-synced',
      '--epochs', '7', '--batch', '4', '--optimizer', 'momentum', '--lr', '0.05', '--seed', '3', '--validation', '0.25',
      '--clip-norm', '1.5', '--clip-value', '5', '--l2', '1e-4', '--init', 'orthogonal', '--spectral-radius', '0.9', '--tbptt', '5,10',
      '--normalize', 'minmax', '--stride', '2',
    ]);
    assert.deepEqual(
      [settings.model.cell, settings.model.hiddenSize, settings.model.layers, settings.model.window, settings.model.horizon, settings.model.topology],
      ['gru', 24, 2, 30, 2, 'many-to-many-synced'],
    );
    assert.deepEqual(settings.training, { epochs: 7, batch: 4, optimizer: 'momentum', learningRate: 0.05, seed: 3, validationSplit: 0.25, precision: 'auto', threads: 0 });
    const { clipNorm, clipValue, l2, init, spectralRadius, tbpttK1, tbpttK2 } = settings.remedies;
    assert.deepEqual([clipNorm, clipValue, l2, init, spectralRadius, tbpttK1, tbpttK2], [1.5, 5, 1e-4, 'orthogonal', 0.9, 5, 10]);
    assert.deepEqual([settings.data.normalization, settings.data.stride], ['minmax', 2]);
  });

  it('--init identity is the IRNN: relu unless --nonlinearity says otherwise, λ from --identity-scale', () => {
    const irnn = settingsOf(['--init', 'identity', '--identity-scale', '0.5']);
    assert.deepEqual([irnn.remedies.init, irnn.remedies.identityScale, irnn.model.nonlinearity], ['identity', 0.5, 'relu']);
    assert.equal(settingsOf(['--init', 'identity', '--nonlinearity', 'tanh']).model.nonlinearity, 'tanh');
  });

  it('echo state network flags set rnnLab.esn.*; --spectral-radius is the reservoir\'s with --cell esn', () => {
    const esn = settingsOf(['--cell', 'esn', '--reservoir', '50', '--spectral-radius', '0.9', '--leak', '0.3', '--sparsity', '0.8', '--input-scale', '0.5', '--ridge', '1e-4', '--washout', '5']);
    assert.deepEqual(esn.esn, { reservoirSize: 50, spectralRadius: 0.9, leak: 0.3, sparsity: 0.8, inputScale: 0.5, ridge: 1e-4, washout: 5 });
    assert.equal(esn.remedies.spectralRadius, 0);
  });

  it('refuses values outside the settings\' bounds with one line naming the flag and what it accepts', () => {
    usageError(['--hidden', '0'], /^--hidden must be an integer 1–512, got 0$/);
    usageError(['--hidden', 'many'], /^--hidden must be an integer 1–512, got "many"$/);
    usageError(['--lr', '0'], /^--lr must be a number 1e-7–10, got 0$/);
    usageError(['--clip-value', 'abc'], /^--clip-value must be a number 0–1000000, got "abc"$/);
    usageError(['--init', 'he'], /^--init must be one of xavier, orthogonal, identity, got "he"$/);
    usageError(['--optimizer', 'rmsprop'], /^--optimizer must be one of sgd, momentum, adam/);
    usageError(['--tbptt', '5'], /^--tbptt must be K1,K2 with integers 1 ≤ K1 ≤ K2/);
    usageError(['--cell', 'transformer'], /^--cell must be one of rnn\|lstm\|gru\|esn, got "transformer"$/);
    usageError(['--identity-scale', '0.5'], /^--identity-scale applies to --init identity/);
    usageError(['--cell', 'esn', '--leak', '0'], /^--leak must be a number 0\.0001–1, got 0$/);
    usageError(['--cell', 'esn', '--reservoir', '5000'], /^--reservoir must be an integer 1–1000, got 5000$/);
    usageError(['--cell', 'esn', '--washout', '2.5'], /^--washout must be an integer 0–10000, got 2\.5$/);
    usageError(['--cell', 'esn', '--clip-norm', '1'], /^--clip-norm does not apply to --cell esn/);
    usageError(['--cell', 'esn', '--tbptt', '5,5'], /^--tbptt does not apply to --cell esn/);
    usageError(['--cell', 'esn', '--hidden', '8'], /^--hidden does not apply to --cell esn/);
    usageError(['--reservoir', '50'], /^--reservoir applies to --cell esn only/);
  });

  it("--omega is the vanilla RNN's: an LSTM refuses it when its remedies are resolved", () => {
    const settings = settingsOf(['--cell', 'lstm', '--omega', '2']);
    assert.throws(() => remedyOptionsFor(settings, LSTM), /vanilla RNN/);
    assert.equal(remedyOptionsFor(settingsOf(['--cell', 'lstm', '--omega', '0']), LSTM).omega, 0);
  });

  it('data answers and output flags are not settings', () => {
    const options = parseTrainFlags(['data.csv', '--column', 'a,b', '--target', 'b', '--missing', 'interpolate', '--no-group', '--json', '--save', 'm.json']);
    assert.ok(options !== null);
    assert.deepEqual(options.choices, { columns: 'a,b', target: 'b', missing: 'interpolate' });
    assert.deepEqual(options.overview, { group: false, target: 'b' });
    assert.equal(options.json, true);
    assert.equal(options.save, 'm.json');
    // a windowing flag asks for windows: a table of sequences is windowed
    assert.deepEqual(parseTrainFlags(['data.csv', '--window', '9'])?.overview, { group: false });
    assert.throws(() => parseTrainFlags(['data.csv', '--group', 'sequence', '--window', '9']), /--window does not apply with --group/);
    assert.throws(() => parseTrainFlags(['--from-run', 'runs/x', '--epochs', '3']), /--epochs does not apply with --from-run/);
  });
});
