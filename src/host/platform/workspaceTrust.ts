// The trust gate (trustGate.ts) with VS Code's state and UI: `requireWorkspaceTrust(feature)` at the start of every
// command that needs a trusted workspace (the same commands carry `"enablement": "isWorkspaceTrusted"` in
// package.json, so menus and the palette show them disabled in Restricted Mode; a script or link can still call
// them, and this check is what refuses). `onTrustGranted` lets features refresh when the user trusts the folder.
import * as vscode from 'vscode';
import { passesTrustGate } from './trustGate';

/** VS Code's own command that opens the workspace trust editor. */
export const MANAGE_TRUST_COMMAND = 'workbench.trust.manage';

/** The result commands resolve to when refused, for scripts and tests. */
export const UNTRUSTED_STATUS = 'untrusted';

let log: ((line: string) => void) | undefined;

/** Where refusals are logged (the RNN Lab output). */
export function setTrustLog(output: vscode.OutputChannel): void {
  log = (line) => output.appendLine(line);
}

/**
 * True in a trusted workspace; otherwise shows "<feature> needs a trusted workspace…" with "Manage Workspace Trust"
 * and returns false. `isTrusted` is for tests (default VS Code's state).
 */
export function requireWorkspaceTrust(feature: string, isTrusted: () => boolean = () => vscode.workspace.isTrusted): boolean {
  return passesTrustGate(feature, {
    isTrusted,
    warn: (message, button) => vscode.window.showWarningMessage(message, button),
    manageTrust: () => void vscode.commands.executeCommand(MANAGE_TRUST_COMMAND),
    texts: (name) => ({
      message: vscode.l10n.t(
        '{0} needs a trusted workspace: it reads files the workspace names, writes into the workspace or starts a worker. In Restricted Mode RNN Lab shows lenses, hovers, diagnostics, the topology panel and explanations only.',
        name,
      ),
      manage: vscode.l10n.t('Manage Workspace Trust'),
    }),
    ...(log !== undefined ? { log } : {}),
  });
}

/** Calls `listener` when the user trusts the workspace (VS Code never takes trust back without a reload). */
export function onTrustGranted(listener: () => void): vscode.Disposable {
  return vscode.workspace.onDidGrantWorkspaceTrust(listener);
}
