// A --quick demo run end to end (a few seconds): every model trains, the lecture's point shows in the numbers (the
// LSTM keeps more gradient 25 steps back than the vanilla RNN on the adding problem), the outputs are written, and the
// run records it saves are valid RunRecords that `rnn-lab report` turns into the same kind of page.
import * as assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { CliInputError } from '../../../src/cli/cliSupport';
import { findSamplesDirectory } from '../../../src/cli/samplesDirectory';
import { normAtLag } from '../../../src/lab/lineup/lineupResult';
import { formatTable, tableRow } from '../../../src/cli/demo/resultTable';
import { runDemo, writeDemoOutputs, type DemoRun } from '../../../src/cli/demo/runDemo';
import { readRunRecord, validateRunRecord } from '../../../src/cli/report/readRunRecord';
import { REPORT_DATA_ELEMENT_ID } from '../../../src/cli/report/reportHtml';
import type { ReportData } from '../../../src/cli/report/reportModel';
import { runReportData } from '../../../src/cli/report/runReport';
import { parseModel } from '../../../src/modelFiles/modelJson';
import { REPO_ROOT, reportPageScript } from './reportPageBundle';

function embeddedData(html: string): ReportData {
  const open = `<script type="application/json" id="${REPORT_DATA_ELEMENT_ID}">`;
  const start = html.indexOf(open) + open.length;
  return JSON.parse(html.slice(start, html.indexOf('</script>', start))) as ReportData;
}

function resultOf(run: DemoRun, id: string) {
  const result = run.results.find((r) => r.experiment.id === id);
  assert.ok(result !== undefined, `experiment ${id} ran`);
  return result;
}

describe('rnn-lab demo --quick', function () {
  this.timeout(120_000);
  let run: DemoRun;
  let outDirectory: string;

  before(async () => {
    outDirectory = await mkdtemp(path.join(os.tmpdir(), 'rnn-lab-demo-'));
    run = await runDemo({ samplesDirectory: findSamplesDirectory(path.join(REPO_ROOT, 'samples')), quick: true, progress: null });
  });

  after(async () => {
    await rm(outDirectory, { recursive: true, force: true });
  });

  it('trains the whole line-up with finite losses', () => {
    assert.deepEqual(
      run.results.map((r) => r.experiment.id),
      ['adding-rnn', 'adding-lstm', 'sine-rnn', 'sine-clipping', 'sine-tbptt', 'sine-l2', 'sine-irnn', 'sine-orthogonal', 'sine-lstm', 'sine-gru', 'sine-esn'],
    );
    for (const result of run.results) {
      assert.ok(Number.isFinite(result.trainLoss) && Number.isFinite(result.validationLoss), result.experiment.id);
      assert.equal(result.diverged, null, result.experiment.id);
      assert.ok(result.lambda1 !== null && result.lambda1 > 0, result.experiment.id);
    }
    // the sine models beat predicting the mean (J ≈ ½ on z-scored data) by far
    for (const result of run.results.filter((r) => r.experiment.task === 'sine')) assert.ok(result.validationLoss < 0.1, `${result.experiment.id}: ${result.validationLoss}`);
    assert.ok(run.meanPredictorLoss.sine > 0.3);
  });

  it('shows the lecture’s point: LSTM keeps more gradient 25 steps back than the vanilla RNN on the adding problem', () => {
    const rnn = resultOf(run, 'adding-rnn');
    const lstm = resultOf(run, 'adding-lstm');
    const rnnAt25 = normAtLag(rnn.hiddenGradNorms, 25)!;
    const lstmAt25 = normAtLag(lstm.hiddenGradNorms, 25)!;
    assert.ok(rnnAt25 > 0 && lstmAt25 > 0);
    assert.ok(lstmAt25 > 10 * rnnAt25, `LSTM ${lstmAt25} vs RNN ${rnnAt25} at lag 25`);
    // and the vanilla RNN's gradient decays across the window: lag 25 is orders of magnitude below lag 1
    assert.ok(normAtLag(rnn.hiddenGradNorms, 1)! > 1e3 * rnnAt25);
    // T = 50: lag 50 does not exist
    assert.equal(normAtLag(rnn.hiddenGradNorms, 50), null);
  });

  it('reports clipping only where it is on, and the IRNN is clipped', () => {
    assert.equal(resultOf(run, 'sine-rnn').clippedPercent, null);
    const clipped = resultOf(run, 'sine-clipping').clippedPercent!;
    assert.ok(clipped >= 0 && clipped <= 100);
    assert.ok(resultOf(run, 'sine-irnn').clippedPercent! > 50);
    const table = formatTable(run.results.map(tableRow));
    assert.equal(table.trimEnd().split('\n').length, 2 + run.results.length);
    assert.match(table, /^adding T=50 +RNN tanh .* n\/a$/m);
  });

  it('is deterministic: a second quick run prints the same table', async () => {
    const again = await runDemo({ samplesDirectory: path.join(REPO_ROOT, 'samples'), quick: true, progress: null });
    assert.equal(formatTable(again.results.map(tableRow)), formatTable(run.results.map(tableRow)));
  });

  it('writes report.html with the table and both tasks’ charts, and a valid run.json per BPTT model', async () => {
    const outputs = await writeDemoOutputs(run, outDirectory, reportPageScript());
    assert.equal(outputs.runFiles.length, 10);
    const html = await readFile(outputs.reportFile, 'utf8');
    assert.doesNotMatch(html, /https?:\/\//);
    const data = embeddedData(html);
    const results = data.sections[0]!.table!;
    assert.equal(results.rows.length, 11);
    assert.deepEqual(results.rows[0]!.slice(0, 2), ['adding T=50', 'RNN tanh']);
    const charts = data.sections.flatMap((s) => s.charts);
    assert.deepEqual(charts.map((c) => c.id), ['adding-decay', 'adding-loss', 'sine-decay', 'sine-loss']);
    const addingDecay = charts[0]!;
    assert.deepEqual(addingDecay.datasets.map((d) => d.label.split(' (')[0]!.split(':')[0]), ['RNN tanh', 'LSTM', 'RNN tanh']);
    // the plotted RNN curve is the table's: at lag 25 it equals ‖∂J/∂h_k‖ of the final parameters
    const rnnCurve = addingDecay.datasets[0]!.points.find((p) => p.x === 25)!;
    assert.equal(rnnCurve.y, normAtLag(resultOf(run, 'adding-rnn').hiddenGradNorms, 25));
    // the bound line starts at the measured lag-0 norm and grows or shrinks by λ₁γ per step
    const bound = addingDecay.datasets[2]!;
    const ratio = bound.points[1]!.y! / bound.points[0]!.y!;
    assert.ok(Math.abs(ratio - resultOf(run, 'adding-rnn').lambda1!) < 1e-9, `bound ratio ${ratio}`);
    for (const file of outputs.runFiles) {
      const record = validateRunRecord(JSON.parse(await readFile(file, 'utf8')), file);
      // each run folder holds the model files its record names: the trained and the initial parameters
      assert.equal(record.modelFile, 'model.json');
      assert.equal(record.initialModelFile, 'initial-model.json');
      const trained = parseModel(await readFile(path.join(path.dirname(file), 'model.json'), 'utf8'));
      const initial = parseModel(await readFile(path.join(path.dirname(file), 'initial-model.json'), 'utf8'));
      assert.deepEqual(initial.config, trained.config);
      assert.equal(initial.extras.training?.['epochsCompleted'], 0);
    }
  });

  it('rnn-lab report: a saved demo run becomes the training panel’s charts', async () => {
    const { record } = await readRunRecord(path.join(outDirectory, 'runs', 'sine-clipping'));
    const data = runReportData(record);
    const charts = data.sections.flatMap((s) => s.charts);
    assert.deepEqual(charts.map((c) => c.id), ['run-decay', 'run-loss', 'run-updates']);
    assert.ok(charts[0]!.datasets.some((d) => d.label.startsWith('bound (λ₁γ)^(t−k)')));
    assert.ok(charts[2]!.datasets.some((d) => d.label === 'clipping threshold τ = 1'));
    const row = data.sections[0]!.table!.rows[0]!;
    assert.match(row[9]!, /^\d\.\de-\d+$/, 'T = 60: the lag-50 norm exists');
    assert.match(row[5]!, /^\d+\.\d%$/, 'clipping on: a percentage');
  });

  describe('rnn-lab report rejects a malformed run.json with the field path', () => {
    let good: unknown;
    before(async () => {
      good = JSON.parse(await readFile(path.join(outDirectory, 'runs', 'adding-rnn', 'run.json'), 'utf8'));
    });

    /** Sets (or, with `undefined`, deletes) the field at `keys` of a parsed JSON value. */
    function edit(root: unknown, keys: readonly (string | number)[], value: unknown): void {
      let node = root as Record<string | number, unknown>;
      for (const key of keys.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
      const last = keys[keys.length - 1]!;
      if (value === undefined) delete node[last];
      else node[last] = value;
    }

    const cases: [string, (string | number)[], unknown, RegExp][] = [
      ['a string loss', ['epochs', 1, 'trainLoss'], 'low', /run\.epochs\[1\]\.trainLoss: expected a number or null, received "low"/],
      ['a wrong format', ['format'], 'other', /run\.format: expected "rnn-lab\.run"/],
      ['norms that are not numbers', ['gradientNormsPerTimestep', 0, 'hiddenNorms'], [1, 'x'], /run\.gradientNormsPerTimestep\[0\]\.hiddenNorms\[1\]: expected a number or null, received "x"/],
      ['a missing cell value', ['config', 'model', 'cell', 'value'], undefined, /run\.config\.model\.cell\.value: expected a string, received undefined/],
      ['a short input shape', ['data', 'shapes', 'inputShape'], [1, 2], /run\.data\.shapes\.inputShape\[2\]: expected a number, received undefined/],
      ['a newer version', ['version'], 99, /run\.version: expected a number ≤ 2/],
    ];
    for (const [name, keys, value, message] of cases) {
      it(name, () => {
        const record: unknown = JSON.parse(JSON.stringify(good));
        edit(record, keys, value);
        assert.throws(
          () => validateRunRecord(record, 'r/run.json'),
          (error: unknown) => error instanceof CliInputError && error.message.startsWith('r/run.json: ') && message.test(error.message),
        );
      });
    }

    it('a folder without run.json and a file that is not JSON', async () => {
      const empty = path.join(outDirectory, 'empty');
      await mkdir(empty, { recursive: true });
      await assert.rejects(readRunRecord(empty), (error: unknown) => error instanceof CliInputError && /run\.json: cannot read the run record \(ENOENT\)/.test(error.message));
      await writeFile(path.join(empty, 'run.json'), '{"format": ', 'utf8');
      await assert.rejects(readRunRecord(empty), (error: unknown) => error instanceof CliInputError && /run\.json: not valid JSON/.test(error.message));
    });
  });
});
