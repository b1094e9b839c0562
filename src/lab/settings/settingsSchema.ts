// Every `rnnLab.*` setting: its type, default, bounds and allowed values, in one place. package.json's
// `contributes.configuration` mirrors this table (a unit test compares them), and settings are merged from it
// (resolveSettings.ts). No vscode import, so the CLI and unit tests share it.
// Defaults follow docs/maths.md where it names one (ESN ρ = 0.95, "Remedies"); remedies are off by default so a
// student first sees the plain network's gradient vanish or explode, then switches one remedy on.
import { TOPOLOGY_IDS } from '../../engine/dataset';
import { DEFAULT_ECHO_STATE_OPTIONS, MAX_RESERVOIR_SIZE } from '../../engine/esn/esnOptions';
import { DEFAULT_IDENTITY_SCALE } from '../../engine/init';
import { CELL_KINDS, MAX_HIDDEN_SIZE, MAX_LAYERS, NONLINEARITIES } from '../../engine/modelConfig';
import { PRECISION_SETTINGS, type SettingsSection, type TrainingSettings } from '../runs/runRecord';

export interface IntegerSettingSpec {
  readonly kind: 'integer';
  readonly default: number;
  readonly minimum: number;
  readonly maximum: number;
}

export interface NumberSettingSpec {
  readonly kind: 'number';
  readonly default: number;
  readonly minimum: number;
  readonly maximum: number;
}

export interface EnumSettingSpec<T extends string> {
  readonly kind: 'enum';
  readonly default: T;
  readonly values: readonly T[];
}

export interface BooleanSettingSpec {
  readonly kind: 'boolean';
  readonly default: boolean;
}

/** Non-distributive ([T]) so a union of enum values maps to one spec whose `values` lists them all. */
export type SettingSpec<T> = [T] extends [boolean]
  ? BooleanSettingSpec
  : [T] extends [number]
    ? IntegerSettingSpec | NumberSettingSpec
    : [T] extends [string]
      ? EnumSettingSpec<T>
      : never;

export type AnySettingSpec = IntegerSettingSpec | NumberSettingSpec | EnumSettingSpec<string> | BooleanSettingSpec;

export type SettingsSchema = {
  readonly [S in SettingsSection]: { readonly [K in keyof TrainingSettings[S]]: SettingSpec<TrainingSettings[S][K]> };
};

/** Settings sections in the order the Settings UI shows them. */
export const SETTINGS_SECTIONS: readonly SettingsSection[] = ['model', 'training', 'remedies', 'esn', 'charts', 'data'];

/** The configuration prefix: keys are `rnnLab.<section>.<name>`. */
export const SETTINGS_PREFIX = 'rnnLab';

const MAX_UINT32 = 4294967295;
/** Most worker threads a run may share its mini-batches among (rnnLab.training.threads). */
export const MAX_TRAINING_THREADS = 8;

export const SETTINGS_SCHEMA: SettingsSchema = {
  model: {
    cell: { kind: 'enum', default: 'rnn', values: CELL_KINDS },
    nonlinearity: { kind: 'enum', default: 'tanh', values: NONLINEARITIES },
    hiddenSize: { kind: 'integer', default: 16, minimum: 1, maximum: MAX_HIDDEN_SIZE },
    layers: { kind: 'integer', default: 1, minimum: 1, maximum: MAX_LAYERS },
    topology: { kind: 'enum', default: 'many-to-one', values: TOPOLOGY_IDS },
    window: { kind: 'integer', default: 20, minimum: 1, maximum: 1000 },
    horizon: { kind: 'integer', default: 1, minimum: 1, maximum: 1000 },
    outputSteps: { kind: 'integer', default: 0, minimum: 0, maximum: 1000 },
    oneToManyInput: { kind: 'enum', default: 'first-step', values: ['first-step', 'every-step'] },
  },
  training: {
    epochs: { kind: 'integer', default: 50, minimum: 1, maximum: 100000 },
    batch: { kind: 'integer', default: 16, minimum: 1, maximum: 4096 },
    optimizer: { kind: 'enum', default: 'adam', values: ['sgd', 'momentum', 'adam'] },
    learningRate: { kind: 'number', default: 0.01, minimum: 1e-7, maximum: 10 },
    seed: { kind: 'integer', default: 42, minimum: 0, maximum: MAX_UINT32 },
    validationSplit: { kind: 'number', default: 0.2, minimum: 0, maximum: 0.9 },
    // What each value does is decided in lab/training/precision.ts; here only the accepted values.
    precision: { kind: 'enum', default: 'auto', values: PRECISION_SETTINGS },
    // 0 = auto: the number of cores, at most MAX_TRAINING_THREADS.
    threads: { kind: 'integer', default: 0, minimum: 0, maximum: MAX_TRAINING_THREADS },
  },
  remedies: {
    clipNorm: { kind: 'number', default: 0, minimum: 0, maximum: 1e6 },
    clipValue: { kind: 'number', default: 0, minimum: 0, maximum: 1e6 },
    tbpttK1: { kind: 'integer', default: 0, minimum: 0, maximum: 1000 },
    tbpttK2: { kind: 'integer', default: 0, minimum: 0, maximum: 1000 },
    l2: { kind: 'number', default: 0, minimum: 0, maximum: 10 },
    omega: { kind: 'number', default: 0, minimum: 0, maximum: 100 },
    init: { kind: 'enum', default: 'xavier', values: ['xavier', 'orthogonal', 'identity'] },
    identityScale: { kind: 'number', default: DEFAULT_IDENTITY_SCALE, minimum: 0.01, maximum: 10 },
    spectralRadius: { kind: 'number', default: 0, minimum: 0, maximum: 10 },
  },
  // the engine's defaults (engine/esn/esnOptions.ts), so the CLI, the extension and the engine agree
  esn: {
    reservoirSize: { kind: 'integer', default: DEFAULT_ECHO_STATE_OPTIONS.reservoirSize, minimum: 1, maximum: MAX_RESERVOIR_SIZE },
    spectralRadius: { kind: 'number', default: DEFAULT_ECHO_STATE_OPTIONS.spectralRadius, minimum: 0.001, maximum: 10 },
    leak: { kind: 'number', default: DEFAULT_ECHO_STATE_OPTIONS.leak, minimum: 0.0001, maximum: 1 },
    sparsity: { kind: 'number', default: DEFAULT_ECHO_STATE_OPTIONS.sparsity, minimum: 0, maximum: 0.999 },
    inputScale: { kind: 'number', default: DEFAULT_ECHO_STATE_OPTIONS.inputScale, minimum: 0.000001, maximum: 100 },
    ridge: { kind: 'number', default: DEFAULT_ECHO_STATE_OPTIONS.ridge, minimum: 0, maximum: 1e6 },
    washout: { kind: 'integer', default: DEFAULT_ECHO_STATE_OPTIONS.washout, minimum: 0, maximum: 10000 },
  },
  charts: {
    updateRate: { kind: 'integer', default: 10, minimum: 1, maximum: 10 },
    logScale: { kind: 'boolean', default: true },
  },
  data: {
    maxSelectionSizeMB: { kind: 'integer', default: 20, minimum: 1, maximum: 1024 },
    normalization: { kind: 'enum', default: 'zscore', values: ['zscore', 'minmax', 'none'] },
    stride: { kind: 'integer', default: 1, minimum: 1, maximum: 1000 },
  },
};

export function settingKey(section: SettingsSection, name: string): string {
  return `${SETTINGS_PREFIX}.${section}.${name}`;
}

/** Every (section, name) pair, in schema order. */
export function settingNames(): { readonly section: SettingsSection; readonly name: string }[] {
  const names: { section: SettingsSection; name: string }[] = [];
  for (const section of SETTINGS_SECTIONS) {
    for (const name of Object.keys(SETTINGS_SCHEMA[section])) names.push({ section, name });
  }
  return names;
}

export function settingSpec(section: SettingsSection, name: string): AnySettingSpec | undefined {
  const specs = SETTINGS_SCHEMA[section] as unknown as Readonly<Record<string, AnySettingSpec>>;
  return Object.prototype.hasOwnProperty.call(specs, name) ? specs[name] : undefined;
}
