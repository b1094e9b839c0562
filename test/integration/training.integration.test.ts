// Issue 5 in a real extension host: select numbers → "Train on Selection" → the run completes in the worker and its
// run.json shows a falling loss; Stop Training cancels a run mid-way; a malformed selection shows the error and
// creates no run; a settings change is picked up by the next run; and the extension host stays responsive while
// training (the longest event-loop stall, measured with a 5 ms interval timer, must stay under 200 ms).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { HOST_KIND_VARIABLE, SUITE_OUTPUT_MARKER } from '../host/suiteOutputMarker';
import { extensionUnderTest } from './extensionUnderTest';

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
  readonly gradientNormsPerTimestep: { epoch: number; hiddenNorms: number[] }[];
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
 * covers the command until the run's folder exists (parsing and windowing happen on the host, before training);
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
    // On an overloaded machine (other processes starve the host even when it is idle) the bound grows by the idle
    // host's own excess stall; on a quiet machine it is exactly STALL_LIMIT_MS.
    const limit = STALL_LIMIT_MS + Math.max(0, idleMs - IDLE_STALL_ALLOWANCE_MS);
    assert.ok(trainingMs < limit, `the extension host was blocked for ${trainingMs.toFixed(1)} ms while training (limit ${limit.toFixed(0)} ms)`);
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

  it('shows the error of a malformed selection at its document line and creates no run', async () => {
    const editor = await editorWithSelection(['1.5, 2.5, 3.5', '4.0, 5.5a, 6.0', '7.0, 8.0, 9.0'].join('\n'));
    const before = runFolders().length;
    const result = await vscode.commands.executeCommand<TrainResult>('rnnLab.trainOnSelection', { name: 'integration bad', silent: true });
    assert.strictEqual(result.status, 'invalid-data');
    assert.match(result.message ?? '', /:2:2: .*5\.5a/);
    assert.strictEqual(editor.selection.start.line, 1, 'the editor moved to the bad line');
    assert.strictEqual(runFolders().length, before, 'no run folder was created');
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
