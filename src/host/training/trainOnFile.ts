// "RNN Lab: Train on File…": a .csv, .tsv, .txt or .json file from the explorer's context menu, from the command's
// argument `{ file }`, or picked in an open dialog. The worker streams the file (never this thread) and refuses it at
// once when it is over rnnLab.data.maxSelectionSizeMB.
import * as vscode from 'vscode';
import { requireWorkspaceTrust, UNTRUSTED_STATUS } from '../platform/workspaceTrust';
import { nameFromPath, type TrainCommandArgs, type TrainCommandResult, type TrainFlowContext, trainOnSource } from './trainFlow';

export const TRAIN_ON_FILE_COMMAND = 'rnnLab.trainOnFile';
export const DATA_FILE_EXTENSIONS = ['csv', 'tsv', 'txt', 'json'];

export interface TrainOnFileArgs extends TrainCommandArgs {
  /** A file path or URI; skips the open dialog. */
  readonly file?: string | vscode.Uri;
}

/** The explorer passes (uri, selectedUris); scripts pass ({ file, … }). */
function interpret(first: unknown): { uri: vscode.Uri | undefined; args: TrainOnFileArgs } {
  if (first instanceof vscode.Uri) return { uri: first, args: {} };
  if (typeof first === 'object' && first !== null) {
    const args = first as TrainOnFileArgs;
    const file = args.file;
    const uri = file === undefined ? undefined : typeof file === 'string' ? vscode.Uri.file(file) : vscode.Uri.from(file);
    return { uri, args };
  }
  return { uri: undefined, args: {} };
}

async function askForFile(): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    openLabel: vscode.l10n.t('Train on This File'),
    filters: { [vscode.l10n.t('Data files')]: DATA_FILE_EXTENSIONS },
  });
  return picked?.[0];
}

export async function trainOnFile(context: TrainFlowContext, first?: unknown): Promise<TrainCommandResult> {
  if (!requireWorkspaceTrust(vscode.l10n.t('Training'))) return { status: UNTRUSTED_STATUS };
  const interpreted = interpret(first);
  const uri = interpreted.uri ?? (await askForFile());
  if (uri === undefined) return { status: 'dismissed' };
  if (uri.scheme !== 'file') {
    const message = vscode.l10n.t('Only files on this computer can be trained on; open the file and use Train on Selection instead.');
    void vscode.window.showErrorMessage(message);
    return { status: 'invalid-data', message };
  }
  const label = vscode.workspace.asRelativePath(uri, false);
  return trainOnSource(
    { kind: 'file', path: uri.fsPath, label },
    { label, resource: uri, defaultName: nameFromPath(uri.fsPath), origin: { kind: 'file', path: uri.fsPath } },
    interpreted.args,
    context,
  );
}
