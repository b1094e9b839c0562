// The training panel (issue 6): one webview panel per run, in the webview-sample shape (createOrShow / revive /
// dispose). The host owns the run — the record so far, where it is saved, the view the user picked — and replays it
// on every `ready` (first load, shown again after being hidden, window reload), so the page never holds state the host
// cannot rebuild. Live progress is forwarded as it comes (the worker already throttles it to ≤ 10 messages/s).
import * as vscode from 'vscode';
import { chartJson, chartTable, tableToCsv } from '../../lab/charts/chartExport';
import type { RunRecord } from '../../lab/runs/runRecord';
import type {
  ChartId,
  ChartRenderReport,
  ExportFormat,
  TrainingHostToWebviewMessage,
  TrainingImageMessage,
  TrainingRenderedMessage,
  TrainingView,
  TrainingWebviewToHostMessage,
} from '../../protocol/trainingPanelProtocol';
import { DEFAULT_TRAINING_VIEW, parseTrainingWebviewToHostMessage } from '../../protocol/trainingPanelProtocol';
import type { ProgressBatch } from '../../protocol/workerProtocol';
import type { RunStatus } from '../../lab/runs/runRecord';
import type { TextSampleRequest, TextSampleResult } from '../../protocol/textSampleProtocol';
import { Disposable } from '../platform/disposable';
import { trainingPanelStrings } from './trainingPanelStrings';
import { TextSampleCardHost } from './textSampleCard';
import { maxInWindow } from './updateRate';
import { WebviewChannel } from '../platform/webviewChannel';
import { panelHtml, webviewPanelOptions } from '../platform/webviewResources';
import { requireWorkspaceTrust } from '../platform/workspaceTrust';
import { EXPORT_RUN_COMMAND } from '../exportRun/exportRunCommandId';

/** What the panel reports once its page has drawn: the charts and how much each holds. */
export interface TrainingRenderReport {
  readonly runId: string;
  readonly charts: readonly ChartRenderReport[];
  /** Live progress forwarded to the page so far, and the most forwarded within any one second (issue 6: ≤ 10/s). */
  readonly liveUpdates: { readonly messages: number; readonly maxPerSecond: number };
}


/** The run a panel shows. */
export interface TrainingPanelRun {
  readonly record: RunRecord;
  /** run.json, or null while the run is still training. */
  readonly runJsonPath: string | null;
  readonly totalEpochs: number;
}

export interface TrainingPanelServices {
  readonly extensionUri: vscode.Uri;
  readonly log: vscode.LogOutputChannel;
}

/** How long a caller waits for the page's render report or a PNG before giving up. */
export const TRAINING_PANEL_TIMEOUT_MS = 30_000;
const PNG_PREFIX = 'data:image/png;base64,';

interface Pending<T> {
  readonly id: number;
  readonly resolve: (value: T) => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
}

export class TrainingPanel extends Disposable {
  static readonly viewType = 'rnnLab.training';
  /** Open panels by run id (a run is shown in at most one panel). */
  private static readonly panels = new Map<string, TrainingPanel>();
  /** The panel the user last interacted with (the export command's default target). */
  private static lastActive: TrainingPanel | undefined;

  private run: TrainingPanelRun;
  private view: TrainingView;
  private requestId = 0;
  private imageRequestId = 0;
  private pendingRenders: Pending<TrainingRenderReport>[] = [];
  private pendingImages: Pending<string>[] = [];
  private lastReport: TrainingRenderReport | undefined;
  /** When each live progress message was forwarded (performance.now()), for the update-rate report. */
  private readonly progressTimes: number[] = [];
  private readonly channel: WebviewChannel<TrainingWebviewToHostMessage, TrainingHostToWebviewMessage>;
  /** Character models: the "Text sample" card's state and sampling (chart 6). */
  private readonly textSample: TextSampleCardHost;

  /** Opens the run's panel (or reveals it) and resolves when the page has drawn the run. */
  static createOrShow(
    services: TrainingPanelServices,
    run: TrainingPanelRun,
    /** preserveFocus: keep the keyboard in the editor; beside: open next to the active editor (a run that starts). */
    options: { readonly preserveFocus?: boolean; readonly beside?: boolean } = {},
  ): { readonly panel: TrainingPanel; readonly rendered: Promise<TrainingRenderReport> } {
    const existing = TrainingPanel.panels.get(run.record.id);
    if (existing !== undefined) {
      existing.panel.reveal(existing.panel.viewColumn, options.preserveFocus);
      existing.show(run);
      return { panel: existing, rendered: existing.whenRendered() };
    }
    const panel = vscode.window.createWebviewPanel(
      TrainingPanel.viewType,
      vscode.l10n.t('Training: {0}', run.record.name),
      { viewColumn: options.beside === true ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active, preserveFocus: options.preserveFocus ?? false },
      webviewPanelOptions(services.extensionUri),
    );
    const created = new TrainingPanel(panel, services, run, initialView());
    return { panel: created, rendered: created.whenRendered() };
  }

  /** Called by the serializer after a window reload with the run read back from its run.json. */
  static revive(panel: vscode.WebviewPanel, services: TrainingPanelServices, run: TrainingPanelRun, view: TrainingView): TrainingPanel {
    TrainingPanel.panels.get(run.record.id)?.dispose();
    return new TrainingPanel(panel, services, run, view);
  }

  static forRun(runId: string): TrainingPanel | undefined {
    return TrainingPanel.panels.get(runId);
  }

  /** The active training panel, else the one last used, else any. */
  static mostRecent(): TrainingPanel | undefined {
    for (const panel of TrainingPanel.panels.values()) if (panel.panel.active) return panel;
    return TrainingPanel.lastActive ?? [...TrainingPanel.panels.values()].at(-1);
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly services: TrainingPanelServices,
    run: TrainingPanelRun,
    view: TrainingView,
  ) {
    super();
    this.run = run;
    this.view = view;
    TrainingPanel.panels.set(run.record.id, this);
    TrainingPanel.lastActive = this;
    this._register(panel);
    this.channel = this._register(
      new WebviewChannel<TrainingWebviewToHostMessage, TrainingHostToWebviewMessage>({
        channel: 'training panel',
        panel,
        parse: parseTrainingWebviewToHostMessage,
        handlers: {
          rendered: (message) => this.onRendered(message),
          viewChanged: (message) => {
            this.view = message.view;
          },
          export: (message) => void this.exportFromPage(message.chart, message.format, message.dataUrl),
          image: (message) => this.onImage(message),
          exportRun: (message) => this.exportRun(message.runJsonPath),
          // the card shows the outcome (sample or error) itself
          sampleText: (message) => void this.textSample.sample(message).catch(() => undefined),
          textSampleShown: (message) => this.textSample.onShown(message.seed, message.characters),
        },
        snapshot: () => [this.stateMessage(), ...this.textSample.snapshot()],
        log: services.log,
      }),
    );
    this.textSample = new TextSampleCardHost({ extensionUri: services.extensionUri, log: services.log, post: (message) => this.channel.post(message) });
    this.textSample.setRun(run.record, run.runJsonPath);
    this._register(panel.onDidDispose(() => this.dispose()));
    this._register(panel.onDidChangeViewState(() => {
      if (panel.active) TrainingPanel.lastActive = this;
    }));
    panel.webview.options = webviewPanelOptions(services.extensionUri);
    this.channel.expectReload();
    panel.webview.html = panelHtml(panel.webview, services.extensionUri, 'training', vscode.l10n.t('RNN Lab: Training'));
  }

  get runId(): string {
    return this.run.record.id;
  }

  get record(): RunRecord {
    return this.run.record;
  }

  /** The run as shown: record, run.json (null while training) and the epochs it was started with. */
  get currentRun(): TrainingPanelRun {
    return this.run;
  }

  get currentView(): TrainingView {
    return this.view;
  }

  /** The latest render report the page sent (null-request redraws included). */
  get latestReport(): TrainingRenderReport | undefined {
    return this.lastReport;
  }

  /** Replaces the whole run (a fresh snapshot, or the final record) and redraws. */
  show(run: TrainingPanelRun): void {
    this.run = run;
    this.panel.title = vscode.l10n.t('Training: {0}', run.record.name);
    this.requestId++;
    this.channel.post(this.stateMessage());
    this.textSample.setRun(run.record, run.runJsonPath);
  }

  /**
   * Character models: draws a text sample from the saved model in a worker and shows it in the "Text sample" card
   * (what the card's "Sample" button does). Rejects with a localised message when the run cannot be sampled.
   */
  sampleText(request: TextSampleRequest): Promise<TextSampleResult> {
    return this.textSample.sample(request);
  }

  /** The characters the page's card reports showing for the sample drawn with `seed` (null: no report in time). */
  textSampleShown(seed: number): Promise<number | null> {
    return this.textSample.whenShown(seed, TRAINING_PANEL_TIMEOUT_MS);
  }

  /** Appends what a live run measured since the last progress message. */
  appendProgress(batch: ProgressBatch, status: RunStatus = 'running'): void {
    this.progressTimes.push(performance.now());
    const record = this.run.record;
    this.run = {
      ...this.run,
      record: {
        ...record,
        status,
        epochs: [...record.epochs, ...batch.epochs],
        gradientNormsPerTimestep: [...record.gradientNormsPerTimestep, ...batch.gradientSamples],
        spectra: [...record.spectra, ...batch.spectralSamples],
        updateGradientNorms: [...record.updateGradientNorms, ...batch.updateGradientNorms],
      },
    };
    this.channel.post({
      type: 'progress',
      runId: record.id,
      status,
      epochs: batch.epochs,
      gradientSamples: batch.gradientSamples,
      spectralSamples: batch.spectralSamples,
      updateGradientNorms: batch.updateGradientNorms,
    });
  }

  /** Resolves with the page's report for the latest state sent. */
  whenRendered(): Promise<TrainingRenderReport> {
    return this.waitFor(this.pendingRenders, this.requestId, vscode.l10n.t('The training panel did not report its charts within {0} s.', TRAINING_PANEL_TIMEOUT_MS / 1000));
  }

  /** Writes one chart (PNG from the page's canvas; CSV/JSON from the record) to `target`. */
  async exportTo(chart: ChartId, format: ExportFormat, target: vscode.Uri): Promise<void> {
    const bytes = format === 'png' ? pngBytes(await this.requestImage(chart)) : Buffer.from(this.dataText(chart, format), 'utf8');
    await vscode.workspace.fs.writeFile(target, bytes);
    this.services.log.info(`[training panel] exported ${chart} as ${format} to ${target.toString()}`);
  }

  /**
   * Asks the user where to save (starting at `suggested`, else the first workspace folder), then exports. Resolves to
   * the written file, or undefined when cancelled.
   */
  async exportWithDialog(chart: ChartId, format: ExportFormat, dataUrl?: string, suggested?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const fileName = `${slug(this.run.record.name)}-${chart}.${format}`;
    const filters: Record<ExportFormat, Record<string, string[]>> = {
      png: { [vscode.l10n.t('PNG image')]: ['png'] },
      csv: { [vscode.l10n.t('CSV table')]: ['csv'] },
      json: { [vscode.l10n.t('JSON data')]: ['json'] },
    };
    const target = await vscode.window.showSaveDialog({
      title: vscode.l10n.t('Export chart'),
      defaultUri: suggested ?? (folder === undefined ? undefined : vscode.Uri.joinPath(folder, fileName)),
      filters: filters[format],
    });
    if (target === undefined) return undefined;
    if (format === 'png' && dataUrl !== undefined) {
      await vscode.workspace.fs.writeFile(target, pngBytes(dataUrl));
    } else {
      await this.exportTo(chart, format, target);
    }
    return target;
  }

  override dispose(): void {
    if (TrainingPanel.panels.get(this.run.record.id) === this) TrainingPanel.panels.delete(this.run.record.id);
    if (TrainingPanel.lastActive === this) TrainingPanel.lastActive = undefined;
    const closed = new Error(vscode.l10n.t('The training panel was closed.'));
    for (const pending of [...this.pendingRenders, ...this.pendingImages]) {
      clearTimeout(pending.timer);
      pending.reject(closed);
    }
    this.pendingRenders = [];
    this.pendingImages = [];
    super.dispose();
  }

  private stateMessage(): TrainingHostToWebviewMessage {
    return {
      type: 'state',
      requestId: this.requestId,
      run: this.run.record,
      runJsonPath: this.run.runJsonPath,
      totalEpochs: this.run.totalEpochs,
      view: this.view,
      strings: trainingPanelStrings(vscode.l10n),
    };
  }

  private dataText(chart: ChartId, format: 'csv' | 'json'): string {
    return format === 'csv' ? tableToCsv(chartTable(this.run.record, this.view, chart)) : chartJson(this.run.record, this.view, chart);
  }

  private async exportFromPage(chart: ChartId, format: ExportFormat, dataUrl: string | undefined): Promise<void> {
    if (!requireWorkspaceTrust(vscode.l10n.t('Exporting a chart'))) return;
    try {
      const target = await this.exportWithDialog(chart, format, dataUrl);
      if (target !== undefined) void vscode.window.setStatusBarMessage(vscode.l10n.t('Exported {0}', target.fsPath), 4000);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not export the chart: {0}', reason));
    }
  }

  /** The toolbar's "Export as PyTorch script": the command, for the saved run this panel shows (never a stale page's). */
  private exportRun(requested: string): void {
    if (this.run.runJsonPath === null || requested !== this.run.runJsonPath) {
      this.services.log.warn(`[training panel] export ignored: the page asked for ${requested}, the panel shows ${this.run.runJsonPath ?? 'an unsaved run'}`);
      return;
    }
    void vscode.commands.executeCommand(EXPORT_RUN_COMMAND, { runId: this.run.record.id });
  }

  private requestImage(chart: ChartId): Promise<string> {
    const id = ++this.imageRequestId;
    const promise = this.waitFor(this.pendingImages, id, vscode.l10n.t('The training panel did not send the chart image within {0} s.', TRAINING_PANEL_TIMEOUT_MS / 1000));
    if (!this.channel.isReady) this.panel.reveal(this.panel.viewColumn, true);
    const ask = (): void => this.channel.post({ type: 'exportImage', requestId: id, chart });
    if (this.channel.isReady) ask();
    else void this.whenRendered().then(ask, () => undefined);
    return promise;
  }

  private waitFor<T>(list: Pending<T>[], id: number, timeoutMessage: string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        const index = list.findIndex((entry) => entry.timer === timer);
        if (index >= 0) list.splice(index, 1);
        this.services.log.error(`[training panel] ${timeoutMessage}`);
        reject(new Error(timeoutMessage));
      }, TRAINING_PANEL_TIMEOUT_MS);
      list.push({ id, resolve, reject, timer });
    });
  }

  private onRendered(message: TrainingRenderedMessage): void {
    const report: TrainingRenderReport = {
      runId: this.run.record.id,
      charts: message.charts,
      liveUpdates: { messages: this.progressTimes.length, maxPerSecond: maxInWindow(this.progressTimes) },
    };
    this.lastReport = report;
    if (message.requestId === null) return;
    const drawn = message.requestId;
    // A report for state n answers every earlier request too: the page only draws the latest state.
    const answered = this.pendingRenders.filter((entry) => entry.id <= drawn);
    this.pendingRenders = this.pendingRenders.filter((entry) => entry.id > drawn);
    for (const entry of answered) {
      clearTimeout(entry.timer);
      entry.resolve(report);
    }
  }

  private onImage(message: TrainingImageMessage): void {
    const index = this.pendingImages.findIndex((entry) => entry.id === message.requestId);
    if (index < 0) return;
    const [entry] = this.pendingImages.splice(index, 1);
    clearTimeout(entry!.timer);
    entry!.resolve(message.dataUrl);
  }
}

/** A new panel's view: the defaults, with the log/linear scales of the `rnnLab.charts.logScale` setting. */
function initialView(): TrainingView {
  const logScale = vscode.workspace.getConfiguration('rnnLab.charts').get<boolean>('logScale', true);
  const scale = logScale ? 'log' : 'linear';
  return { ...DEFAULT_TRAINING_VIEW, decayScale: scale, lossScale: scale };
}

function pngBytes(dataUrl: string): Uint8Array {
  if (!dataUrl.startsWith(PNG_PREFIX)) throw new Error('not a PNG data URL');
  return Buffer.from(dataUrl.slice(PNG_PREFIX.length), 'base64');
}

function slug(name: string): string {
  const text = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return text === '' ? 'run' : text.slice(0, 40);
}
