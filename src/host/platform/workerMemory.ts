// The extension's side of host/platform/workerLimits.ts: the heap limit from rnnLab.workers.maxMemoryMB (read when
// each worker starts, so a change applies to the next one) and the out-of-memory messages in the user's language.
import * as vscode from 'vscode';
import { configureWorkerLimits, DEFAULT_WORKER_HEAP_MB, type WorkerJob } from './workerLimits';

export const WORKER_MEMORY_SECTION = 'rnnLab.workers';
export const WORKER_MEMORY_KEY = 'maxMemoryMB';

function outOfMemoryMessage(job: WorkerJob, limitMb: number): string {
  switch (job) {
    case 'training':
      return vscode.l10n.t(
        'the training ran out of memory (limit {0} MB): lower the hidden size, the window, the batch or the amount of data, or raise rnnLab.workers.maxMemoryMB',
        limitMb,
      );
    case 'gradientCheck':
      return vscode.l10n.t('the gradient check ran out of memory (limit {0} MB): raise rnnLab.workers.maxMemoryMB', limitMb);
    case 'textSample':
      return vscode.l10n.t('sampling text ran out of memory (limit {0} MB): ask for fewer characters, or raise rnnLab.workers.maxMemoryMB', limitMb);
    case 'compareRemedies':
      return vscode.l10n.t('Compare Remedies ran out of memory (limit {0} MB): use fewer epochs or less data, or raise rnnLab.workers.maxMemoryMB', limitMb);
    case 'export':
      return vscode.l10n.t('exporting the run ran out of memory (limit {0} MB): raise rnnLab.workers.maxMemoryMB', limitMb);
  }
}

export function registerWorkerLimits(): void {
  configureWorkerLimits({
    heapMb: () => vscode.workspace.getConfiguration(WORKER_MEMORY_SECTION).get<number>(WORKER_MEMORY_KEY, DEFAULT_WORKER_HEAP_MB),
    wording: outOfMemoryMessage,
  });
}
