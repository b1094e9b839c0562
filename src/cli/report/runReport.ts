// `rnn-lab report RUN_DIR`: the report of one saved run — its summary row (the demo's table columns), the gradient
// decay at the sampled epochs with the bound, the loss per epoch and the gradient norm per update with the clipping
// threshold — the training panel's charts, from the same chartSeries functions.
import { boundMatrix, updateNormSeries } from '../../lab/charts/chartSeries';
import type { RunRecord } from '../../lab/runs/runRecord';
import { normAtLag } from '../../lab/lineup/lineupResult';
import { TABLE_HEADER, TABLE_LAGS, tableCells, type TableRow } from '../demo/resultTable';
import { boundDataset, logAxisCeiling, lossDatasets, runDecay } from './decayCharts';
import type { ReportChart, ReportData, ReportDataset } from './reportModel';

/** Sampled epochs drawn in the decay chart (evenly, first and last included), as the panel's default. */
export const REPORT_EPOCHS_SHOWN = 8;

export function runSummaryRow(record: RunRecord): TableRow {
  const model = record.config.model;
  const last = record.epochs[record.epochs.length - 1];
  const newestSample = [...record.gradientNormsPerTimestep].filter((s) => s.layer === 0).sort((a, b) => a.epoch - b.epoch).pop();
  const newestSpectrum = [...record.spectra].sort((a, b) => a.epoch - b.epoch).pop();
  // an echo state network's one spectral sample is its reservoir W (lab/runs/echoStateRunRecord.ts)
  const esn = record.modelKind === 'esn';
  const matrix = newestSpectrum === undefined ? undefined : esn ? newestSpectrum.matrices[0] : boundMatrix(newestSpectrum, 0, model.cell.value);
  const remedies = record.config.remedies;
  const clipping = remedies.clipNorm.value > 0 || remedies.clipValue.value > 0;
  const norms = newestSample === undefined ? null : newestSample.hiddenNorms.map((n) => (n === null ? Number.NaN : n));
  return {
    task: record.data.source,
    model: esn ? `esn N=${record.config.esn.reservoirSize.value}` : model.cell.value === 'rnn' ? `${model.cell.value} ${model.nonlinearity.value} H=${model.hiddenSize.value}` : `${model.cell.value} H=${model.hiddenSize.value}`,
    trainLoss: last?.trainLoss ?? Number.NaN,
    validationLoss: last?.validationLoss ?? Number.NaN,
    lambda1: matrix?.largestSingularValue ?? null,
    clippedPercent: clipping ? (updateNormSeries(record as RunRecord).clippedPercent ?? 0) : null,
    lagNorms: norms === null ? null : TABLE_LAGS.map((lag) => normAtLag(norms, lag)),
    ...(record.status !== 'completed' ? { note: record.status } : {}),
  };
}

export function runReportData(record: RunRecord): ReportData {
  const decay = runDecay(record, REPORT_EPOCHS_SHOWN);
  const epochs = decay.sampledEpochs;
  const colorOf = (epoch: number): number => Math.max(0, epochs.indexOf(epoch));
  const decayDatasets: ReportDataset[] = decay.lines.map((line) => ({
    label: `${line.quantity === 'cell' ? '‖∂J/∂c_k‖' : '‖∂J_t/∂h_k‖'} epoch ${line.epoch}`,
    points: line.points,
    color: colorOf(line.epoch),
    ...(line.quantity === 'cell' ? { dashed: true } : {}),
  }));
  const bound = boundDataset(decay);
  if (bound !== null) decayDatasets.push(bound);
  const updates = updateNormSeries(record as RunRecord);
  const updateDatasets: ReportDataset[] = [{ label: '‖∂J/∂θ‖ before clipping', points: updates.points, color: 0 }];
  if (updates.threshold !== null && updates.points.length > 0) {
    updateDatasets.push({
      label: `clipping threshold τ = ${updates.threshold}`,
      points: [{ x: 1, y: updates.threshold }, { x: updates.points.length, y: updates.threshold }],
      color: -1,
      dashed: true,
    });
  }
  const charts: ReportChart[] = [
    {
      id: 'run-decay',
      title: 'Gradient decay across timesteps',
      caption: `‖∂J_t/∂h_k‖ of the last loss term against the lag t − k, one line per sampled epoch, with the bound ${bound === null ? '(no spectrum recorded)' : `anchored at lag 0 (${decay.bound!.verdict.replace('-', ' ')})`}.`,
      xLabel: 'lag t − k (steps back from the loss term)',
      yLabel: '‖∂J/∂h_k‖ (log)',
      yScale: 'log',
      yMax: logAxisCeiling(decayDatasets),
      datasets: decayDatasets,
    },
    { id: 'run-loss', title: 'Loss per epoch', caption: 'J = 1/(2m) Σ(ŷ − y)² on the training windows (dashed) and the validation windows.', xLabel: 'epoch', yLabel: 'J (log)', yScale: 'log', datasets: lossDatasets(record, 'J', 0, true) },
    {
      id: 'run-updates',
      title: 'Gradient norm per update',
      caption: updates.clippedPercent === null ? 'Global norm ‖∂J/∂θ‖ of every update before clipping.' : `Global norm ‖∂J/∂θ‖ of every update before clipping; ${updates.clippedPercent.toFixed(1)}% of updates clipped.`,
      xLabel: 'update',
      yLabel: '‖∂J/∂θ‖ (log)',
      yScale: 'log',
      datasets: updateDatasets,
    },
  ];
  const shapes = record.data.shapes;
  return {
    title: `RNN Lab run: ${record.name}`,
    subtitle: `${record.status}, ${record.epochs.length} epochs, started ${record.startedAt}; data ${record.data.source}: ${shapes.trainWindows} training and ${shapes.validationWindows} validation windows of ${shapes.inputShape[1]} steps; predicts ${record.data.predicts}.`,
    sections: [
      { heading: 'Summary', text: record.divergence === undefined ? '' : `Diverged at epoch ${record.divergence.epoch}: ${record.divergence.detail}`, table: { header: TABLE_HEADER, rows: [tableCells(runSummaryRow(record))] }, charts: [] },
      { heading: 'Charts', text: '', charts },
    ],
    footer: `Written by rnn-lab report from ${record.id}/run.json. Self-contained: the data and Chart.js are inside this file.`,
  };
}
