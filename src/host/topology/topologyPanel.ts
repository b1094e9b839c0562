// "RNN Lab: Show Lecture Topologies": one panel (webview-sample's createOrShow / revive / dispose shape) that keeps
// its state — which topology is focused, with how many steps — and replays it to the page after every `ready`.
// The command's promise resolves with the page's render report, which the page computes from the SVGs it built.
import * as vscode from 'vscode';
import type { TopologyId } from '../../engine/dataset';
import type {
  TopologyFocus,
  TopologyHostToWebviewMessage,
  TopologyRenderedMessage,
  TopologyWebviewToHostMessage,
} from '../../protocol/topologyProtocol';
import { parseTopologyPersistedState, parseTopologyWebviewToHostMessage } from '../../protocol/topologyProtocol';
import { describeIssue } from '../../protocol/validation';
import { Disposable } from '../platform/disposable';
import { topologyPanelStrings } from './topologyStrings';
import { WebviewChannel } from '../platform/webviewChannel';
import { panelHtml, webviewPanelOptions } from '../platform/webviewResources';

/** What `rnnLab.showTopologies` resolves to: the ids of the diagrams the page actually drew, in page order. */
export interface TopologyRenderReport {
  readonly rendered: readonly TopologyId[];
}

/** How long the command waits for the page's render report before rejecting. */
export const RENDER_REPORT_TIMEOUT_MS = 20_000;

interface PendingReport {
  readonly requestId: number;
  readonly resolve: (report: TopologyRenderReport) => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
}

export class TopologyPanel extends Disposable {
  static readonly viewType = 'rnnLab.topologies';
  private static current: TopologyPanel | undefined;

  private focus: TopologyFocus | null;
  /** Increases with every request to draw; the page echoes it in its `rendered` report. */
  private requestId = 0;
  private pending: PendingReport[] = [];
  private readonly channel: WebviewChannel<TopologyWebviewToHostMessage, TopologyHostToWebviewMessage>;

  /** Opens (or reveals) the panel showing `focus` (null: all five) and resolves when the page has drawn it. */
  static createOrShow(extensionUri: vscode.Uri, focus: TopologyFocus | null, log: vscode.LogOutputChannel): Promise<TopologyRenderReport> {
    const existing = TopologyPanel.current;
    if (existing) {
      existing.panel.reveal(existing.panel.viewColumn);
      existing.showFocus(focus);
      return existing.whenRendered();
    }
    const panel = vscode.window.createWebviewPanel(
      TopologyPanel.viewType,
      vscode.l10n.t('Lecture Topologies'),
      vscode.ViewColumn.Active,
      webviewPanelOptions(extensionUri),
    );
    const created = new TopologyPanel(panel, extensionUri, focus, log);
    TopologyPanel.current = created;
    return created.whenRendered();
  }

  /** Called by the serializer after a window reload, with the state the page saved (validated here). */
  static revive(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, savedState: unknown, log: vscode.LogOutputChannel): void {
    const parsed = parseTopologyPersistedState(savedState);
    if (!parsed.ok && savedState !== undefined) log.warn(`[topology panel] restored state ignored: ${describeIssue(parsed.issue)}`);
    TopologyPanel.current?.dispose();
    TopologyPanel.current = new TopologyPanel(panel, extensionUri, parsed.ok ? parsed.value.focus : null, log);
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    focus: TopologyFocus | null,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
    this.focus = focus;
    this._register(panel);
    this.channel = this._register(
      new WebviewChannel<TopologyWebviewToHostMessage, TopologyHostToWebviewMessage>({
        channel: 'topology panel',
        panel,
        parse: parseTopologyWebviewToHostMessage,
        handlers: {
          rendered: (message) => this.onRendered(message),
          focusChanged: (message) => {
            // The user picked another topology in the page: keep it, so a hidden/restored page shows the same.
            this.focus = message.focus;
          },
        },
        snapshot: () => [this.stateMessage()],
        log,
      }),
    );
    this._register(panel.onDidDispose(() => this.dispose()));
    panel.iconPath = {
      light: vscode.Uri.joinPath(extensionUri, 'media', 'icons', 'topologies-light.svg'),
      dark: vscode.Uri.joinPath(extensionUri, 'media', 'icons', 'topologies-dark.svg'),
    };
    panel.webview.options = webviewPanelOptions(extensionUri);
    this.channel.expectReload();
    panel.webview.html = panelHtml(panel.webview, extensionUri, 'topology', vscode.l10n.t('Lecture Topologies'));
  }

  override dispose(): void {
    if (TopologyPanel.current === this) TopologyPanel.current = undefined;
    const pending = this.pending;
    this.pending = [];
    for (const report of pending) {
      clearTimeout(report.timer);
      report.reject(new Error(vscode.l10n.t('The topology panel was closed before it finished drawing.')));
    }
    super.dispose();
  }

  private showFocus(focus: TopologyFocus | null): void {
    this.focus = focus;
    this.requestId++;
    this.channel.post(this.stateMessage());
  }

  private stateMessage(): TopologyHostToWebviewMessage {
    return { type: 'state', requestId: this.requestId, focus: this.focus, strings: topologyPanelStrings(vscode.l10n) };
  }

  /** Resolves with the first render report for the current request; rejects after RENDER_REPORT_TIMEOUT_MS. */
  private whenRendered(): Promise<TopologyRenderReport> {
    const requestId = this.requestId;
    return new Promise<TopologyRenderReport>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending = this.pending.filter((report) => report.timer !== timer);
        const seconds = RENDER_REPORT_TIMEOUT_MS / 1000;
        this.log.error(`[topology panel] no render report for request ${requestId} within ${seconds} s`);
        reject(new Error(vscode.l10n.t('The topology panel did not report its diagrams within {0} s.', seconds)));
      }, RENDER_REPORT_TIMEOUT_MS);
      this.pending.push({ requestId, resolve, reject, timer });
    });
  }

  private onRendered(message: TopologyRenderedMessage): void {
    this.log.info(`[topology panel] drew ${message.rendered.length} diagram(s): ${message.rendered.join(', ')}`);
    if (message.requestId === null) return; // a redraw the page did on its own (theme change, user's pick)
    const drawnId = message.requestId;
    // A report for request n also answers every earlier request still waiting: the page only draws the latest state.
    const answered = this.pending.filter((report) => report.requestId <= drawnId);
    this.pending = this.pending.filter((report) => report.requestId > drawnId);
    for (const report of answered) {
      clearTimeout(report.timer);
      report.resolve({ rendered: [...message.rendered] });
    }
  }
}

/** Brings the panel back after a window reload (VS Code calls this for each panel of our viewType it restores). */
export class TopologyPanelSerializer implements vscode.WebviewPanelSerializer<unknown> {
  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    TopologyPanel.revive(panel, this.extensionUri, state, this.log);
  }
}
