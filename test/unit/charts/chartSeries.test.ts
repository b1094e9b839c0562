import * as assert from 'assert';
import {
  decaySeries,
  formulaNumbers,
  heatmapSeries,
  lossSeries,
  pickEvenly,
  predictionSeries,
  spectrumSeries,
  updateNormSeries,
} from '../../../src/lab/charts/chartSeries';
import type { TrainingView } from '../../../src/protocol/trainingPanelProtocol';
import { DEFAULT_TRAINING_VIEW } from '../../../src/protocol/trainingPanelProtocol';
import { STEPS, epochMetrics, geometricSample, makeRecord } from './runRecordFixtures';

const view = (changes: Partial<TrainingView> = {}): TrainingView => ({ ...DEFAULT_TRAINING_VIEW, epochsShown: 0, ...changes });

function assertClose(actual: number | null, expected: number, relative = 1e-12, label = ''): void {
  assert.ok(actual !== null, `${label}: expected ${expected}, got null`);
  assert.ok(Math.abs(actual - expected) <= relative * Math.abs(expected), `${label}: expected ${expected}, got ${actual}`);
}

describe('chart series: gradient decay of a 1×1 ReLU RNN (geometric by hand)', () => {
  const early = geometricSample(1, 0.5);
  const late = geometricSample(2, 0.8);
  const record = makeRecord({ samples: [late.sample, early.sample], spectra: [early.spectral, late.spectral] });

  it('draws ‖∂J/∂h_k‖ = ‖∂J/∂h_{T−1}‖·w^(T−1−k) against k, one line per sampled epoch in epoch order', () => {
    const series = decaySeries(record, view());
    assert.deepStrictEqual(series.lines.map((l) => [l.epoch, l.quantity]), [[1, 'hidden'], [2, 'hidden']]);
    assert.strictEqual(series.steps, STEPS);
    assert.strictEqual(series.lossStep, STEPS - 1, 'many-to-one: the loss term sits after the last input step');
    for (const [line, w, last] of [[series.lines[0]!, 0.5, early.lastNorm], [series.lines[1]!, 0.8, late.lastNorm]] as const) {
      assert.deepStrictEqual(line.points.map((p) => p.x), [0, 1, 2, 3, 4, 5]);
      line.points.forEach((p, k) => assertClose(p.y, last * w ** (STEPS - 1 - k), 1e-12, `epoch ${line.epoch} k=${k}`));
    }
  });

  it('against the lag t − k the same norms run from lag 0 (the loss term) back to lag T−1', () => {
    const series = decaySeries(record, view({ axis: 'lag' }));
    const newest = series.lines[1]!;
    assert.deepStrictEqual(newest.points.map((p) => p.x), [0, 1, 2, 3, 4, 5]);
    newest.points.forEach((p, lag) => assertClose(p.y, late.lastNorm * 0.8 ** lag, 1e-12, `lag ${lag}`));
  });

  it('draws the bound (λ₁γ)^(t−k) from the newest epoch’s spectrum; with σ′ = 1 it is tight on the measured curve', () => {
    const series = decaySeries(record, view());
    const bound = series.bound;
    assert.ok(bound !== null);
    assertClose(bound.lambda1, 0.8, 1e-12, 'λ₁ of the 1×1 W_hh');
    assert.strictEqual(bound.gamma, 1, 'γ of ReLU');
    assertClose(bound.lambdaGamma, 0.8, 1e-12, 'λ₁γ');
    assert.strictEqual(bound.verdict, 'vanishing-guaranteed');
    assert.strictEqual(bound.epoch, 2);
    assertClose(bound.anchor, late.lastNorm, 0, 'anchor = measured norm at the loss term');
    bound.points.forEach((p, k) => assertClose(p.y, series.lines[1]!.points[k]!.y!, 1e-12, `bound at k=${k}`));
  });

  it('an exploding W_hh (w = 1.5) gets the "exploding possible" verdict and a growing bound', () => {
    const big = geometricSample(3, 1.5);
    const series = decaySeries(makeRecord({ samples: [big.sample], spectra: [big.spectral] }), view({ axis: 'lag' }));
    assert.strictEqual(series.bound?.verdict, 'exploding-possible');
    assertClose(series.bound!.points[5]!.y, big.lastNorm * 1.5 ** 5, 1e-12, 'bound at lag 5');
  });

  it('epochs shown picks evenly, first and last included', () => {
    assert.deepStrictEqual(pickEvenly([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 4), [1, 4, 7, 10]);
    assert.deepStrictEqual(pickEvenly([1, 2, 3], 0), [1, 2, 3]);
    assert.deepStrictEqual(pickEvenly([1, 2, 3], 1), [3]);
    assert.deepStrictEqual(pickEvenly([1, 2, 3], 5), [1, 2, 3]);
    const samples = [1, 2, 3, 4, 5].map((epoch) => ({ ...early.sample, epoch }));
    const series = decaySeries(makeRecord({ samples }), view({ epochsShown: 3 }));
    assert.deepStrictEqual(series.lines.map((l) => l.epoch), [1, 3, 5]);
    assert.deepStrictEqual(series.sampledEpochs, [1, 2, 3, 4, 5]);
  });
});

describe('chart series: gaps, fallbacks and other topologies', () => {
  it('a zero or null norm is a gap on the log axis; zero stays on the linear axis', () => {
    const sample = { epoch: 1, layer: 0, hiddenNorms: [0, null as unknown as number, 0.5, 1] };
    const record = makeRecord({ samples: [sample] });
    assert.deepStrictEqual(decaySeries(record, view({ decayScale: 'log' })).lines[0]!.points.map((p) => p.y), [null, null, 0.5, 1]);
    assert.deepStrictEqual(decaySeries(record, view({ decayScale: 'linear' })).lines[0]!.points.map((p) => p.y), [0, null, 0.5, 1]);
  });

  it('falls back to the whole-loss gradient when the run has no single-term norms', () => {
    const record = makeRecord({ samples: [{ epoch: 1, layer: 0, hiddenNorms: [1, 2, 3] }] });
    const series = decaySeries(record, view({ term: 'lossTerm' }));
    assert.strictEqual(series.term, 'total');
    assert.strictEqual(series.bound, null, 'no spectrum, no bound');
  });

  it('synced many-to-many: the lag counts back from the isolated loss term; later steps are left out', () => {
    const sample = { epoch: 1, layer: 0, hiddenNorms: [1, 1, 1, 1, 1, 1], lossTerm: 3, lossTermHiddenNorms: [0.125, 0.25, 0.5, 1, 0, 0] };
    const series = decaySeries(makeRecord({ topology: 'many-to-many-synced', samples: [sample] }), view({ axis: 'lag' }));
    assert.strictEqual(series.lossStep, 3);
    assert.deepStrictEqual(series.lines[0]!.points, [{ x: 0, y: 1 }, { x: 1, y: 0.5 }, { x: 2, y: 0.25 }, { x: 3, y: 0.125 }]);
  });

  it('LSTM adds a ‖∂J/∂c_k‖ line per epoch to the whole-loss view; the layer picker selects the layer', () => {
    const samples = [
      { epoch: 1, layer: 0, hiddenNorms: [1, 2], cellNorms: [3, 4] },
      { epoch: 1, layer: 1, hiddenNorms: [5, 6], cellNorms: [7, 8] },
    ];
    const record = makeRecord({ cell: 'lstm', samples });
    const layer1 = decaySeries(record, view({ term: 'total', layer: 1 }));
    assert.deepStrictEqual(layer1.layers, [0, 1]);
    assert.deepStrictEqual(layer1.lines.map((l) => [l.quantity, l.points.map((p) => p.y)]), [['hidden', [5, 6]], ['cell', [7, 8]]]);
    assert.strictEqual(decaySeries(record, view({ layer: 9 })).layer, 0, 'an unknown layer falls back to the first');
  });
});

describe('chart series: heatmap, loss, updates, spectrum, predictions, formulas', () => {
  it('heatmap: log10 of every norm, epochs ascending, range over the finite cells', () => {
    const record = makeRecord({
      samples: [
        { epoch: 5, layer: 0, hiddenNorms: [1e-3, 1e-2, 1] },
        { epoch: 1, layer: 0, hiddenNorms: [0, 10, 100] },
      ],
    });
    const heatmap = heatmapSeries(record, view({ term: 'total' }));
    assert.deepStrictEqual(heatmap.epochs, [1, 5]);
    assert.strictEqual(heatmap.steps, 3);
    assert.deepStrictEqual(heatmap.cells[0], [null, 1, 2]);
    heatmap.cells[1]!.forEach((value, k) => assertClose(value, [-3, -2, 0][k]!, 1e-12, `cell ${k}`));
    assert.deepStrictEqual(heatmap.range, { min: -3, max: 2 });
  });

  it('loss: train and validation per epoch; a null validation loss is left out; ≤ 0 is a gap on log', () => {
    const record = makeRecord({ epochs: [epochMetrics(1, 0.5, null), epochMetrics(2, 0.25, 0.3), epochMetrics(3, 0, 0.2)] });
    assert.deepStrictEqual(lossSeries(record, true), {
      train: [{ x: 1, y: 0.5 }, { x: 2, y: 0.25 }, { x: 3, y: null }],
      validation: [{ x: 2, y: 0.3 }, { x: 3, y: 0.2 }],
    });
    assert.strictEqual(lossSeries(record, false).train[2]!.y, 0);
  });

  it('updates: one point per update, the clipping threshold, and % clipped = mean of the epochs’ fractions', () => {
    const record = makeRecord({
      clipNorm: 1.5,
      updateGradientNorms: [3, 1, 2, 0.5],
      epochs: [epochMetrics(1, 1, 1, 0.5), epochMetrics(2, 1, 1, 0.25), epochMetrics(3, 1, 1, 0)],
    });
    const updates = updateNormSeries(record);
    assert.deepStrictEqual(updates.points, [{ x: 1, y: 3 }, { x: 2, y: 1 }, { x: 3, y: 2 }, { x: 4, y: 0.5 }]);
    assert.strictEqual(updates.threshold, 1.5);
    assertClose(updates.clippedPercent, 25, 1e-12, '% clipped');
    assert.strictEqual(updateNormSeries(makeRecord()).threshold, null, 'clipNorm 0: no threshold line');
    assert.strictEqual(updateNormSeries(makeRecord()).clippedPercent, null);
  });

  it('spectrum: the 1×1 W_hh has its weight as only eigenvalue; λ₁ and ρ over epochs; the unit circle', () => {
    const spectra = [geometricSample(0, 0.5).spectral, geometricSample(4, -0.9).spectral];
    const spectrum = spectrumSeries(makeRecord({ spectra }), 0);
    assert.deepStrictEqual(spectrum.initial.map((s) => [s.epoch, s.block, s.points.length]), [[0, 'W_hh', 1]]);
    assertClose(spectrum.current[0]!.points[0]!.x, -0.9, 1e-12, 'eigenvalue re');
    assert.strictEqual(spectrum.current[0]!.points[0]!.y, 0);
    assert.deepStrictEqual(spectrum.lambda1.map((p) => p.x), [0, 4]);
    assertClose(spectrum.lambda1[1]!.y, 0.9, 1e-12, 'λ₁ = |w|');
    assertClose(spectrum.rho[0]!.y, 0.5, 1e-12, 'ρ');
    assert.strictEqual(spectrum.unitCircle.length, 129);
    for (const p of spectrum.unitCircle) assertClose(Math.hypot(p.x, p.y!), 1, 1e-12, 'on the unit circle');
  });

  it('predictions: absent without data; windows concatenated in time order', () => {
    assert.strictEqual(predictionSeries(makeRecord()), null);
    const record = { ...makeRecord(), validationPredictions: { column: 'y', windows: [{ targets: [1, 2], predictions: [1.5, 2.5] }, { targets: [3], predictions: [2] }] } };
    assert.deepStrictEqual(predictionSeries(record), {
      column: 'y',
      targets: [{ x: 0, y: 1 }, { x: 1, y: 2 }, { x: 2, y: 3 }],
      predictions: [{ x: 0, y: 1.5 }, { x: 1, y: 2.5 }, { x: 2, y: 2 }],
    });
  });

  it('formulas: J of the last epoch, m = windows × scored steps × outputs, λ₁γ and (λ₁γ)^(T−1)', () => {
    const record = makeRecord({ epochs: [epochMetrics(1, 0.5, null), epochMetrics(2, 0.125, null)], spectra: [geometricSample(2, 0.8).spectral] });
    const numbers = formulaNumbers(record, 0);
    assert.strictEqual(numbers.loss, 0.125);
    assert.strictEqual(numbers.epoch, 2);
    assert.strictEqual(numbers.m, 10);
    assert.strictEqual(numbers.steps, STEPS);
    assertClose(numbers.lambda1, 0.8, 1e-12, 'λ₁');
    assert.strictEqual(numbers.gamma, 1);
    assertClose(numbers.boundOverWindow, 0.8 ** 5, 1e-12, '(λ₁γ)^(T−1)');
    const empty = formulaNumbers(makeRecord(), 0);
    assert.deepStrictEqual([empty.loss, empty.lambda1, empty.boundOverWindow], [null, null, null]);
  });
});
