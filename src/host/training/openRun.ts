// "RNN Lab: Open Run…": lists the saved runs of every workspace folder and of global storage (newest first, with
// status, epochs and final loss), opens the chosen run.json, and shows it in the gradient-decay panel when that
// panel's command is available. `{ runJsonPath }` skips the list. Resolves to the opened run.json path. The list
// (pickSavedRun) is also how "Export Run as PyTorch Script…" asks which run.
import * as vscode from 'vscode';
import { formatLoss } from './progressUi';
import { type RunListing, RunStore } from '../../node/runStore';

export const OPEN_RUN_COMMAND = 'rnnLab.openRun';
/** Issue 6's panel command; used when it is registered. */
const SHOW_GRADIENT_DECAY_COMMAND = 'rnnLab.showGradientDecay';

export interface OpenRunArgs {
  readonly runJsonPath?: string;
}

interface RunItem extends vscode.QuickPickItem {
  readonly run: RunListing;
}

function statusLabel(run: RunListing): string {
  switch (run.status) {
    case 'completed':
      return vscode.l10n.t('completed');
    case 'cancelled':
      return vscode.l10n.t('stopped');
    case 'diverged':
      return vscode.l10n.t('diverged');
    case 'failed':
      return vscode.l10n.t('failed');
    case 'running':
      return vscode.l10n.t('running');
  }
}

async function listRuns(roots: readonly string[], output: vscode.OutputChannel): Promise<RunListing[]> {
  const runs: RunListing[] = [];
  for (const root of roots) {
    const listed = await new RunStore(root).list();
    runs.push(...listed.runs);
    for (const skipped of listed.skipped) output.appendLine(vscode.l10n.t('Skipped run folder {0}: {1}', skipped.folder, skipped.reason));
  }
  return runs.sort((a, b) => b.startedAt.localeCompare(a.startedAt));
}

/** Lists the saved runs (newest first) and lets the user pick one; undefined when there is none or they cancelled. */
export async function pickSavedRun(roots: readonly string[], output: vscode.OutputChannel, title: string): Promise<RunListing | undefined> {
  const runs = await listRuns(roots, output);
  if (runs.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No saved runs yet. Train on a selection or a file first.'));
    return undefined;
  }
  const items: RunItem[] = runs.map((run) => ({
    label: run.name,
    description: vscode.l10n.t('{0} · {1} epochs · train loss {2} · validation loss {3}', statusLabel(run), run.epochs, formatLoss(run.lastEpochTrainLoss), formatLoss(run.lastEpochValidationLoss)),
    detail: `${new Date(run.startedAt).toLocaleString()} — ${run.runJsonPath}`,
    run,
  }));
  return (await vscode.window.showQuickPick(items, { title, matchOnDetail: true }))?.run;
}

export async function openRun(roots: readonly string[], output: vscode.OutputChannel, args: OpenRunArgs = {}): Promise<string | undefined> {
  const runJsonPath = args.runJsonPath ?? (await pickSavedRun(roots, output, vscode.l10n.t('Open Run')))?.runJsonPath;
  if (runJsonPath === undefined) return undefined;
  const uri = vscode.Uri.file(runJsonPath);
  const commands = await vscode.commands.getCommands(true);
  if (commands.includes(SHOW_GRADIENT_DECAY_COMMAND)) {
    await vscode.commands.executeCommand(SHOW_GRADIENT_DECAY_COMMAND, { runJsonPath });
  } else {
    await vscode.window.showTextDocument(uri, { preview: true });
  }
  return runJsonPath;
}
