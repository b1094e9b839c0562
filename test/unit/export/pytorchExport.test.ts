// Issue 14: a run handed over to PyTorch is the same experiment. Runs trained the way the extension trains them
// (worker intake → training → run folder) are exported with `buildRunExport`; where a Python with torch is installed,
// the generated script runs with `--check run.json` and must reproduce every epoch's training loss to 1e-9 relative
// in float64 (and so must `torchrun --nproc_per_node 2` for some of them). The combinations cover every cell, the
// topologies the data gives, and every remedy the CLI supports.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildRunExport } from '../../../src/lab/export/runExport';
import type { SettingsOverrides } from '../../../src/lab/settings/resolveSettings';
import { writeExportBundle } from '../../../src/node/exportFiles';
import { nodePlatform } from '../../../src/node/nodePlatform';
import { bundleWorker } from '../workerBundle';
import { trainCommand } from '../../../src/cli/train/trainCommand';
import { runCommand } from '../cli/captureCommand';
import { trainFileLikeTheEditor } from '../training/editorRun';
import { pythonWithTorch, runPython, runTorchrun } from './pythonTorch';

const root = path.resolve(__dirname, '../../../..');
const SAMPLES = path.join(root, 'samples');

interface Combination {
  readonly name: string;
  readonly file: string;
  readonly settings: SettingsOverrides;
  readonly distributed?: boolean;
  /** The same run from `rnn-lab train … --run-dir` (the "trained by the CLI"), checked the same way. */
  readonly cliFlags?: readonly string[];
}

const series = (model: Record<string, unknown>, training: Record<string, unknown>, remedies: Record<string, unknown> = {}): SettingsOverrides =>
  ({ model: { hiddenSize: 6, window: 10, ...model }, training: { epochs: 3, batch: 8, ...training }, remedies } as SettingsOverrides);

export const COMBINATIONS: readonly Combination[] = [
  { name: 'series many-to-one RNN tanh, clip-norm + L2, SGD', file: 'sine.csv', settings: series({}, { learningRate: 0.05 }, { clipNorm: 0.5, l2: 0.001 }), distributed: true, cliFlags: ['--hidden', '6', '--window', '10', '--epochs', '3', '--batch', '8', '--lr', '0.05', '--clip-norm', '0.5', '--l2', '0.001'] },
  { name: 'grouped adding problem, LSTM, Adam', file: 'adding-problem.csv', settings: { model: { cell: 'lstm', hiddenSize: 6 }, training: { epochs: 2, batch: 16, optimizer: 'adam', learningRate: 0.01 } } as SettingsOverrides, distributed: true, cliFlags: ['--cell', 'lstm', '--hidden', '6', '--epochs', '2', '--batch', '16', '--optimizer', 'adam', '--lr', '0.01'] },
  // a character model with batch ≥ 8 would train in float32 (lab/training/precision.ts): pinned to the exact path here
  { name: 'synced text model (characters), GRU, clip-value', file: 'cuento-del-faro.txt', settings: { model: { cell: 'gru', hiddenSize: 8, window: 16 }, training: { epochs: 2, batch: 8, precision: 'float64' }, remedies: { clipValue: 1 } } as SettingsOverrides, distributed: true, cliFlags: ['--cell', 'gru', '--hidden', '8', '--window', '16', '--epochs', '2', '--batch', '8', '--clip-value', '1', '--precision', 'float64'] },
  { name: 'encoder–decoder LSTM, momentum', file: 'sine.csv', settings: series({ cell: 'lstm', topology: 'many-to-many-encoder-decoder', outputSteps: 4 }, { optimizer: 'momentum', learningRate: 0.02 }), distributed: true, cliFlags: ['--cell', 'lstm', '--topology', 'many-to-many-encoder-decoder', '--output-steps', '4', '--hidden', '6', '--window', '10', '--epochs', '3', '--batch', '8', '--optimizer', 'momentum', '--lr', '0.02'] },
  { name: 'series many-to-one RNN, TBPTT(3, 5)', file: 'sine.csv', settings: series({ window: 14 }, { learningRate: 0.05 }, { tbpttK1: 3, tbpttK2: 5 }), distributed: true, cliFlags: ['--hidden', '6', '--window', '14', '--epochs', '3', '--batch', '8', '--lr', '0.05', '--tbptt', '3,5'] },
  { name: 'synced series RNN relu, TBPTT(4, 4), 2 layers', file: 'sine.csv', settings: series({ nonlinearity: 'relu', topology: 'many-to-many-synced', layers: 2 }, { learningRate: 0.02 }, { tbpttK1: 4, tbpttK2: 4 }) },
  { name: 'series RNN tanh with Ω (Pascanu), 2 layers', file: 'sine.csv', settings: series({ layers: 2 }, { learningRate: 0.01 }, { omega: 2 }), distributed: true },
  { name: 'one-to-many GRU, every-step input', file: 'sine.csv', settings: series({ cell: 'gru', topology: 'one-to-many', outputSteps: 5, oneToManyInput: 'every-step' }, {}) },
  { name: 'one-to-one sigmoid RNN, identity init', file: 'sine.csv', settings: series({ nonlinearity: 'sigmoid', topology: 'one-to-one' }, {}, { init: 'identity' }) },
  { name: 'labelled sentences (sentiment), LSTM', file: 'sentiment.csv', settings: { model: { cell: 'lstm', hiddenSize: 6 }, training: { epochs: 2, batch: 4 } } as SettingsOverrides },
];

describe('export to PyTorch (issue 14)', function () {
  this.timeout(600_000);
  let directory: string;
  let workerScript: string;
  const python = pythonWithTorch();

  before(async () => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'rnn-lab-export-'));
    workerScript = await bundleWorker('trainingWorker', directory);
  });
  after(() => fs.rmSync(directory, { recursive: true, force: true }));

  COMBINATIONS.forEach((combination, index) => {
    it(`${combination.name}: python3 script.py --check run.json reproduces every epoch${combination.distributed === true ? ', and torchrun with 2 processes' : ''}${combination.cliFlags !== undefined ? ' (run trained by the extension and by the CLI)' : ''}`, async function () {
      const runsRoot = path.join(directory, `workspace-${index}`, '.rnn-lab', 'runs');
      const run = await trainFileLikeTheEditor(workerScript, path.join(SAMPLES, combination.file), runsRoot, combination.settings);
      await exportAndCheck(this, run.directory, combination, index, 'extension');
      if (combination.cliFlags !== undefined) {
        const cliRun = path.join(directory, `cli-${index}`);
        const trained = await runCommand(trainCommand(), [path.join(SAMPLES, combination.file), ...combination.cliFlags, '--run-dir', cliRun, '--quiet']);
        assert.equal(trained.code, 0, trained.stderr);
        await exportAndCheck(this, cliRun, combination, index + 50, 'CLI');
      }
    });
  });

  async function exportAndCheck(context: Mocha.Context, runDirectory: string, combination: Combination, port: number, trainedBy: string): Promise<void> {
    {
      const run = { directory: runDirectory };
      const bundle = await buildRunExport(run.directory, nodePlatform);
      await writeExportBundle(bundle);
      assert.ok(fs.readFileSync(bundle.scriptPath, 'utf8').startsWith('#!/usr/bin/env python3'));
      if (python === null) {
        context.skip(); // no Python with torch here: apt-get install python3-torch (CI installs it)
        return;
      }
      const runJson = path.join(run.directory, 'run.json');
      const single = runPython(python, [bundle.scriptPath, '--check', runJson]);
      assert.equal(single.status, 0, `${single.stdout}\n${single.stderr}`);
      const report = JSON.parse(fs.readFileSync(path.join(run.directory, 'train_pytorch.check.json'), 'utf8')) as { reproduced: boolean; worstRelativeDifference: number; gradientDecayWorstRelativeDifference: number | null };
      assert.equal(report.reproduced, true);
      assert.ok(report.worstRelativeDifference <= 1e-9, `worst relative difference ${report.worstRelativeDifference}`);
      recordResult(`${combination.name} (${trainedBy})`, 1, report.worstRelativeDifference, report.gradientDecayWorstRelativeDifference);
      if (combination.distributed === true) {
        const distributed = runTorchrun(python, 2, bundle.scriptPath, ['--check', runJson, '--no-decay'], 29500 + port);
        assert.equal(distributed.status, 0, `${distributed.stdout}\n${distributed.stderr}`);
        const twoProcesses = JSON.parse(fs.readFileSync(path.join(run.directory, 'train_pytorch.check.json'), 'utf8')) as { reproduced: boolean; worstRelativeDifference: number; worldSize: number };
        assert.equal(twoProcesses.worldSize, 2);
        assert.ok(twoProcesses.worstRelativeDifference <= 1e-9, `2 processes: worst relative difference ${twoProcesses.worstRelativeDifference}`);
        recordResult(`${combination.name} (${trainedBy})`, 2, twoProcesses.worstRelativeDifference, null);
      }
    }
  }
});

/** The table the closing note reports (RNN_LAB_EXPORT_TABLE=file appends one JSON line per check). */
function recordResult(name: string, processes: number, worst: number, decay: number | null): void {
  const file = process.env['RNN_LAB_EXPORT_TABLE'];
  if (file !== undefined) fs.appendFileSync(file, `${JSON.stringify({ name, processes, worst, decay })}\n`);
}
