// Every numeric flag of `rnn-lab train` has a range: just outside it (below the minimum, above the maximum, ±Infinity
// written as 1e400, NaN) is one CliUsageError naming the flag, the accepted range and the value; the help lists the
// same range; an rnnLab.* setting out of range names its key. Table over every numeric setting flag.
import * as assert from 'node:assert/strict';
import { CliUsageError } from '../../../src/cli/cliSupport';
import { effectiveSettings, parseTrainFlags, SETTING_FLAGS } from '../../../src/cli/train/trainFlags';
import { TRAIN_HELP } from '../../../src/cli/train/trainHelp';
import { resolveSettings } from '../../../src/lab/settings/resolveSettings';
import { settingSpec, SETTINGS_SCHEMA } from '../../../src/lab/settings/settingsSchema';

/** Flags that need others beside them to apply. */
function context(flag: string): string[] {
  if (['reservoir', 'leak', 'sparsity', 'input-scale', 'ridge', 'washout'].includes(flag)) return ['--cell', 'esn'];
  if (flag === 'identity-scale') return ['--init', 'identity'];
  return [];
}

function refusal(args: string[]): string {
  try {
    const options = parseTrainFlags(['data.csv', ...args]);
    if (options !== null) effectiveSettings(options.overrides);
  } catch (error) {
    assert.ok(error instanceof CliUsageError, String(error));
    return error.message;
  }
  return '';
}

describe('rnn-lab train: a range for every numeric flag', () => {
  for (const [flag, [section, name]] of Object.entries(SETTING_FLAGS)) {
    const spec = settingSpec(section, name);
    if (spec?.kind !== 'integer' && spec?.kind !== 'number') continue;
    it(`--${flag}: ${spec.minimum}–${spec.maximum}, refused outside with the flag, the range and the value`, () => {
      const range = `${spec.minimum}–${spec.maximum}`;
      assert.ok(TRAIN_HELP.includes(`--${flag} ${range}`), `help lists --${flag} ${range}`);
      const above = spec.kind === 'integer' ? spec.maximum + 1 : spec.maximum * 10 + 1;
      const cases: [string, string][] = [[String(above), String(above)], ['1e400', 'Infinity'], ['NaN', '"NaN"']];
      if (spec.minimum > 0 || spec.kind === 'integer') cases.push([`=${spec.minimum - (spec.kind === 'integer' ? 1 : spec.minimum / 2)}`, String(spec.minimum - (spec.kind === 'integer' ? 1 : spec.minimum / 2))]);
      for (const [value, shown] of cases) {
        const args = value.startsWith('=') ? [...context(flag), `--${flag}${value}`] : [...context(flag), `--${flag}`, value];
        const message = refusal(args);
        assert.equal(message, `--${flag} must be ${spec.kind === 'integer' ? 'an integer' : 'a number'} ${range}, got ${shown}`, args.join(' '));
      }
      // the extremes are accepted
      assert.equal(refusal([...context(flag), `--${flag}=${spec.minimum}`]), '', `--${flag} ${spec.minimum}`);
      assert.equal(refusal([...context(flag), `--${flag}=${spec.maximum}`]), '', `--${flag} ${spec.maximum}`);
    });
  }

  it('the values of the issue: --spectral-radius 1e308, --identity-scale 1e200 with --init identity, --tbptt 0,5', () => {
    assert.equal(refusal(['--spectral-radius', '1e308']), '--spectral-radius must be a number 0–10, got 1e+308');
    assert.equal(refusal(['--init', 'identity', '--identity-scale', '1e200']), '--identity-scale must be a number 0.01–10, got 1e+200');
    assert.equal(refusal(['--cell', 'esn', '--spectral-radius', '0']), '--spectral-radius must be a number 0.001–10, got 0');
    assert.match(refusal(['--tbptt', '0,5']), /^--tbptt must be K1,K2 with integers 1 ≤ K1 ≤ K2/);
    assert.match(refusal(['--tbptt', '5,5000']), /^--tbptt must be an integer 0–1000, got 5000$/);
  });

  it('an rnnLab.* setting out of range names its key, the range and the value', () => {
    const resolved = resolveSettings({ args: { model: { hiddenSize: 5000 }, esn: { leak: 0 } } });
    const problems = resolved.problems.map((p) => `${p.key}: ${p.expected}, got ${String(p.value)}`);
    assert.deepEqual(problems, [
      `rnnLab.model.hiddenSize: an integer 1–${SETTINGS_SCHEMA.model.hiddenSize.maximum}, got 5000`,
      'rnnLab.esn.leak: a number 0.0001–1, got 0',
    ]);
  });
});
