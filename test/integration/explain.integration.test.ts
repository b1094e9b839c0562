// "RNN Lab: Explain…" and "RNN Lab: Run Lecture Experiment…" inside the extension host: the explanation panel's
// webview draws the topic's formula, sources and experiment button and reports them back; experiments run the
// commands they name on the bundled samples.
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { extensionUnderTest } from './extensionUnderTest';

interface ExplainResult {
  readonly topic: string;
  readonly rendered: { readonly topic: string; readonly formulaLines: number; readonly sources: number; readonly experimentButton: boolean };
}

interface ExperimentResult {
  readonly topic: string;
  readonly command: string;
  readonly ok: boolean;
  readonly message: string;
  readonly result?: unknown;
}

describe('Explain lecture topics', () => {
  before(async () => {
    await extensionUnderTest().activate();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens the explanation of the vanishing gradient, drawn with its 3 formula lines and 2 sources', async () => {
    const result = await vscode.commands.executeCommand<ExplainResult>('rnnLab.explain', { topic: 'vanishing-gradient' });
    assert.deepStrictEqual(result.rendered, { topic: 'vanishing-gradient', formulaLines: 3, sources: 2, experimentButton: true });
  });

  it('switches the open panel to another topic (the bare id is accepted too)', async () => {
    await vscode.commands.executeCommand<ExplainResult>('rnnLab.explain', 'bptt');
    const result = await vscode.commands.executeCommand<ExplainResult>('rnnLab.explain', 'lstm');
    assert.deepStrictEqual(result.rendered, { topic: 'lstm', formulaLines: 4, sources: 3, experimentButton: true });
  });

  it('refuses an unknown topic without opening anything', async () => {
    const result = await vscode.commands.executeCommand<ExplainResult | undefined>('rnnLab.explain', { topic: 'transformers' });
    assert.strictEqual(result, undefined);
  });

  it('runs the topologies experiment: the topology panel draws the five topologies', async () => {
    const result = await vscode.commands.executeCommand<ExperimentResult>('rnnLab.runLectureExperiment', { topic: 'topologies' });
    assert.strictEqual(result.command, 'rnnLab.showTopologies');
    assert.strictEqual(result.ok, true);
    assert.strictEqual((result.result as { rendered: string[] }).rendered.length, 5);
  });

  it('opens the echo state network config for its experiment', async () => {
    const result = await vscode.commands.executeCommand<ExperimentResult>('rnnLab.runLectureExperiment', { topic: 'echo-state-networks' });
    assert.strictEqual(result.ok, true);
    assert.ok(vscode.window.activeTextEditor?.document.fileName.endsWith('echo-state-network.rnn.json'));
  });

  it('trains the gradient-descent experiment on the bundled sine to completion', async function () {
    this.timeout(180_000);
    const result = await vscode.commands.executeCommand<ExperimentResult>('rnnLab.runLectureExperiment', { topic: 'cost-and-gradient-descent' });
    assert.strictEqual(result.command, 'rnnLab.trainOnFile');
    assert.strictEqual((result.result as { status: string }).status, 'completed', result.message);
    assert.strictEqual(result.ok, true);
  });

  it('trains the LSTM experiment on the adding problem, one example per 50-step sequence', async function () {
    this.timeout(180_000);
    const result = await vscode.commands.executeCommand<ExperimentResult>('rnnLab.runLectureExperiment', { topic: 'lstm' });
    const trained = result.result as { status: string; runJsonPath?: string };
    assert.strictEqual(trained.status, 'completed', result.message);
    const run = JSON.parse(fs.readFileSync(trained.runJsonPath ?? '', 'utf8')) as { data: { shapes: { inputShape: number[] } }; config: { model: { topology: { value: string } } } };
    assert.deepStrictEqual(run.data.shapes.inputShape, [100, 50, 2]);
    assert.strictEqual(run.config.model.topology.value, 'many-to-one');
  });
});
