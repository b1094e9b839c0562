// Chart specs for report.html from run records, through the panels' own series functions (src/lab/charts/chartSeries.ts):
// the gradient decay ‖∂J_t/∂h_k‖ against the lag t − k (log scale) with the bound ‖∂J_t/∂h_t‖·(λ₁γ)^(t−k) of
// Pascanu, Mikolov & Bengio (2013) (docs/maths.md "Backpropagation through time"), and the loss per epoch.
import { decaySeries, lossSeries, type DecaySeries } from '../../lab/charts/chartSeries';
import { DEFAULT_TRAINING_VIEW, type TrainingView } from '../../lab/charts/chartView';
import type { RunRecord } from '../../lab/runs/runRecord';
import type { ReportDataset } from './reportModel';

/** The view the report draws: lag axis, the single last loss term J_t, log scale. */
export function reportView(epochsShown: number): TrainingView {
  return { ...DEFAULT_TRAINING_VIEW, layer: 0, axis: 'lag', term: 'lossTerm', decayScale: 'log', lossScale: 'log', epochsShown };
}

/** The decay series of layer 0 (chartSeries.decaySeries, as the training panel computes it). */
export function runDecay(record: RunRecord, epochsShown: number): DecaySeries {
  return decaySeries(record as RunRecord, reportView(epochsShown));
}

/** λ₁γ in words, as the panel's badge: below 1 vanishing is guaranteed, above 1 exploding is possible. */
export function boundLabel(series: DecaySeries, prefix = ''): string {
  const bound = series.bound;
  if (bound === null) return '';
  return `${prefix}bound (λ₁γ)^(t−k), λ₁γ = ${bound.lambda1.toFixed(2)}·${bound.gamma} = ${bound.lambdaGamma.toFixed(2)}`;
}

export function boundDataset(series: DecaySeries, prefix = ''): ReportDataset | null {
  if (series.bound === null) return null;
  return { label: boundLabel(series, prefix), points: series.bound.points, color: -1, dashed: true };
}

/** Train and validation loss per epoch (chartSeries.lossSeries on a log axis). */
export function lossDatasets(record: RunRecord, label: string, color: number, withTrain: boolean): ReportDataset[] {
  const series = lossSeries(record as RunRecord, true);
  const datasets: ReportDataset[] = [{ label: withTrain ? `${label} validation` : label, points: series.validation, color }];
  if (withTrain) datasets.unshift({ label: `${label} train`, points: series.train, color, dashed: true });
  return datasets;
}

/**
 * A log axis top one decade above the largest measured value of `datasets` (theory lines, colour −1, excluded): an
 * "exploding possible" bound (λ₁γ > 1) grows without limit and would otherwise squash the measured curves.
 */
export function logAxisCeiling(datasets: readonly ReportDataset[]): number | undefined {
  let largest = 0;
  for (const dataset of datasets) {
    if (dataset.color < 0) continue;
    for (const point of dataset.points) if (point.y !== null && Number.isFinite(point.y)) largest = Math.max(largest, point.y);
  }
  return largest > 0 ? 10 ** (Math.ceil(Math.log10(largest)) + 1) : undefined;
}
