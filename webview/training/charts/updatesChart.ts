// Chart 4 (issue 6): the global gradient norm ‖∂J/∂θ‖ of every update (before clipping), with the clipping threshold
// τ drawn as a line and the share of clipped steps printed (docs/maths.md "Remedies": clip when ‖g‖ ≥ τ). Long runs
// have tens of thousands of updates: Chart.js's LTTB decimation keeps the drawing fast.
import { updateNormSeries } from '../../../src/lab/charts/chartSeries';
import { formatTemplate } from '../../../src/protocol/formatTemplate';
import type { ChartId, ExportFormat, TrainingPanelStrings } from '../../../src/protocol/trainingPanelProtocol';
import { canvasesToPng, createChartCard } from '../chartCard';
import { axisOptions, baseOptions } from '../../shared/charts/chartSetup';
import type { LineDataset } from './lineChart';
import { BoundLineChart } from './lineChart';
import type { DrawContext, PanelChart } from './panelChart';
import { formatNumber } from './panelChart';

/** Points drawn after decimation (about one per horizontal pixel of a typical card). */
const DECIMATED_SAMPLES = 600;

export function createUpdatesChart(strings: TrainingPanelStrings, onExport: (chart: ChartId, format: ExportFormat) => void): PanelChart {
  const card = createChartCard({ id: 'updates', title: strings.updatesTitle, strings, onExport });
  const canvas = card.canvases[0]!;
  const chart = new BoundLineChart(canvas);

  const draw = ({ record, strings: text, palette }: DrawContext): void => {
    const series = updateNormSeries(record);
    const datasets: LineDataset[] = [
      {
        label: text.updateNorm,
        data: series.points.map((p) => ({ ...p })),
        borderColor: palette.blue,
        backgroundColor: palette.blue,
        borderWidth: 1.25,
        pointRadius: 0,
        indexAxis: 'x',
      },
    ];
    const count = series.points.length;
    if (series.threshold !== null && count > 0) {
      datasets.push({
        label: formatTemplate(text.clipThreshold, formatNumber(series.threshold)),
        data: [{ x: 1, y: series.threshold }, { x: Math.max(2, count), y: series.threshold }],
        borderColor: palette.red,
        backgroundColor: palette.red,
        borderWidth: 1.5,
        borderDash: [6, 4],
        pointRadius: 0,
      });
    }
    const base = baseOptions(palette);
    chart.render(datasets, {
      ...base,
      plugins: { ...base.plugins, decimation: { enabled: true, algorithm: 'lttb', samples: DECIMATED_SAMPLES, threshold: DECIMATED_SAMPLES * 2 } },
      scales: {
        x: { ...axisOptions(palette, text.updatesXAxis, 'linear'), min: 1, max: Math.max(2, count) },
        y: axisOptions(palette, text.updatesYAxis, 'logarithmic', true),
      },
    });
    const clipped = series.clippedPercent;
    card.subtitle.textContent =
      series.threshold === null ? text.clippingOff : formatTemplate(text.clippedPercent, clipped === null ? '—' : clipped.toFixed(1), formatNumber(series.threshold));
    canvas.setAttribute('aria-label', formatTemplate(text.updatesAria, count, card.subtitle.textContent));
  };

  return {
    id: 'updates',
    card,
    draw,
    report: () => ({ chart: 'updates', ...chart.count() }),
    toPng: () => canvasesToPng(card.canvases),
    destroy: () => chart.destroy(),
  };
}
