// report.html of `rnn-lab demo`: the table, then per task the overlaid gradient-decay curves at the final sampled
// epoch (one line per model, the vanilla RNN's bound (λ₁γ)^(t−k) beside them) and the validation loss per epoch — the
// comparison the "Compare Remedies" panel draws, from the same chartSeries functions on the same run records.
import { boundDataset, logAxisCeiling, lossDatasets, runDecay } from '../report/decayCharts';
import type { ReportChart, ReportData, ReportDataset, ReportSection } from '../report/reportModel';
import type { DemoTask } from '../../lab/lineup/lineup';
import type { DemoResult } from '../../lab/lineup/lineupResult';
import { BEYOND_SEQUENCE, NOT_APPLICABLE, TABLE_HEADER, tableCells, tableRow } from './resultTable';
import { SINE_WINDOW } from '../../lab/lineup/lineupData';

export interface DemoTimings {
  readonly wallSeconds: number;
  readonly cpuSeconds: number;
}

const TASK_TEXT: Readonly<Record<DemoTask, { heading: string; text: string }>> = {
  adding: {
    heading: 'Adding problem (T = 50): vanilla RNN against LSTM',
    text:
      'Each sequence holds 50 random values, two of them marked; the target is the sum of the two marked values, read after the last step. ' +
      'The gradient has to travel back to the marked steps. The vanilla tanh RNN’s ‖∂J/∂h_k‖ shrinks by orders of magnitude with the lag t − k, ' +
      'as the product Π W_recᵀ diag(σ′) predicts; the LSTM’s cell path ∂c_t/∂c_{t−1} = diag(f_t) keeps it alive. ' +
      'With the sample’s 80 training sequences and this small budget neither model has solved the task yet (compare with the mean predictor): ' +
      'what differs already is the gradient that reaches the marked steps, which is what learning them needs.',
  },
  sine: {
    heading: `Remedies on the noisy sine (windows of T = ${SINE_WINDOW})`,
    text:
      'The same vanilla tanh RNN with one remedy each (clipping by global norm, truncated BPTT, L2), the IRNN and orthogonal initialisations, LSTM and GRU, ' +
      'all with the same seed, optimiser and epochs; the echo state network fits only a linear readout (no BPTT, so no gradient curve).',
  },
};

function taskSection(task: DemoTask, results: readonly DemoResult[], meanPredictorLoss: number | undefined): ReportSection {
  const decay: ReportDataset[] = [];
  const loss: ReportDataset[] = [];
  let bound: ReportDataset | null = null;
  let maxEpochs = 1;
  results.forEach((result, color) => {
    const label = result.experiment.label;
    maxEpochs = Math.max(maxEpochs, result.lossPerEpoch.length);
    if (result.record === null) return;
    const series = runDecay(result.record, 1);
    const line = series.lines.find((l) => l.quantity === 'hidden');
    if (line !== undefined) decay.push({ label: `${label} (epoch ${line.epoch})`, points: line.points, color });
    if (bound === null && result.experiment.kind === 'bptt' && result.experiment.baseline === true) {
      bound = boundDataset(series, `${label}: `);
    }
    loss.push(...lossDatasets(result.record, label, color, false));
  });
  if (bound !== null) decay.push(bound);
  // a model fitted in closed form (ESN) has one validation J: drawn as a flat dashed line across the epochs
  results.forEach((result, color) => {
    if (result.record !== null || !Number.isFinite(result.validationLoss)) return;
    loss.push({ label: `${result.experiment.label} (closed form)`, points: [{ x: 1, y: result.validationLoss }, { x: maxEpochs, y: result.validationLoss }], color, dashed: true });
  });
  if (meanPredictorLoss !== undefined && Number.isFinite(meanPredictorLoss)) {
    loss.push({ label: 'predict the training mean', points: [{ x: 1, y: meanPredictorLoss }, { x: maxEpochs, y: meanPredictorLoss }], color: -1, dashed: true });
  }
  const charts: ReportChart[] = [
    {
      id: `${task}-decay`,
      title: 'Gradient decay across timesteps (final epoch)',
      caption: 'How much of ∂J_t/∂h reaches the step t − k back: ‖∂J_t/∂h_k‖ on the first validation sequence, log scale. The dashed grey line is the Pascanu bound of the vanilla RNN, anchored at lag 0.',
      xLabel: 'lag t − k (steps back from the loss term)',
      yLabel: '‖∂J_t/∂h_k‖ (log)',
      yScale: 'log',
      yMax: logAxisCeiling(decay),
      datasets: decay,
    },
    { id: `${task}-loss`, title: 'Validation loss per epoch', caption: 'J = 1/(2m) Σ(ŷ − y)² on the held-out (last) sequences after each epoch; the grey dashed line is the J of always predicting the training targets’ mean (a model that learned nothing).', xLabel: 'epoch', yLabel: 'validation J (log)', yScale: 'log', datasets: loss },
  ];
  return { ...TASK_TEXT[task], charts };
}

/**
 * `meanPredictorLoss`: per task, validation J of the constant prediction ȳ (mean training target), the level a model
 * that learned nothing reaches.
 */
export function demoReportData(
  results: readonly DemoResult[],
  timings: DemoTimings,
  quick: boolean,
  meanPredictorLoss: Partial<Record<DemoTask, number>> = {},
): ReportData {
  const tasks: DemoTask[] = ['adding', 'sine'];
  return {
    title: 'RNN Lab demo: vanishing gradients and their remedies',
    subtitle: `${results.length} models trained on the bundled samples in ${timings.wallSeconds.toFixed(1)} s (${timings.cpuSeconds.toFixed(1)} s CPU)${quick ? ', quick mode (fewer epochs)' : ''}; fixed seeds, so every run gives the same numbers.`,
    sections: [
      {
        heading: 'Results',
        text: 'Final losses, λ₁ = ‖W_rec‖₂ (the stacked gate matrix for LSTM/GRU, the reservoir for the ESN), the share of updates clipped, and ‖∂J/∂h_k‖ at lags 1, 10, 25 and 50 from the last step.',
        table: {
          header: TABLE_HEADER,
          rows: results.map((result) => tableCells(tableRow(result))),
          note: `${BEYOND_SEQUENCE}: the sequence is shorter than the lag.  ${NOT_APPLICABLE}: not applicable (clipping off; the ESN has no BPTT gradient).`,
        },
        charts: [],
      },
      ...tasks.map((task) => taskSection(task, results.filter((result) => result.experiment.task === task), meanPredictorLoss[task])),
    ],
    footer: 'Written by rnn-lab demo. Self-contained: the data and Chart.js are inside this file; it needs no network. Run records of every model are in runs/ beside it (rnn-lab report runs/<id>).',
  };
}
