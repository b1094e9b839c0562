// activate(): wiring only. Every registration goes into context.subscriptions.
import * as vscode from 'vscode';

export function activate(context: vscode.ExtensionContext): void {
  void context;
}

export function deactivate(): void {
  // Everything registered is disposed through context.subscriptions.
}
