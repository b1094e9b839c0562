// The extension under test as the extension host sees it, and what its package.json contributes.
import * as vscode from 'vscode';

/** `<publisher>.<name>` from package.json. */
export const EXTENSION_ID = 'rnn-lab.rnn-lab';

export interface ContributedCommand {
  readonly command: string;
  readonly title: string;
  readonly category?: string;
}

export function extensionUnderTest(): vscode.Extension<unknown> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (extension === undefined) throw new Error(`extension ${EXTENSION_ID} is not loaded in this extension host`);
  return extension;
}

/** contributes.commands of the loaded package.json, read at test time so new commands are covered automatically. */
export function contributedCommands(): ContributedCommand[] {
  const packageJson = extensionUnderTest().packageJSON as { contributes?: { commands?: ContributedCommand[] } };
  return packageJson.contributes?.commands ?? [];
}
