// The Compare Remedies panel (issue 6): overlaid gradient-decay curves at the final epoch, overlaid validation-loss
// curves, and the table. One panel; the host keeps the last comparison and replays it on the webview's `ready`.
import * as vscode from 'vscode';
import { compareTableRows, lossThreshold } from '../../lab/lineup/lineupTable';
import type {
  CompareEntryResult,
  CompareHostToWebviewMessage,
  CompareRenderedMessage,
  CompareStateMessage,
  CompareWebviewToHostMessage,
} from '../../protocol/compareRemediesProtocol';
import { parseCompareWebviewMessage } from '../../protocol/compareRemediesProtocol';
import { Disposable } from '../platform/disposable';
import { comparisonStrings } from './compareRemediesStrings';
import { WebviewChannel } from '../platform/webviewChannel';
import { panelHtml, webviewPanelOptions } from '../platform/webviewResources';

export interface ComparisonData {
  readonly source: string;
  readonly epochs: number;
  readonly seed: number;
  readonly entries: readonly CompareEntryResult[];
}

export class ComparisonPanel extends Disposable {
  static readonly viewType = 'rnnLab.compareRemedies';
  private static current: ComparisonPanel | undefined;

  private requestId = 0;
  private waiting: { id: number; resolve: (rendered: CompareRenderedMessage) => void }[] = [];
  private readonly channel: WebviewChannel<CompareWebviewToHostMessage, CompareHostToWebviewMessage>;

  /** Opens (or reveals) the panel with a comparison; resolves when the page has drawn it. */
  static show(extensionUri: vscode.Uri, log: vscode.LogOutputChannel, data: ComparisonData): Promise<CompareRenderedMessage> {
    let panel = ComparisonPanel.current;
    if (panel === undefined) {
      const webviewPanel = vscode.window.createWebviewPanel(ComparisonPanel.viewType, vscode.l10n.t('Compare Remedies'), vscode.ViewColumn.Active, webviewPanelOptions(extensionUri));
      panel = new ComparisonPanel(webviewPanel, extensionUri, log, data);
      ComparisonPanel.current = panel;
    } else {
      panel.panel.reveal(panel.panel.viewColumn);
    }
    return panel.publish(data);
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    log: vscode.LogOutputChannel,
    private data: ComparisonData,
  ) {
    super();
    this._register(panel);
    this.channel = this._register(
      new WebviewChannel<CompareWebviewToHostMessage, CompareHostToWebviewMessage>({
        channel: 'compare remedies panel',
        panel,
        parse: parseCompareWebviewMessage,
        handlers: {
          rendered: (message) => {
            const answered = this.waiting.filter((entry) => entry.id <= message.requestId);
            this.waiting = this.waiting.filter((entry) => entry.id > message.requestId);
            for (const entry of answered) entry.resolve(message);
          },
        },
        snapshot: () => [this.stateMessage()],
        log,
      }),
    );
    this._register(panel.onDidDispose(() => this.dispose()));
    this.channel.expectReload();
    panel.webview.html = panelHtml(panel.webview, extensionUri, 'compareRemedies', vscode.l10n.t('Compare Remedies'));
  }

  override dispose(): void {
    if (ComparisonPanel.current === this) ComparisonPanel.current = undefined;
    super.dispose();
  }

  private publish(data: ComparisonData): Promise<CompareRenderedMessage> {
    this.data = data;
    this.requestId++;
    const id = this.requestId;
    const rendered = new Promise<CompareRenderedMessage>((resolve) => this.waiting.push({ id, resolve }));
    this.channel.post(this.stateMessage());
    return rendered;
  }

  private stateMessage(): CompareStateMessage {
    const threshold = lossThreshold(this.data.entries);
    return {
      type: 'state',
      requestId: this.requestId,
      source: this.data.source,
      epochs: this.data.epochs,
      seed: this.data.seed,
      threshold,
      entries: this.data.entries,
      rows: compareTableRows(this.data.entries, threshold),
      strings: comparisonStrings(vscode.l10n),
    };
  }
}
