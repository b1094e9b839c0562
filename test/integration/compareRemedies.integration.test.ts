// Compare Remedies inside a real extension host (issue 6): on samples/sine.csv with a short budget, every entry of the
// line-up trains in its worker, the comparison panel opens, and the webview reports a table row for every entry plus
// a decay line for each BPTT entry and a loss line for every entry. Unknown entries and bad budgets are clear errors.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { PROJECT_ROOT } from '../host/projectPaths';
import { extensionUnderTest } from './extensionUnderTest';

const COMPARE = 'rnnLab.compareRemedies';
const ALL = ['rnn', 'clipping', 'tbptt', 'l2', 'irnn', 'orthogonal', 'lstm', 'gru', 'esn'];

interface Outcome {
  readonly threshold: number;
  readonly entries: readonly { id: string; finalValidationLoss: number; stepsToThreshold: number | null; lambda1: number | null; seconds: number }[];
  readonly skipped: readonly string[];
  readonly renderedRows: readonly string[];
  readonly decayLines: number;
  readonly lossLines: number;
}

describe('Compare Remedies', () => {
  const file = path.join(PROJECT_ROOT, 'samples', 'sine.csv');

  before(async () => {
    await extensionUnderTest().activate();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('trains the whole line-up on the sine sample and the table lists every entry', async function () {
    this.timeout(180_000);
    const started = Date.now();
    const outcome = await vscode.commands.executeCommand<Outcome | undefined>(COMPARE, { file, epochs: 2, silent: true });
    assert.ok(outcome !== undefined, 'the comparison completed');
    if (this.test !== undefined) this.test.title += ` — ${ALL.length} entries in ${((Date.now() - started) / 1000).toFixed(1)} s`;
    assert.deepStrictEqual(outcome.entries.map((entry) => entry.id), ALL);
    assert.deepStrictEqual([...outcome.renderedRows], ALL, 'the webview drew one table row per entry');
    assert.deepStrictEqual([...outcome.skipped], []);
    assert.strictEqual(outcome.decayLines, ALL.length - 1, 'one ‖∂J/∂h_k‖ line per BPTT entry (not the ESN)');
    assert.strictEqual(outcome.lossLines, ALL.length);
    for (const entry of outcome.entries) {
      assert.ok(Number.isFinite(entry.finalValidationLoss) && entry.finalValidationLoss > 0, `${entry.id}: J = ${entry.finalValidationLoss}`);
      assert.ok(entry.lambda1 !== null && entry.lambda1 > 0, `${entry.id}: λ₁`);
    }
    const best = Math.min(...outcome.entries.map((entry) => entry.finalValidationLoss));
    assert.ok(Math.abs(outcome.threshold - 1.5 * best) <= 1e-12 * best);
    assert.ok(outcome.entries.some((entry) => entry.stepsToThreshold !== null), 'the best entry reaches J*');
  });

  it('trains only the chosen entries', async function () {
    this.timeout(60_000);
    const outcome = await vscode.commands.executeCommand<Outcome | undefined>(COMPARE, { file, epochs: 1, entries: ['rnn', 'lstm'], silent: true });
    assert.deepStrictEqual(outcome?.renderedRows, ['rnn', 'lstm']);
  });

  it("trains on a saved run's data source (a selection of lines)", async function () {
    this.timeout(60_000);
    const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'rnn-lab-compare-run-'));
    try {
      fs.copyFileSync(file, path.join(workspace, 'sine.csv'));
      const runFolder = path.join(workspace, '.rnn-lab', 'runs', '2026-11-27T22-00-00-000Z-sine');
      fs.mkdirSync(runFolder, { recursive: true });
      fs.writeFileSync(path.join(runFolder, 'run.json'), JSON.stringify({ data: { source: 'sine.csv (selection, lines 1–401)' } }));
      const outcome = await vscode.commands.executeCommand<Outcome & { source: string } | undefined>(COMPARE, { run: runFolder, epochs: 1, entries: ['rnn'], silent: true });
      assert.strictEqual(outcome?.source, 'sine.csv (selection, lines 1–401)');
      assert.deepStrictEqual(outcome?.renderedRows, ['rnn']);
    } finally {
      fs.rmSync(workspace, { recursive: true, force: true });
    }
  });

  it('rejects an unknown entry and a bad budget with a clear message', async () => {
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand(COMPARE, { file, entries: ['rnn', 'transformer'], silent: true })), /transformer/);
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand(COMPARE, { file, epochs: 0, silent: true })), /epochs/);
  });
});
