// Chart 1 (issue 6): ‖∂J/∂h_k‖ — or ‖∂J_t/∂h_k‖ of one loss term — against the timestep k or the lag t − k, one line
// per sampled epoch coloured along the epoch ramp, LSTM's ‖∂J/∂c_k‖ dashed, and beside it the theory of
// docs/maths.md "Backpropagation through time": the bound ‖∂J_t/∂h_t‖·(λ₁γ)^(t−k) drawn over the curves, λ₁ and γ
// printed, and the verdict badge (λ₁ < 1/γ: vanishing guaranteed; λ₁ > 1/γ: exploding possible).
import type { ChartDataset } from 'chart.js';
import { decaySeries } from '../../../src/lab/charts/chartSeries';
import { formatTemplate } from '../../../src/protocol/formatTemplate';
import type { ChartId, ExportFormat, TrainingPanelStrings } from '../../../src/protocol/trainingPanelProtocol';
import { html } from '../../shared/dom';
import { canvasesToPng, createChartCard } from '../chartCard';
import { Chart, axisOptions, backgroundPlugin, baseOptions, countPoints } from '../../shared/charts/chartSetup';
import { epochColor } from '../../shared/charts/palette';
import type { DrawContext, PanelChart } from './panelChart';
import { formatNumber } from './panelChart';

export function createDecayChart(strings: TrainingPanelStrings, onExport: (chart: ChartId, format: ExportFormat) => void): PanelChart {
  const card = createChartCard({ id: 'decay', title: strings.decayTitle, strings, notePlacement: 'aside', wide: true, onExport });
  const canvas = card.canvases[0]!;
  let chart: Chart<'line'> | undefined;

  const draw = ({ record, view, strings: text, palette }: DrawContext): void => {
    const series = decaySeries(record, view);
    const sampled = series.sampledEpochs;
    const colourOf = (epoch: number): string => {
      const index = sampled.indexOf(epoch);
      return epochColor(palette, sampled.length <= 1 ? 1 : index / (sampled.length - 1));
    };
    const datasets: ChartDataset<'line', { x: number; y: number | null }[]>[] = series.lines.map((line) => ({
      label: formatTemplate(line.quantity === 'cell' ? text.cellLine : text.hiddenLine, line.epoch),
      data: line.points.map((p) => ({ x: p.x, y: p.y })),
      borderColor: colourOf(line.epoch),
      backgroundColor: colourOf(line.epoch),
      borderWidth: palette.lineWidth,
      borderDash: line.quantity === 'cell' ? [5, 3] : [],
      pointRadius: series.steps <= 40 ? 1.5 : 0,
      spanGaps: false,
    }));
    const bound = series.bound;
    if (bound !== null) {
      datasets.push({
        label: formatTemplate(text.boundLine, formatNumber(bound.lambdaGamma)),
        data: bound.points.map((p) => ({ x: p.x, y: p.y })),
        borderColor: palette.foreground,
        backgroundColor: palette.foreground,
        borderWidth: 2,
        borderDash: [7, 4],
        pointRadius: 0,
      });
    }
    const yTitle = series.term === 'lossTerm' ? formatTemplate(text.decayYAxisLossTerm, series.lossStep) : text.decayYAxisTotal;
    const xTitle = series.axis === 'lag' ? formatTemplate(text.decayXAxisLag, series.lossStep) : text.decayXAxisTimestep;
    const options = {
      ...baseOptions(palette),
      scales: {
        x: { ...axisOptions(palette, xTitle, 'linear'), min: 0, max: Math.max(1, series.axis === 'lag' ? series.lossStep : series.steps - 1) },
        y: { ...axisOptions(palette, yTitle, view.decayScale === 'log' ? 'logarithmic' : 'linear'), ...measuredRange(series, view.decayScale === 'log') },
      },
    };
    if (chart === undefined) {
      chart = new Chart(canvas, { type: 'line', data: { datasets }, options, plugins: [backgroundPlugin] });
    } else {
      chart.data.datasets = datasets;
      chart.options = options;
      chart.update('none');
    }
    const newest = series.lines.filter((l) => l.quantity === 'hidden').at(-1);
    const first = newest?.points.find((p) => p.x === (series.axis === 'lag' ? series.lossStep : 0))?.y ?? null;
    const last = newest?.points.find((p) => p.x === (series.axis === 'lag' ? 0 : series.lossStep))?.y ?? null;
    canvas.setAttribute(
      'aria-label',
      formatTemplate(text.decayAria, series.layer + 1, series.lines.length, newest?.epoch ?? '—', formatNumber(last), series.lossStep, formatNumber(first)),
    );
    card.subtitle.textContent = sampled.length === 0 ? text.noGradientSamples : '';
    card.note.replaceChildren(theory(text, bound, record.config.model.cell.value, palette.highContrast));
  };

  return {
    id: 'decay',
    card,
    draw,
    report: () => ({ chart: 'decay', ...(chart === undefined ? { datasets: 0, points: 0 } : countPoints(chart as unknown as Chart)) }),
    toPng: () => canvasesToPng(card.canvases),
    destroy: () => {
      chart?.destroy();
      chart = undefined;
    },
  };
}

/**
 * The y range of the MEASURED curves (a decade of margin on a log axis): the bound may run far above them — it is an
 * upper bound — and would otherwise squash the curves the student is looking at into a few pixels.
 */
function measuredRange(series: ReturnType<typeof decaySeries>, logScale: boolean): { min?: number; max?: number } {
  const values = series.lines.flatMap((line) => line.points.map((p) => p.y)).filter((y): y is number => y !== null && Number.isFinite(y));
  if (values.length === 0) return {};
  const low = Math.min(...values);
  const high = Math.max(...values);
  if (!logScale) return { min: Math.min(0, low), max: high * 1.15 || 1 };
  return { min: 10 ** Math.floor(Math.log10(low)), max: 10 ** Math.ceil(Math.log10(high) + 0.5) };
}

/** The theory beside the curves: λ₁, γ, λ₁γ against 1, and the verdict badge. */
function theory(
  text: TrainingPanelStrings,
  bound: ReturnType<typeof decaySeries>['bound'],
  cell: string,
  highContrast: boolean,
): HTMLElement {
  const box = html('div', { class: highContrast ? 'theory theory-hc' : 'theory' }, html('h3', {}, text.theoryTitle));
  if (bound === null) {
    box.append(html('p', { class: 'muted' }, text.noSpectra));
    return box;
  }
  const row = (label: string, value: string): HTMLElement => html('div', { class: 'theory-row' }, html('dt', {}, label), html('dd', {}, value));
  box.append(
    html(
      'dl',
      {},
      row('λ₁ = ‖W_rec‖₂', formatNumber(bound.lambda1)),
      row('γ = sup|σ′|', formatNumber(bound.gamma)),
      row('1/γ', formatNumber(1 / bound.gamma)),
      row('λ₁γ', formatNumber(bound.lambdaGamma)),
    ),
  );
  const verdictText = bound.verdict === 'vanishing-guaranteed' ? text.badgeVanishing : bound.verdict === 'exploding-possible' ? text.badgeExploding : text.badgeCritical;
  box.append(html('p', { class: `badge badge-${bound.verdict}`, role: 'status' }, verdictText));
  box.append(html('p', { class: 'theory-text' }, formatTemplate(text.theoryText, formatNumber(bound.lambdaGamma))));
  box.append(html('p', { class: 'muted small' }, formatTemplate(text.boundBlockNote, bound.parameter, bound.block, bound.epoch)));
  if (cell === 'lstm') box.append(html('p', { class: 'muted small' }, text.lstmNote));
  return box;
}
