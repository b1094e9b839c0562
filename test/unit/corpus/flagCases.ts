// Absurd values for every numeric flag of train, sample and gradcheck (issue 13): negative, 0, NaN, Infinity, 1e308,
// non-integers where integers are needed. Each must be refused with exit 2 naming the flag. Values are passed as
// `--flag=VALUE` (a value starting with "-" needs it).
import type { CorpusFolder } from './corpusFiles';
import { characterModel } from './issueCases';
import { flag, refuse, type CaseSpec } from './corpusTypes';

const INTEGER = ['-1', '0', 'NaN', 'Infinity', '1e308', '2.5'];
const POSITIVE_REAL = ['-1', '0', 'NaN', 'Infinity', '1e308'];
const PENALTY = ['-1', 'NaN', 'Infinity', '1e308'];

/** train flags → values to refuse (on a vanilla RNN). */
const TRAIN: readonly [string, readonly string[]][] = [
  ['hidden', INTEGER],
  ['layers', [...INTEGER, '1e6']],
  ['window', INTEGER],
  ['horizon', INTEGER],
  ['epochs', INTEGER],
  ['batch', INTEGER],
  ['stride', INTEGER],
  ['output-steps', ['-1', 'NaN', 'Infinity', '1e308', '2.5']],
  ['lr', POSITIVE_REAL],
  ['seed', ['NaN', 'Infinity', '1.5']],
  ['validation', ['-1', 'NaN', 'Infinity', '1', '1e308']],
  ['clip-norm', ['-1', 'NaN']],
  ['clip-value', ['-1', 'NaN']],
  ['l2', PENALTY],
  ['omega', PENALTY],
  ['spectral-radius', ['-1', 'NaN', 'Infinity', '1e308']],
  ['max-bytes', ['-1', 'NaN', 'abc']],
  ['tbptt', ['0,0', '-1,2', 'NaN,2', '2.5,3', '1e308,1e308', '3']],
];

/** train flags of the identity initialisation and of the echo state network. */
const IDENTITY: readonly string[] = ['NaN', 'Infinity', '1e200', '1e308'];
const ESN: readonly [string, readonly string[]][] = [
  ['reservoir', ['-1', '0', 'NaN', 'Infinity', '1e9', '2.5']],
  ['spectral-radius', ['-1', 'NaN', 'Infinity', '1e308']],
  ['leak', ['-1', '0', 'NaN', '2']],
  ['sparsity', ['-1', 'NaN', '1.5']],
  ['input-scale', ['-1', 'NaN', 'Infinity']],
  ['ridge', ['-1', 'NaN', 'Infinity']],
  ['washout', ['-1', 'NaN', '1e308', '2.5']],
];

const SAMPLE: readonly [string, readonly string[]][] = [
  ['length', ['-1', '0', 'NaN', 'Infinity', '1e308', '2.5', '10001']],
  ['temperature', ['-1', 'NaN', 'Infinity']],
  ['seed', ['NaN', '1.5']],
];

const GRADCHECK: readonly [string, readonly string[]][] = [
  ['hidden', ['-1', '0', '5', 'NaN', '2.5']],
  ['layers', ['0', '5', 'NaN']],
  ['steps', ['0', '9', 'NaN', '2.5']],
  ['output-steps', ['0', '9', 'NaN']],
  ['seed', ['NaN', '1.5']],
];

const TRAIN_BASE: Readonly<Record<string, string>> = { window: '5', hidden: '2', epochs: '1' };
/** An echo state network takes no --hidden or --epochs (they would be refused for that, naming the ESN flags). */
const ESN_BASE: Readonly<Record<string, string>> = { cell: 'esn', window: '5', reservoir: '8' };
/** A refusal for another reason lists the flags that apply; the case's flag must be the one refused. */
const OTHER_REASON = [/does not apply/];

function slug(value: string): string {
  return value.replace(/,/g, '_');
}

/** `train sine.csv` with the base flags (except the one under test) and `--flag=value`. */
function trainArgs(sine: string, name: string, value: string, extra: readonly string[], flags = TRAIN_BASE): string[] {
  const base = Object.entries(flags).filter(([key]) => key !== name).flatMap(([key, v]) => [`--${key}`, v]);
  return ['train', sine, ...base, ...extra, '--quiet', `--${name}=${value}`];
}

export function flagCases(folder: CorpusFolder): CaseSpec[] {
  const sine = folder.repoPath('samples/sine.csv');
  const model = characterModel(folder);
  const cases: CaseSpec[] = [];
  const item = 'absurd flag values';
  for (const [name, values] of TRAIN) {
    for (const value of values) cases.push({ id: `flags/train--${name}=${slug(value)}`, item, runs: [trainArgs(sine, name, value, [])], expect: refuse([flag(name)], OTHER_REASON) });
  }
  for (const value of IDENTITY) {
    cases.push({ id: `flags/train--identity-scale=${value}`, item, runs: [trainArgs(sine, 'identity-scale', value, ['--init', 'identity'])], expect: refuse([flag('identity-scale')], OTHER_REASON) });
  }
  for (const [name, values] of ESN) {
    for (const value of values) cases.push({ id: `flags/train-esn--${name}=${slug(value)}`, item, runs: [trainArgs(sine, name, value, [], ESN_BASE)], expect: refuse([flag(name)], OTHER_REASON) });
  }
  for (const [name, values] of SAMPLE) {
    for (const value of values) cases.push({ id: `flags/sample--${name}=${value}`, item, runs: [['sample', model, `--${name}=${value}`]], expect: refuse([flag(name)]) });
  }
  for (const [name, values] of GRADCHECK) {
    for (const value of values) cases.push({ id: `flags/gradcheck--${name}=${value}`, item, runs: [['gradcheck', `--${name}=${value}`]], expect: refuse([flag(name)]) });
  }
  // the two examples, spelled as in the issue
  cases.push({ id: 'flags/train-spectral-radius-1e308-issue', item, runs: [['train', sine, '--spectral-radius', '1e308', '--epochs', '1', '--quiet']], expect: refuse([flag('spectral-radius')]) });
  cases.push({ id: 'flags/train-identity-scale-1e200-issue', item, runs: [['train', sine, '--identity-scale', '1e200', '--init', 'identity', '--epochs', '1', '--quiet']], expect: refuse([flag('identity-scale')]) });
  return cases;
}
