// Where a command may write without asking: only inside the local workspace folders, decided on real paths
// (symlinks resolved, src/node/realPaths.ts), so a path argument from another extension or a link cannot make
// a command write elsewhere silently. Outside, the caller opens the save dialog prefilled with the path instead.
import * as vscode from 'vscode';
import { containingFolder } from '../../node/realPaths';

/** True when the real path of `file` is inside one of the local workspace folders. */
export async function isInsideWorkspace(file: string): Promise<boolean> {
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((folder) => folder.uri.scheme === 'file').map((folder) => folder.uri.fsPath);
  return (await containingFolder(file, folders)) !== undefined;
}
