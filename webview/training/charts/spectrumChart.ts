// Chart 5 (issue 6): the spectrum of W_rec — its eigenvalues in the complex plane with the unit circle (at the first
// and at the newest sampled epoch), and beside it λ₁ = ‖W_rec‖₂ and ρ over the epochs with the 1/γ line, the
// threshold of docs/maths.md "Backpropagation through time" (λ₁ < 1/γ: vanishing guaranteed).
import { decaySeries, spectrumSeries } from '../../../src/lab/charts/chartSeries';
import { formatTemplate } from '../../../src/protocol/formatTemplate';
import type { ChartId, ExportFormat, TrainingPanelStrings } from '../../../src/protocol/trainingPanelProtocol';
import { canvasesToPng, createChartCard } from '../chartCard';
import { axisOptions, baseOptions } from '../../shared/charts/chartSetup';
import { withAlpha } from '../../shared/charts/palette';
import type { LineDataset } from './lineChart';
import { BoundLineChart } from './lineChart';
import type { DrawContext, PanelChart } from './panelChart';
import { formatNumber } from './panelChart';

export function createSpectrumChart(strings: TrainingPanelStrings, onExport: (chart: ChartId, format: ExportFormat) => void): PanelChart {
  const card = createChartCard({ id: 'spectrum', title: strings.spectrumTitle, strings, canvasCount: 2, onExport });
  const [planeCanvas, historyCanvas] = card.canvases as [HTMLCanvasElement, HTMLCanvasElement];
  planeCanvas.parentElement?.classList.add('chart-box-square');
  const plane = new BoundLineChart(planeCanvas);
  const history = new BoundLineChart(historyCanvas);

  const draw = ({ record, view, strings: text, palette }: DrawContext): void => {
    const layer = decaySeries(record, view).layer;
    const series = spectrumSeries(record, layer);
    const blockColors = [palette.blue, palette.green, palette.orange, palette.purple];
    const scatter = (points: readonly { x: number; y: number | null }[]) => points.map((p) => ({ ...p }));
    const planeDatasets: LineDataset[] = [
      {
        label: text.unitCircle,
        data: scatter(series.unitCircle),
        borderColor: palette.muted,
        borderWidth: 1,
        borderDash: [4, 3],
        pointRadius: 0,
        showLine: true,
      },
    ];
    series.initial.forEach((set, i) => {
      const color = withAlpha(blockColors[i % blockColors.length]!, 0.45);
      planeDatasets.push({
        // One legend entry stands for all hollow (initial) sets; the blocks' colours match their current sets.
        label: i === 0 ? formatTemplate(text.initialEigenvalues, set.epoch) : '',
        data: scatter(set.points),
        showLine: false,
        pointRadius: 3,
        pointStyle: 'circle',
        borderColor: color,
        backgroundColor: 'transparent',
      });
    });
    series.current.forEach((set, i) => {
      const color = blockColors[i % blockColors.length]!;
      planeDatasets.push({
        label: formatTemplate(text.eigenvaluesAt, set.block, set.epoch),
        data: scatter(set.points),
        showLine: false,
        pointRadius: 3.5,
        borderColor: color,
        backgroundColor: color,
      });
    });
    const extent = Math.max(
      1.15,
      ...[...series.current, ...series.initial].flatMap((set) => set.points.map((p) => Math.hypot(p.x, p.y ?? 0) * 1.1)),
    );
    const base = baseOptions(palette);
    plane.render(planeDatasets, {
      ...base,
      plugins: { ...base.plugins, legend: { ...base.plugins?.legend, labels: { ...base.plugins?.legend?.labels, filter: (item) => item.text !== '' && item.datasetIndex !== 0 } } },
      scales: {
        x: { ...axisOptions(palette, text.spectrumRe, 'linear'), min: -extent, max: extent },
        y: { ...axisOptions(palette, text.spectrumIm, 'linear'), min: -extent, max: extent },
      },
    });

    const bound = decaySeries(record, view).bound;
    const historyDatasets: LineDataset[] = [
      { label: formatTemplate(text.lambda1Line, series.historyBlock ?? ''), data: scatter(series.lambda1), borderColor: palette.red, backgroundColor: palette.red, borderWidth: palette.lineWidth, pointRadius: 2 },
      { label: formatTemplate(text.rhoLine, series.rhoBlock ?? ''), data: scatter(series.rho), borderColor: palette.blue, backgroundColor: palette.blue, borderWidth: palette.lineWidth, pointRadius: 2 },
    ];
    const epochs = series.lambda1.map((p) => p.x);
    if (bound !== null && epochs.length > 0) {
      const inverseGamma = 1 / bound.gamma;
      historyDatasets.push({
        label: `1/γ = ${formatNumber(inverseGamma)}`,
        data: [{ x: Math.min(...epochs), y: inverseGamma }, { x: Math.max(...epochs, Math.min(...epochs) + 1), y: inverseGamma }],
        borderColor: palette.muted,
        borderDash: [6, 4],
        borderWidth: 1.25,
        pointRadius: 0,
      });
    }
    history.render(historyDatasets, {
      ...base,
      scales: { x: axisOptions(palette, text.epochAxis, 'linear'), y: axisOptions(palette, 'λ₁, ρ', 'linear') },
    });
    const current = series.current.map((set) => set.points.length).reduce((a, b) => a + b, 0);
    planeCanvas.setAttribute('aria-label', formatTemplate(text.spectrumAria, layer + 1, current, series.current[0]?.epoch ?? '—'));
    historyCanvas.setAttribute(
      'aria-label',
      formatTemplate(text.spectrumHistoryAria, formatNumber(series.lambda1.at(-1)?.y), formatNumber(series.rho.at(-1)?.y), series.lambda1.length),
    );
    card.subtitle.textContent = series.lambda1.length === 0 ? text.noSpectra : text.spectrumHistoryTitle;
  };

  return {
    id: 'spectrum',
    card,
    draw,
    report: () => {
      const a = plane.count();
      const b = history.count();
      // The unit circle is scaffolding, not data: count it out.
      return { chart: 'spectrum', datasets: Math.max(0, a.datasets - 1) + b.datasets, points: Math.max(0, a.points - 129) + b.points };
    },
    toPng: () => canvasesToPng(card.canvases),
    destroy: () => {
      plane.destroy();
      history.destroy();
    },
  };
}
