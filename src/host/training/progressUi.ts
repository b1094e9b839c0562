// What the user sees of a run while it trains: a progress notification with Cancel, one status bar item for all
// runs (epoch, loss; click = Stop Training), and the "RNN Lab" output channel with one line per epoch.
import * as vscode from 'vscode';
import type { EpochMetrics } from '../../lab/runs/runRecord';

export const STOP_TRAINING_COMMAND = 'rnnLab.stopTraining';
/** Context key for `when` clauses (package.json: commandPalette). */
export const TRAINING_CONTEXT_KEY = 'rnnLab.isTraining';

export interface RunProgressView {
  readonly runId: string;
  readonly name: string;
  readonly totalEpochs: number;
  lastEpoch?: EpochMetrics;
}

/** Loss with 4 significant digits, plain or scientific as fits. */
export function formatLoss(value: number | null): string {
  if (value === null) return '—';
  if (!Number.isFinite(value)) return String(value);
  return Math.abs(value) >= 1e-3 && Math.abs(value) < 1e4 ? value.toPrecision(4) : value.toExponential(3);
}

export function epochLine(name: string, totalEpochs: number, metrics: EpochMetrics): string {
  return vscode.l10n.t(
    '[{0}] epoch {1}/{2}  train loss {3}  validation loss {4}  gradient norm {5} (max {6})  clipped {7}%  {8} ms',
    name,
    metrics.epoch,
    totalEpochs,
    formatLoss(metrics.trainLoss),
    formatLoss(metrics.validationLoss),
    formatLoss(metrics.meanGradientNorm),
    formatLoss(metrics.maxGradientNorm),
    Math.round(metrics.clippedFraction * 100),
    Math.round(metrics.elapsedMs),
  );
}

/** The status bar item and output channel shared by every run. */
export class TrainingStatusUi implements vscode.Disposable {
  private readonly statusBarItem: vscode.StatusBarItem;
  private readonly runs = new Map<string, RunProgressView>();
  /** Commands whose data is still being read or prepared (Stop Training reaches them too). */
  private preparingCount = 0;

  constructor(readonly output: vscode.OutputChannel) {
    this.statusBarItem = vscode.window.createStatusBarItem('rnnLab.training', vscode.StatusBarAlignment.Left, 10);
    this.statusBarItem.name = vscode.l10n.t('RNN Lab training');
    this.statusBarItem.command = STOP_TRAINING_COMMAND;
  }

  runStarted(view: RunProgressView): void {
    this.runs.set(view.runId, view);
    this.render();
  }

  epochsCompleted(runId: string, epochs: readonly EpochMetrics[]): void {
    const view = this.runs.get(runId);
    if (view === undefined || epochs.length === 0) return;
    for (const metrics of epochs) this.output.appendLine(epochLine(view.name, view.totalEpochs, metrics));
    view.lastEpoch = epochs[epochs.length - 1];
    this.render();
  }

  preparing(count: number): void {
    this.preparingCount = count;
    this.render();
  }

  runEnded(runId: string, summaryLine: string): void {
    this.runs.delete(runId);
    this.output.appendLine(summaryLine);
    this.render();
  }

  private render(): void {
    const latest = [...this.runs.values()].pop();
    // Shows "Stop Training" in the command palette only while something trains or reads its data.
    void vscode.commands.executeCommand('setContext', TRAINING_CONTEXT_KEY, latest !== undefined || this.preparingCount > 0);
    if (latest === undefined) {
      this.statusBarItem.hide();
      return;
    }
    const epoch = latest.lastEpoch?.epoch ?? 0;
    const loss = formatLoss(latest.lastEpoch?.trainLoss ?? null);
    const others = this.runs.size > 1 ? vscode.l10n.t(' (+{0} more)', this.runs.size - 1) : '';
    this.statusBarItem.text = `$(sync~spin) ${vscode.l10n.t('RNN Lab: epoch {0}/{1} · loss {2}', epoch, latest.totalEpochs, loss)}${others} $(debug-stop)`;
    this.statusBarItem.tooltip = vscode.l10n.t('Training "{0}". Click to stop training.', latest.name);
    this.statusBarItem.show();
  }

  dispose(): void {
    this.statusBarItem.dispose();
  }
}

/**
 * A notification "Training <name>" with a Cancel button, advancing with the epochs, until `finished` settles.
 * `cancel` is called when the user presses Cancel.
 */
export function showRunNotification(
  name: string,
  totalEpochs: number,
  cancel: () => void,
  subscribe: (onEpoch: (epoch: number, trainLoss: number) => void) => void,
  finished: Promise<unknown>,
): void {
  void vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Training "{0}"', name), cancellable: true },
    async (progress, token) => {
      token.onCancellationRequested(cancel);
      let reported = 0;
      subscribe((epoch, trainLoss) => {
        const percent = (100 * epoch) / totalEpochs;
        progress.report({
          increment: percent - reported,
          message: vscode.l10n.t('epoch {0}/{1} · loss {2}', epoch, totalEpochs, formatLoss(trainLoss)),
        });
        reported = percent;
      });
      await finished.catch(() => undefined);
    },
  );
}
