// The one object a webview gets from VS Code. acquireVsCodeApi() may be called only once per page, so every module
// goes through getVsCodeApi().

/** What VS Code injects into every webview (see the Webview API guide, "Scripts and message passing"). */
export interface VsCodeApi<TOutgoing, TState> {
  postMessage(message: TOutgoing): void;
  getState(): TState | undefined;
  setState(state: TState): TState;
}

declare function acquireVsCodeApi<TOutgoing, TState>(): VsCodeApi<TOutgoing, TState>;

let api: VsCodeApi<unknown, unknown> | undefined;

export function getVsCodeApi<TOutgoing, TState>(): VsCodeApi<TOutgoing, TState> {
  api ??= acquireVsCodeApi<unknown, unknown>();
  return api as VsCodeApi<TOutgoing, TState>;
}
