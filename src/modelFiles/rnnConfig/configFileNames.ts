// Names around RNN Lab configs: which files are configs (*.rnn.json), the name a new config is saved under, and the
// run name of a config (a run from `adding.rnn.json` is named `adding`, so its runs can be found again by name).
// No vscode import.

export function isRnnConfigFileName(fileName: string): boolean {
  return /\.rnn\.json$/i.test(fileName);
}

/** `name.rnn.json` for a chosen `name.json` or `name`: lenses, hovers, diagnostics and the schema need *.rnn.json. */
export function withRnnJsonExtension(file: string): string {
  if (isRnnConfigFileName(file)) return file;
  return `${file.replace(/\.json$/i, '')}.rnn.json`;
}

/** `adding` for `…/adding.rnn.json`; the base name without its extension otherwise. */
export function configRunName(configPath: string): string {
  const base = configPath.split(/[\\/]/).pop() ?? '';
  if (isRnnConfigFileName(base)) return base.slice(0, -'.rnn.json'.length) || 'config';
  return base.replace(/\.[^.]*$/, '') || 'config';
}
