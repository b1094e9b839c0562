import * as assert from 'assert';
import { chartJson, chartTable, tableToCsv } from '../../../src/lab/charts/chartExport';
import { parseRunRecord } from '../../../src/protocol/runRecordCheck';
import {
  DEFAULT_TRAINING_VIEW,
  TRAINING_PANEL_STRING_KEYS,
  parseTrainingHostToWebviewMessage,
  parseTrainingPersistedState,
  parseTrainingWebviewToHostMessage,
} from '../../../src/protocol/trainingPanelProtocol';
import type { TrainingPanelStrings } from '../../../src/protocol/trainingPanelProtocol';
import { trainingPanelStrings } from '../../../src/host/trainingPanel/trainingPanelStrings';
import type { ValidationResult } from '../../../src/protocol/validation';
import { describeIssue } from '../../../src/protocol/validation';
import { epochMetrics, geometricSample, makeRecord } from './runRecordFixtures';

const PNG = 'data:image/png;base64,iVBORw0KGgo=';

function rejectedAt<T>(result: ValidationResult<T>, path: string, kind?: string): void {
  assert.ok(!result.ok, `expected a rejection at ${path}`);
  assert.strictEqual(result.issue.path, path, describeIssue(result.issue));
  if (kind !== undefined) assert.strictEqual(result.issue.kind, kind);
}

const strings: TrainingPanelStrings = trainingPanelStrings({ t: (message: unknown) => String(message) } as never);

describe('training panel protocol: webview → host', () => {
  it('accepts every well-formed message', () => {
    const messages = [
      { type: 'ready' },
      { type: 'rendered', requestId: 3, charts: [{ chart: 'decay', datasets: 2, points: 40 }, { chart: 'loss', datasets: 1, points: 10 }] },
      { type: 'rendered', requestId: null, charts: [] },
      { type: 'viewChanged', view: { ...DEFAULT_TRAINING_VIEW, axis: 'lag', epochsShown: 0 } },
      { type: 'export', chart: 'heatmap', format: 'csv' },
      { type: 'export', chart: 'decay', format: 'png', dataUrl: PNG },
      { type: 'image', requestId: 1, chart: 'spectrum', dataUrl: PNG },
      { type: 'exportRun', runJsonPath: '/w/.rnn-lab/runs/2026-01-01T00-00-00-000Z-sine/run.json' },
    ];
    for (const message of messages) {
      const parsed = parseTrainingWebviewToHostMessage(message);
      assert.ok(parsed.ok, JSON.stringify(message));
      assert.deepStrictEqual(parsed.value, message);
    }
  });

  it('rejects malformed messages with the field path', () => {
    rejectedAt(parseTrainingWebviewToHostMessage(null), '', 'notObject');
    rejectedAt(parseTrainingWebviewToHostMessage({ type: 'explode' }), 'type', 'unknownType');
    rejectedAt(parseTrainingWebviewToHostMessage({ type: 'rendered', requestId: -1, charts: [] }), 'requestId', 'outOfRange');
    rejectedAt(parseTrainingWebviewToHostMessage({ type: 'rendered', requestId: 1, charts: [{ chart: 'pie', datasets: 1, points: 1 }] }), 'charts[0].chart', 'notInEnum');
    rejectedAt(
      parseTrainingWebviewToHostMessage({ type: 'rendered', requestId: 1, charts: [{ chart: 'loss', datasets: 1, points: 1 }, { chart: 'loss', datasets: 1, points: 1 }] }),
      'charts[1].chart',
      'conflict',
    );
    rejectedAt(parseTrainingWebviewToHostMessage({ type: 'rendered', requestId: 1, charts: [{ chart: 'loss', datasets: 1, points: 1.5 }] }), 'charts[0].points', 'notInteger');
    rejectedAt(parseTrainingWebviewToHostMessage({ type: 'viewChanged', view: { ...DEFAULT_TRAINING_VIEW, axis: 'diagonal' } }), 'view.axis', 'notInEnum');
    rejectedAt(parseTrainingWebviewToHostMessage({ type: 'viewChanged', view: { ...DEFAULT_TRAINING_VIEW, layer: 99 } }), 'view.layer', 'outOfRange');
    rejectedAt(parseTrainingWebviewToHostMessage({ type: 'export', chart: 'decay', format: 'gif' }), 'format', 'notInEnum');
    rejectedAt(parseTrainingWebviewToHostMessage({ type: 'export', chart: 'decay', format: 'png' }), 'dataUrl', 'wrongType');
    rejectedAt(parseTrainingWebviewToHostMessage({ type: 'export', chart: 'decay', format: 'png', dataUrl: 'data:text/html;base64,PGh0bWw+' }), 'dataUrl', 'wrongType');
    rejectedAt(parseTrainingWebviewToHostMessage({ type: 'image', requestId: 1, chart: 'loss', dataUrl: 42 }), 'dataUrl', 'wrongType');
    rejectedAt(parseTrainingWebviewToHostMessage({ type: 'exportRun' }), 'runJsonPath', 'wrongType');
    rejectedAt(parseTrainingWebviewToHostMessage({ type: 'exportRun', runJsonPath: '' }), 'runJsonPath');
  });
});

describe('training panel protocol: host → webview', () => {
  const record = makeRecord({ epochs: [epochMetrics(1, 0.5, 0.6)], samples: [geometricSample(1, 0.5).sample], spectra: [geometricSample(1, 0.5).spectral] });
  const state = { type: 'state', requestId: 0, run: record, runJsonPath: '/w/run.json', totalEpochs: 3, view: DEFAULT_TRAINING_VIEW, strings };

  it('accepts a state with a real record and every localised string', () => {
    const parsed = parseTrainingHostToWebviewMessage(state);
    assert.ok(parsed.ok, parsed.ok ? '' : describeIssue(parsed.issue));
    assert.strictEqual(Object.keys(strings).length, TRAINING_PANEL_STRING_KEYS.length);
  });

  it('rejects a state whose record or strings are malformed, naming the field', () => {
    rejectedAt(parseTrainingHostToWebviewMessage({ ...state, run: { ...record, format: 'other' } }), 'run.format', 'notInEnum');
    rejectedAt(parseTrainingHostToWebviewMessage({ ...state, run: { ...record, epochs: [{ epoch: 1, trainLoss: 'low' }] } }), 'run.epochs[0].trainLoss', 'wrongType');
    rejectedAt(
      parseTrainingHostToWebviewMessage({ ...state, run: { ...record, gradientNormsPerTimestep: [{ epoch: 1, layer: 0, hiddenNorms: ['x'] }] } }),
      'run.gradientNormsPerTimestep[0].hiddenNorms[0]',
      'wrongType',
    );
    rejectedAt(parseTrainingHostToWebviewMessage({ ...state, strings: { ...strings, decayTitle: 3 } }), 'strings.decayTitle', 'wrongType');
    rejectedAt(parseTrainingHostToWebviewMessage({ ...state, totalEpochs: -2 }), 'totalEpochs', 'outOfRange');
  });

  it('accepts progress increments and rejects ones whose samples are malformed', () => {
    const progress = { type: 'progress', runId: 'run-1', status: 'running', epochs: [epochMetrics(2, 0.4, 0.5)], gradientSamples: [], spectralSamples: [], updateGradientNorms: [1, 2] };
    assert.ok(parseTrainingHostToWebviewMessage(progress).ok);
    rejectedAt(parseTrainingHostToWebviewMessage({ ...progress, status: 'sleeping' }), 'status', 'notInEnum');
    rejectedAt(parseTrainingHostToWebviewMessage({ ...progress, updateGradientNorms: 'many' }), 'updateGradientNorms', 'wrongType');
    rejectedAt(parseTrainingHostToWebviewMessage({ ...progress, spectralSamples: [{ epoch: 1, matrices: 'none' }] }), 'spectralSamples[0].matrices', 'wrongType');
  });

  it('checks optional predictions (targets and predictions of equal length)', () => {
    const good = { ...record, validationPredictions: { column: 'y', windows: [{ targets: [1], predictions: [2] }] } };
    assert.ok(parseRunRecord(good).ok);
    rejectedAt(parseRunRecord({ ...record, validationPredictions: { column: 'y', windows: [{ targets: [1, 2], predictions: [2] }] } }), 'run.validationPredictions.windows[0].predictions', 'conflict');
  });

  it('persisted state: runId and run.json path required, a missing view takes the default', () => {
    assert.deepStrictEqual(parseTrainingPersistedState({ runId: 'a', runJsonPath: '/x/run.json' }), {
      ok: true,
      value: { runId: 'a', runJsonPath: '/x/run.json', view: DEFAULT_TRAINING_VIEW },
    });
    rejectedAt(parseTrainingPersistedState({ runJsonPath: null }), 'runId', 'wrongType');
    rejectedAt(parseTrainingPersistedState({ runId: 'a', runJsonPath: 5 }), 'runJsonPath', 'wrongType');
  });
});

describe('chart export (CSV / JSON of what a chart draws)', () => {
  it('loss CSV: one row per epoch, empty cells for gaps', () => {
    const record = makeRecord({ epochs: [epochMetrics(1, 0.5, null), epochMetrics(2, 0.25, 0.3)] });
    assert.strictEqual(tableToCsv(chartTable(record, DEFAULT_TRAINING_VIEW, 'loss')), 'epoch,train loss,validation loss\n1,0.5,\n2,0.25,0.3\n');
  });

  it('decay CSV: the measured curve and the bound column, x = lag; JSON carries λ₁, γ and the verdict', () => {
    const { sample, spectral, lastNorm } = geometricSample(1, 0.5);
    const record = makeRecord({ samples: [sample], spectra: [spectral] });
    const view = { ...DEFAULT_TRAINING_VIEW, axis: 'lag' as const };
    const lines = tableToCsv(chartTable(record, view, 'decay')).trim().split('\n');
    assert.match(lines[0]!, /^lag t-k,dJ5\/dh epoch 1,"?bound \(lambda1\*gamma\)\^\(t-k\), lambda1\*gamma=0\.5"?$/);
    assert.strictEqual(lines.length, 7);
    const [lag, measured, bound] = lines[3]!.split(',').map(Number);
    assert.strictEqual(lag, 2);
    assert.ok(Math.abs(measured! - lastNorm * 0.25) < 1e-15 && Math.abs(bound! - lastNorm * 0.25) < 1e-15);
    const json = JSON.parse(chartJson(record, view, 'decay')) as { bound: { lambda1: number; gamma: number; verdict: string } };
    assert.deepStrictEqual([json.bound.lambda1, json.bound.gamma, json.bound.verdict], [0.5, 1, 'vanishing-guaranteed']);
  });

  it('quotes names with commas', () => {
    assert.strictEqual(tableToCsv({ chart: 'loss', xName: 'x', series: [{ name: 'a,b', points: [{ x: 1, y: 2 }] }] }), 'x,"a,b"\n1,2\n');
  });
});
