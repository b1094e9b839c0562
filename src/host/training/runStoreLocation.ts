// Where runs are saved (issue 5): `<workspace folder>/.rnn-lab/runs` for data inside a workspace, the first workspace
// folder otherwise, and the extension's global storage when no folder is open. Only local (file:) folders count.
// The folder a location belongs to (`within`) goes to the RunStore, which refuses to write when the runs folder's real
// path leaves it (a committed `.rnn-lab/runs` symbolic link pointing outside the workspace: node/runStore.ts).
import * as path from 'node:path';
import * as vscode from 'vscode';

export const RUNS_FOLDER = path.join('.rnn-lab', 'runs');

function localFolders(): readonly vscode.WorkspaceFolder[] {
  return (vscode.workspace.workspaceFolders ?? []).filter((folder) => folder.uri.scheme === 'file');
}

export function globalRunsRoot(context: vscode.ExtensionContext): string {
  return path.join(context.globalStorageUri.fsPath, 'runs');
}

export interface RunsLocation {
  /** Where runs are saved. */
  readonly root: string;
  /** The workspace folder (or the extension's storage) whose real path the root must stay in. */
  readonly within: string;
}

/** Where a new run for data at `resource` is saved, and the folder it must stay in. */
export function runsLocationFor(context: vscode.ExtensionContext, resource?: vscode.Uri): RunsLocation {
  const owner = resource === undefined ? undefined : vscode.workspace.getWorkspaceFolder(resource);
  const folder = owner !== undefined && owner.uri.scheme === 'file' ? owner : localFolders()[0];
  if (folder === undefined) return { root: globalRunsRoot(context), within: context.globalStorageUri.fsPath };
  return { root: path.join(folder.uri.fsPath, RUNS_FOLDER), within: folder.uri.fsPath };
}

/** The folder a new run for data at `resource` is saved in. */
export function runsRootFor(context: vscode.ExtensionContext, resource?: vscode.Uri): string {
  return runsLocationFor(context, resource).root;
}

/** Every folder "Open Run…" lists: each workspace folder's runs, then global storage. */
export function allRunsRoots(context: vscode.ExtensionContext): string[] {
  return [...localFolders().map((folder) => path.join(folder.uri.fsPath, RUNS_FOLDER)), globalRunsRoot(context)];
}
