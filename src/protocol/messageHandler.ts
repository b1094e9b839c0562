// One small message handler, used on both ends of every host ⇄ webview channel (and later host ⇄ worker):
// outgoing messages are typed by the channel's union; incoming raw values are validated by the channel's parser
// and dispatched to exactly one handler per `type`. Malformed or unknown messages are dropped and logged — never
// trusted, never thrown back at the sender.
import type { ValidationResult } from './validation';
import { describeIssue } from './validation';

/** A message union: every member has a string `type` tag. */
export interface TaggedMessage {
  readonly type: string;
}

/** Exactly one handler for each `type` of the incoming union (the compiler reports a missing one). */
export type MessageHandlers<TIncoming extends TaggedMessage> = {
  readonly [K in TIncoming['type']]: (message: Extract<TIncoming, { type: K }>) => void;
};

export interface MessageHandlerOptions<TIncoming extends TaggedMessage, TOutgoing extends TaggedMessage> {
  /** Name used in log lines, e.g. `topology panel (host)`. */
  readonly channel: string;
  /** Delivers a message to the other side (`webview.postMessage`, `vscodeApi.postMessage`, `worker.postMessage`). */
  readonly send: (message: TOutgoing) => void;
  /** Checks an untrusted value against the incoming union. */
  readonly parse: (raw: unknown) => ValidationResult<TIncoming>;
  readonly handlers: MessageHandlers<TIncoming>;
  /** Where rejected messages are reported. */
  readonly logRejected: (line: string) => void;
}

export class MessageHandler<TIncoming extends TaggedMessage, TOutgoing extends TaggedMessage> {
  private rejectedCount = 0;

  constructor(private readonly options: MessageHandlerOptions<TIncoming, TOutgoing>) {}

  /** Messages dropped so far because they failed validation. */
  get rejected(): number {
    return this.rejectedCount;
  }

  post(message: TOutgoing): void {
    this.options.send(message);
  }

  /** Validates and dispatches one raw message; returns whether it was accepted. */
  receive(raw: unknown): boolean {
    const parsed = this.options.parse(raw);
    if (!parsed.ok) {
      this.rejectedCount++;
      this.options.logRejected(`[${this.options.channel}] ignored a malformed message: ${describeIssue(parsed.issue)}`);
      return false;
    }
    const message = parsed.value;
    const handler = this.options.handlers[message.type as TIncoming['type']] as (value: TIncoming) => void;
    handler(message);
    return true;
  }
}
