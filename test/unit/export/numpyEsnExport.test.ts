// Issue 14: an echo state network run handed over to NumPy is the same fit. Runs saved by `rnn-lab train --cell esn
// --run-dir` are exported with `buildRunExport` (and once through `rnn-lab export DIR --to numpy`); where a Python with
// numpy is installed, the script runs with `--check run.json` and must reproduce J on the training and validation sets
// to 1e-9 relative — and W_out too: the script takes every sum in the engine's order and uses the engine's tanh, so
// both agree bit for bit. Its tanh is checked against Math.tanh directly, and the fitted model it saves must read back
// with RNN Lab's echo state model reader.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { exportCommand } from '../../../src/cli/export/exportCommand';
import { trainCommand } from '../../../src/cli/train/trainCommand';
import { ExportError, NUMPY_SCRIPT_NAME, sidecarPathOf } from '../../../src/lab/export/exportBundle';
import { PYTHON_TANH_SECTION } from '../../../src/lab/export/numpy/pythonTanh';
import { buildRunExport } from '../../../src/lab/export/runExport';
import type { RunRecord } from '../../../src/lab/runs/runRecord';
import { parseEchoStateModel } from '../../../src/modelFiles/echoStateModelJson';
import { writeExportBundle } from '../../../src/node/exportFiles';
import { nodePlatform } from '../../../src/node/nodePlatform';
import { runCommand } from '../cli/captureCommand';
import { pythonWithNumpy, runPython } from './pythonTorch';

const SAMPLES = path.resolve(__dirname, '../../../../samples');

interface EsnCombination {
  readonly name: string;
  readonly file: string;
  readonly args: readonly string[];
}

/** Every ESN topology the CLI trains, a leaky reservoir, and fits whose Z Zᵀ + βI is badly conditioned. */
const COMBINATIONS: readonly EsnCombination[] = [
  { name: 'sine, many-to-one, default reservoir (N = 100)', file: 'sine.csv', args: [] },
  { name: 'sine, synced many-to-many, washout 5, leak 0.5, N = 60', file: 'sine.csv', args: ['--topology', 'many-to-many-synced', '--washout', '5', '--leak', '0.5', '--reservoir', '60'] },
  { name: 'adding problem (grouped, many-to-one), N = 100: 80 sequences for 103 features', file: 'adding-problem.csv', args: [] },
  { name: 'sine, many-to-one, N = 200, leak 0.3, seed 7', file: 'sine.csv', args: ['--reservoir', '200', '--leak', '0.3', '--seed', '7'] },
];

interface CheckReport {
  reproduced: boolean;
  worstRelativeDifference: number;
  readoutMaxRelativeDifference: number;
  readoutNormRelativeDifference: number;
  engineOrder: boolean;
  losses: { loss: string; numpy: number | null; run: number | null }[];
}

describe('export of echo state networks to NumPy (issue 14)', function () {
  this.timeout(600_000);
  let root: string;
  const python = pythonWithNumpy();

  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'rnn-lab-esn-export-'));
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  async function trainEsn(name: string, file: string, args: readonly string[]): Promise<string> {
    const directory = path.join(root, name);
    const trained = await runCommand(trainCommand(), [path.join(SAMPLES, file), '--cell', 'esn', ...args, '--run-dir', directory, '--quiet']);
    assert.equal(trained.code, 0, trained.stderr);
    return directory;
  }

  COMBINATIONS.forEach((combination, index) => {
    it(`${combination.name}: python3 ${NUMPY_SCRIPT_NAME} --check run.json reproduces J and W_out`, async function () {
      const directory = await trainEsn(`run-${index}`, combination.file, combination.args);
      const bundle = await buildRunExport(directory, nodePlatform, { target: 'numpy' });
      assert.equal(bundle.target, 'numpy');
      assert.equal(bundle.scriptPath, path.join(directory, NUMPY_SCRIPT_NAME));
      await writeExportBundle(bundle);
      const script = fs.readFileSync(bundle.scriptPath, 'utf8');
      assert.ok(script.startsWith('#!/usr/bin/env python3'));
      assert.match(script, /^import numpy as np$/m);
      assert.doesNotMatch(script, /torch/);
      const recorded = parseEchoStateModel(fs.readFileSync(path.join(directory, 'model.json'), 'utf8'));
      const sidecar = JSON.parse(fs.readFileSync(sidecarPathOf(bundle.scriptPath), 'utf8')) as { model: unknown; data: { kind: string } };
      // the reservoir travels as recorded: the script never draws it again
      const carried = parseEchoStateModel(JSON.stringify(sidecar.model));
      assert.deepEqual(Array.from(carried.reservoir.weights), Array.from(recorded.reservoir.weights));
      assert.deepEqual(Array.from(carried.reservoir.inputWeights), Array.from(recorded.reservoir.inputWeights));
      assert.equal(sidecar.data.kind, combination.file === 'adding-problem.csv' ? 'grouped' : 'series');
      if (python === null) {
        this.skip(); // no Python with numpy here: apt-get install python3-numpy
        return;
      }
      const run = runPython(python, [bundle.scriptPath, '--check', path.join(directory, 'run.json')]);
      assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
      const report = JSON.parse(fs.readFileSync(path.join(directory, 'train_esn_numpy.check.json'), 'utf8')) as CheckReport;
      assert.equal(report.reproduced, true);
      assert.equal(report.engineOrder, true);
      assert.ok(report.worstRelativeDifference <= 1e-9, `J: worst relative difference ${report.worstRelativeDifference}`);
      assert.ok(report.readoutMaxRelativeDifference <= 1e-9, `W_out: largest relative difference ${report.readoutMaxRelativeDifference}`);
      recordResult(combination.name, report);
      // the fitted model is RNN Lab's echo state model JSON again, with the run's reservoir and (to 1e-9) its readout
      const saved = parseEchoStateModel(fs.readFileSync(path.join(directory, 'train_esn_numpy.model.json'), 'utf8'));
      assert.deepEqual(Array.from(saved.reservoir.weights), Array.from(recorded.reservoir.weights));
      assert.equal(saved.topology, recorded.topology);
      saved.readout.forEach((value, entry) => {
        const expected = recorded.readout[entry] as number;
        assert.ok(Math.abs(value - expected) <= 1e-9 * Math.max(Math.abs(expected), 1e-12), `W_out entry ${entry}: ${value} vs ${expected}`);
      });
    });
  });

  it('rnn-lab export DIR --to numpy writes the script; --to pytorch is refused for an ESN run, --to numpy for a BPTT run', async function () {
    const esn = await trainEsn('cli-esn', 'sine.csv', ['--reservoir', '40']);
    const exported = await runCommand(exportCommand(), [esn, '--to', 'numpy', '--quiet']);
    assert.equal(exported.code, 0, exported.stderr);
    assert.match(exported.stdout, /NumPy script for echo state network run/);
    assert.ok(fs.existsSync(path.join(esn, NUMPY_SCRIPT_NAME)));
    assert.ok(fs.existsSync(path.join(esn, 'train_esn_numpy.data.json')));
    const out = path.join(root, 'elsewhere', 'esn.py');
    assert.equal((await runCommand(exportCommand(), [esn, '--to', 'numpy', '--out', out, '--quiet'])).code, 0);
    assert.ok(fs.existsSync(out) && fs.existsSync(path.join(root, 'elsewhere', 'esn.data.json')));
    await assert.rejects(runCommand(exportCommand(), [esn, '--to', 'pytorch']), (error: Error) => error.name === 'CliInputError' && /--to numpy/.test(error.message));
    await assert.rejects(buildRunExport(esn, nodePlatform, { target: 'pytorch' }), (error: Error) => error instanceof ExportError && /echo state network/.test(error.message));
    // without a target an ESN run goes to NumPy (the extension's export worker passes none)
    assert.equal((await buildRunExport(esn, nodePlatform)).target, 'numpy');

    const bptt = path.join(root, 'cli-bptt');
    const trained = await runCommand(trainCommand(), [path.join(SAMPLES, 'sine.csv'), '--epochs', '1', '--hidden', '4', '--run-dir', bptt, '--quiet']);
    assert.equal(trained.code, 0, trained.stderr);
    await assert.rejects(buildRunExport(bptt, nodePlatform, { target: 'numpy' }), (error: Error) => error instanceof ExportError && /NumPy export is for echo state network runs/.test(error.message));
    if (python === null) return;
    const run = runPython(python, [path.join(esn, NUMPY_SCRIPT_NAME), '--check', path.join(esn, 'run.json')]);
    assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
    assert.match(run.stdout, /reproduced: largest relative difference of J 0\.00e\+00/);
  });

  it('refuses a model.json that does not belong to the run', async function () {
    const directory = await trainEsn('mismatch', 'sine.csv', ['--reservoir', '30']);
    const record = JSON.parse(fs.readFileSync(path.join(directory, 'run.json'), 'utf8')) as RunRecord;
    const model = JSON.parse(fs.readFileSync(path.join(directory, record.modelFile ?? 'model.json'), 'utf8')) as { config: { ridge: number } };
    model.config.ridge = 0.5;
    fs.writeFileSync(path.join(directory, record.modelFile ?? 'model.json'), JSON.stringify(model));
    await assert.rejects(buildRunExport(directory, nodePlatform), (error: Error) => error instanceof ExportError && /does not belong to this run: ridge 0.5/.test(error.message));
  });

  it("the script's tanh is the engine's Math.tanh bit for bit (3·10⁶ arguments)", function () {
    if (python === null) {
      this.skip();
      return;
    }
    const count = 3_000_000;
    const x = new Float64Array(count);
    let state = 12345;
    const uniform = (): number => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state / 4294967296;
    };
    const scales = [3, 25, 1.2, 0.4, 60];
    for (let i = 0; i < count; i++) {
      const kind = i % 6;
      x[i] = kind === 5 ? (uniform() * 2 - 1) * 2 ** (-20 * uniform() - 10) : (uniform() * 2 - 1) * (scales[kind] as number);
    }
    const directory = fs.mkdtempSync(path.join(root, 'tanh-'));
    fs.writeFileSync(path.join(directory, 'x.bin'), Buffer.from(x.buffer));
    fs.writeFileSync(path.join(directory, 'tanh.bin'), Buffer.from(x.map(Math.tanh).buffer));
    const program = `import sys\nimport numpy as np\n${PYTHON_TANH_SECTION}\nx = np.fromfile(sys.argv[1]); expected = np.fromfile(sys.argv[2])\nprint(int(np.count_nonzero(engine_tanh(x).view(np.uint64) != expected.view(np.uint64))))\n`;
    fs.writeFileSync(path.join(directory, 'tanh.py'), program);
    const run = runPython(python, [path.join(directory, 'tanh.py'), path.join(directory, 'x.bin'), path.join(directory, 'tanh.bin')]);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout.trim(), '0', 'arguments where the script’s tanh and Math.tanh differ');
  });
});

/** The table the closing note reports (RNN_LAB_EXPORT_TABLE=file appends one JSON line per check). */
function recordResult(name: string, report: CheckReport): void {
  const file = process.env['RNN_LAB_EXPORT_TABLE'];
  if (file !== undefined) {
    fs.appendFileSync(file, `${JSON.stringify({ name, target: 'numpy', worst: report.worstRelativeDifference, readout: report.readoutMaxRelativeDifference })}\n`);
  }
}
