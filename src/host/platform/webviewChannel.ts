// The host end of one panel's message channel (the pattern of vscode-pull-request-github's webview.ts): the page
// posts `ready` first; until then nothing is sent, and on every `ready` — first load, a panel shown again after being
// hidden, a window reload — the host replays the panel's whole state from `snapshot()`. Updates posted while the page
// is not ready are dropped on purpose: the next replay carries them.
import type * as vscode from 'vscode';
import { Disposable } from './disposable';
import type { MessageHandlers, TaggedMessage } from '../../protocol/messageHandler';
import { MessageHandler } from '../../protocol/messageHandler';
import type { ValidationResult } from '../../protocol/validation';

export interface ReadyMessage {
  readonly type: 'ready';
}

export interface WebviewChannelOptions<TIncoming extends TaggedMessage, TOutgoing extends TaggedMessage> {
  /** Name for log lines, e.g. `topology panel`. */
  readonly channel: string;
  readonly panel: vscode.WebviewPanel;
  readonly parse: (raw: unknown) => ValidationResult<TIncoming>;
  /** Handlers for every incoming type except `ready`, which the channel answers itself. */
  readonly handlers: MessageHandlers<Exclude<TIncoming, ReadyMessage>>;
  /** The messages that rebuild the page from nothing, in order. */
  readonly snapshot: () => readonly TOutgoing[];
  readonly log: vscode.LogOutputChannel;
}

export class WebviewChannel<TIncoming extends TaggedMessage, TOutgoing extends TaggedMessage> extends Disposable {
  private ready = false;
  private readonly handler: MessageHandler<TIncoming, TOutgoing>;

  constructor(private readonly options: WebviewChannelOptions<TIncoming, TOutgoing>) {
    super();
    const { panel, log } = options;
    const handlers = { ...options.handlers, ready: () => this.replay() } as unknown as MessageHandlers<TIncoming>;
    this.handler = new MessageHandler<TIncoming, TOutgoing>({
      channel: `${options.channel} (host)`,
      send: (message) => void panel.webview.postMessage(message),
      parse: options.parse,
      handlers,
      logRejected: (line) => log.warn(line),
    });
    this._register(panel.webview.onDidReceiveMessage((raw: unknown) => this.handler.receive(raw)));
    // Without retainContextWhenHidden a hidden page is torn down; it will say `ready` again when shown.
    this._register(panel.onDidChangeViewState(() => {
      if (!panel.visible) this.ready = false;
    }));
  }

  get isReady(): boolean {
    return this.ready;
  }

  /** Sends now if the page is listening; otherwise the next replay includes the change. */
  post(message: TOutgoing): void {
    if (this.ready && !this.isDisposed) this.handler.post(message);
  }

  /** The page's HTML is about to be (re)loaded: wait for its `ready`. */
  expectReload(): void {
    this.ready = false;
  }

  private replay(): void {
    this.ready = true;
    const messages = this.options.snapshot();
    this.options.log.debug(`[${this.options.channel}] ready: replaying ${messages.length} message(s)`);
    for (const message of messages) this.handler.post(message);
  }
}
