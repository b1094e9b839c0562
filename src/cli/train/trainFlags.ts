// The flags of `rnn-lab train`, mapped onto the extension's settings (lab/settings): every flag that names a training
// choice sets the `rnnLab.*` value of the same meaning with source "argument", and the one settings resolution fills
// the rest with the same defaults the editor uses and checks every value against the same bounds. What is not a setting
// is an answer about the data (--column, --target, --missing, --group / --no-group) or about the output.
import { CliUsageError } from '../cliSupport';
import { booleanFlag, enumFlag, parseFlags, stringFlag, type FlagSpec, type ParsedFlags } from '../flags';
import { CELL_KINDS } from '../../engine/modelConfig';
import type { IntakeChoices, MissingValueHandling } from '../../data/intakeTypes';
import type { OverviewOptions } from '../../data/intake';
import type { SettingsSection, SourcedSettings, TrainingSettings } from '../../lab/runs/runRecord';
import { plainSettings, resolveSettings, type SettingProblem, type SettingsOverrides } from '../../lab/settings/resolveSettings';
import { settingSpec } from '../../lab/settings/settingsSchema';

/** Flag → the setting it sets. `--spectral-radius` is the reservoir's ρ with --cell esn, else W_hh's. */
export const SETTING_FLAGS: Readonly<Record<string, readonly [SettingsSection, string]>> = {
  window: ['model', 'window'],
  horizon: ['model', 'horizon'],
  'output-steps': ['model', 'outputSteps'],
  topology: ['model', 'topology'],
  'one-to-many-input': ['model', 'oneToManyInput'],
  nonlinearity: ['model', 'nonlinearity'],
  hidden: ['model', 'hiddenSize'],
  layers: ['model', 'layers'],
  epochs: ['training', 'epochs'],
  batch: ['training', 'batch'],
  optimizer: ['training', 'optimizer'],
  lr: ['training', 'learningRate'],
  seed: ['training', 'seed'],
  validation: ['training', 'validationSplit'],
  precision: ['training', 'precision'],
  threads: ['training', 'threads'],
  'clip-norm': ['remedies', 'clipNorm'],
  'clip-value': ['remedies', 'clipValue'],
  l2: ['remedies', 'l2'],
  omega: ['remedies', 'omega'],
  init: ['remedies', 'init'],
  'identity-scale': ['remedies', 'identityScale'],
  'spectral-radius': ['remedies', 'spectralRadius'],
  reservoir: ['esn', 'reservoirSize'],
  leak: ['esn', 'leak'],
  sparsity: ['esn', 'sparsity'],
  'input-scale': ['esn', 'inputScale'],
  ridge: ['esn', 'ridge'],
  washout: ['esn', 'washout'],
  normalize: ['data', 'normalization'],
  stride: ['data', 'stride'],
};

const BPTT_ONLY_FLAGS = ['clip-norm', 'clip-value', 'l2', 'omega', 'init', 'identity-scale', 'tbptt', 'nonlinearity', 'hidden', 'layers', 'epochs', 'batch', 'optimizer', 'lr', 'precision', 'threads'] as const;
const ESN_ONLY_FLAGS = ['reservoir', 'leak', 'sparsity', 'input-scale', 'ridge', 'washout'] as const;
/** Flags that ask for sliding windows: a table of sequences is then windowed instead of grouped. */
const WINDOW_FLAGS = ['window', 'horizon', 'output-steps', 'normalize', 'stride'] as const;
const CELL_CHOICES = [...CELL_KINDS, 'esn'] as const;
export type CellChoice = (typeof CELL_CHOICES)[number];

const settingFlagSpecs = Object.fromEntries(Object.keys(SETTING_FLAGS).map((name) => [name, { type: 'string' } as const]));

export const TRAIN_FLAGS: Readonly<Record<string, FlagSpec>> = {
  column: { type: 'string', accepts: 'a column name or 1-based number; several separated by commas (the first is predicted)' },
  target: { type: 'string', accepts: 'the predicted column (a table of sequences: its target column)' },
  missing: { type: 'string', accepts: 'drop|interpolate' },
  group: { type: 'string', accepts: 'the column naming the sequence of every row (one sequence per group)' },
  'no-group': { type: 'boolean' },
  cell: { type: 'string', accepts: CELL_CHOICES.join('|') },
  tbptt: { type: 'string', accepts: 'K1,K2 with integers 1 ≤ K1 ≤ K2' },
  ...settingFlagSpecs,
  'max-bytes': { type: 'string', accepts: 'a whole number of bytes ≥ 1' },
  'from-run': { type: 'string', accepts: 'a run folder holding run.json' },
  save: { type: 'string', accepts: 'a file path for the model JSON' },
  'run-dir': { type: 'string', accepts: 'a folder for the run (run.json, model.json, initial-model.json); created if missing' },
  json: { type: 'boolean' },
  quiet: { type: 'boolean' },
  help: { type: 'boolean' },
};

export interface TrainCliOptions {
  /** DATA, or undefined with --from-run. */
  readonly path: string | undefined;
  readonly fromRun: string | undefined;
  readonly cell: CellChoice;
  /** The settings the flags give (source "argument"). */
  readonly overrides: SettingsOverrides;
  /** The answers about the data. */
  readonly choices: IntakeChoices;
  readonly overview: OverviewOptions;
  /** --topology was given (a table of sequences otherwise decides its own). */
  readonly topologyGiven: boolean;
  readonly maxBytes: number | undefined;
  readonly save: string | undefined;
  /** --run-dir: the folder the run is saved in as the extension saves runs. */
  readonly runDir: string | undefined;
  readonly json: boolean;
  readonly quiet: boolean;
}

/** The options of the command line, or null for --help. Throws a CliUsageError (exit 2) naming a bad flag. */
export function parseTrainFlags(args: readonly string[]): TrainCliOptions | null {
  const flags = parseFlags('train', args, TRAIN_FLAGS);
  if (booleanFlag(flags, 'help')) return null;
  const given = (name: string): boolean => flags.values[name] !== undefined;
  const fromRun = stringFlag(flags, 'from-run');
  if (fromRun !== undefined) {
    const other = Object.keys(flags.values).find((name) => !['from-run', 'json', 'quiet', 'save', 'run-dir', 'max-bytes'].includes(name) && given(name));
    if (other !== undefined) throw new CliUsageError(`--${other} does not apply with --from-run: the run's own settings and data are used (only --json, --quiet, --save, --run-dir and --max-bytes apply)`);
    if (flags.positionals.length > 0) throw new CliUsageError(`--from-run reads the run's own data; do not give DATA ("${flags.positionals[0]}")`);
  } else if (flags.positionals.length !== 1) {
    const got = flags.positionals.length === 0 ? 'none' : flags.positionals.map((p) => `"${p}"`).join(' ');
    throw new CliUsageError(`train takes DATA (or --from-run RUN_DIR); got ${got}. Usage: rnn-lab train DATA [flags]`);
  }
  const cell = enumFlag(flags, 'cell', CELL_CHOICES) ?? 'rnn';
  checkCellFlags(flags, cell, given);
  const overrides = settingOverrides(flags, cell);
  const group = stringFlag(flags, 'group');
  const windowFlag = WINDOW_FLAGS.find(given);
  if (group !== undefined && windowFlag !== undefined) throw new CliUsageError(`--${windowFlag} does not apply with --group: every group is one whole sequence`);
  const missing = enumFlag<MissingValueHandling>(flags, 'missing', ['drop', 'interpolate']);
  const target = stringFlag(flags, 'target');
  const column = stringFlag(flags, 'column');
  return {
    path: flags.positionals[0],
    fromRun,
    cell,
    overrides,
    choices: { ...(column !== undefined ? { columns: column } : {}), ...(target !== undefined ? { target } : {}), ...(missing !== undefined ? { missing } : {}) },
    overview: {
      // sliding windows asked for: a table of sequences is windowed (as the extension's `group: false`)
      ...(booleanFlag(flags, 'no-group') || (windowFlag !== undefined && group === undefined) ? { group: false } : {}),
      ...(group !== undefined ? { groupColumn: group } : {}),
      ...(target !== undefined ? { target } : {}),
    },
    topologyGiven: given('topology'),
    maxBytes: byteCount(stringFlag(flags, 'max-bytes')),
    save: stringFlag(flags, 'save'),
    runDir: stringFlag(flags, 'run-dir'),
    json: booleanFlag(flags, 'json'),
    quiet: booleanFlag(flags, 'quiet'),
  };
}

function checkCellFlags(flags: ParsedFlags, cell: CellChoice, given: (name: string) => boolean): void {
  if (cell === 'esn') {
    const refused = BPTT_ONLY_FLAGS.find(given);
    if (refused !== undefined) {
      throw new CliUsageError(
        `--${refused} does not apply to --cell esn: an echo state network fits its readout in closed form (no BPTT); its options are --reservoir, --spectral-radius, --leak, --sparsity, --input-scale, --ridge, --washout`,
      );
    }
    return;
  }
  const esnFlag = ESN_ONLY_FLAGS.find(given);
  if (esnFlag !== undefined) throw new CliUsageError(`--${esnFlag} applies to --cell esn only (this run uses --cell ${cell})`);
  const init = stringFlag(flags, 'init');
  if (given('identity-scale') && init !== 'identity') {
    throw new CliUsageError(`--identity-scale applies to --init identity (W_hh = λI), not --init ${init ?? 'xavier'}`);
  }
}

/** The settings the flags name, as the raw values resolveSettings checks (numbers parsed, words kept). */
function settingOverrides(flags: ParsedFlags, cell: CellChoice): SettingsOverrides {
  const sections: Partial<Record<SettingsSection, Record<string, unknown>>> = {};
  const set = (section: SettingsSection, name: string, value: unknown): void => {
    (sections[section] ??= {})[name] = value;
  };
  // a flag that was given has source "argument"; without --cell the cell is the setting's default, as in the editor
  if (cell !== 'esn' && stringFlag(flags, 'cell') !== undefined) set('model', 'cell', cell);
  for (const [flag, [section, name]] of Object.entries(SETTING_FLAGS)) {
    const raw = stringFlag(flags, flag);
    if (raw === undefined) continue;
    const target: readonly [SettingsSection, string] = flag === 'spectral-radius' && cell === 'esn' ? ['esn', 'spectralRadius'] : [section, name];
    const spec = settingSpec(target[0], target[1]);
    set(target[0], target[1], spec?.kind === 'integer' || spec?.kind === 'number' ? numberOrText(raw) : raw);
  }
  // --init identity is the IRNN (Le, Jaitly & Hinton 2015): relu unless --nonlinearity says otherwise
  if (stringFlag(flags, 'init') === 'identity' && stringFlag(flags, 'nonlinearity') === undefined && cell === 'rnn') set('model', 'nonlinearity', 'relu');
  const tbptt = stringFlag(flags, 'tbptt');
  if (tbptt !== undefined) {
    const match = /^\s*(\d+)\s*,\s*(\d+)\s*$/.exec(tbptt);
    const k1 = match === null ? Number.NaN : Number(match[1]);
    const k2 = match === null ? Number.NaN : Number(match[2]);
    if (!(k1 >= 1 && k2 >= k1 && Number.isSafeInteger(k2))) throw new CliUsageError(`--tbptt must be K1,K2 with integers 1 ≤ K1 ≤ K2 (e.g. 10,20), got "${tbptt}"`);
    set('remedies', 'tbpttK1', k1);
    set('remedies', 'tbpttK2', k2);
  }
  return sections;
}

/** The effective settings: the flags over the defaults; a value out of bounds is a CliUsageError naming its flag. */
export function effectiveSettings(overrides: SettingsOverrides): TrainingSettings {
  return plainSettings(sourcedSettings(overrides));
}

/** The same with each value's source ("argument" for a flag, "default" otherwise), as a run record keeps them. */
export function sourcedSettings(overrides: SettingsOverrides): SourcedSettings {
  const resolved = resolveSettings({ args: overrides });
  const problem = resolved.problems[0];
  if (problem !== undefined) throw new CliUsageError(describeProblem(problem));
  return resolved.settings;
}

function describeProblem(problem: SettingProblem): string {
  const [, section, name] = problem.key.split('.');
  const esnRadius = section === 'esn' && name === 'spectralRadius' ? 'spectral-radius' : undefined;
  const flag = esnRadius ?? Object.entries(SETTING_FLAGS).find(([, [s, n]]) => s === section && n === name)?.[0] ?? (name === 'tbpttK1' || name === 'tbpttK2' ? 'tbptt' : name === 'cell' ? 'cell' : problem.key);
  const received = typeof problem.value === 'string' ? `"${problem.value}"` : String(problem.value);
  return `--${flag} must be ${problem.expected}, got ${received}`;
}

/** A plain decimal or scientific literal becomes a number; anything else stays text for the checks to refuse. */
function numberOrText(raw: string): number | string {
  return /^\s*[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i.test(raw) ? Number(raw) : raw;
}

function byteCount(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!/^\s*\d+\s*$/.test(raw) || !Number.isSafeInteger(value) || value < 1) throw new CliUsageError(`--max-bytes must be a whole number of bytes ≥ 1, got "${raw}"`);
  return value;
}
