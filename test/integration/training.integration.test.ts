// Issue 5 in a real extension host: select numbers → "Train on Selection" → the run completes in the worker and its
// run.json shows a falling loss; Stop Training cancels a run mid-way; a malformed selection shows the error and
// creates no run; a settings change is picked up by the next run; and the extension host stays responsive while
// training (the longest event-loop stall, measured with a 5 ms interval timer, must stay under 200 ms).
import * as assert from 'assert';
import { execFile as execFileCallback } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { HOST_KIND_VARIABLE, SUITE_OUTPUT_MARKER } from '../host/suiteOutputMarker';
import { promisify } from 'util';
import { extensionUnderTest } from './extensionUnderTest';

const execFile = promisify(execFileCallback);

interface TrainResult {
  readonly status: string;
  readonly runJsonPath?: string | null;
  readonly modelJsonPath?: string | null;
  readonly cancelLatencyMs?: number;
  readonly message?: string;
}

interface SavedRun {
  readonly status: string;
  readonly epochs: { epoch: number; trainLoss: number }[];
  readonly config: { model: { hiddenSize: { value: number; source: string; level?: string } }; training: { epochs: { value: number; source: string } } };
  readonly data: { shapes: { rowsRead: number; inputShape: number[] } };
  readonly gradientNormsPerTimestep: { epoch: number; layer: number; hiddenNorms: number[] }[];
  readonly validationPredictions?: { column: string; windows: { targets: number[]; predictions: number[] }[] };
  readonly initialModelFile?: string | null;
  readonly arithmetic?: { precision: string; reason: string; threads: number; kernels: string | null };
}

const STALL_LIMIT_MS = 200;
/** An idle extension host normally ticks a 5 ms timer within a few ms; beyond this the machine itself is overloaded. */
const IDLE_STALL_ALLOWANCE_MS = 50;
const createdRunFolders: string[] = [];

/** A measurement line in the test report (marked like the reporter's own lines under the code-server host). */
function report(line: string): void {
  const marker = process.env[HOST_KIND_VARIABLE] === 'code-server' ? SUITE_OUTPUT_MARKER : '';
  console.log(`${marker}      ${line}`);
}

function sineText(rows: number): string {
  return Array.from({ length: rows }, (_, i) => (Math.sin(0.25 * i) + 0.05 * Math.cos(1.7 * i)).toFixed(5)).join('\n');
}

async function editorWithSelection(text: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ content: text, language: 'plaintext' });
  const editor = await vscode.window.showTextDocument(document);
  const last = document.lineAt(document.lineCount - 1);
  editor.selection = new vscode.Selection(0, 0, last.lineNumber, last.text.length);
  return editor;
}

function runsRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the integration window has a workspace folder');
  return path.join(folder.uri.fsPath, '.rnn-lab', 'runs');
}

/** Lines 3–300 of the workspace's sine.csv, selected in the editor (no header in the selection: column 2 is the value). */
async function selectSavedSineRows(): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder);
  const document = await vscode.workspace.openTextDocument(path.join(folder.uri.fsPath, 'sine.csv'));
  const editor = await vscode.window.showTextDocument(document);
  editor.selection = new vscode.Selection(2, 0, 299, document.lineAt(299).text.length);
}

interface RerunJson {
  readonly lossPerEpoch: number[];
  readonly precision: string;
  readonly threads: number;
  readonly rerun: { identical: boolean; recordedEpochs: number };
}

/** `rnn-lab train --from-run` of a saved run, with the extension's own CLI bundle. */
async function rerun(runJsonPath: string): Promise<RerunJson> {
  const cli = path.join(extensionUnderTest().extensionPath, 'dist', 'cli.js');
  const { stdout } = await execFile('node', [cli, 'train', '--from-run', path.dirname(runJsonPath), '--json', '--quiet'], { maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(stdout) as RerunJson;
}

function runFolders(): string[] {
  return fs.existsSync(runsRoot()) ? fs.readdirSync(runsRoot()) : [];
}

function remember(result: TrainResult): SavedRun {
  assert.ok(result.runJsonPath, `the run was saved (status ${result.status}, ${result.message ?? ''})`);
  createdRunFolders.push(path.dirname(result.runJsonPath));
  return JSON.parse(fs.readFileSync(result.runJsonPath, 'utf8')) as SavedRun;
}

/** Longest gap between ticks of a 5 ms timer over `durationMs` with nothing of ours running: the machine's own noise. */
async function idleStall(durationMs: number): Promise<number> {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 5);
  await new Promise((resolve) => setTimeout(resolve, durationMs));
  clearInterval(timer);
  return longest;
}

/**
 * Longest gap between ticks of a 5 ms interval timer: how long the host's event loop was blocked. `preparationMs`
 * covers the command until the run's folder exists (the worker parses and windows the data meanwhile);
 * `trainingMs` covers the rest, while the worker trains.
 */
async function longestStalls<T>(work: () => Thenable<T>): Promise<{ result: T; preparationMs: number; trainingMs: number }> {
  const before = new Set(runFolders());
  let last = performance.now();
  let preparationMs = 0;
  let trainingMs = 0;
  let training = false;
  const timer = setInterval(() => {
    const now = performance.now();
    if (training) trainingMs = Math.max(trainingMs, now - last);
    else preparationMs = Math.max(preparationMs, now - last);
    last = now;
    if (!training && runFolders().some((folder) => !before.has(folder))) training = true;
  }, 5);
  try {
    const result = await work();
    assert.ok(training, 'the run folder appeared while the command ran');
    return { result, preparationMs, trainingMs };
  } finally {
    clearInterval(timer);
  }
}

describe('Train on Selection (issue 5)', () => {
  before(async () => {
    await extensionUnderTest().activate();
  });

  after(async () => {
    // every run opened its training panel beside the editor: close them and the documents (one holds 2.5 MB) so the
    // suites after this one start from an empty workbench
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.getConfiguration('rnnLab').update('model.hiddenSize', undefined, vscode.ConfigurationTarget.Global);
    for (const folder of createdRunFolders) fs.rmSync(folder, { recursive: true, force: true });
    if (fs.existsSync(runsRoot()) && fs.readdirSync(runsRoot()).length === 0) {
      fs.rmSync(path.dirname(runsRoot()), { recursive: true, force: true });
    }
  });

  it('trains on selected numbers in the worker, saves run.json with a falling loss, and never stalls the host', async () => {
    await editorWithSelection(sineText(400));
    const idleMs = await idleStall(2000);
    const { result, preparationMs, trainingMs } = await longestStalls(() =>
      vscode.commands.executeCommand<TrainResult>('rnnLab.trainOnSelection', {
        name: 'integration sine',
        silent: true,
        settings: { training: { epochs: 12, learningRate: 0.02 }, model: { window: 16 } },
      }),
    );
    report(
      `longest extension-host stall: ${trainingMs.toFixed(1)} ms while training, ${preparationMs.toFixed(1)} ms while preparing the data (idle host before the run: ${idleMs.toFixed(1)} ms)`,
    );
    assert.strictEqual(result.status, 'completed');
    const run = remember(result);
    assert.strictEqual(run.status, 'completed');
    assert.deepStrictEqual(run.epochs.map((e) => e.epoch), Array.from({ length: 12 }, (_, i) => i + 1));
    const first = run.epochs[0]?.trainLoss ?? 0;
    const last = run.epochs[run.epochs.length - 1]?.trainLoss ?? Infinity;
    assert.ok(last < first / 2, `train loss should fall: ${first} → ${last}`);
    assert.deepStrictEqual(run.config.training.epochs, { value: 12, source: 'argument' });
    assert.strictEqual(run.data.shapes.rowsRead, 400);
    assert.deepStrictEqual(run.data.shapes.inputShape, [384, 16, 1]);
    assert.ok(run.gradientNormsPerTimestep.some((sample) => sample.epoch === 12 && sample.hiddenNorms.length === 16));
    assert.ok(result.modelJsonPath && fs.existsSync(result.modelJsonPath), 'model.json saved beside run.json');
    assert.strictEqual(run.initialModelFile, 'initial-model.json');
    assert.ok(fs.existsSync(path.join(path.dirname(result.modelJsonPath), 'initial-model.json')), 'initial-model.json saved beside it');
    // On an overloaded machine (other processes starve the host even when it is idle) the bound grows by the idle
    // host's own excess stall; on a quiet machine it is exactly STALL_LIMIT_MS.
    const limit = STALL_LIMIT_MS + Math.max(0, idleMs - IDLE_STALL_ALLOWANCE_MS);
    assert.ok(trainingMs < limit, `the extension host was blocked for ${trainingMs.toFixed(1)} ms while training (limit ${limit.toFixed(0)} ms)`);
    assert.ok(preparationMs < limit, `the extension host was blocked for ${preparationMs.toFixed(1)} ms while the data was prepared (limit ${limit.toFixed(0)} ms)`);
    const predictions = run.validationPredictions;
    // 384 windows, the last 20 % (77) for validation: one prediction each, in the data's units
    assert.strictEqual(predictions?.windows.length, 77, 'one prediction per validation window');
  });

  it('parses and windows a large selection in the worker, never on the host', async () => {
    // ≈ 2.4 MB of numbers: 300,000 values → 299,984 windows of 16; the host only hands the text over.
    const text = sineText(300_000);
    await editorWithSelection(text);
    const idleMs = await idleStall(1000);
    let stopped = false;
    const { result, preparationMs } = await longestStalls(() => {
      const training = vscode.commands.executeCommand<TrainResult>('rnnLab.trainOnSelection', {
        name: 'integration large',
        silent: true,
        whenBusy: 'both',
        settings: { training: { epochs: 1000 }, model: { window: 16, hiddenSize: 4 } },
      });
      // The folder appears a moment before the run is registered: ask again until the stop reaches it.
      const stopWhenStarted = setInterval(() => {
        if (stopped || !runFolders().some((folder) => folder.endsWith('integration-large'))) return;
        void vscode.commands.executeCommand<string[]>('rnnLab.stopTraining', { all: true }).then((ids) => {
          if (ids.length > 0) stopped = true;
        });
      }, 50);
      return training.then((value) => {
        clearInterval(stopWhenStarted);
        return value;
      });
    });
    report(`${(text.length / 1e6).toFixed(1)} MB selection: longest host stall while the worker parsed and windowed it: ${preparationMs.toFixed(1)} ms (idle: ${idleMs.toFixed(1)} ms)`);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const run = remember(result);
    assert.strictEqual(run.data.shapes.rowsRead, 300_000);
    const limit = STALL_LIMIT_MS + Math.max(0, idleMs - IDLE_STALL_ALLOWANCE_MS);
    assert.ok(preparationMs < limit, `the host was blocked for ${preparationMs.toFixed(1)} ms (limit ${limit.toFixed(0)} ms)`);
  });

  it('trains the adding problem one sequence at a time (Train on File): the vanilla RNN\'s gradient vanishes, the LSTM\'s does not', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder);
    const file = path.join(folder.uri.fsPath, 'adding-problem.csv');
    /** ‖∂J/∂h_0‖ / ‖∂J/∂h_49‖ of the last sampled epoch: how much of the loss's gradient reaches the first step. */
    const trainAndMeasure = async (cell: 'rnn' | 'lstm'): Promise<{ run: SavedRun; reach: number }> => {
      const result = await vscode.commands.executeCommand<TrainResult>('rnnLab.trainOnFile', {
        file,
        name: `integration adding ${cell}`,
        silent: true,
        settings: { model: { cell, hiddenSize: 16 }, training: { epochs: 3 } },
      });
      assert.strictEqual(result.status, 'completed', result.message);
      const run = remember(result);
      const samples = run.gradientNormsPerTimestep.filter((sample) => sample.layer === 0);
      const norms = samples[samples.length - 1]?.hiddenNorms ?? [];
      assert.strictEqual(norms.length, 50, 'one norm per step of a 50-step sequence');
      return { run, reach: (norms[0] as number) / (norms[49] as number) };
    };
    const vanilla = await trainAndMeasure('rnn');
    const lstm = await trainAndMeasure('lstm');
    report(`adding problem, ‖∂J/∂h_0‖/‖∂J/∂h_49‖ after 3 epochs: vanilla RNN ${vanilla.reach.toExponential(2)}, LSTM ${lstm.reach.toExponential(2)}`);
    assert.deepStrictEqual(vanilla.run.data.shapes.inputShape, [100, 50, 2], '100 sequences × 50 steps × (value, marker)');
    assert.strictEqual(vanilla.run.validationPredictions?.column, 'target');
    assert.strictEqual(vanilla.run.validationPredictions?.windows.length, 20, 'one prediction per validation sequence');
    assert.ok(vanilla.reach < 1e-3, `the vanilla RNN's gradient vanishes across 49 steps (${vanilla.reach})`);
    assert.ok(lstm.reach > 100 * vanilla.reach, `the LSTM keeps far more of it (${lstm.reach} vs ${vanilla.reach})`);
  });

  it('a run the extension saved is repeated headless by rnn-lab train --from-run with identical losses (a selection and a file)', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder);
    await selectSavedSineRows();
    const selected = await vscode.commands.executeCommand<TrainResult>('rnnLab.trainOnSelection', {
      name: 'integration rerun selection',
      silent: true,
      columns: ['2'],
      settings: { model: { hiddenSize: 6, window: 12 }, training: { epochs: 3 } },
    });
    assert.strictEqual(selected.status, 'completed', selected.message);
    const selectionRun = remember(selected) as SavedRun & { data: { origin?: { kind: string; path: string | null } } };
    assert.deepStrictEqual(selectionRun.data.origin?.kind, 'selection');
    assert.strictEqual(selectionRun.data.origin?.path, 'sine.csv', 'relative to the workspace folder');
    const repeatedSelection = await rerun(selected.runJsonPath ?? '');
    assert.deepStrictEqual(repeatedSelection.rerun.identical, true);
    assert.deepStrictEqual(repeatedSelection.lossPerEpoch, selectionRun.epochs.map((epoch) => epoch.trainLoss));
    // the adding problem from the explorer (Train on File): one example per sequence
    const file = await vscode.commands.executeCommand<TrainResult>('rnnLab.trainOnFile', {
      file: path.join(folder.uri.fsPath, 'adding-problem.csv'),
      name: 'integration rerun file',
      silent: true,
      settings: { model: { hiddenSize: 8 }, training: { epochs: 2 } },
    });
    assert.strictEqual(file.status, 'completed', file.message);
    const fileRun = remember(file);
    const repeatedFile = await rerun(file.runJsonPath ?? '');
    assert.deepStrictEqual(repeatedFile.rerun, { ...repeatedFile.rerun, identical: true, recordedEpochs: 2 });
    assert.deepStrictEqual(repeatedFile.lossPerEpoch, fileRun.epochs.map((epoch) => epoch.trainLoss));
    report(`--from-run reproduced an editor selection run (${selectionRun.epochs.length} epochs) and a Train on File run (${fileRun.epochs.length} epochs) bit for bit`);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Stop Training cancels a running run within 200 ms and saves what it had', async () => {
    await editorWithSelection(sineText(400));
    const before = new Set(runFolders());
    const training = vscode.commands.executeCommand<TrainResult>('rnnLab.trainOnSelection', {
      name: 'integration cancel',
      silent: true,
      whenBusy: 'both',
      settings: { training: { epochs: 100000, batch: 4 } },
    });
    // Wait until the run has started (its folder exists) and has trained for a moment.
    const deadline = Date.now() + 20_000;
    while (runFolders().every((folder) => before.has(folder)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 1500));
    const stopped = await vscode.commands.executeCommand<string[]>('rnnLab.stopTraining', { all: true });
    assert.strictEqual(stopped.length, 1);
    const result = await training;
    report(`cancel latency (Stop → worker acknowledged): ${result.cancelLatencyMs?.toFixed(1)} ms`);
    assert.strictEqual(result.status, 'cancelled');
    assert.ok(result.cancelLatencyMs !== undefined && result.cancelLatencyMs < 200, `cancel took ${result.cancelLatencyMs} ms`);
    const run = remember(result);
    assert.strictEqual(run.status, 'cancelled');
    assert.ok(run.epochs.length < 100000);
  });

  it('a big model trains in float32 on WebAssembly kernels and shard threads; Stop answers within 200 ms; --from-run repeats it', async () => {
    await editorWithSelection(sineText(600));
    const big = { model: { hiddenSize: 128, window: 50 }, training: { batch: 32 } };
    const before = new Set(runFolders());
    const training = vscode.commands.executeCommand<TrainResult>('rnnLab.trainOnSelection', {
      name: 'integration float32 cancel',
      silent: true,
      whenBusy: 'both',
      settings: { ...big, training: { ...big.training, epochs: 100000 } },
    });
    const deadline = Date.now() + 20_000;
    while (runFolders().every((folder) => before.has(folder)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 1500));
    await vscode.commands.executeCommand<string[]>('rnnLab.stopTraining', { all: true });
    const cancelled = await training;
    report(`float32 cancel latency (Stop → worker acknowledged): ${cancelled.cancelLatencyMs?.toFixed(1)} ms`);
    assert.strictEqual(cancelled.status, 'cancelled');
    assert.ok(cancelled.cancelLatencyMs !== undefined && cancelled.cancelLatencyMs < 200, `cancel took ${cancelled.cancelLatencyMs} ms`);
    const stoppedRun = remember(cancelled);
    assert.deepStrictEqual(stoppedRun.arithmetic?.precision, 'float32');
    assert.deepStrictEqual(stoppedRun.arithmetic?.kernels, 'wasm-simd');
    // a short run of the same model on a saved file, repeated headless: the recorded thread count splits the batches alike
    await selectSavedSineRows();
    const short = await vscode.commands.executeCommand<TrainResult>('rnnLab.trainOnSelection', {
      name: 'integration float32 rerun',
      silent: true,
      columns: ['2'],
      settings: { ...big, training: { ...big.training, epochs: 2 } },
    });
    assert.strictEqual(short.status, 'completed', short.message);
    const run = remember(short);
    assert.ok(run.arithmetic !== undefined && run.arithmetic.precision === 'float32' && run.arithmetic.reason === 'auto-large');
    const repeated = await rerun(short.runJsonPath ?? '');
    assert.deepStrictEqual([repeated.precision, repeated.threads], ['float32', run.arithmetic.threads]);
    assert.deepStrictEqual(repeated.lossPerEpoch, run.epochs.map((epoch) => epoch.trainLoss));
    assert.strictEqual(repeated.rerun.identical, true);
    report(`float32 run on ${run.arithmetic.threads} thread(s), ${run.arithmetic.kernels} kernels, repeated bit for bit by --from-run`);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('shows the error of a malformed selection at its document line and creates no run', async () => {
    const editor = await editorWithSelection(['1.5, 2.5, 3.5', '4.0, 5.5a, 6.0', '7.0, 8.0, 9.0'].join('\n'));
    const before = runFolders().length;
    const result = await vscode.commands.executeCommand<TrainResult>('rnnLab.trainOnSelection', { name: 'integration bad', silent: true });
    assert.strictEqual(result.status, 'invalid-data');
    assert.match(result.message ?? '', /:2:2: .*5\.5a/);
    assert.strictEqual(editor.selection.start.line, 1, 'the editor moved to the bad line');
    assert.strictEqual(runFolders().length, before, 'no run folder was created');
  });

  it('refuses missing values at their document line, then interpolates them when told to', async () => {
    // two lines of notes above the table: the selection starts at document line 3
    const rows = Array.from({ length: 80 }, (_, i) => `${i === 9 ? '' : Math.sin(0.3 * i).toFixed(4)},${(0.1 * i).toFixed(1)}`);
    const document = await vscode.workspace.openTextDocument({ content: ['notes', 'more notes', 'value,load', ...rows].join('\n'), language: 'plaintext' });
    const editor = await vscode.window.showTextDocument(document);
    editor.selection = new vscode.Selection(2, 0, document.lineCount - 1, document.lineAt(document.lineCount - 1).text.length);
    const args = { name: 'integration gaps', silent: true, columns: ['value', 'load'], target: 'value', settings: { training: { epochs: 2 }, model: { window: 8 } } };
    const refused = await vscode.commands.executeCommand<TrainResult>('rnnLab.trainOnSelection', args);
    assert.strictEqual(refused.status, 'invalid-data');
    // row 9 of the data is document line 3 (header) + 1 + 9 = 13
    assert.match(refused.message ?? '', /:13: 1 missing value/);
    assert.strictEqual(editor.selection.start.line, 12, 'the editor moved to the gap');
    editor.selection = new vscode.Selection(2, 0, document.lineCount - 1, document.lineAt(document.lineCount - 1).text.length);
    const result = await vscode.commands.executeCommand<TrainResult>('rnnLab.trainOnSelection', { ...args, missing: 'interpolate' });
    assert.strictEqual(result.status, 'completed', result.message);
    const run = remember(result) as SavedRun & { data: { missingValues?: { count: number; handling: string } } };
    assert.deepStrictEqual(run.data.missingValues, { count: 1, handling: 'interpolate' });
  });

  it('picks up a settings change in the next run, recording it as a user setting', async () => {
    await vscode.workspace.getConfiguration('rnnLab').update('model.hiddenSize', 5, vscode.ConfigurationTarget.Global);
    await editorWithSelection(sineText(120));
    const result = await vscode.commands.executeCommand<TrainResult>('rnnLab.trainOnSelection', {
      name: 'integration settings',
      silent: true,
      settings: { training: { epochs: 2 } },
    });
    assert.strictEqual(result.status, 'completed');
    const run = remember(result);
    assert.deepStrictEqual(run.config.model.hiddenSize, { value: 5, source: 'setting', level: 'user' });
    const model = JSON.parse(fs.readFileSync(result.modelJsonPath ?? '', 'utf8')) as { config: { hiddenSize: number } };
    assert.strictEqual(model.config.hiddenSize, 5);
  });
});
