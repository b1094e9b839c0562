// The terminal command the export's "Copy command" button copies (issue 14): `python3 <script> --check <run.json>`
// runs the exported script and compares what it computes with the run RNN Lab recorded. Paths are quoted for the platform's
// usual shell when they hold anything but plain path characters. No vscode import (unit-tested).

/**
 * A path as one shell word: as it is when plain, else in single quotes (POSIX shells) or double quotes (Windows, where
 * a file name cannot hold a double quote).
 */
export function shellWord(text: string, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return /^[\w@%+=:,./\\-]+$/.test(text) ? text : `"${text}"`;
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/** `python3 <script> --check <run.json>`, or without `--check` when the export has no run record to compare with. */
export function pythonCheckCommand(scriptPath: string, runJsonPath: string | null, platform: NodeJS.Platform = process.platform): string {
  const words = ['python3', shellWord(scriptPath, platform)];
  if (runJsonPath !== null) words.push('--check', shellWord(runJsonPath, platform));
  return words.join(' ');
}
