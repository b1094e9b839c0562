// `rnn-lab train … --run-dir DIR`: the CLI saves a run folder as the extension does — run.json (passing the one
// run-record check, with the settings' sources, data.origin and data.choices), model.json and initial-model.json (the
// parameters setUpTraining drew, before the first update) — that `--from-run DIR` repeats bit for bit and
// `rnn-lab report DIR` draws; an echo state run saves its ESN model.json and is fitted again by --from-run.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { trainCommand } from '../../../src/cli/train/trainCommand';
import { readRunRecord } from '../../../src/cli/report/readRunRecord';
import { renderReportHtml } from '../../../src/cli/report/reportHtml';
import { runReportData } from '../../../src/cli/report/runReport';
import type { RunRecord } from '../../../src/lab/runs/runRecord';
import { plainSettings } from '../../../src/lab/settings/resolveSettings';
import { setUpTraining } from '../../../src/lab/training/trainingSetup';
import { parseEchoStateModel } from '../../../src/modelFiles/echoStateModelJson';
import { parseModel, type LoadedModel } from '../../../src/modelFiles/modelJson';
import { parseRunRecord } from '../../../src/protocol/runRecordCheck';
import { reportPageScript } from '../demo/reportPageBundle';
import { runCommand } from './captureCommand';

const SAMPLES = path.resolve(__dirname, '../../../../samples');

interface RerunJson {
  lossPerEpoch: number[];
  rerun: { runId: string; recordedEpochs: number; identical: boolean };
}

describe('rnn-lab train --run-dir', function () {
  this.timeout(120_000);
  let root: string;

  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'rnn-lab-run-dir-'));
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  async function trainInto(directory: string, args: readonly string[]): Promise<RunRecord> {
    const result = await runCommand(trainCommand(), [...args, '--run-dir', directory, '--quiet']);
    assert.equal(result.code, 0, result.stderr);
    const parsed = parseRunRecord(JSON.parse(fs.readFileSync(path.join(directory, 'run.json'), 'utf8')));
    assert.ok(parsed.ok, parsed.ok ? '' : JSON.stringify(parsed.issue));
    return parsed.value;
  }

  function model(directory: string, file: string): LoadedModel {
    return parseModel(fs.readFileSync(path.join(directory, file), 'utf8'), file);
  }

  function values(loaded: LoadedModel): number[][] {
    return loaded.parameters.tensors.map((tensor) => [...tensor.data]);
  }

  /** model.json and initial-model.json: same model, the initial one holds what setUpTraining draws from the record's settings. */
  function checkModelFiles(directory: string, record: RunRecord): void {
    assert.deepEqual(fs.readdirSync(directory).sort(), ['initial-model.json', 'model.json', 'run.json']);
    assert.equal(record.modelKind, 'bptt');
    assert.equal(record.modelFile, 'model.json');
    assert.equal(record.initialModelFile, 'initial-model.json');
    const trained = model(directory, 'model.json');
    const initial = model(directory, 'initial-model.json');
    assert.deepEqual(initial.config, trained.config);
    assert.notDeepEqual(values(initial), values(trained), 'training moved the parameters');
    assert.deepEqual(values(initial), values({ ...initial, parameters: setUpTraining(plainSettings(record.config), initial.config).model.parameters }));
    assert.deepEqual(initial.extras.normalization, trained.extras.normalization);
    assert.equal(initial.extras.training?.['epochsCompleted'], 0);
  }

  async function rerun(directory: string, extra: readonly string[] = []): Promise<RerunJson> {
    const result = await runCommand(trainCommand(), ['--from-run', directory, '--json', '--quiet', ...extra]);
    assert.equal(result.code, 0, result.stderr);
    return JSON.parse(result.stdout) as RerunJson;
  }

  async function reproduces(directory: string, record: RunRecord): Promise<void> {
    const json = await rerun(directory);
    assert.equal(json.rerun.identical, true);
    assert.equal(json.rerun.runId, path.basename(directory));
    assert.deepEqual(json.lossPerEpoch.slice(0, record.epochs.length), record.epochs.map((epoch) => epoch.trainLoss));
  }

  async function reportDraws(directory: string): Promise<void> {
    const { record } = await readRunRecord(directory);
    const html = renderReportHtml(runReportData(record), reportPageScript());
    assert.match(html, new RegExp(`RNN Lab run: ${record.name}`));
  }

  it('a number series with --clip-norm and --l2: the three files, sourced settings, the data\'s absolute path; --from-run reproduces it', async () => {
    const directory = path.join(root, 'series', 'new-folder');
    const file = path.join(SAMPLES, 'sine.csv');
    const record = await trainInto(directory, [file, '--epochs', '3', '--hidden', '8', '--window', '12', '--clip-norm', '0.5', '--l2', '0.001']);
    checkModelFiles(directory, record);
    assert.equal(record.id, 'new-folder');
    assert.equal(record.name, 'sine');
    assert.equal(record.status, 'completed');
    assert.equal(record.epochs.length, 3);
    assert.deepEqual(record.config.remedies.clipNorm, { value: 0.5, source: 'argument' });
    assert.deepEqual(record.config.remedies.l2, { value: 0.001, source: 'argument' });
    assert.deepEqual(record.config.training.seed, { value: 42, source: 'default' });
    assert.deepEqual(record.data.origin, { kind: 'file', path: file });
    // --window asks for sliding windows: recorded as the editor's `group: false`
    assert.deepEqual(record.data.choices, { group: false });
    assert.equal(record.data.predicts, '"value" 1 step(s) after the end of each 12-step window');
    assert.ok(record.gradientNormsPerTimestep.length > 0 && record.updateGradientNorms.length > 0);
    assert.ok((record.validationPredictions?.windows.length ?? 0) > 0, 'a number series records its validation predictions');
    await reproduces(directory, record);
    await reportDraws(directory);
  });

  it('the grouped adding problem with --cell lstm: the grouping is recorded, --from-run reproduces it', async () => {
    const directory = path.join(root, 'adding');
    const record = await trainInto(directory, [path.join(SAMPLES, 'adding-problem.csv'), '--cell', 'lstm', '--epochs', '2', '--hidden', '8']);
    checkModelFiles(directory, record);
    assert.deepEqual(record.config.model.cell, { value: 'lstm', source: 'argument' });
    // decided by the data, a command argument as in the editor
    assert.deepEqual(record.config.model.topology, { value: 'many-to-one', source: 'argument' });
    assert.deepEqual(record.data.choices, { groupColumn: 'sequence' });
    assert.match(record.data.predicts, /one sequence per value of "sequence"/);
    await reproduces(directory, record);
    await reportDraws(directory);
  });

  it('a table grouped by --group COL --target C (names the header does not suggest): --from-run groups it the same way', async () => {
    const file = path.join(root, 'trials.csv');
    const rows = ['trial,x,total'];
    for (let trial = 1; trial <= 40; trial++) {
      const xs = Array.from({ length: 5 }, (_, step) => Math.sin(trial * 1.7 + step * 0.9));
      const total = xs.reduce((sum, x) => sum + x, 0);
      for (const x of xs) rows.push(`${trial},${x},${total}`);
    }
    fs.writeFileSync(file, `${rows.join('\n')}\n`);
    const directory = path.join(root, 'trials');
    const record = await trainInto(directory, [file, '--group', 'trial', '--target', 'total', '--epochs', '2', '--hidden', '6']);
    assert.deepEqual(record.data.choices, { target: 'total', groupColumn: 'trial' });
    assert.equal(record.data.shapes.trainWindows + record.data.shapes.validationWindows, 40, 'one example per trial');
    await reproduces(directory, record);
  });

  it('plain text (a character model): both model files keep the vocabulary, --from-run reproduces it', async () => {
    const directory = path.join(root, 'text');
    const record = await trainInto(directory, [path.join(SAMPLES, 'cuento-del-faro.txt'), '--epochs', '2', '--hidden', '12', '--window', '16']);
    checkModelFiles(directory, record);
    const vocabulary = model(directory, 'model.json').extras.training?.['vocabulary'];
    assert.ok(Array.isArray(vocabulary) && vocabulary.length > 10);
    assert.deepEqual(model(directory, 'initial-model.json').extras.training?.['vocabulary'], vocabulary);
    await reproduces(directory, record);
  });

  it('in <folder>/.rnn-lab/runs/<id>/ the origin is relative to the folder, as the extension records it', async () => {
    const workspace = path.join(root, 'workspace');
    fs.mkdirSync(path.join(workspace, 'data'), { recursive: true });
    fs.copyFileSync(path.join(SAMPLES, 'sine.csv'), path.join(workspace, 'data', 'series.csv'));
    const directory = path.join(workspace, '.rnn-lab', 'runs', 'from-cli');
    const record = await trainInto(directory, [path.join(workspace, 'data', 'series.csv'), '--epochs', '2', '--hidden', '6']);
    assert.deepEqual(record.data.origin, { kind: 'file', path: 'data/series.csv' });
    await reproduces(directory, record);
  });

  it('--from-run X --run-dir Y saves the repeat as a new run with the same record, model files and origin', async () => {
    const first = path.join(root, 'repeat-x');
    const second = path.join(root, 'repeat-y');
    const original = await trainInto(first, [path.join(SAMPLES, 'sine.csv'), '--epochs', '2', '--hidden', '6', '--seed', '3']);
    const json = await rerun(first, ['--run-dir', second]);
    assert.equal(json.rerun.identical, true);
    const parsed = parseRunRecord(JSON.parse(fs.readFileSync(path.join(second, 'run.json'), 'utf8')));
    assert.ok(parsed.ok);
    const repeat = parsed.value;
    assert.equal(repeat.id, 'repeat-y');
    assert.deepEqual(repeat.config, original.config);
    assert.deepEqual(repeat.data.origin, original.data.origin);
    assert.deepEqual(repeat.epochs.map((epoch) => epoch.trainLoss), original.epochs.map((epoch) => epoch.trainLoss));
    for (const file of ['model.json', 'initial-model.json']) {
      assert.equal(fs.readFileSync(path.join(second, file), 'utf8'), fs.readFileSync(path.join(first, file), 'utf8'), file);
    }
    await reproduces(second, repeat);
  });

  it('refuses a DIR that already holds a run.json, or is a file, before training (exit 2)', async () => {
    const directory = path.join(root, 'taken');
    await trainInto(directory, [path.join(SAMPLES, 'sine.csv'), '--epochs', '1', '--hidden', '4']);
    const before = fs.readFileSync(path.join(directory, 'run.json'), 'utf8');
    await assert.rejects(runCommand(trainCommand(), [path.join(SAMPLES, 'sine.csv'), '--run-dir', directory]), (error: Error) => error.name === 'CliUsageError' && /already holds a run/.test(error.message));
    await assert.rejects(runCommand(trainCommand(), ['--from-run', directory, '--run-dir', directory]), /already holds a run/);
    assert.equal(fs.readFileSync(path.join(directory, 'run.json'), 'utf8'), before, 'the saved run is untouched');
    const file = path.join(root, 'a-file');
    fs.writeFileSync(file, 'x');
    await assert.rejects(runCommand(trainCommand(), [path.join(SAMPLES, 'sine.csv'), '--run-dir', file]), /not a folder/);
  });

  it('--cell esn: run.json with the ESN settings and one epoch, model.json in the echo state format; --from-run fits it again', async () => {
    const directory = path.join(root, 'esn');
    const record = await trainInto(directory, [path.join(SAMPLES, 'sine.csv'), '--cell', 'esn', '--reservoir', '30', '--leak', '0.5', '--seed', '5']);
    assert.deepEqual(fs.readdirSync(directory).sort(), ['model.json', 'run.json']);
    assert.equal(record.modelKind, 'esn');
    assert.equal(record.modelFile, 'model.json');
    assert.equal(record.initialModelFile, null);
    assert.deepEqual(record.config.esn.reservoirSize, { value: 30, source: 'argument' });
    assert.deepEqual(record.config.esn.leak, { value: 0.5, source: 'argument' });
    assert.deepEqual(record.config.esn.ridge.source, 'default');
    assert.deepEqual(record.data.origin, { kind: 'file', path: path.join(SAMPLES, 'sine.csv') });
    assert.equal(record.epochs.length, 1);
    assert.deepEqual(record.updateGradientNorms, []);
    assert.equal(record.spectra[0]?.matrices[0]?.parameter, 'reservoir');
    const text = fs.readFileSync(path.join(directory, 'model.json'), 'utf8');
    const network = parseEchoStateModel(text, 'model.json');
    assert.equal(network.reservoir.size, 30);
    assert.equal(network.reservoir.leak, 0.5);
    const training = (JSON.parse(text) as { training: { trainLoss: number; validationLoss: number } }).training;
    assert.equal(record.epochs[0]?.trainLoss, training.trainLoss);
    assert.equal(record.epochs[0]?.validationLoss, training.validationLoss);
    await reproduces(directory, record);
    await reportDraws(directory);
  });
});
