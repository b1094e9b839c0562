// While the command's worker reads or prepares the data (a large file takes seconds), a cancellable notification
// "Reading the data for <name>…" — shown only when the step takes longer than INTAKE_PROGRESS_DELAY_MS, so small
// selections do not flash one. Its Cancel raises the worker's shared flag (trainingWorkerClient.ts), as Stop Training
// does for a command registered with RunManager.trackIntake; the step then answers `cancelled`.
import * as vscode from 'vscode';
import type { TrainingWorker } from './trainingWorkerClient';

export const INTAKE_PROGRESS_DELAY_MS = 400;

export function withIntakeProgress<T>(title: string, worker: TrainingWorker, step: Promise<T>): Promise<T> {
  let settled = false;
  const done = step.finally(() => {
    settled = true;
  });
  const timer = setTimeout(() => {
    if (settled) return;
    void vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (_progress, token) => {
      const subscription = token.onCancellationRequested(() => worker.cancel());
      await done.catch(() => undefined);
      subscription.dispose();
    });
  }, INTAKE_PROGRESS_DELAY_MS);
  void done.finally(() => clearTimeout(timer)).catch(() => undefined);
  return done;
}
