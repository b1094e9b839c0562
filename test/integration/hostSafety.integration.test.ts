// Issue 13 in a real extension host: Stop Training reaches a train command whose worker is still reading a large file
// (the command ends as cancelled and saves nothing), and rnnLab.training.confirmShapes = false trains a prompted
// (non-silent) command without the shape preview's notification — with the preview on, the command would wait there.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { extensionUnderTest } from './extensionUnderTest';

interface TrainResult {
  readonly status: string;
  readonly runJsonPath?: string | null;
  readonly message?: string;
}

function workspace(): string {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  assert.ok(folder, 'the integration window has a workspace folder');
  return folder;
}

function runCount(): number {
  const runs = path.join(workspace(), '.rnn-lab', 'runs');
  return fs.existsSync(runs) ? fs.readdirSync(runs).length : 0;
}

describe('Host safety (issue 13)', function () {
  this.timeout(120_000);
  const created: string[] = [];

  before(async () => {
    await extensionUnderTest().activate();
  });

  after(async () => {
    await vscode.workspace.getConfiguration('rnnLab.training').update('confirmShapes', undefined, vscode.ConfigurationTarget.Global);
    for (const file of created) fs.rmSync(file, { recursive: true, force: true });
  });

  it('Stop Training while a large file is being read ends the command as cancelled, with no run saved', async () => {
    const big = path.join(workspace(), 'rnn-lab-big-series.csv');
    created.push(big);
    const rows = ['time,value'];
    // ≈ 17 MB, under the default 20 MB limit: reading it takes about a second here
    for (let i = 0; i < 1_150_000; i++) rows.push(`${i},${Math.sin(i * 0.01).toFixed(4)}`);
    fs.writeFileSync(big, rows.join('\n'));
    const before = runCount();
    const started = Date.now();
    const training = vscode.commands.executeCommand<TrainResult>('rnnLab.trainOnFile', { file: big, name: 'issue13 stop while reading', silent: true });
    await new Promise((resolve) => setTimeout(resolve, 250));
    const stopped = await vscode.commands.executeCommand<string[]>('rnnLab.stopTraining');
    const result = await training;
    console.log(`      stopped while reading: ${result.status} after ${Date.now() - started} ms (stop answered ${JSON.stringify(stopped)})`);
    assert.strictEqual(result.status, 'cancelled', result.message);
    assert.strictEqual(stopped.length, 1);
    assert.strictEqual(runCount(), before, 'nothing was saved');
  });

  it('with confirmShapes off, a prompted command trains without waiting for the preview', async () => {
    await vscode.workspace.getConfiguration('rnnLab.training').update('confirmShapes', false, vscode.ConfigurationTarget.Global);
    const text = Array.from({ length: 120 }, (_, i) => Math.sin(0.3 * i).toFixed(4)).join('\n');
    const document = await vscode.workspace.openTextDocument({ content: text, language: 'plaintext' });
    const editor = await vscode.window.showTextDocument(document);
    editor.selection = new vscode.Selection(0, 0, document.lineCount - 1, document.lineAt(document.lineCount - 1).text.length);
    const result = await vscode.commands.executeCommand<TrainResult>('rnnLab.trainOnSelection', {
      name: 'issue13 no preview',
      columns: ['1'],
      whenBusy: 'both',
      settings: { training: { epochs: 2 }, model: { window: 5, hiddenSize: 4 } },
    });
    assert.strictEqual(result.status, 'completed', result.message);
    if (result.runJsonPath) created.push(path.dirname(result.runJsonPath));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
