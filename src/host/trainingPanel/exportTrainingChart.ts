// "RNN Lab: Export Chart…": one chart of a training panel as PNG (the page's canvas) or its data as CSV/JSON (the
// series the chart draws). From the palette it asks which chart, which format and where (save dialog); tests and other
// commands pass { chart, format, targetPath, runId? } and get the written path back. Any extension or link can call a
// command, so a `targetPath` is written without a dialog only when its real path (symbolic links resolved) is inside a
// workspace folder; any other target opens the save dialog prefilled with it, and the user decides.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ChartId, ExportFormat } from '../../protocol/trainingPanelProtocol';
import { CHART_IDS, EXPORT_FORMATS } from '../../protocol/trainingPanelProtocol';
import { isRecord, readEnum } from '../../protocol/validation';
import { describeIssue } from '../../protocol/validation';
import { TrainingPanel } from './trainingPanel';
import { requireWorkspaceTrust } from '../platform/workspaceTrust';
import { isInsideWorkspace } from '../platform/workspaceFiles';

export const EXPORT_TRAINING_CHART_COMMAND = 'rnnLab.exportTrainingChart';

export interface ExportTrainingChartArgs {
  readonly chart: ChartId;
  readonly format: ExportFormat;
  /** Absolute file path to write: without a dialog inside a workspace folder, else the save dialog starts there. */
  readonly targetPath?: string;
  /** Which run's panel; default the active (or last used) training panel. */
  readonly runId?: string;
}

function parseArgs(raw: unknown): Partial<ExportTrainingChartArgs> | string {
  if (raw === undefined || raw === null) return {};
  if (!isRecord(raw)) return vscode.l10n.t('Expected {0}, received {1}.', '{ "chart": "decay", "format": "png", "targetPath": "/abs/file.png" }', JSON.stringify(raw));
  const result: { chart?: ChartId; format?: ExportFormat; targetPath?: string; runId?: string } = {};
  if (raw.chart !== undefined) {
    const chart = readEnum(raw.chart, 'chart', CHART_IDS);
    if (!chart.ok) return describeIssue(chart.issue);
    result.chart = chart.value;
  }
  if (raw.format !== undefined) {
    const format = readEnum(raw.format, 'format', EXPORT_FORMATS);
    if (!format.ok) return describeIssue(format.issue);
    result.format = format.value;
  }
  for (const field of ['targetPath', 'runId'] as const) {
    if (raw[field] === undefined) continue;
    if (typeof raw[field] !== 'string') return vscode.l10n.t('The field "{0}" must be a string; received {1}.', field, JSON.stringify(raw[field]));
    result[field] = raw[field];
  }
  if (result.targetPath !== undefined && !path.isAbsolute(result.targetPath)) {
    return vscode.l10n.t('The field "{0}" must be an absolute path; received {1}.', 'targetPath', result.targetPath);
  }
  return result;
}

/** Resolves to the written file's path, or undefined when the user cancelled. */
export async function exportTrainingChart(rawArgs?: unknown): Promise<string | undefined> {
  if (!requireWorkspaceTrust(vscode.l10n.t('Exporting a chart'))) return undefined;
  const args = parseArgs(rawArgs);
  if (typeof args === 'string') {
    void vscode.window.showErrorMessage(vscode.l10n.t('Export Chart: invalid argument. {0}', args));
    return undefined;
  }
  const panel = args.runId === undefined ? TrainingPanel.mostRecent() : TrainingPanel.forRun(args.runId);
  if (panel === undefined) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Export Chart: no training panel is open. Run "RNN Lab: Show Gradient Decay" first.'));
    return undefined;
  }
  const chart = args.chart ?? (await vscode.window.showQuickPick([...CHART_IDS], { title: vscode.l10n.t('Export which chart?') }));
  if (chart === undefined) return undefined;
  const format = args.format ?? (await vscode.window.showQuickPick([...EXPORT_FORMATS], { title: vscode.l10n.t('Export as?') }));
  if (format === undefined) return undefined;
  try {
    if (args.targetPath !== undefined) {
      const target = vscode.Uri.file(args.targetPath);
      if (await isInsideWorkspace(args.targetPath)) {
        await panel.exportTo(chart as ChartId, format as ExportFormat, target);
        return target.fsPath;
      }
      return (await panel.exportWithDialog(chart as ChartId, format as ExportFormat, undefined, target))?.fsPath;
    }
    return (await panel.exportWithDialog(chart as ChartId, format as ExportFormat))?.fsPath;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not export the chart: {0}', reason));
    return undefined;
  }
}
