// `rnn-lab export`: the contract of the command (flags, exit codes, where files go), for a run folder written by
// `rnn-lab train --run-dir` and for a `*.rnn.json` config plus a data file; bad input is one clear line, exit 2.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { exportCommand } from '../../../src/cli/export/exportCommand';
import { trainCommand } from '../../../src/cli/train/trainCommand';
import { runCommand } from './captureCommand';
import { parseModel } from '../../../src/modelFiles/modelJson';
import { pythonWithTorch, runPython } from '../export/pythonTorch';

const root = path.resolve(__dirname, '../../../..');
const SINE = path.join(root, 'samples/sine.csv');

describe('rnn-lab export', function () {
  this.timeout(300_000);
  let directory: string;
  before(() => (directory = fs.mkdtempSync(path.join(os.tmpdir(), 'rnn-lab-export-cli-'))));
  after(() => fs.rmSync(directory, { recursive: true, force: true }));

  it('exports a CLI run (--run-dir) next to its run.json, and the script reproduces it', async function () {
    const run = path.join(directory, 'run');
    const trained = await runCommand(trainCommand(), [SINE, '--hidden', '5', '--window', '8', '--epochs', '2', '--clip-norm', '0.5', '--run-dir', run, '--quiet']);
    assert.equal(trained.code, 0, trained.stderr);
    const exported = await runCommand(exportCommand(), [run, '--to', 'pytorch']);
    assert.equal(exported.code, 0, exported.stderr);
    const script = path.join(run, 'train_pytorch.py');
    assert.ok(fs.existsSync(script) && fs.existsSync(path.join(run, 'train_pytorch.data.json')));
    assert.match(exported.stdout, /python3 .*train_pytorch\.py --check .*run\.json/);
    const python = pythonWithTorch();
    if (python === null) return this.skip();
    const checked = runPython(python, [script, '--check', path.join(run, 'run.json')]);
    assert.equal(checked.status, 0, checked.stdout + checked.stderr);
    assert.match(checked.stdout, /reproduced: 2 epochs/);
    // the trained model comes back as RNN Lab's model JSON: it parses, with the run's final parameters to rounding
    const trainedModel = parseModel(fs.readFileSync(path.join(run, 'train_pytorch.model.json'), 'utf8'));
    const runModel = parseModel(fs.readFileSync(path.join(run, 'model.json'), 'utf8'));
    trainedModel.parameters.tensors.forEach((tensor, index) => {
      const expected = runModel.parameters.tensors[index]!;
      assert.equal(tensor.name, expected.name);
      tensor.data.forEach((value, i) => assert.ok(Math.abs(value - expected.data[i]!) <= 1e-9 * (1 + Math.abs(expected.data[i]!)), `${tensor.name}[${i}]`));
    });
    const decay = fs.readFileSync(path.join(run, 'train_pytorch.gradient_decay.csv'), 'utf8').trim().split('\n');
    assert.equal(decay[0], 'epoch,layer,k,grad_norm_h,grad_norm_c,grad_norm_last_term');
    assert.equal(decay.length - 1, 3 * 8, 'epochs 0, 1, 2 × 8 timesteps');
  });

  it('a float32 run (the batched path) exports a script that trains in float32 by default and reproduces it', async function () {
    const run = path.join(directory, 'run-float32');
    const trained = await runCommand(trainCommand(), [SINE, '--hidden', '64', '--batch', '8', '--lr', '0.002', '--epochs', '3', '--precision', 'float32', '--run-dir', run, '--quiet']);
    assert.equal(trained.code, 0, trained.stderr);
    const record = JSON.parse(fs.readFileSync(path.join(run, 'run.json'), 'utf8')) as { arithmetic: { precision: string; threads: number } };
    assert.deepEqual([record.arithmetic.precision, record.arithmetic.threads], ['float32', 1], 'no shard worker beside the tests: one thread');
    const exported = await runCommand(exportCommand(), [run, '--to', 'pytorch']);
    assert.equal(exported.code, 0, exported.stderr);
    const script = path.join(run, 'train_pytorch.py');
    assert.match(fs.readFileSync(script, 'utf8'), /^RUN_DTYPE = "float32"/m);
    const python = pythonWithTorch();
    if (python === null) return this.skip();
    const checked = runPython(python, [script, '--check', path.join(run, 'run.json'), '--no-decay']);
    assert.equal(checked.status, 0, checked.stdout + checked.stderr);
    assert.match(checked.stdout, /reproduced: 3 epochs, largest relative difference \S+ \(tolerance 0\.001\)/);
  });

  it('exports a *.rnn.json config with --data to --out, and the script trains', async function () {
    const out = path.join(directory, 'from-config', 'many_to_one.py');
    const exported = await runCommand(exportCommand(), [path.join(root, 'samples/configs/many-to-one.rnn.json'), '--data', SINE, '--to', 'pytorch', '--out', out]);
    assert.equal(exported.code, 0, exported.stderr);
    assert.ok(fs.existsSync(out) && fs.existsSync(path.join(directory, 'from-config', 'many_to_one.data.json')));
    const python = pythonWithTorch();
    if (python === null) return this.skip();
    const trainedScript = runPython(python, [out, '--epochs', '1', '--no-decay']);
    assert.equal(trainedScript.status, 0, trainedScript.stdout + trainedScript.stderr);
    assert.ok(fs.existsSync(path.join(directory, 'from-config', 'many_to_one.model.json')));
  });

  const refusals: Array<[string, string[], RegExp]> = [
    ['no --to', ['somewhere'], /--to is required/],
    ['an unknown target', ['somewhere', '--to', 'jax'], /"jax" is not accepted; accepted: pytorch, numpy/],
    ['--out without .py', ['somewhere', '--to', 'pytorch', '--out', 'x.txt'], /must end in \.py/],
    ['a folder without run.json', ['.', '--to', 'pytorch'], /run\.json: cannot read the run record/],
  ];
  for (const [name, args, message] of refusals) {
    it(`refuses ${name} with exit 2 and one line`, async () => {
      const error = await runCommand(exportCommand(), args).then(
        () => null,
        (caught: Error) => caught,
      );
      assert.ok(error !== null, 'expected a refusal');
      assert.match(error.message, message);
    });
  }
});
