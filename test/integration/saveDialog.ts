// Issue 13: a command asked to write outside the workspace must open the save dialog instead of writing. Waits for
// the dialog, checks nothing was written, dismisses it (VS Code's own file picker in the web workbench is a quick
// pick) and returns what the command resolved to, or 'still waiting' if it did not end within 10 s.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';

export async function dismissSaveDialog<T>(pending: Thenable<T>, file: string): Promise<T | 'still waiting'> {
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  assert.ok(!fs.existsSync(file), 'nothing written before the user chose');
  await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  const result = await Promise.race([pending, new Promise<'still waiting'>((resolve) => setTimeout(() => resolve('still waiting'), 10_000))]);
  assert.ok(!fs.existsSync(file), 'nothing written after the dialog was dismissed');
  return result;
}
