// Owns the training runs of this window: starts each in its own worker, asks what to do when one is already running
// (stop it, or run both), feeds progress to the status bar, notification, output channel and listeners (panels), and
// saves every finished, stopped or diverged run through the RunStore. The host thread only moves messages.
import * as vscode from 'vscode';
import type { ProgressMessage, TerminalWorkerMessage } from '../../protocol/workerProtocol';
import type { DataSummary, RunRecord, RunStatus, SourcedSettings, TrainingSettings } from '../../lab/runs/runRecord';
import { formatLoss, showRunNotification, type TrainingStatusUi } from './progressUi';
import { describeDivergence } from './remedyMessages';
import { RunRecordBuilder } from '../../lab/runs/runRecordBuilder';
import { INITIAL_MODEL_FILE, MODEL_FILE, RunStore } from '../../node/runStore';
import { TrainingWorker } from './trainingWorkerClient';

export type WhenBusy = 'stop' | 'both';

export interface TrainingRunRequest {
  readonly name: string;
  readonly config: SourcedSettings;
  readonly settings: TrainingSettings;
  /** The command's worker, holding the prepared data (trainFlow.ts); the run trains there. */
  readonly worker: TrainingWorker;
  readonly summary: DataSummary;
  /** Folder the run is saved under (runStoreLocation.ts). */
  readonly storeRoot: string;
  /** The folder the store's real path must stay in (node/runStore.ts refuses a link out of it). */
  readonly storeWithin?: string;
  /** Skips the question when another run is active. */
  readonly whenBusy?: WhenBusy;
  /** No end-of-run pop-ups (tests, batch use); errors are still shown. */
  readonly silent?: boolean;
}

export interface RunResult {
  readonly runId: string;
  readonly status: Exclude<RunStatus, 'running'>;
  readonly record: RunRecord;
  /** run.json, or null when nothing was saved (the run failed before its first epoch). */
  readonly runJsonPath: string | null;
  readonly modelJsonPath: string | null;
  /** Milliseconds from Stop/Cancel to the worker's acknowledgement. */
  readonly cancelLatencyMs?: number;
}

export type RunEvent =
  | { readonly kind: 'started'; readonly runId: string; readonly name: string; readonly snapshot: RunRecord }
  | { readonly kind: 'progress'; readonly runId: string; readonly progress: ProgressMessage }
  | { readonly kind: 'ended'; readonly result: RunResult };

interface ActiveRun {
  readonly id: string;
  readonly name: string;
  readonly worker: TrainingWorker;
  readonly builder: RunRecordBuilder;
}

export class RunManager implements vscode.Disposable {
  private readonly active = new Map<string, ActiveRun>();
  /** Commands whose worker is still reading or preparing the data (not yet a run): Stop Training reaches them too. */
  private readonly intakes = new Map<string, { readonly name: string; readonly worker: TrainingWorker }>();
  private intakeCount = 0;
  private readonly events = new vscode.EventEmitter<RunEvent>();
  /** Starts, progress and ends of every run, for panels (issue 6) and tests. */
  readonly onDidChangeRun = this.events.event;

  constructor(
    private readonly workerScript: string,
    private readonly ui: TrainingStatusUi,
  ) {}

  /** A worker for one train command: it takes the data first (intake), then trains if the command gets that far. */
  createWorker(): TrainingWorker {
    return new TrainingWorker(this.workerScript, (line) => this.ui.output.appendLine(line));
  }

  get activeRunIds(): string[] {
    return [...this.active.keys()];
  }

  /** True while a run trains or a command's worker reads or prepares its data. */
  get busy(): boolean {
    return this.active.size > 0 || this.intakes.size > 0;
  }

  /**
   * Registers a command's worker while it reads and prepares the data (and the user answers its questions), so Stop
   * Training can cancel it; dispose when the command hands the worker to `start` or gives up.
   */
  trackIntake(name: string, worker: TrainingWorker): vscode.Disposable {
    const id = `intake-${++this.intakeCount}`;
    this.intakes.set(id, { name, worker });
    this.ui.preparing(this.intakes.size);
    return new vscode.Disposable(() => {
      if (this.intakes.delete(id)) this.ui.preparing(this.intakes.size);
    });
  }

  /** The live record of an active run (for a panel that opens mid-run and must replay it). */
  snapshot(runId: string): RunRecord | undefined {
    return this.active.get(runId)?.builder.snapshot(new Date());
  }

  /** Starts a run; resolves when it ends, or to undefined when the user declined to start it (the worker is then ended). */
  async start(request: TrainingRunRequest): Promise<RunResult | undefined> {
    if (this.active.size > 0) {
      const choice = request.whenBusy ?? (await this.askWhenBusy());
      if (choice === undefined) {
        request.worker.dispose();
        return undefined;
      }
      if (choice === 'stop') await this.stopAll();
    }
    const startedAt = new Date();
    const store = new RunStore(request.storeRoot, request.storeWithin !== undefined ? { within: request.storeWithin } : {});
    let created: { readonly id: string; readonly directory: string };
    try {
      created = await store.createRunDirectory(startedAt, request.name);
    } catch (error) {
      // nothing trained yet: the worker (holding the prepared data) goes, the command shows why
      request.worker.dispose();
      throw error;
    }
    const { id, directory } = created;
    const builder = new RunRecordBuilder({ id, name: request.name, startedAt, config: request.config, data: request.summary });
    const totalEpochs = request.settings.training.epochs;
    const epochListeners: ((epoch: number, trainLoss: number) => void)[] = [];

    const worker = request.worker;
    void worker.start({ runId: id }, (message) => {
      builder.addBatch(message);
      this.ui.epochsCompleted(id, message.epochs);
      for (const listener of epochListeners) listener(message.epoch, message.trainLoss);
      this.events.fire({ kind: 'progress', runId: id, progress: message });
    });
    this.active.set(id, { id, name: request.name, worker, builder });
    this.ui.runStarted({ runId: id, name: request.name, totalEpochs });
    this.ui.output.appendLine(
      vscode.l10n.t('[{0}] started: {1} windows for training, {2} for validation; saving to {3}', request.name, request.summary.shapes.trainWindows, request.summary.shapes.validationWindows, directory),
    );
    this.events.fire({ kind: 'started', runId: id, name: request.name, snapshot: builder.snapshot(startedAt) });
    showRunNotification(request.name, totalEpochs, () => worker.cancel(), (listener) => epochListeners.push(listener), worker.result);

    const terminal = await worker.result;
    this.active.delete(id);
    const result = await this.save(store, directory, builder, terminal, worker.cancelLatencyMs);
    this.ui.runEnded(id, `${this.summaryLine(request.name, result)}${arithmeticNote(result.record.arithmetic)}`);
    this.events.fire({ kind: 'ended', result });
    this.announce(request, result, terminal);
    return result;
  }

  /**
   * Stops one run (or all with `all`); resolves when the workers have acknowledged. Returns the stopped ids. Without
   * a runId, data still being read or prepared is cancelled first (the newest thing started); runs are then stopped
   * only when nothing was being read, or with `all`.
   */
  async stop(target: { readonly runId?: string; readonly all?: boolean } = {}): Promise<string[]> {
    if (target.runId === undefined && this.intakes.size > 0) {
      const intakes = [...this.intakes.entries()];
      for (const [, intake] of intakes) intake.worker.cancel();
      if (target.all !== true) return intakes.map(([id]) => id);
    }
    let ids: string[];
    if (target.runId !== undefined) ids = this.active.has(target.runId) ? [target.runId] : [];
    else if (target.all === true || this.active.size <= 1) ids = [...this.active.keys()];
    else {
      const picked = await vscode.window.showQuickPick(
        [...this.active.values()].map((run) => ({ label: run.name, description: run.builder.lastEpoch ? vscode.l10n.t('epoch {0}', run.builder.lastEpoch.epoch) : '', id: run.id })),
        { title: vscode.l10n.t('Stop which training run?'), canPickMany: true },
      );
      ids = (picked ?? []).map((item) => item.id);
    }
    const runs = ids.map((id) => this.active.get(id)).filter((run): run is ActiveRun => run !== undefined);
    for (const run of runs) run.worker.cancel();
    await Promise.all(runs.map((run) => run.worker.result));
    return ids;
  }

  private async stopAll(): Promise<void> {
    await this.stop({ all: true });
  }

  private async askWhenBusy(): Promise<WhenBusy | undefined> {
    const names = [...this.active.values()].map((run) => `"${run.name}"`).join(', ');
    const stop = vscode.l10n.t('Stop It and Start');
    const both = vscode.l10n.t('Run Both');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('{0} is still training. Stop it, or run both at once?', names),
      { modal: true },
      stop,
      both,
    );
    return choice === stop ? 'stop' : choice === both ? 'both' : undefined;
  }

  private async save(
    store: RunStore,
    directory: string,
    builder: RunRecordBuilder,
    terminal: TerminalWorkerMessage,
    cancelLatencyMs: number | undefined,
  ): Promise<RunResult> {
    if (terminal.type !== 'error') builder.addBatch(terminal);
    if (terminal.type !== 'error' && terminal.validationPredictions !== undefined) builder.setValidationPredictions(terminal.validationPredictions);
    const status: RunResult['status'] =
      terminal.type === 'done' ? 'completed' : terminal.type === 'cancelled' ? 'cancelled' : terminal.type === 'diverged' ? 'diverged' : 'failed';
    const modelJson = terminal.type === 'error' ? null : terminal.modelJson;
    const initialModelJson = terminal.type === 'error' ? null : terminal.initialModelJson;
    const record = builder.finish({
      status,
      finishedAt: new Date(),
      modelFile: modelJson === null ? null : MODEL_FILE,
      initialModelFile: initialModelJson === null ? null : INITIAL_MODEL_FILE,
      ...(terminal.type === 'diverged' ? { divergence: terminal.divergence } : {}),
      ...(terminal.type === 'error' ? { error: terminal.message } : {}),
      ...(terminal.type !== 'error' && terminal.arithmetic !== undefined ? { arithmetic: terminal.arithmetic } : {}),
    });
    const latency = cancelLatencyMs === undefined ? {} : { cancelLatencyMs };
    // A run that failed before its first epoch has nothing to keep.
    if (status === 'failed' && builder.epochCount === 0) {
      await store.discard(directory);
      return { runId: builder.id, status, record, runJsonPath: null, modelJsonPath: null, ...latency };
    }
    const paths = await store.save(directory, record, modelJson, initialModelJson);
    return { runId: builder.id, status, record, runJsonPath: paths.runJsonPath, modelJsonPath: paths.modelJsonPath, ...latency };
  }

  private summaryLine(name: string, result: RunResult): string {
    const last = result.record.epochs[result.record.epochs.length - 1];
    const loss = formatLoss(last?.trainLoss ?? null);
    const where = result.runJsonPath ?? vscode.l10n.t('(not saved)');
    switch (result.status) {
      case 'completed':
        return vscode.l10n.t('[{0}] finished after {1} epochs, train loss {2}. Saved: {3}', name, result.record.epochs.length, loss, where);
      case 'cancelled':
        return vscode.l10n.t('[{0}] stopped after {1} epochs (stop took {2} ms). Saved: {3}', name, result.record.epochs.length, Math.round(result.cancelLatencyMs ?? 0), where);
      case 'diverged':
        return vscode.l10n.t('[{0}] diverged: {1} Saved: {2}', name, result.record.divergence ? describeDivergence(result.record.divergence) : '', where);
      case 'failed':
        return vscode.l10n.t('[{0}] failed: {1}', name, result.record.error ?? '');
    }
  }

  private announce(request: TrainingRunRequest, result: RunResult, terminal: TerminalWorkerMessage): void {
    if (terminal.type === 'error') {
      void vscode.window.showErrorMessage(vscode.l10n.t('Training "{0}" failed: {1}', request.name, terminal.message));
      return;
    }
    if (terminal.type === 'diverged') {
      void vscode.window.showWarningMessage(
        vscode.l10n.t('Training "{0}" diverged and was stopped; the last good parameters were kept. {1}', request.name, describeDivergence(terminal.divergence)),
      );
      return;
    }
    if (request.silent === true || result.status !== 'completed') return;
    const last = result.record.epochs[result.record.epochs.length - 1];
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Training "{0}" finished: train loss {1}, validation loss {2}.', request.name, formatLoss(last?.trainLoss ?? null), formatLoss(last?.validationLoss ?? null)),
    );
  }

  dispose(): void {
    for (const intake of this.intakes.values()) intake.worker.cancel();
    for (const run of this.active.values()) run.worker.cancel();
    this.events.dispose();
  }
}

/** " Trained in float32 on 2 threads (wasm-simd kernels)." — how the run computed (lab/training/precision.ts). */
function arithmeticNote(arithmetic: RunRecord['arithmetic']): string {
  if (arithmetic === undefined) return '';
  const kernels = arithmetic.kernels === null ? '' : ` (${arithmetic.kernels})`;
  return ` ${vscode.l10n.t('Trained in {0} on {1} thread(s){2}.', arithmetic.precision, arithmetic.threads, kernels)}`;
}
