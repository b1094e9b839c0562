// The training panel inside a real extension host (issue 6): a saved run opens in the panel and the webview reports
// every chart drawn with data; hidden and shown again, the page is rebuilt from the host's replay; export writes a
// valid PNG and CSV; a run started from the editor opens its panel and streams into it; Gradient Check reports every
// parameter below the tolerance.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { PROJECT_ROOT } from '../host/projectPaths';
import { extensionUnderTest } from './extensionUnderTest';
import { dismissSaveDialog } from './saveDialog';

const SHOW_GRADIENT_DECAY = 'rnnLab.showGradientDecay';
const EXPORT_CHART = 'rnnLab.exportTrainingChart';
const GRADIENT_CHECK = 'rnnLab.gradientCheck';
const FIXTURE_RUN = '2026-11-27T21-00-00-000Z-adding-lstm';

interface ChartReport {
  readonly chart: string;
  readonly datasets: number;
  readonly points: number;
}

interface RenderReport {
  readonly runId: string;
  readonly charts: readonly ChartReport[];
  readonly liveUpdates: { readonly messages: number; readonly maxPerSecond: number };
}

function assertReport(value: unknown): asserts value is RenderReport {
  assert.ok(typeof value === 'object' && value !== null && Array.isArray((value as RenderReport).charts), `bad report ${JSON.stringify(value)}`);
}

/** The charts every run has (predictions only when the record carries them). */
const CHARTS = ['decay', 'heatmap', 'loss', 'updates', 'spectrum'];

function assertEveryChartDrawn(report: RenderReport, expected: readonly string[] = CHARTS): void {
  assert.deepStrictEqual(report.charts.map((c) => c.chart), expected);
  for (const chart of report.charts) assert.ok(chart.datasets > 0 && chart.points > 0, `${chart.chart} drew nothing: ${JSON.stringify(chart)}`);
}

describe('Training panel', () => {
  let directory: string;
  let runJsonPath: string;

  before(async () => {
    await extensionUnderTest().activate();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'rnn-lab-panel-'));
    const runFolder = path.join(directory, 'runs', FIXTURE_RUN);
    fs.mkdirSync(runFolder, { recursive: true });
    runJsonPath = path.join(runFolder, 'run.json');
    fs.copyFileSync(path.join(PROJECT_ROOT, 'test', 'fixtures', 'runs', FIXTURE_RUN, 'run.json'), runJsonPath);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(directory, { recursive: true, force: true });
  });

  it('opens a saved run and the webview reports every chart rendered with data', async () => {
    const report = await vscode.commands.executeCommand<unknown>(SHOW_GRADIENT_DECAY, { runJsonPath });
    assertReport(report);
    assertEveryChartDrawn(report);
    const record = JSON.parse(fs.readFileSync(runJsonPath, 'utf8')) as { epochs: unknown[]; gradientNormsPerTimestep: { hiddenNorms: unknown[] }[] };
    const byChart = new Map(report.charts.map((c) => [c.chart, c]));
    // Loss: one train and one validation point per epoch. Heatmap: every sampled epoch × every timestep.
    assert.strictEqual(byChart.get('loss')?.points, 2 * record.epochs.length);
    const cells = record.gradientNormsPerTimestep.reduce((sum, s) => sum + s.hiddenNorms.length, 0);
    assert.strictEqual(byChart.get('heatmap')?.points, cells);
  });

  it('hidden and shown again, the page is rebuilt with the same charts', async () => {
    const first = await vscode.commands.executeCommand<unknown>(SHOW_GRADIENT_DECAY, { runJsonPath });
    assertReport(first);
    // Another editor in the same column hides the panel (its page is discarded: no retainContextWhenHidden).
    const document = await vscode.workspace.openTextDocument({ content: 'hide the panel' });
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Active, preview: false });
    const again = await vscode.commands.executeCommand<unknown>(SHOW_GRADIENT_DECAY, { runJsonPath });
    assertReport(again);
    assertEveryChartDrawn(again);
    assert.deepStrictEqual(again.charts, first.charts);
  });

  it('exports a chart as a valid PNG and its data as CSV', async () => {
    await vscode.commands.executeCommand(SHOW_GRADIENT_DECAY, { runJsonPath });
    // a targetPath is written without a dialog only inside a workspace folder (issue 13)
    const workspace = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    assert.ok(workspace, 'the integration window has a workspace folder');
    const exports = fs.mkdtempSync(path.join(workspace, 'rnn-lab-exports-'));
    try {
      await exportPngAndCsv(exports);
    } finally {
      fs.rmSync(exports, { recursive: true, force: true });
    }
  });

  async function exportPngAndCsv(exports: string): Promise<void> {
    const png = path.join(exports, 'decay.png');
    const written = await vscode.commands.executeCommand<string>(EXPORT_CHART, { chart: 'decay', format: 'png', targetPath: png });
    assert.strictEqual(written, png);
    const bytes = fs.readFileSync(png);
    assert.deepStrictEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
    assert.strictEqual(bytes.subarray(12, 16).toString('ascii'), 'IHDR');
    assert.ok(bytes.readUInt32BE(16) > 100 && bytes.readUInt32BE(20) > 100, `image ${bytes.readUInt32BE(16)}×${bytes.readUInt32BE(20)}`);

    const csv = path.join(exports, 'loss.csv');
    await vscode.commands.executeCommand(EXPORT_CHART, { chart: 'loss', format: 'csv', targetPath: csv });
    const lines = fs.readFileSync(csv, 'utf8').trim().split('\n');
    const record = JSON.parse(fs.readFileSync(runJsonPath, 'utf8')) as { epochs: { epoch: number; trainLoss: number }[] };
    assert.strictEqual(lines[0], 'epoch,train loss,validation loss');
    assert.strictEqual(lines.length, record.epochs.length + 1);
    assert.strictEqual(Number(lines[1]!.split(',')[1]), record.epochs[0]!.trainLoss);
  }

  it('does not write a targetPath outside the workspace: the save dialog opens instead (issue 13)', async () => {
    await vscode.commands.executeCommand(SHOW_GRADIENT_DECAY, { runJsonPath });
    const outside = path.join(directory, 'outside.csv');
    const exporting = vscode.commands.executeCommand<string | undefined>(EXPORT_CHART, { chart: 'loss', format: 'csv', targetPath: outside });
    assert.notStrictEqual(await dismissSaveDialog(exporting, outside), outside);
  });

  it('rejects a bad argument with a message instead of a crash', async () => {
    const result = await vscode.commands.executeCommand<unknown>(SHOW_GRADIENT_DECAY, { runJsonPath: 42 });
    assert.strictEqual(result, undefined);
    const missing = await vscode.commands.executeCommand<unknown>(SHOW_GRADIENT_DECAY, { runJsonPath: path.join(directory, 'nope', 'run.json') });
    assert.strictEqual(missing, undefined);
  });

  it('a run started on a selection opens its panel, which then shows the finished run', async function () {
    this.timeout(120_000);
    const values = Array.from({ length: 160 }, (_, i) => Math.sin(0.3 * i).toFixed(4)).join('\n');
    const document = await vscode.workspace.openTextDocument({ content: values });
    const editor = await vscode.window.showTextDocument(document);
    editor.selection = new vscode.Selection(0, 0, document.lineCount, 0);
    const result = await vscode.commands.executeCommand<{ status: string; runId?: string }>('rnnLab.trainOnSelection', {
      name: 'panel follows run',
      silent: true,
      whenBusy: 'both',
      settings: { training: { epochs: 60 }, model: { hiddenSize: 8, window: 10 } },
    });
    assert.strictEqual(result?.status, 'completed', JSON.stringify(result));
    // The panel was opened by the run's start event: Show Gradient Decay by run id finds it (it is no longer training).
    const report = await vscode.commands.executeCommand<unknown>(SHOW_GRADIENT_DECAY, { runId: result.runId });
    assertReport(report);
    // a number series: the worker also sent the final model's validation predictions (chart 6)
    assertEveryChartDrawn(report, [...CHARTS, 'predictions']);
    assert.strictEqual(report.runId, result.runId);
    assert.strictEqual(report.charts.find((c) => c.chart === 'loss')?.points, 2 * 60);
    // Progress streamed into the panel while training, never more than 10 updates in any second.
    const { messages, maxPerSecond } = report.liveUpdates;
    // The measured rate goes into the test's title, so the runner's report shows it.
    if (this.test !== undefined) this.test.title += ` — ${messages} live updates, at most ${maxPerSecond} in any second`;
    assert.ok(messages >= 1, 'the panel received live progress');
    assert.ok(maxPerSecond <= 10, `${maxPerSecond} updates in one second`);
  });

  it('Gradient Check reports every parameter matrix of the tiny model below 1e-6', async () => {
    const outcome = await vscode.commands.executeCommand<{ rows: number; failing: number; result: { report: { passed: boolean } } | null; error: string | null }>(GRADIENT_CHECK);
    assert.strictEqual(outcome.error, null);
    assert.ok(outcome.result?.report.passed);
    assert.ok(outcome.rows >= 6, `rows ${outcome.rows}`);
    assert.strictEqual(outcome.failing, 0);
  });
});
