// "RNN Lab: Export Run as PyTorch Script…" (issue 14): a saved run → a standalone training script (PyTorch for
// RNN/LSTM/GRU runs, NumPy for echo state networks) and its sidecar file, written by a worker into the run folder
// (no save dialog), then opened in an editor, with a message holding the exporter's summary and "Copy command"
// (`python3 <script> --check <run.json>`). Which run: exportRunTarget.ts. Resolves with the outcome, for tests and
// scripts; undefined when refused (workspace trust) or cancelled.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { RunExportedMessage } from '../../protocol/exportProtocol';
import { requireWorkspaceTrust } from '../platform/workspaceTrust';
import { allRunsRoots } from '../training/runStoreLocation';
import { TrainingPanel } from '../trainingPanel/trainingPanel';
import { pythonCheckCommand } from './checkCommand';
import { EXPORT_RUN_COMMAND } from './exportRunCommandId';
import { approveRunFolder, chooseRunFolder, type ExportRunSources } from './exportRunTarget';
import { exportRunInWorker } from './exportWorkerClient';

export { EXPORT_RUN_COMMAND } from './exportRunCommandId';

export interface ExportRunServices extends ExportRunSources {
  readonly extensionUri: vscode.Uri;
}

/** The script written, its summary and the copied command; or the exporter's (English) message when it failed. */
export type ExportRunOutcome =
  | { readonly ok: true; readonly scriptPath: string; readonly summary: string; readonly command: string }
  | { readonly ok: false; readonly message: string };

export async function exportRunAsPyTorch(services: ExportRunServices, raw?: unknown): Promise<ExportRunOutcome | undefined> {
  if (!requireWorkspaceTrust(vscode.l10n.t('Exporting a run'))) return undefined;
  const choice = await chooseRunFolder(services, raw);
  if (choice === undefined) return undefined;
  if ('problem' in choice) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Export Run as PyTorch Script: {0}', choice.problem));
    return { ok: false, message: choice.problem };
  }
  if (!(await approveRunFolder(services, choice.runDirectory))) return undefined;
  return exportAndOpen(services, choice.runDirectory);
}

async function exportAndOpen(services: ExportRunServices, runDirectory: string): Promise<ExportRunOutcome> {
  let exported: RunExportedMessage;
  try {
    exported = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Exporting {0} as a training script…', path.basename(runDirectory)) },
      () => exportRunInWorker(vscode.Uri.joinPath(services.extensionUri, 'dist', 'exportWorker.js').fsPath, runDirectory),
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    services.log.error(`[export] ${runDirectory}: ${message}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not export the run: {0}', message));
    return { ok: false, message };
  }
  services.log.info(`[export] ${runDirectory} → ${exported.scriptPath}`);
  const command = pythonCheckCommand(exported.scriptPath, exported.runJsonPath);
  await openScript(exported.scriptPath);
  announce(exported.summary, command);
  return { ok: true, scriptPath: exported.scriptPath, summary: exported.summary, command };
}

async function openScript(scriptPath: string): Promise<void> {
  try {
    await vscode.window.showTextDocument(vscode.Uri.file(scriptPath), { preview: false });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    void vscode.window.showWarningMessage(vscode.l10n.t('The script was written to {0} but could not be opened: {1}', scriptPath, reason));
  }
}

/** The summary with "Copy command"; not awaited, so the command resolves while the message is still shown. */
function announce(summary: string, command: string): void {
  const copy = vscode.l10n.t('Copy command');
  void vscode.window.showInformationMessage(vscode.l10n.t('Run exported. {0}', summary), copy).then(async (choice) => {
    if (choice === copy) await vscode.env.clipboard.writeText(command);
  });
}

export function registerExportRun(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): vscode.Disposable {
  const services: ExportRunServices = {
    extensionUri: context.extensionUri,
    log,
    runRoots: () => allRunsRoots(context),
    panelRunJsonPath: (runId) => TrainingPanel.forRun(runId)?.currentRun.runJsonPath,
  };
  return vscode.commands.registerCommand(EXPORT_RUN_COMMAND, (raw?: unknown) => exportRunAsPyTorch(services, raw));
}
