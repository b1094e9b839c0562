// `rnnLab.codeLens.*`: all lenses on/off, and each kind (the lenses above the model, the remedy lenses) on/off.
import * as vscode from 'vscode';

export const CODE_LENS_SECTION = 'rnnLab.codeLens';

export interface CodeLensSettings {
  /** Lenses above the model: topology, "Train with this config", "Show gradient decay of last run". */
  readonly topology: boolean;
  /** Lenses on remedy fields of a *.rnn.json. */
  readonly remedies: boolean;
}

export function readCodeLensSettings(resource: vscode.Uri | undefined): CodeLensSettings {
  const configuration = vscode.workspace.getConfiguration(CODE_LENS_SECTION, resource);
  const enabled = configuration.get<boolean>('enabled', true);
  return {
    topology: enabled && configuration.get<boolean>('topology', true),
    remedies: enabled && configuration.get<boolean>('remedies', true),
  };
}
