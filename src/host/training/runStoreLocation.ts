// Where runs are saved (issue 5): `<workspace folder>/.rnn-lab/runs` for data inside a workspace, the first workspace
// folder otherwise, and the extension's global storage when no folder is open. Only local (file:) folders count.
import * as path from 'node:path';
import * as vscode from 'vscode';

export const RUNS_FOLDER = path.join('.rnn-lab', 'runs');

function localFolders(): readonly vscode.WorkspaceFolder[] {
  return (vscode.workspace.workspaceFolders ?? []).filter((folder) => folder.uri.scheme === 'file');
}

export function globalRunsRoot(context: vscode.ExtensionContext): string {
  return path.join(context.globalStorageUri.fsPath, 'runs');
}

/** The folder a new run for data at `resource` is saved in. */
export function runsRootFor(context: vscode.ExtensionContext, resource?: vscode.Uri): string {
  const owner = resource === undefined ? undefined : vscode.workspace.getWorkspaceFolder(resource);
  const folder = owner !== undefined && owner.uri.scheme === 'file' ? owner : localFolders()[0];
  return folder === undefined ? globalRunsRoot(context) : path.join(folder.uri.fsPath, RUNS_FOLDER);
}

/** Every folder "Open Run…" lists: each workspace folder's runs, then global storage. */
export function allRunsRoots(context: vscode.ExtensionContext): string[] {
  return [...localFolders().map((folder) => path.join(folder.uri.fsPath, RUNS_FOLDER)), globalRunsRoot(context)];
}
