// "RNN Lab: Gradient Check" panel: runs the engine's finite-difference check (docs/maths.md "Gradient check") for the
// current settings on a tiny model in a worker_threads worker, and shows per parameter matrix the worst entry's
// analytic and numeric gradient and their relative error (red above 1e-6). One panel; the host keeps the last result
// and replays it on `ready`; the page keeps it with setState too, so after a window reload the serializer
// (gradientCheckSerializer.ts) brings the panel back with the same result.
import * as vscode from 'vscode';
import type {
  GradientCheckHostToWebviewMessage,
  GradientCheckPersistedState,
  GradientCheckRequest,
  GradientCheckResultMessage,
  GradientCheckWebviewToHostMessage,
} from '../../protocol/gradientCheckProtocol';
import { parseGradientCheckWebviewMessage } from '../../protocol/gradientCheckProtocol';
import { Disposable } from '../platform/disposable';
import { gradientCheckStrings } from './gradientCheckStrings';
import { runGradientCheckInWorker } from './gradientCheckWorkerClient';
import { requireWorkspaceTrust } from '../platform/workspaceTrust';
import { WebviewChannel } from '../platform/webviewChannel';
import { panelHtml, webviewPanelOptions } from '../platform/webviewResources';

export interface GradientCheckOutcome {
  readonly request: GradientCheckRequest;
  readonly result: GradientCheckResultMessage | null;
  readonly error: string | null;
  /** What the page drew: parameter rows and how many are red. */
  readonly rows: number;
  readonly failing: number;
}

export class GradientCheckPanel extends Disposable {
  static readonly viewType = 'rnnLab.gradientCheck';
  private static current: GradientCheckPanel | undefined;

  private requestId = 0;
  private status: 'running' | 'done' | 'failed' = 'running';
  private result: GradientCheckResultMessage | null = null;
  private error: string | null = null;
  private waiting: { id: number; resolve: (outcome: GradientCheckOutcome) => void }[] = [];
  private readonly channel: WebviewChannel<GradientCheckWebviewToHostMessage, GradientCheckHostToWebviewMessage>;

  /** Opens (or reveals) the panel, runs the check and resolves when the page has drawn its result. */
  static run(
    extensionUri: vscode.Uri,
    log: vscode.LogOutputChannel,
    request: GradientCheckRequest,
    rerun: () => GradientCheckRequest,
  ): Promise<GradientCheckOutcome> {
    let panel = GradientCheckPanel.current;
    if (panel === undefined) {
      const webviewPanel = vscode.window.createWebviewPanel(
        GradientCheckPanel.viewType,
        vscode.l10n.t('Gradient Check'),
        vscode.ViewColumn.Active,
        webviewPanelOptions(extensionUri),
      );
      panel = new GradientCheckPanel(webviewPanel, extensionUri, log, request, rerun);
      GradientCheckPanel.current = panel;
    } else {
      panel.panel.reveal(panel.panel.viewColumn);
    }
    return panel.check(request);
  }

  /**
   * Called by the serializer after a window reload: the panel shows the persisted outcome again (a check that was
   * still running is run again with the same request). Resolves when the page has drawn it.
   */
  static revive(
    webviewPanel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    log: vscode.LogOutputChannel,
    state: GradientCheckPersistedState,
    rerun: () => GradientCheckRequest,
  ): Promise<GradientCheckOutcome> {
    GradientCheckPanel.current?.dispose();
    const panel = new GradientCheckPanel(webviewPanel, extensionUri, log, state.request, rerun);
    GradientCheckPanel.current = panel;
    if (state.status === 'running') return panel.check(state.request);
    panel.status = state.status;
    panel.result = state.result;
    panel.error = state.error;
    const id = panel.publish();
    return new Promise((resolve) => panel.waiting.push({ id, resolve }));
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
    private request: GradientCheckRequest,
    rerun: () => GradientCheckRequest,
  ) {
    super();
    this._register(panel);
    this.channel = this._register(
      new WebviewChannel<GradientCheckWebviewToHostMessage, GradientCheckHostToWebviewMessage>({
        channel: 'gradient check panel',
        panel,
        parse: parseGradientCheckWebviewMessage,
        handlers: {
          rendered: (message) => {
            if (this.status === 'running') return;
            const answered = this.waiting.filter((entry) => entry.id <= message.requestId);
            this.waiting = this.waiting.filter((entry) => entry.id > message.requestId);
            const outcome: GradientCheckOutcome = { request: this.request, result: this.result, error: this.error, rows: message.rows, failing: message.failing };
            for (const entry of answered) entry.resolve(outcome);
          },
          runAgain: () => void this.check(rerun()),
        },
        snapshot: () => [this.stateMessage()],
        log,
      }),
    );
    this._register(panel.onDidDispose(() => this.dispose()));
    // a panel revived after a reload comes without the scripts/resource options: set them again
    panel.webview.options = webviewPanelOptions(extensionUri);
    this.channel.expectReload();
    panel.webview.html = panelHtml(panel.webview, extensionUri, 'gradcheck', vscode.l10n.t('Gradient Check'));
  }

  override dispose(): void {
    if (GradientCheckPanel.current === this) GradientCheckPanel.current = undefined;
    super.dispose();
  }

  private async check(request: GradientCheckRequest): Promise<GradientCheckOutcome> {
    this.request = request;
    this.status = 'running';
    this.result = null;
    this.error = null;
    this.publish();
    const workerScript = vscode.Uri.joinPath(this.extensionUri, 'dist', 'gradientCheckWorker.js').fsPath;
    try {
      // the check runs in a worker thread: not in Restricted Mode
      if (!requireWorkspaceTrust(vscode.l10n.t('Gradient Check'))) throw new Error(vscode.l10n.t('Gradient Check needs a trusted workspace.'));
      this.result = await runGradientCheckInWorker(workerScript, request);
      this.status = 'done';
      const { report, elapsedMs } = this.result;
      this.log.info(`[gradient check] ${request.cell}/${request.topology}: worst relative error ${report.worstRelativeError.toExponential(2)} (${report.passed ? 'passed' : 'FAILED'}) in ${Math.round(elapsedMs)} ms`);
    } catch (error) {
      this.status = 'failed';
      this.error = error instanceof Error ? error.message : String(error);
      this.log.error(`[gradient check] failed: ${this.error}`);
    }
    const id = this.publish();
    return new Promise((resolve) => this.waiting.push({ id, resolve }));
  }

  private publish(): number {
    this.requestId++;
    this.channel.post(this.stateMessage());
    return this.requestId;
  }

  private stateMessage(): GradientCheckHostToWebviewMessage {
    return {
      type: 'state',
      requestId: this.requestId,
      status: this.status,
      request: this.request,
      result: this.result,
      error: this.error,
      strings: gradientCheckStrings(vscode.l10n),
    };
  }
}
