// Brings the Gradient Check panel back after a window reload (issue 6): the page saved { request, status, result,
// error } with setState; the serializer validates it and revives the panel showing that outcome — the same pattern as
// the training panel's serializer. Unreadable state closes the panel (logged), it never throws at VS Code.
import * as vscode from 'vscode';
import type { GradientCheckRequest } from '../../protocol/gradientCheckProtocol';
import { parseGradientCheckPersistedState } from '../../protocol/gradientCheckProtocol';
import { describeIssue } from '../../protocol/validation';
import type { GradientCheckOutcome } from './gradientCheckPanel';
import { GradientCheckPanel } from './gradientCheckPanel';

export class GradientCheckPanelSerializer implements vscode.WebviewPanelSerializer<unknown> {
  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
    /** The request "Run again" uses: the current settings at that moment. */
    private readonly rerun: () => GradientCheckRequest,
  ) {}

  deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    // The panel is live once revived; VS Code need not wait for the page to draw (or a re-run check to finish).
    void this.restore(panel, state);
    return Promise.resolve();
  }

  /** Revives the panel from `state`; resolves with what the page drew, or undefined when the state was unusable. */
  restore(panel: vscode.WebviewPanel, state: unknown): Promise<GradientCheckOutcome | undefined> {
    const parsed = parseGradientCheckPersistedState(state);
    if (!parsed.ok) {
      this.log.warn(`[gradient check] cannot restore the panel: ${describeIssue(parsed.issue)}`);
      panel.dispose();
      return Promise.resolve(undefined);
    }
    return GradientCheckPanel.revive(panel, this.extensionUri, this.log, parsed.value, this.rerun);
  }
}
