// "RNN Lab: Show Gradient Decay": opens the training panel for a run — a run still training in this window, or any
// saved run (a quick pick lists both, newest first; `{ runJsonPath }` or `{ runId }` skips it). Resolves with the
// page's render report (which charts it drew, with how many points), or undefined when the user cancelled.
import * as vscode from 'vscode';
import type { RunRecord } from '../../lab/runs/runRecord';
import { isRecord } from '../../protocol/validation';
import type { TrainingPanelRun, TrainingPanelServices, TrainingRenderReport } from './trainingPanel';
import { TrainingPanel } from './trainingPanel';
import { readPanelRun } from './trainingPanelSerializer';
import { formatLoss } from '../training/progressUi';
import type { RunListing } from '../../node/runStore';
import { RunStore } from '../../node/runStore';

export const SHOW_GRADIENT_DECAY_COMMAND = 'rnnLab.showGradientDecay';

export interface ShowGradientDecayArgs {
  readonly runJsonPath?: string;
  readonly runId?: string;
}

export interface GradientDecaySources {
  readonly services: TrainingPanelServices;
  /** Runs training now: id, name and live record. */
  readonly activeRuns: () => readonly { readonly runId: string; readonly record: RunRecord; readonly totalEpochs: number }[];
  /** Folders holding saved runs (runStoreLocation.allRunsRoots). */
  readonly runRoots: () => readonly string[];
}

interface RunPick extends vscode.QuickPickItem {
  readonly runId?: string;
  readonly runJsonPath?: string;
}

function parseArgs(raw: unknown): ShowGradientDecayArgs | string {
  if (raw === undefined || raw === null) return {};
  if (raw instanceof vscode.Uri) return { runJsonPath: raw.fsPath };
  if (!isRecord(raw)) return vscode.l10n.t('Expected {0}, received {1}.', '{ "runJsonPath": "…/run.json" }', JSON.stringify(raw));
  for (const field of ['runJsonPath', 'runId'] as const) {
    if (raw[field] !== undefined && typeof raw[field] !== 'string') {
      return vscode.l10n.t('The field "{0}" must be a string; received {1}.', field, JSON.stringify(raw[field]));
    }
  }
  return raw as ShowGradientDecayArgs;
}

async function pickRun(sources: GradientDecaySources): Promise<RunPick | undefined> {
  const items: RunPick[] = sources.activeRuns().map((run) => ({
    label: `$(sync~spin) ${run.record.name}`,
    description: vscode.l10n.t('training · epoch {0} / {1}', run.record.epochs.length, run.totalEpochs),
    runId: run.runId,
  }));
  const saved: RunListing[] = [];
  for (const root of sources.runRoots()) saved.push(...(await new RunStore(root).list()).runs);
  saved.sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  for (const run of saved) {
    items.push({
      label: run.name,
      description: vscode.l10n.t('{0} epochs · train loss {1} · validation loss {2}', run.epochs, formatLoss(run.lastEpochTrainLoss), formatLoss(run.lastEpochValidationLoss)),
      detail: `${new Date(run.startedAt).toLocaleString()} — ${run.runJsonPath}`,
      runJsonPath: run.runJsonPath,
    });
  }
  if (items.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No runs to show yet. Train on a selection or a file first.'));
    return undefined;
  }
  return vscode.window.showQuickPick(items, { title: vscode.l10n.t('Show Gradient Decay: pick a run'), matchOnDetail: true });
}

export async function showGradientDecay(sources: GradientDecaySources, rawArgs?: unknown): Promise<TrainingRenderReport | undefined> {
  const args = parseArgs(rawArgs);
  if (typeof args === 'string') {
    void vscode.window.showErrorMessage(vscode.l10n.t('Show Gradient Decay: invalid argument. {0}', args));
    return undefined;
  }
  const target: RunPick | undefined = args.runId !== undefined || args.runJsonPath !== undefined ? { label: '', ...args } : await pickRun(sources);
  if (target === undefined) return undefined;
  let run: TrainingPanelRun;
  const live = target.runId === undefined ? undefined : sources.activeRuns().find((r) => r.runId === target.runId);
  if (live !== undefined) {
    run = { record: live.record, runJsonPath: null, totalEpochs: live.totalEpochs };
  } else if (target.runJsonPath !== undefined) {
    try {
      const record = await readPanelRun(target.runJsonPath);
      run = { record, runJsonPath: target.runJsonPath, totalEpochs: record.config.training.epochs.value };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      void vscode.window.showErrorMessage(vscode.l10n.t('Cannot show the run: {0}', reason));
      return undefined;
    }
  } else {
    const open = target.runId === undefined ? undefined : TrainingPanel.forRun(target.runId);
    if (open === undefined) {
      void vscode.window.showErrorMessage(vscode.l10n.t('No run with id "{0}" is training or open; pick a saved run instead.', target.runId ?? ''));
      return undefined;
    }
    run = open.currentRun;
  }
  return TrainingPanel.createOrShow(sources.services, run).rendered;
}
