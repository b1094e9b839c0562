// Chart 3 (issue 6): training and validation loss J = 1/(2m) Σ(ŷ − y)² per epoch (docs/maths.md "Losses"),
// on a log or linear axis.
import { lossSeries } from '../../../src/lab/charts/chartSeries';
import { formatTemplate } from '../../../src/protocol/formatTemplate';
import type { ChartId, ExportFormat, TrainingPanelStrings } from '../../../src/protocol/trainingPanelProtocol';
import { canvasesToPng, createChartCard } from '../chartCard';
import { html } from '../../shared/dom';
import { axisOptions, baseOptions } from '../../shared/charts/chartSetup';
import type { DrawContext, PanelChart } from './panelChart';
import { formatNumber } from './panelChart';
import { BoundLineChart } from './lineChart';

export function createLossChart(strings: TrainingPanelStrings, onExport: (chart: ChartId, format: ExportFormat) => void): PanelChart {
  const card = createChartCard({ id: 'loss', title: strings.lossTitle, strings, onExport });
  const canvas = card.canvases[0]!;
  const chart = new BoundLineChart(canvas);
  // what the two curves are does not change between draws: written once
  card.note.append(html('p', { class: 'muted small' }, strings.lossNote));

  const draw = ({ record, view, strings: text, palette }: DrawContext): void => {
    const series = lossSeries(record, view.lossScale === 'log');
    const pointRadius = series.train.length <= 60 ? 2 : 0;
    chart.render(
      [
        { label: text.trainLoss, data: series.train.map((p) => ({ ...p })), borderColor: palette.blue, backgroundColor: palette.blue, borderWidth: palette.lineWidth, pointRadius },
        { label: text.validationLoss, data: series.validation.map((p) => ({ ...p })), borderColor: palette.orange, backgroundColor: palette.orange, borderWidth: palette.lineWidth, borderDash: [5, 3], pointRadius },
      ],
      {
        ...baseOptions(palette),
        scales: {
          x: axisOptions(palette, text.lossXAxis, 'linear'),
          y: axisOptions(palette, text.lossYAxis, view.lossScale === 'log' ? 'logarithmic' : 'linear', true),
        },
      },
    );
    const lastTrain = series.train.at(-1);
    const lastValidation = series.validation.at(-1);
    canvas.setAttribute('aria-label', formatTemplate(text.lossAria, series.train.length, formatNumber(lastTrain?.y), formatNumber(lastValidation?.y)));
  };

  return {
    id: 'loss',
    card,
    draw,
    report: () => ({ chart: 'loss', ...chart.count() }),
    toPng: () => canvasesToPng(card.canvases),
    destroy: () => chart.destroy(),
  };
}
