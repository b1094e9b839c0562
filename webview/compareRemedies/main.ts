// The Compare Remedies page: overlaid ‖∂J/∂h_k‖ (log) at the final epoch, overlaid validation-loss curves and the
// table, all from what the engine measured in the workers (the webview computes no maths). Reports to the host which
// table rows and how many chart lines it drew. Colours come from --vscode-* and are re-applied on theme change.
import '../shared/base.css';
import './style.css';
import type { ChartDataset } from 'chart.js';
import type { CompareHostToWebviewMessage, CompareStateMessage, CompareWebviewToHostMessage } from '../../src/protocol/compareRemediesProtocol';
import { parseCompareHostMessage } from '../../src/protocol/compareRemediesProtocol';
import { formatTemplate } from '../../src/protocol/formatTemplate';
import { html } from '../shared/dom';
import { connectToHost } from '../shared/hostChannel';
import { watchThemeChanges } from '../shared/theme';
import { Chart, axisOptions, backgroundPlugin, baseOptions } from '../shared/charts/chartSetup';
import type { ChartPalette } from '../shared/charts/palette';
import { readChartPalette } from '../shared/charts/palette';

const app = document.getElementById('app') ?? document.body.appendChild(html('main', { id: 'app' }));
let channel: { post(message: CompareWebviewToHostMessage): void } | undefined;
let last: CompareStateMessage | undefined;
const charts: Chart[] = [];

/** Nine entries, six theme colours: the second round of colours is dashed so every line stays distinguishable. */
function lineStyle(palette: ChartPalette, index: number): { borderColor: string; borderDash: number[] } {
  const colours = [palette.foreground, palette.red, palette.orange, palette.yellow, palette.green, palette.blue, palette.purple];
  return { borderColor: colours[index % colours.length]!, borderDash: index >= colours.length ? [6, 3] : [] };
}

function positivePoints(values: readonly number[], xOffset: number): { x: number; y: number }[] {
  // a log axis cannot show 0 or non-finite values: those points are left out (a gap), not invented
  return values.flatMap((y, index) => (Number.isFinite(y) && y > 0 ? [{ x: index + xOffset, y }] : []));
}

function lineChart(canvas: HTMLCanvasElement, palette: ChartPalette, datasets: ChartDataset<'line', { x: number; y: number }[]>[], xTitle: string, yTitle: string): Chart {
  const options = baseOptions(palette);
  return new Chart(canvas, {
    type: 'line',
    data: { datasets },
    options: { ...options, scales: { x: axisOptions(palette, xTitle, 'linear'), y: axisOptions(palette, yTitle, 'logarithmic') } },
    plugins: [backgroundPlugin],
  }) as unknown as Chart;
}

function numberText(value: number | null, digits = 4): string {
  return value === null || !Number.isFinite(value) ? '' : value.toPrecision(digits);
}

function draw(message: CompareStateMessage): void {
  last = message;
  for (const chart of charts.splice(0)) chart.destroy();
  const { strings } = message;
  const palette = readChartPalette();
  const withDecay = message.entries.filter((entry) => entry.hiddenGradNorms !== null);
  const decayCanvas = html('canvas', { role: 'img', 'aria-label': strings.decayAria });
  const lossCanvas = html('canvas', { role: 'img', 'aria-label': strings.lossAria });
  const header = html('tr', {}, ...[strings.entry, strings.finalLoss, strings.steps, strings.clipped, strings.lambda1, strings.time].map((label) => html('th', { scope: 'col' }, label)));
  const body = message.rows.map((row) =>
    html(
      'tr',
      { class: row.best ? 'best' : null, 'data-entry': row.id },
      html('th', { scope: 'row' }, row.label, row.diverged === null ? '' : html('span', { class: 'diverged' }, ` ${formatTemplate(strings.diverged, row.diverged)}`)),
      html('td', { class: 'number' }, numberText(row.finalValidationLoss)),
      html('td', { class: 'number' }, row.stepsToThreshold === null ? strings.never : String(row.stepsToThreshold)),
      html('td', { class: 'number' }, row.clippedPercent === null ? strings.notApplicable : row.clippedPercent.toFixed(1)),
      html('td', { class: 'number' }, row.lambda1 === null ? strings.notApplicable : numberText(row.lambda1, 3)),
      html('td', { class: 'number' }, row.seconds.toFixed(2)),
    ),
  );
  app.replaceChildren(
    html('h1', {}, strings.title),
    html('p', { class: 'intro' }, strings.intro, ' ', formatTemplate(strings.setup, message.source, message.epochs, message.seed)),
    html('section', { class: 'chart-card' }, html('h2', {}, strings.decayTitle), html('div', { class: 'chart-box' }, decayCanvas)),
    html('section', { class: 'chart-card' }, html('h2', {}, strings.lossTitle), html('div', { class: 'chart-box' }, lossCanvas)),
    html('table', { class: 'comparison' }, html('caption', {}, strings.tableCaption), html('thead', {}, header), html('tbody', {}, ...body)),
    html('p', { class: 'note' }, formatTemplate(strings.thresholdNote, numberText(message.threshold))),
  );
  const styled = (label: string, index: number, data: { x: number; y: number }[]): ChartDataset<'line', { x: number; y: number }[]> => ({
    label,
    data,
    ...lineStyle(palette, index),
    borderWidth: palette.lineWidth,
    pointRadius: 0,
  });
  const indexOf = (id: string): number => message.entries.findIndex((entry) => entry.id === id);
  const decayData = withDecay.map((entry) => styled(entry.label, indexOf(entry.id), positivePoints(entry.hiddenGradNorms ?? [], 0)));
  const lossData = message.entries.map((entry) => styled(entry.label, indexOf(entry.id), positivePoints(entry.validationLossPerEpoch, 1)));
  charts.push(lineChart(decayCanvas, palette, decayData, strings.decayX, strings.decayY), lineChart(lossCanvas, palette, lossData, strings.lossX, strings.lossY));
  channel?.post({
    type: 'rendered',
    requestId: message.requestId,
    rows: message.rows.map((row) => row.id),
    decayLines: decayData.filter((dataset) => dataset.data.length > 0).length,
    lossLines: lossData.filter((dataset) => dataset.data.length > 0).length,
  });
}

channel = connectToHost<CompareHostToWebviewMessage, CompareWebviewToHostMessage>({ channel: 'compare remedies panel', parse: parseCompareHostMessage, handlers: { state: draw } }, { type: 'ready' });

watchThemeChanges(() => {
  if (last !== undefined) draw(last);
});
