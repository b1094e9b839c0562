// The webview end of a panel's channel: validated messages from the host dispatched through the shared
// MessageHandler, and `ready` posted once the listener is in place (the host replays the state in answer).
import type { MessageHandlers, TaggedMessage } from '../../src/protocol/messageHandler';
import { MessageHandler } from '../../src/protocol/messageHandler';
import type { ValidationResult } from '../../src/protocol/validation';
import { getVsCodeApi } from './vscodeApi';

export interface HostChannelOptions<TIncoming extends TaggedMessage> {
  readonly channel: string;
  readonly parse: (raw: unknown) => ValidationResult<TIncoming>;
  readonly handlers: MessageHandlers<TIncoming>;
}

export function connectToHost<TIncoming extends TaggedMessage, TOutgoing extends TaggedMessage>(
  options: HostChannelOptions<TIncoming>,
  readyMessage: TOutgoing,
): MessageHandler<TIncoming, TOutgoing> {
  const vscode = getVsCodeApi<TOutgoing, unknown>();
  const handler = new MessageHandler<TIncoming, TOutgoing>({
    channel: `${options.channel} (webview)`,
    send: (message) => vscode.postMessage(message),
    parse: options.parse,
    handlers: options.handlers,
    logRejected: (line) => console.warn(line),
  });
  window.addEventListener('message', (event: MessageEvent<unknown>) => handler.receive(event.data));
  handler.post(readyMessage);
  return handler;
}
