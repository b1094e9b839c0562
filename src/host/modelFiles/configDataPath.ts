// `data.path` of a *.rnn.json is relative to the config's folder (absolute paths are taken as they are). Untitled
// configs have no folder: their relative paths resolve against the first workspace folder, or not at all.
// A config is text anyone can commit: `"path": "../../.ssh/id_rsa"` or a link inside the workspace pointing out of it
// must not be trained on (and a model of it written into the workspace) with one click. Data whose real path is
// outside every workspace folder needs the user's "Allow Once" in a modal showing the resolved path; without prompts
// (`silent`) it is refused.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { realPathOf } from '../../node/realPaths';
import { isInsideWorkspace } from '../platform/workspaceFiles';

export function resolveConfigDataPath(configUri: vscode.Uri, dataPath: string): string | undefined {
  if (path.isAbsolute(dataPath)) return dataPath;
  if (configUri.scheme === 'file') return path.resolve(path.dirname(configUri.fsPath), dataPath);
  const folder = vscode.workspace.workspaceFolders?.find((candidate) => candidate.uri.scheme === 'file');
  return folder === undefined ? undefined : path.resolve(folder.uri.fsPath, dataPath);
}

/** For the semantic diagnostic "data file does not exist"; true (not checked) when the path cannot be resolved. */
export function configDataPathExists(configUri: vscode.Uri, dataPath: string): boolean {
  const resolved = resolveConfigDataPath(configUri, dataPath);
  return resolved === undefined || fs.existsSync(resolved);
}

export type DataPathApproval = { readonly approved: true } | { readonly approved: false; readonly message?: string };

/**
 * Approves the config's resolved data file: at once when its real path is inside a local workspace folder; else
 * after "Allow Once" in a modal naming the real path (refused without asking when `silent`).
 */
export async function approveConfigDataPath(resolved: string, label: string, silent: boolean): Promise<DataPathApproval> {
  if (await isInsideWorkspace(resolved)) return { approved: true };
  const real = await realPathOf(resolved);
  if (silent) {
    return {
      approved: false,
      message: vscode.l10n.t(
        '{0}: its data file {1} is outside the workspace folders. Move the data into the workspace (or open its folder), or train with the file given explicitly.',
        label,
        real,
      ),
    };
  }
  const allow = vscode.l10n.t('Allow Once');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('Train on a file outside the workspace?'),
    { modal: true, detail: vscode.l10n.t('{0} names the data file\n{1}\nwhich is outside the workspace folders. Training reads it and saves a model trained on it in the workspace.', label, real) },
    allow,
  );
  return choice === allow ? { approved: true } : { approved: false };
}
