// One pipeline: the data the editor's training worker prepares and the data `rnn-lab train` prepares are the same for
// the same file and settings (a number series, the grouped adding problem, plain text), down to the SHA-256, the shapes,
// the normalisation and every epoch's loss; and a run saved the way the extension saves it (worker intake → training
// → run.json under <workspace>/.rnn-lab/runs/) is repeated headless by `rnn-lab train --from-run` with equal losses.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { trainCommand } from '../../../src/cli/train/trainCommand';
import type { RunRecord } from '../../../src/lab/runs/runRecord';
import type { SettingsOverrides } from '../../../src/lab/settings/resolveSettings';
import { runCommand } from '../cli/captureCommand';
import { bundleWorker } from '../workerBundle';
import { trainLikeTheEditor } from './editorRun';

const root = path.resolve(__dirname, '../../../..');
const SAMPLES = path.join(root, 'samples');


interface CliJson {
  kind: string;
  lossPerEpoch: number[];
  data: { sha256: string; trainingWindows: number; validationWindows: number; normalization: { kind: string; columns: { name: string; offset: number; scale: number }[] } };
  config: { topology: string; loss: string };
  rerun?: { identical: boolean; recordedEpochs: number };
}

describe('one pipeline for the editor and the CLI', function () {
  this.timeout(120_000);
  let directory: string;
  let workerScript: string;

  before(async () => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'rnn-lab-pipeline-'));
    workerScript = await bundleWorker('trainingWorker', directory);
  });
  after(() => fs.rmSync(directory, { recursive: true, force: true }));

  async function cli(args: string[]): Promise<{ code: number; json: CliJson; stderr: string }> {
    const result = await runCommand(trainCommand(), [...args, '--json', '--quiet']);
    return { code: result.code, json: JSON.parse(result.stdout) as CliJson, stderr: result.stderr };
  }

  const cases = [
    { name: 'a number series (sine.csv)', file: 'sine.csv', kind: 'series', flags: ['--epochs', '3', '--hidden', '8', '--window', '12'], settings: { model: { hiddenSize: 8, window: 12 }, training: { epochs: 3 } } },
    { name: 'the grouped adding problem', file: 'adding-problem.csv', kind: 'grouped', flags: ['--epochs', '2', '--hidden', '8'], settings: { model: { hiddenSize: 8 }, training: { epochs: 2 } } },
    { name: 'plain text (a character model)', file: 'cuento-del-faro.txt', kind: 'characters', flags: ['--epochs', '2', '--hidden', '12', '--window', '16'], settings: { model: { hiddenSize: 12, window: 16 }, training: { epochs: 2 } } },
  ] as const;

  for (const testCase of cases) {
    it(`${testCase.name}: same SHA-256, shapes, normalisation and losses bit for bit`, async () => {
      const file = path.join(SAMPLES, testCase.file);
      const runsRoot = path.join(directory, `workspace-${testCase.kind}`, '.rnn-lab', 'runs');
      const editor = await trainLikeTheEditor(workerScript, { kind: 'file', path: file, label: testCase.file }, { kind: 'file', path: file }, runsRoot, testCase.settings as SettingsOverrides);
      const { code, json } = await cli([file, ...testCase.flags]);
      assert.equal(code, 0);
      assert.equal(json.kind, testCase.kind);
      assert.equal(json.data.sha256, editor.prepared.summary.fingerprint);
      assert.equal(json.config.topology, editor.prepared.model.topology);
      assert.equal(json.config.loss, editor.prepared.model.loss);
      assert.deepEqual([json.data.trainingWindows, json.data.validationWindows], [editor.prepared.summary.shapes.trainWindows, editor.prepared.summary.shapes.validationWindows]);
      assert.deepEqual(
        json.data.normalization.columns.map((column) => ({ column: column.name, kind: json.data.normalization.kind, offset: column.offset, scale: column.scale })),
        editor.prepared.summary.normalization,
      );
      assert.ok(editor.losses.length > 0);
      assert.deepEqual(json.lossPerEpoch, editor.losses, 'every epoch\'s training loss, bit for bit');
    });
  }

  it('rnn-lab train --run-dir writes the run the editor saves: the same record (but for names and times) and model files', async () => {
    const file = path.join(SAMPLES, 'adding-problem.csv');
    const runsRoot = path.join(directory, 'workspace-run-dir', '.rnn-lab', 'runs');
    const editor = await trainLikeTheEditor(workerScript, { kind: 'file', path: file, label: 'adding-problem.csv' }, { kind: 'file', path: file }, runsRoot, { model: { hiddenSize: 8 }, training: { epochs: 2 } });
    const cliDirectory = path.join(directory, 'cli-run-dir');
    const { code, stderr } = await runCommand(trainCommand(), [file, '--epochs', '2', '--hidden', '8', '--run-dir', cliDirectory, '--quiet']);
    assert.equal(code, 0, stderr);
    const cliRecord = JSON.parse(fs.readFileSync(path.join(cliDirectory, 'run.json'), 'utf8')) as RunRecord;
    const editorRecord = JSON.parse(fs.readFileSync(path.join(editor.directory, 'run.json'), 'utf8')) as RunRecord;
    // what differs by design: the run's id, name and times, the data's label and the preview's wording
    const comparable = (record: RunRecord): unknown => {
      const { id: _id, name: _name, startedAt: _started, finishedAt: _finished, durationMs: _duration, ...rest } = record;
      const { source: _source, predicts: _predicts, ...data } = record.data;
      return { ...rest, data, epochs: record.epochs.map(({ elapsedMs: _elapsed, ...epoch }) => epoch) };
    };
    assert.deepEqual(comparable(cliRecord), comparable(editorRecord));
    for (const name of ['model.json', 'initial-model.json']) {
      assert.equal(fs.readFileSync(path.join(cliDirectory, name), 'utf8'), fs.readFileSync(path.join(editor.directory, name), 'utf8'), name);
    }
  });

  it('rnn-lab train --from-run repeats a run the editor saved (a file and a selection) with identical losses, and refuses changed or missing data', async () => {
    const workspace = path.join(directory, 'workspace-rerun');
    const runsRoot = path.join(workspace, '.rnn-lab', 'runs');
    fs.mkdirSync(path.join(workspace, 'data'), { recursive: true });
    const file = path.join(workspace, 'data', 'series.csv');
    fs.copyFileSync(path.join(SAMPLES, 'sine.csv'), file);
    const settings: SettingsOverrides = { model: { hiddenSize: 6, window: 10 }, training: { epochs: 3, batch: 8 }, remedies: { clipNorm: 1 } };

    const fromFile = await trainLikeTheEditor(workerScript, { kind: 'file', path: file, label: 'data/series.csv' }, { kind: 'file', path: file }, runsRoot, settings);
    assert.equal(fromFile.record.data.origin?.kind, 'file');
    assert.equal(fromFile.record.data.origin?.kind === 'file' ? fromFile.record.data.origin.path : '', 'data/series.csv', 'relative to the workspace folder');
    const repeated = await cli(['--from-run', fromFile.directory]);
    assert.equal(repeated.code, 0, repeated.stderr);
    assert.deepEqual(repeated.json.rerun, { runId: fromFile.record.id, engineVersion: fromFile.record.engineVersion, recordedEpochs: 3, identical: true });
    assert.deepEqual(repeated.json.lossPerEpoch, fromFile.record.epochs.map((epoch) => epoch.trainLoss));

    // a selection of lines 3–400 (0-based line 2 to the end of line 399), as Train on Selection records it
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const text = lines.slice(2, 400).join('\n');
    const selection = await trainLikeTheEditor(
      workerScript,
      { kind: 'text', text, label: 'series.csv (selection, lines 3–400)' },
      { kind: 'selection', path: file, ranges: [{ start: { line: 2, character: 0 }, end: { line: 399, character: (lines[399] ?? '').length } }] },
      runsRoot,
      settings,
      // no header in the selection: the value is the second column
      { columns: ['2'] },
    );
    const repeatedSelection = await cli(['--from-run', selection.directory]);
    assert.equal(repeatedSelection.code, 0, repeatedSelection.stderr);
    assert.equal(repeatedSelection.json.rerun?.identical, true);
    assert.deepEqual(repeatedSelection.json.lossPerEpoch, selection.losses);

    // the data changed: refused, naming the run and the fingerprints
    fs.appendFileSync(file, '1000,0.5\n');
    const changed = await runCommand(trainCommand(), ['--from-run', fromFile.directory, '--json']).catch((error: Error) => error);
    assert.ok(changed instanceof Error && /the data changed since run .*SHA-256/.test(changed.message), String(changed));
    // the file is gone: refused with where it was looked for
    fs.rmSync(file);
    const gone = await runCommand(trainCommand(), ['--from-run', fromFile.directory]).catch((error: Error) => error);
    assert.ok(gone instanceof Error && /data\/series\.csv.*no such file/.test(gone.message), String(gone));
  });
});
