// `data.path` of a *.rnn.json is relative to the config's folder (absolute paths are taken as they are). Untitled
// configs have no folder: their relative paths resolve against the first workspace folder, or not at all.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

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
