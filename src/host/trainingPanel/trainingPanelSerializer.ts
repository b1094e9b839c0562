// Brings training panels back after a window reload: the page saved { runId, runJsonPath, view } with setState; the
// run is read again from its run.json (the run files are the source of truth, not the webview). A run that was still
// training when the window reloaded was never saved — the panel closes with a message saying so.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { parseRunRecord } from '../../protocol/runRecordCheck';
import type { RunRecord } from '../../lab/runs/runRecord';
import { parseTrainingPersistedState } from '../../protocol/trainingPanelProtocol';
import { describeIssue } from '../../protocol/validation';
import { RunStore } from '../../node/runStore';
import type { TrainingPanelServices } from './trainingPanel';
import { TrainingPanel } from './trainingPanel';

/** Reads and checks a saved run for the panel; throws an Error naming the file and the problem. */
export async function readPanelRun(runJsonPath: string): Promise<RunRecord> {
  const record = await new RunStore(path.dirname(path.dirname(runJsonPath))).read(runJsonPath);
  const parsed = parseRunRecord(record);
  if (!parsed.ok) throw new Error(`${runJsonPath}: ${describeIssue(parsed.issue)}`);
  return parsed.value;
}

export class TrainingPanelSerializer implements vscode.WebviewPanelSerializer<unknown> {
  constructor(
    private readonly services: TrainingPanelServices,
    /** The live record of a run still training in this window, if any. */
    private readonly liveRun: (runId: string) => { record: RunRecord; totalEpochs: number } | undefined,
  ) {}

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const { log } = this.services;
    const parsed = parseTrainingPersistedState(state);
    if (!parsed.ok) {
      log.warn(`[training panel] cannot restore a panel: ${describeIssue(parsed.issue)}`);
      panel.dispose();
      return;
    }
    const { runId, runJsonPath, view } = parsed.value;
    const live = this.liveRun(runId);
    if (live !== undefined) {
      TrainingPanel.revive(panel, this.services, { record: live.record, runJsonPath: null, totalEpochs: live.totalEpochs }, view);
      return;
    }
    if (runJsonPath === null) {
      panel.dispose();
      void vscode.window.showInformationMessage(
        vscode.l10n.t('The training panel of a run that was still training when the window reloaded was closed: that run was not saved.'),
      );
      return;
    }
    try {
      const record = await readPanelRun(runJsonPath);
      TrainingPanel.revive(panel, this.services, { record, runJsonPath, totalEpochs: record.config.training.epochs.value }, view);
    } catch (error) {
      panel.dispose();
      const reason = error instanceof Error ? error.message : String(error);
      log.warn(`[training panel] cannot restore ${runJsonPath}: ${reason}`);
      void vscode.window.showWarningMessage(vscode.l10n.t('Could not restore the training panel: {0}', reason));
    }
  }
}
