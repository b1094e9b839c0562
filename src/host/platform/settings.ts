// Reads the `rnnLab.*` settings into a typed snapshot with the source of every value. Each run takes a fresh
// snapshot when it starts, so a settings change is picked up by the next run and never alters a running one.
import * as vscode from 'vscode';
import {
  type ResolvedSettings,
  type SettingProblem,
  type SettingsOverrides,
  resolveSettings,
} from '../../lab/settings/resolveSettings';
import { type AnySettingSpec, SETTINGS_PREFIX } from '../../lab/settings/settingsSchema';

/**
 * The effective settings for `resource` (its workspace folder's settings apply), overridden by a model config file and
 * by command arguments when given.
 */
export function readTrainingSettings(
  resource?: vscode.Uri,
  overrides: { readonly configFile?: SettingsOverrides; readonly args?: SettingsOverrides } = {},
): ResolvedSettings {
  const configuration = vscode.workspace.getConfiguration(undefined, resource);
  return resolveSettings({
    readLevels: (key) => {
      const inspected = configuration.inspect(key);
      return {
        user: inspected?.globalValue,
        workspace: inspected?.workspaceValue,
        workspaceFolder: inspected?.workspaceFolderValue,
      };
    },
    configFile: overrides.configFile,
    args: overrides.args,
  });
}

/** True when a configuration change touches any RNN Lab setting. */
export function affectsTrainingSettings(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration(SETTINGS_PREFIX);
}

/** One localised line per problem, naming the key, the rejected value and what is accepted. */
export function describeSettingProblem(problem: SettingProblem): string {
  const value = JSON.stringify(problem.value);
  if (problem.kind === 'inconsistent' && problem.related !== undefined) {
    return vscode.l10n.t(
      '{0} = {1} is smaller than {2} = {3}: truncated BPTT needs k2 ≥ k1 (or k2 = 0, meaning k2 = k1).',
      problem.key,
      value,
      problem.related.key,
      JSON.stringify(problem.related.value),
    );
  }
  if (problem.spec === undefined) return vscode.l10n.t('{0} = {1} was ignored: expected {2}.', problem.key, value, problem.expected);
  return vscode.l10n.t('{0} = {1} was ignored: expected {2}.', problem.key, value, describeAccepted(problem.spec));
}

function describeAccepted(spec: AnySettingSpec): string {
  switch (spec.kind) {
    case 'integer':
      return vscode.l10n.t('an integer from {0} to {1}', spec.minimum, spec.maximum);
    case 'number':
      return vscode.l10n.t('a number from {0} to {1}', spec.minimum, spec.maximum);
    case 'enum':
      return vscode.l10n.t('one of {0}', spec.values.join(', '));
    case 'boolean':
      return vscode.l10n.t('true or false');
  }
}
