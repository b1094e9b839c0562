// Merges the layers that can set a training value into the effective settings, remembering where each value came
// from (issue 5: "the run records the effective values and where each came from"). Precedence, lowest first:
// schema default < user setting < workspace setting < workspace-folder setting < model config file < command argument.
// A value that is the wrong type or out of bounds is skipped with a problem naming the key, the value and what is
// accepted; the next lower layer then supplies the value. No vscode import: settings.ts reads VS Code's levels.
import type {
  SettingLevel,
  SettingsSection,
  SourcedSettings,
  SourcedValue,
  TrainingSettings,
  ValueSource,
} from '../runs/runRecord';
import { type AnySettingSpec, SETTINGS_SCHEMA, SETTINGS_SECTIONS, settingKey } from './settingsSchema';

/** What VS Code's `inspect()` returns for one key (undefined = not set at that level). */
export interface SettingLevelValues {
  readonly user?: unknown;
  readonly workspace?: unknown;
  readonly workspaceFolder?: unknown;
}

/** Values from a model config file or command arguments, by section; unknown types are validated here. */
export type SettingsOverrides = {
  readonly [S in SettingsSection]?: { readonly [K in keyof TrainingSettings[S]]?: unknown };
};

export type SettingProblemKind = 'wrong-type' | 'not-integer' | 'below-minimum' | 'above-maximum' | 'not-allowed' | 'inconsistent';

export interface SettingProblem {
  /** Full key, e.g. `rnnLab.model.hiddenSize`. */
  readonly key: string;
  readonly source: ValueSource;
  readonly level?: SettingLevel;
  readonly kind: SettingProblemKind;
  readonly value: unknown;
  /** What is accepted, e.g. "an integer 1–512" or "one of rnn, lstm, gru" (English; the host localises from `spec`). */
  readonly expected: string;
  readonly spec?: AnySettingSpec;
  /** For `inconsistent`: the other key of the constraint and its value. */
  readonly related?: { readonly key: string; readonly value: unknown };
}

export interface ResolvedSettings {
  readonly settings: SourcedSettings;
  readonly problems: readonly SettingProblem[];
}

export interface SettingsLayers {
  /** Reads the VS Code levels of one full key; omit for defaults only (CLI, tests). */
  readonly readLevels?: (key: string) => SettingLevelValues;
  readonly configFile?: SettingsOverrides;
  readonly args?: SettingsOverrides;
}

/** Levels in increasing precedence. */
const SETTING_LEVELS: readonly SettingLevel[] = ['user', 'workspace', 'workspaceFolder'];

export function describeExpected(spec: AnySettingSpec): string {
  switch (spec.kind) {
    case 'integer':
      return `an integer ${spec.minimum}–${spec.maximum}`;
    case 'number':
      return `a number ${spec.minimum}–${spec.maximum}`;
    case 'enum':
      return `one of ${spec.values.join(', ')}`;
    case 'boolean':
      return 'true or false';
  }
}

/** Why `value` is not acceptable for `spec`, or undefined when it is. */
export function checkValue(spec: AnySettingSpec, value: unknown): SettingProblemKind | undefined {
  switch (spec.kind) {
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'wrong-type';
    case 'enum':
      return typeof value !== 'string' ? 'wrong-type' : spec.values.includes(value) ? undefined : 'not-allowed';
    case 'integer':
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'wrong-type';
      if (spec.kind === 'integer' && !Number.isInteger(value)) return 'not-integer';
      if (value < spec.minimum) return 'below-minimum';
      if (value > spec.maximum) return 'above-maximum';
      return undefined;
  }
}

interface Candidate {
  readonly value: unknown;
  readonly source: ValueSource;
  readonly level?: SettingLevel;
}

function candidatesFor(section: SettingsSection, name: string, key: string, layers: SettingsLayers): Candidate[] {
  const candidates: Candidate[] = [];
  const levels = layers.readLevels?.(key);
  for (const level of SETTING_LEVELS) {
    const value = levels?.[level];
    if (value !== undefined) candidates.push({ value, source: 'setting', level });
  }
  const fromFile = (layers.configFile?.[section] as Readonly<Record<string, unknown>> | undefined)?.[name];
  if (fromFile !== undefined) candidates.push({ value: fromFile, source: 'configFile' });
  const fromArgs = (layers.args?.[section] as Readonly<Record<string, unknown>> | undefined)?.[name];
  if (fromArgs !== undefined) candidates.push({ value: fromArgs, source: 'argument' });
  return candidates;
}

/** The effective value of every setting, with its source, and the problems of the values that were skipped. */
export function resolveSettings(layers: SettingsLayers = {}): ResolvedSettings {
  const problems: SettingProblem[] = [];
  const settings: Record<string, Record<string, SourcedValue<unknown>>> = {};
  for (const section of SETTINGS_SECTIONS) {
    const specs = SETTINGS_SCHEMA[section] as unknown as Readonly<Record<string, AnySettingSpec>>;
    const resolvedSection: Record<string, SourcedValue<unknown>> = {};
    for (const [name, spec] of Object.entries(specs)) {
      const key = settingKey(section, name);
      let chosen: SourcedValue<unknown> = { value: spec.default, source: 'default' };
      for (const candidate of candidatesFor(section, name, key, layers)) {
        const kind = checkValue(spec, candidate.value);
        if (kind === undefined) {
          chosen = candidate.level === undefined
            ? { value: candidate.value, source: candidate.source }
            : { value: candidate.value, source: candidate.source, level: candidate.level };
        } else {
          problems.push({ key, source: candidate.source, level: candidate.level, kind, value: candidate.value, expected: describeExpected(spec), spec });
        }
      }
      resolvedSection[name] = chosen;
    }
    settings[section] = resolvedSection;
  }
  const sourced = settings as unknown as SourcedSettings;
  problems.push(...crossFieldProblems(sourced));
  return { settings: sourced, problems };
}

/** Constraints between keys. Truncated BPTT(k1, k2) needs k2 ≥ k1 (docs/maths.md, "Backpropagation through time"). */
function crossFieldProblems(settings: SourcedSettings): SettingProblem[] {
  const k1 = settings.remedies.tbpttK1;
  const k2 = settings.remedies.tbpttK2;
  if (k2.value !== 0 && k2.value < k1.value) {
    return [{
      key: settingKey('remedies', 'tbpttK2'),
      source: k2.source,
      level: k2.level,
      kind: 'inconsistent',
      value: k2.value,
      expected: `0 (same as tbpttK1) or at least tbpttK1 = ${k1.value}`,
      related: { key: settingKey('remedies', 'tbpttK1'), value: k1.value },
    }];
  }
  return [];
}

/** Drops the sources: the plain values the worker trains with. */
export function plainSettings(sourced: SourcedSettings): TrainingSettings {
  const plain: Record<string, Record<string, unknown>> = {};
  for (const section of SETTINGS_SECTIONS) {
    const values: Record<string, unknown> = {};
    for (const [name, entry] of Object.entries(sourced[section] as Readonly<Record<string, SourcedValue<unknown>>>)) {
      values[name] = entry.value;
    }
    plain[section] = values;
  }
  return plain as unknown as TrainingSettings;
}

/** The plain settings of `overrides` over the defaults; throws when one is out of bounds (values a program fixes). */
export function settingsFrom(overrides: SettingsOverrides): TrainingSettings {
  const resolved = resolveSettings({ args: overrides });
  const problem = resolved.problems[0];
  if (problem !== undefined) throw new RangeError(`${problem.key} = ${JSON.stringify(problem.value)}: expected ${problem.expected}`);
  return plainSettings(resolved.settings);
}
