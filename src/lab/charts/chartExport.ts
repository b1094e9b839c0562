// "Export data" of the training panel: the same series a chart draws (chartSeries.ts), as CSV (one row per x, one
// column per dataset, empty cells for gaps) or JSON. Pure text building, so the host writes it and tests read it back.
import type { SeriesPoint } from './chartSeries';
import { decaySeries, heatmapSeries, lossSeries, predictionSeries, spectrumSeries, updateNormSeries } from './chartSeries';
import type { RunRecord } from '../runs/runRecord';
import type { ChartId, TrainingView } from './chartView';

interface NamedSeries {
  readonly name: string;
  readonly points: readonly SeriesPoint[];
}

export interface ChartTable {
  readonly chart: ChartId;
  readonly xName: string;
  readonly series: readonly NamedSeries[];
}

/** Full precision, no exponent surprises for spreadsheets: JavaScript's shortest round-trip form. */
function cell(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '' : String(value);
}

function quote(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows keyed by x (ascending); series that share an x share a row. */
export function tableToCsv(table: ChartTable): string {
  const xs = [...new Set(table.series.flatMap((s) => s.points.map((p) => p.x)))].sort((a, b) => a - b);
  const lookups = table.series.map((s) => new Map(s.points.map((p) => [p.x, p.y] as const)));
  const lines = [[table.xName, ...table.series.map((s) => s.name)].map(quote).join(',')];
  for (const x of xs) lines.push([cell(x), ...lookups.map((lookup) => cell(lookup.get(x)))].join(','));
  return `${lines.join('\n')}\n`;
}

/** The data of one chart as named series (heatmap: one series per sampled epoch, x = timestep, y = log10 norm). */
export function chartTable(record: RunRecord, view: TrainingView, chart: ChartId): ChartTable {
  switch (chart) {
    case 'decay': {
      const decay = decaySeries(record, view);
      const prefix = decay.term === 'lossTerm' ? `dJ${decay.lossStep}/dh` : 'dJ/dh';
      const series: NamedSeries[] = decay.lines.map((line) => ({
        name: `${line.quantity === 'cell' ? 'dJ/dc' : prefix} epoch ${line.epoch}`,
        points: line.points,
      }));
      if (decay.bound !== null) series.push({ name: `bound (lambda1*gamma)^(t-k), lambda1*gamma=${decay.bound.lambdaGamma}`, points: decay.bound.points });
      return { chart, xName: decay.axis === 'lag' ? 'lag t-k' : 'timestep k', series };
    }
    case 'heatmap': {
      const heatmap = heatmapSeries(record, view);
      return {
        chart,
        xName: 'timestep k',
        series: heatmap.epochs.map((epoch, row) => ({
          name: `log10 norm epoch ${epoch}`,
          points: (heatmap.cells[row] ?? []).map((y, k) => ({ x: k, y })),
        })),
      };
    }
    case 'loss': {
      const loss = lossSeries(record, false);
      return { chart, xName: 'epoch', series: [{ name: 'train loss', points: loss.train }, { name: 'validation loss', points: loss.validation }] };
    }
    case 'updates': {
      const updates = updateNormSeries(record);
      return { chart, xName: 'update', series: [{ name: 'gradient norm', points: updates.points }] };
    }
    case 'spectrum': {
      const spectrum = spectrumSeries(record, view.layer);
      return { chart, xName: 'epoch', series: [{ name: 'lambda1', points: spectrum.lambda1 }, { name: 'rho', points: spectrum.rho }] };
    }
    case 'predictions': {
      const predictions = predictionSeries(record);
      return {
        chart,
        xName: 'validation index',
        series: predictions === null ? [] : [{ name: 'target', points: predictions.targets }, { name: 'prediction', points: predictions.predictions }],
      };
    }
  }
}

/** JSON export: the table plus, for the decay chart, the bound's numbers and for the spectrum the eigenvalues. */
export function chartJson(record: RunRecord, view: TrainingView, chart: ChartId): string {
  const table = chartTable(record, view, chart);
  const extra: Record<string, unknown> = { run: record.id, name: record.name };
  if (chart === 'decay') {
    const { bound, term, lossStep, layer } = decaySeries(record, view);
    Object.assign(extra, { layer, term, lossStep, bound: bound === null ? null : { ...bound, points: undefined } });
  }
  if (chart === 'spectrum') {
    const spectrum = spectrumSeries(record, view.layer);
    Object.assign(extra, { eigenvalues: { initial: spectrum.initial, current: spectrum.current } });
  }
  return `${JSON.stringify({ ...extra, chart, x: table.xName, series: table.series }, null, 1)}\n`;
}
