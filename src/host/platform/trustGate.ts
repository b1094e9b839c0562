// Workspace trust (issue 13): RNN Lab runs in Restricted Mode with what only reads the open documents — code lenses,
// the topology panel, hovers, diagnostics, Explain. What reads files a workspace names, writes into the workspace or
// starts a worker thread (training, Compare Remedies, Gradient Check, sampling text, run records, exports, the lecture
// experiment) first passes this gate. No vscode import: workspaceTrust.ts gives it VS Code's state and UI, tests fakes.

export interface TrustGateDeps {
  /** vscode.workspace.isTrusted at the time of the call. */
  readonly isTrusted: () => boolean;
  /** Shows the refusal with one button; resolves with the button's label when pressed. */
  readonly warn: (message: string, button: string) => PromiseLike<string | undefined>;
  /** Opens VS Code's workspace trust editor. */
  readonly manageTrust: () => void;
  /** The refusal for `feature`, and the button's label (localised by the caller). */
  readonly texts: (feature: string) => { readonly message: string; readonly manage: string };
  readonly log?: (line: string) => void;
}

/**
 * True when the workspace is trusted. Otherwise shows the refusal (without waiting for it, so a command resolves at
 * once) whose button opens the trust editor, and returns false.
 */
export function passesTrustGate(feature: string, deps: TrustGateDeps): boolean {
  if (deps.isTrusted()) return true;
  const { message, manage } = deps.texts(feature);
  deps.log?.(`[workspace trust] refused: ${message}`);
  void Promise.resolve(deps.warn(message, manage)).then((choice) => {
    if (choice === manage) deps.manageTrust();
  });
  return false;
}
