// User settings of the throwaway test profile: nothing may reach for the network (there is none here, and a hanging
// lookup would only slow the run), pop up welcome pages, or activate unrelated built-in extensions.
import * as fs from 'fs';
import * as path from 'path';

export const TEST_PROFILE_SETTINGS: Readonly<Record<string, unknown>> = {
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
  'workbench.enableExperiments': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'git.autoRepositoryDetection': false,
};

/** Writes <user-data-dir>/User/settings.json (the same place for desktop VS Code and the VS Code server). */
export function writeTestProfileSettings(userDataDir: string): void {
  const userDir = path.join(userDataDir, 'User');
  fs.mkdirSync(userDir, { recursive: true });
  fs.writeFileSync(path.join(userDir, 'settings.json'), `${JSON.stringify(TEST_PROFILE_SETTINGS, null, 2)}\n`);
}
