import * as assert from 'assert';
import { plainSettings, resolveSettings, type SettingLevelValues } from '../../../src/lab/settings/resolveSettings';
import { SETTINGS_SCHEMA } from '../../../src/lab/settings/settingsSchema';

function levels(values: Record<string, SettingLevelValues>): (key: string) => SettingLevelValues {
  return (key) => values[key] ?? {};
}

describe('effective settings (merge with sources)', () => {
  it('gives every schema default with source "default" when nothing is set', () => {
    const { settings, problems } = resolveSettings();
    assert.deepStrictEqual(problems, []);
    assert.deepStrictEqual(settings.model.hiddenSize, { value: 16, source: 'default' });
    assert.deepStrictEqual(settings.data.maxSelectionSizeMB, { value: 20, source: 'default' });
    assert.strictEqual(plainSettings(settings).esn.spectralRadius, 0.95);
    for (const [section, specs] of Object.entries(SETTINGS_SCHEMA)) {
      for (const [name, spec] of Object.entries(specs as Record<string, { default: unknown }>)) {
        const plain = plainSettings(settings) as unknown as Record<string, Record<string, unknown>>;
        assert.strictEqual(plain[section]?.[name], spec.default, `${section}.${name}`);
      }
    }
  });

  it('applies user < workspace < workspace folder < config file < argument, recording the winner', () => {
    const readLevels = levels({
      'rnnLab.model.hiddenSize': { user: 8, workspace: 12, workspaceFolder: 24 },
      'rnnLab.training.epochs': { user: 7 },
      'rnnLab.training.learningRate': { user: 0.5, workspace: 0.05 },
      'rnnLab.model.cell': { user: 'gru' },
    });
    const { settings } = resolveSettings({
      readLevels,
      configFile: { training: { learningRate: 0.002 }, model: { cell: 'lstm' } },
      args: { model: { cell: 'rnn' } },
    });
    assert.deepStrictEqual(settings.model.hiddenSize, { value: 24, source: 'setting', level: 'workspaceFolder' });
    assert.deepStrictEqual(settings.training.epochs, { value: 7, source: 'setting', level: 'user' });
    assert.deepStrictEqual(settings.training.learningRate, { value: 0.002, source: 'configFile' });
    assert.deepStrictEqual(settings.model.cell, { value: 'rnn', source: 'argument' });
  });

  it('skips invalid values with a problem naming the key, value and bounds, falling back to the next layer', () => {
    const { settings, problems } = resolveSettings({
      readLevels: levels({
        'rnnLab.model.hiddenSize': { user: 32, workspace: 0 },
        'rnnLab.model.layers': { user: 2.5 },
        'rnnLab.model.cell': { user: 'transformer' },
        'rnnLab.charts.logScale': { user: 'yes' },
        'rnnLab.training.learningRate': { user: 11 },
      }),
    });
    assert.deepStrictEqual(settings.model.hiddenSize, { value: 32, source: 'setting', level: 'user' });
    assert.strictEqual(settings.model.layers.value, 1);
    assert.strictEqual(settings.model.cell.value, 'rnn');
    assert.strictEqual(settings.charts.logScale.value, true);
    assert.strictEqual(settings.training.learningRate.value, 0.01);
    const byKey = new Map(problems.map((problem) => [problem.key, problem]));
    assert.strictEqual(byKey.get('rnnLab.model.hiddenSize')?.kind, 'below-minimum');
    assert.strictEqual(byKey.get('rnnLab.model.hiddenSize')?.level, 'workspace');
    assert.strictEqual(byKey.get('rnnLab.model.hiddenSize')?.expected, 'an integer 1–512');
    assert.strictEqual(byKey.get('rnnLab.model.layers')?.kind, 'not-integer');
    assert.strictEqual(byKey.get('rnnLab.model.cell')?.kind, 'not-allowed');
    assert.strictEqual(byKey.get('rnnLab.model.cell')?.expected, 'one of rnn, lstm, gru');
    assert.strictEqual(byKey.get('rnnLab.charts.logScale')?.kind, 'wrong-type');
    assert.strictEqual(byKey.get('rnnLab.training.learningRate')?.kind, 'above-maximum');
    assert.strictEqual(problems.length, 5);
  });

  it('rejects truncated BPTT with k2 < k1 but accepts k2 = 0 (meaning k2 = k1)', () => {
    const bad = resolveSettings({ args: { remedies: { tbpttK1: 10, tbpttK2: 5 } } });
    assert.strictEqual(bad.problems.length, 1);
    assert.strictEqual(bad.problems[0]?.kind, 'inconsistent');
    assert.strictEqual(bad.problems[0]?.key, 'rnnLab.remedies.tbpttK2');
    assert.deepStrictEqual(bad.problems[0]?.related, { key: 'rnnLab.remedies.tbpttK1', value: 10 });
    assert.deepStrictEqual(resolveSettings({ args: { remedies: { tbpttK1: 10, tbpttK2: 0 } } }).problems, []);
    assert.deepStrictEqual(resolveSettings({ args: { remedies: { tbpttK1: 10, tbpttK2: 20 } } }).problems, []);
  });
});
