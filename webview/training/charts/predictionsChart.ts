// Chart 6 (issue 6): the final model's predictions against the targets on the validation windows, de-normalised (in
// the data's own units). Drawn only when the run record carries them (RunRecord.validationPredictions).
import { predictionSeries } from '../../../src/lab/charts/chartSeries';
import { formatTemplate } from '../../../src/protocol/formatTemplate';
import type { ChartId, ExportFormat, TrainingPanelStrings } from '../../../src/protocol/trainingPanelProtocol';
import { canvasesToPng, createChartCard } from '../chartCard';
import { axisOptions, baseOptions } from '../../shared/charts/chartSetup';
import { BoundLineChart } from './lineChart';
import type { DrawContext, PanelChart } from './panelChart';

export function createPredictionsChart(strings: TrainingPanelStrings, onExport: (chart: ChartId, format: ExportFormat) => void): PanelChart {
  const card = createChartCard({ id: 'predictions', title: strings.predictionsTitle, strings, wide: true, onExport });
  const canvas = card.canvases[0]!;
  const chart = new BoundLineChart(canvas);

  const draw = ({ record, strings: text, palette }: DrawContext): void => {
    const series = predictionSeries(record);
    if (series === null) {
      card.subtitle.textContent = text.noPredictions;
      chart.render([], baseOptions(palette));
      return;
    }
    const radius = series.targets.length <= 120 ? 2 : 0;
    chart.render(
      [
        { label: text.targets, data: series.targets.map((p) => ({ ...p })), borderColor: palette.foreground, backgroundColor: palette.foreground, borderWidth: 1.5, pointRadius: radius },
        { label: text.predictions, data: series.predictions.map((p) => ({ ...p })), borderColor: palette.green, backgroundColor: palette.green, borderWidth: palette.lineWidth, borderDash: [5, 3], pointRadius: radius },
      ],
      { ...baseOptions(palette), scales: { x: axisOptions(palette, text.predictionsXAxis, 'linear'), y: axisOptions(palette, series.column, 'linear') } },
    );
    card.subtitle.textContent = '';
    canvas.setAttribute('aria-label', formatTemplate(text.predictionsAria, series.targets.length, series.column));
  };

  return {
    id: 'predictions',
    card,
    draw,
    report: () => ({ chart: 'predictions', ...chart.count() }),
    toPng: () => canvasesToPng(card.canvases),
    destroy: () => chart.destroy(),
  };
}
