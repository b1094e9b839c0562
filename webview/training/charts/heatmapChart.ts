// Chart 2 (issue 6): the whole history at a glance — a heatmap of log10 ‖∂J/∂h_k‖ with one row per sampled epoch
// (first at the top) and one column per timestep k. Chart.js has no heatmap, so the cells are painted on a 2-D
// canvas here, with axis labels and a colour bar; colours come from the theme ramp (palette.ts).
import type { HeatmapSeries } from '../../../src/lab/charts/chartSeries';
import { heatmapSeries } from '../../../src/lab/charts/chartSeries';
import { formatTemplate } from '../../../src/protocol/formatTemplate';
import type { ChartId, ExportFormat, TrainingPanelStrings } from '../../../src/protocol/trainingPanelProtocol';
import { createChartCard } from '../chartCard';
import type { ChartPalette } from '../../shared/charts/palette';
import { heatmapColor } from '../../shared/charts/palette';
import type { DrawContext, PanelChart } from './panelChart';
import { formatNumber } from './panelChart';

const MARGIN = { left: 54, right: 70, top: 10, bottom: 38 };

export function createHeatmapChart(strings: TrainingPanelStrings, onExport: (chart: ChartId, format: ExportFormat) => void): PanelChart {
  const card = createChartCard({ id: 'heatmap', title: strings.heatmapTitle, strings, onExport });
  const canvas = card.canvases[0]!;
  let last: { series: HeatmapSeries; palette: ChartPalette; strings: TrainingPanelStrings } | undefined;

  const paint = (): void => {
    if (last === undefined) return;
    const box = canvas.parentElement?.getBoundingClientRect();
    const width = Math.max(200, Math.floor(box?.width ?? 400));
    const height = Math.max(160, Math.floor(box?.height ?? 260));
    const scale = window.devicePixelRatio || 1;
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
    const context = canvas.getContext('2d');
    if (context === null) return;
    context.setTransform(scale, 0, 0, scale, 0, 0);
    paintHeatmap(context, width, height, last.series, last.palette, last.strings);
  };

  const resize = new ResizeObserver(() => paint());
  resize.observe(card.canvases[0]!.parentElement ?? canvas);

  const draw = ({ record, view, strings: text, palette }: DrawContext): void => {
    const series = heatmapSeries(record, view);
    last = { series, palette, strings: text };
    paint();
    const range = series.range;
    canvas.setAttribute(
      'aria-label',
      formatTemplate(text.heatmapAria, series.layer + 1, series.epochs.length, series.steps, range ? formatNumber(range.min) : '—', range ? formatNumber(range.max) : '—'),
    );
    card.subtitle.textContent = series.epochs.length === 0 ? text.noGradientSamples : '';
  };

  return {
    id: 'heatmap',
    card,
    draw,
    report: () => {
      const cells = last?.series.cells ?? [];
      const rows = cells.filter((row) => row.some((value) => value !== null)).length;
      const points = cells.reduce((sum, row) => sum + row.filter((value) => value !== null).length, 0);
      return { chart: 'heatmap', datasets: rows, points };
    },
    toPng: () => canvas.toDataURL('image/png'),
    destroy: () => resize.disconnect(),
  };
}

function paintHeatmap(
  context: CanvasRenderingContext2D,
  width: number,
  height: number,
  series: HeatmapSeries,
  palette: ChartPalette,
  strings: TrainingPanelStrings,
): void {
  context.fillStyle = palette.background;
  context.fillRect(0, 0, width, height);
  const plotWidth = width - MARGIN.left - MARGIN.right;
  const plotHeight = height - MARGIN.top - MARGIN.bottom;
  const rows = series.epochs.length;
  const columns = series.steps;
  context.font = `10px ${palette.fontFamily}`;
  context.fillStyle = palette.muted;
  context.textBaseline = 'middle';
  if (rows === 0 || columns === 0 || series.range === null) return;
  const { min, max } = series.range;
  const span = max - min || 1;
  const cellWidth = plotWidth / columns;
  const cellHeight = plotHeight / rows;
  for (let r = 0; r < rows; r++) {
    const row = series.cells[r] ?? [];
    for (let k = 0; k < columns; k++) {
      const value = row[k];
      // Gaps (zero or non-finite norms) stay the background colour, hatched by a thin outline.
      context.fillStyle = value === null || value === undefined ? palette.background : heatmapColor(palette, (value - min) / span);
      // Cell edges snapped to whole pixels: no seams, no blended edges.
      const x0 = Math.round(MARGIN.left + k * cellWidth);
      const y0 = Math.round(MARGIN.top + r * cellHeight);
      context.fillRect(x0, y0, Math.round(MARGIN.left + (k + 1) * cellWidth) - x0, Math.round(MARGIN.top + (r + 1) * cellHeight) - y0);
    }
  }
  context.strokeStyle = palette.grid;
  context.strokeRect(MARGIN.left, MARGIN.top, plotWidth, plotHeight);

  // y labels: epochs (at most ~10, evenly spaced)
  context.fillStyle = palette.muted;
  context.textAlign = 'right';
  const rowStep = Math.max(1, Math.ceil(rows / Math.max(1, Math.floor(plotHeight / 16))));
  for (let r = 0; r < rows; r += rowStep) {
    context.fillText(String(series.epochs[r]), MARGIN.left - 6, MARGIN.top + (r + 0.5) * cellHeight);
  }
  // x labels: timesteps
  context.textAlign = 'center';
  context.textBaseline = 'top';
  const columnStep = Math.max(1, Math.ceil(columns / Math.max(1, Math.floor(plotWidth / 34))));
  for (let k = 0; k < columns; k += columnStep) {
    context.fillText(String(k), MARGIN.left + (k + 0.5) * cellWidth, MARGIN.top + plotHeight + 4);
  }
  context.fillText(strings.heatmapXAxis, MARGIN.left + plotWidth / 2, MARGIN.top + plotHeight + 20);
  context.save();
  context.translate(12, MARGIN.top + plotHeight / 2);
  context.rotate(-Math.PI / 2);
  context.textBaseline = 'middle';
  context.fillText(strings.heatmapYAxis, 0, 0);
  context.restore();

  // colour bar
  const barX = width - MARGIN.right + 14;
  const barWidth = 12;
  const barSteps = 24;
  for (let i = 0; i < barSteps; i++) {
    const y0 = Math.round(MARGIN.top + (i * plotHeight) / barSteps);
    const y1 = Math.round(MARGIN.top + ((i + 1) * plotHeight) / barSteps);
    context.fillStyle = heatmapColor(palette, 1 - (i + 0.5) / barSteps);
    context.fillRect(barX, y0, barWidth, y1 - y0);
  }
  context.strokeStyle = palette.grid;
  context.strokeRect(barX, MARGIN.top, barWidth, plotHeight);
  context.fillStyle = palette.muted;
  context.textAlign = 'left';
  context.textBaseline = 'middle';
  context.fillText(formatNumber(max), barX + barWidth + 4, MARGIN.top + 4);
  context.fillText(formatNumber(min), barX + barWidth + 4, MARGIN.top + plotHeight - 4);
  context.save();
  context.translate(barX + barWidth + 10, MARGIN.top + plotHeight / 2);
  context.rotate(-Math.PI / 2);
  context.textAlign = 'center';
  context.fillText(strings.heatmapLegend, 0, 12);
  context.restore();
}
