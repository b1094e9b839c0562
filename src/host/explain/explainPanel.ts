// "RNN Lab: Explain…": one panel (webview-sample's createOrShow / revive / dispose shape) showing one lecture topic —
// explanation, formula, sources — with a button that runs the topic's experiment. It keeps the topic and the state of
// the last experiment, and replays both to the page after every `ready` (hidden and shown again, window reload).
import * as vscode from 'vscode';
import type {
  ExperimentStatus,
  ExplanationHostToWebviewMessage,
  ExplanationRenderedMessage,
  ExplanationWebviewToHostMessage,
} from '../../protocol/explainProtocol';
import { parseExplanationPersistedState, parseExplanationWebviewToHostMessage } from '../../protocol/explainProtocol';
import { describeIssue } from '../../protocol/validation';
import { Disposable } from '../platform/disposable';
import { WebviewChannel } from '../platform/webviewChannel';
import { panelHtml, webviewPanelOptions } from '../platform/webviewResources';
import { explanationStateMessage } from './explainView';
import { lectureTopicText } from './lectureTopicText';
import type { LectureTopicId } from './lectureTopics';

/** How an experiment started from the panel ended, in words for the student. */
export interface ExperimentOutcome {
  readonly ok: boolean;
  readonly message: string;
}

/** Runs the experiment of a topic (explainCommand.ts supplies it). */
export type ExperimentRunner = (topic: LectureTopicId) => Promise<ExperimentOutcome>;

/** What the page reported after drawing a topic (counted from its DOM). */
export type ExplanationRenderReport = Omit<ExplanationRenderedMessage, 'type'>;

/** How long Explain… waits for the page's render report before rejecting. */
export const EXPLANATION_RENDER_TIMEOUT_MS = 20_000;

interface PendingRender {
  readonly topic: LectureTopicId;
  readonly resolve: (report: ExplanationRenderReport) => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
}

export class ExplanationPanel extends Disposable {
  static readonly viewType = 'rnnLab.explanation';
  private static current: ExplanationPanel | undefined;

  private topic: LectureTopicId;
  private experiment: { status: ExperimentStatus; message: string } = { status: 'idle', message: '' };
  private pending: PendingRender[] = [];
  private readonly channel: WebviewChannel<ExplanationWebviewToHostMessage, ExplanationHostToWebviewMessage>;

  /** Opens (or reveals) the panel on `topic`; resolves when the page has drawn it. */
  static createOrShow(
    extensionUri: vscode.Uri,
    topic: LectureTopicId,
    log: vscode.LogOutputChannel,
    runner: ExperimentRunner,
  ): Promise<ExplanationRenderReport> {
    const existing = ExplanationPanel.current;
    if (existing) {
      existing.panel.reveal(existing.panel.viewColumn);
      const drawn = existing.whenRendered(topic);
      existing.show(topic);
      return drawn;
    }
    const panel = vscode.window.createWebviewPanel(
      ExplanationPanel.viewType,
      vscode.l10n.t('RNN Lab: Explain'),
      vscode.ViewColumn.Active,
      webviewPanelOptions(extensionUri),
    );
    ExplanationPanel.current = new ExplanationPanel(panel, extensionUri, topic, log, runner);
    return ExplanationPanel.current.whenRendered(topic);
  }

  /** Called by the serializer after a window reload, with the state the page saved (validated here). */
  static revive(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, savedState: unknown, log: vscode.LogOutputChannel, runner: ExperimentRunner): void {
    const parsed = parseExplanationPersistedState(savedState);
    if (!parsed.ok && savedState !== undefined) log.warn(`[explanation panel] restored state ignored: ${describeIssue(parsed.issue)}`);
    ExplanationPanel.current?.dispose();
    ExplanationPanel.current = new ExplanationPanel(panel, extensionUri, parsed.ok ? parsed.value.topic : 'topologies', log, runner);
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    topic: LectureTopicId,
    private readonly log: vscode.LogOutputChannel,
    private readonly runner: ExperimentRunner,
  ) {
    super();
    this.topic = topic;
    this._register(panel);
    this.channel = this._register(
      new WebviewChannel<ExplanationWebviewToHostMessage, ExplanationHostToWebviewMessage>({
        channel: 'explanation panel',
        panel,
        parse: parseExplanationWebviewToHostMessage,
        handlers: {
          runExperiment: (message) => void this.runExperiment(message.topic),
          showTopic: (message) => this.show(message.topic),
          rendered: (message) => this.onRendered(message),
        },
        snapshot: () => [this.stateMessage()],
        log,
      }),
    );
    this._register(panel.onDidDispose(() => this.dispose()));
    panel.iconPath = {
      light: vscode.Uri.joinPath(extensionUri, 'media', 'icons', 'explain-light.svg'),
      dark: vscode.Uri.joinPath(extensionUri, 'media', 'icons', 'explain-dark.svg'),
    };
    panel.webview.options = webviewPanelOptions(extensionUri);
    this.channel.expectReload();
    panel.webview.html = panelHtml(panel.webview, extensionUri, 'explain', vscode.l10n.t('RNN Lab: Explain'));
    this.panel.title = this.title();
  }

  override dispose(): void {
    if (ExplanationPanel.current === this) ExplanationPanel.current = undefined;
    const pending = this.pending;
    this.pending = [];
    for (const waiting of pending) {
      clearTimeout(waiting.timer);
      waiting.reject(new Error(vscode.l10n.t('The explanation panel was closed before it finished drawing.')));
    }
    super.dispose();
  }

  /** Resolves with the page's first report of `topic` drawn; rejects after EXPLANATION_RENDER_TIMEOUT_MS. */
  private whenRendered(topic: LectureTopicId): Promise<ExplanationRenderReport> {
    return new Promise<ExplanationRenderReport>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending = this.pending.filter((waiting) => waiting.timer !== timer);
        this.log.error(`[explanation panel] no render report for ${topic} within ${EXPLANATION_RENDER_TIMEOUT_MS / 1000} s`);
        reject(new Error(vscode.l10n.t('The explanation panel did not report its drawing within {0} s.', EXPLANATION_RENDER_TIMEOUT_MS / 1000)));
      }, EXPLANATION_RENDER_TIMEOUT_MS);
      this.pending.push({ topic, resolve, reject, timer });
    });
  }

  private onRendered(message: ExplanationRenderedMessage): void {
    const { type: _type, ...report } = message;
    this.log.debug(`[explanation panel] drew ${report.topic}: ${report.formulaLines} formula line(s), ${report.sources} source(s)`);
    const answered = this.pending.filter((waiting) => waiting.topic === report.topic);
    this.pending = this.pending.filter((waiting) => waiting.topic !== report.topic);
    for (const waiting of answered) {
      clearTimeout(waiting.timer);
      waiting.resolve(report);
    }
  }

  private show(topic: LectureTopicId): void {
    if (topic !== this.topic) this.experiment = { status: 'idle', message: '' };
    this.topic = topic;
    this.panel.title = this.title();
    this.channel.post(this.stateMessage());
  }

  private title(): string {
    return vscode.l10n.t('Explain: {0}', lectureTopicText(this.topic, vscode.l10n).title);
  }

  private stateMessage(): ExplanationHostToWebviewMessage {
    return explanationStateMessage(this.topic, vscode.l10n, this.experiment);
  }

  private async runExperiment(topic: LectureTopicId): Promise<void> {
    if (this.experiment.status === 'running') return; // one experiment at a time from this panel
    this.experiment = { status: 'running', message: '' };
    this.channel.post(this.stateMessage());
    let outcome: ExperimentOutcome;
    try {
      outcome = await this.runner(topic);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.log.error(`[explanation panel] experiment of ${topic} failed: ${reason}`);
      outcome = { ok: false, message: vscode.l10n.t('The experiment could not run: {0}', reason) };
    }
    if (this.isDisposed) return;
    // The student may have moved to another topic meanwhile: the outcome belongs to the topic that ran.
    if (topic === this.topic) {
      this.experiment = { status: outcome.ok ? 'finished' : 'failed', message: outcome.message };
      this.channel.post(this.stateMessage());
    } else {
      this.experiment = { status: 'idle', message: '' };
    }
  }
}

/** Brings the panel back after a window reload. */
export class ExplanationPanelSerializer implements vscode.WebviewPanelSerializer<unknown> {
  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
    private readonly runner: ExperimentRunner,
  ) {}

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    ExplanationPanel.revive(panel, this.extensionUri, state, this.log, this.runner);
  }
}
