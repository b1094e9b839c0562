// The training panel's page. Waits for the host's state (validated), draws the header, the controls and the six
// charts from the run record, appends live progress as it comes (redrawing at most 10 times a second), and after
// every drawing reports to the host what each chart holds. The page never computes a gradient or a spectrum: it draws
// the series chartSeries.ts selects from what the engine measured.
import '../shared/base.css';
import './style.css';
import './cards.css';
import type { RunRecord } from '../../src/lab/runs/runRecord';
import type {
  ChartId,
  ExportFormat,
  TrainingHostToWebviewMessage,
  TrainingPanelStrings,
  TrainingPersistedState,
  TrainingProgressMessage,
  TrainingStateMessage,
  TrainingView,
  TrainingWebviewToHostMessage,
} from '../../src/protocol/trainingPanelProtocol';
import { parseTrainingHostToWebviewMessage } from '../../src/protocol/trainingPanelProtocol';
import { sampledLayers } from '../../src/lab/charts/chartSeries';
import { html } from '../shared/dom';
import { connectToHost } from '../shared/hostChannel';
import { watchThemeChanges } from '../shared/theme';
import { getVsCodeApi } from '../shared/vscodeApi';
import { createDecayChart } from './charts/decayChart';
import { createHeatmapChart } from './charts/heatmapChart';
import { createLossChart } from './charts/lossChart';
import type { PanelChart } from './charts/panelChart';
import { createPredictionsChart } from './charts/predictionsChart';
import { createSpectrumChart } from './charts/spectrumChart';
import { createUpdatesChart } from './charts/updatesChart';
import { buildControls } from './controls';
import { buildHeader } from './header';
import { readChartPalette } from '../shared/charts/palette';
import { TextSampleCard } from './textSampleCard';

/** Issue 6: at most 10 chart updates per second while training. */
const MIN_DRAW_INTERVAL_MS = 100;

interface PageState {
  record: RunRecord;
  runJsonPath: string | null;
  totalEpochs: number;
  view: TrainingView;
  strings: TrainingPanelStrings;
}

const vscode = getVsCodeApi<TrainingWebviewToHostMessage, TrainingPersistedState>();
const app = document.getElementById('app') ?? document.body.appendChild(html('main', { id: 'app' }));
const headerSlot = html('div', { class: 'header-slot' });
const controlsSlot = html('div', { class: 'controls-slot' });
const grid = html('div', { class: 'chart-grid' });
// Character models: the "Text sample" card (chart 6), shown only when the host describes it.
const textSampleCard = new TextSampleCard((message) => vscode.postMessage(message));
app.replaceChildren(headerSlot, controlsSlot, grid, textSampleCard.element);

let page: PageState | undefined;
let charts: PanelChart[] = [];
let chartStrings: TrainingPanelStrings | undefined;
let lastDraw = 0;
let pendingDraw: number | undefined;

function onExport(chart: ChartId, format: ExportFormat): void {
  if (format !== 'png') {
    vscode.postMessage({ type: 'export', chart, format });
    return;
  }
  const target = charts.find((c) => c.id === chart);
  if (target !== undefined) vscode.postMessage({ type: 'export', chart, format, dataUrl: target.toPng() });
}

/** (Re)creates the chart objects: on the first state, when the language changes, and after a theme switch. */
function createCharts(strings: TrainingPanelStrings): void {
  for (const chart of charts) chart.destroy();
  charts = [
    createDecayChart(strings, onExport),
    createHeatmapChart(strings, onExport),
    createLossChart(strings, onExport),
    createUpdatesChart(strings, onExport),
    createSpectrumChart(strings, onExport),
    createPredictionsChart(strings, onExport),
  ];
  chartStrings = strings;
  grid.replaceChildren(...charts.map((chart) => chart.card.element));
}

function hasLossTerm(record: RunRecord): boolean {
  const samples = record.gradientNormsPerTimestep;
  return samples.length > 0 && samples.every((sample) => sample.lossTermHiddenNorms !== undefined);
}

function changeView(view: TrainingView): void {
  if (page === undefined) return;
  page.view = view;
  vscode.postMessage({ type: 'viewChanged', view });
  drawControls();
  draw(null);
}

/** "Export as PyTorch script": the host exports the saved run this page shows (issue 14). */
function exportRunButton(strings: TrainingPanelStrings, runJsonPath: string): HTMLElement {
  const button = html('button', { type: 'button', id: 'export-run', class: 'secondary', title: strings.exportRunTooltip }, strings.exportRun);
  button.addEventListener('click', () => vscode.postMessage({ type: 'exportRun', runJsonPath }));
  return button;
}

function drawControls(): void {
  if (page === undefined) return;
  const activeId = document.activeElement instanceof HTMLElement ? document.activeElement.id : '';
  const actions = page.runJsonPath === null ? [] : [exportRunButton(page.strings, page.runJsonPath)];
  controlsSlot.replaceChildren(buildControls(page.strings, page.view, sampledLayers(page.record), hasLossTerm(page.record), changeView, actions));
  if (activeId !== '') document.getElementById(activeId)?.focus();
}

function draw(requestId: number | null): void {
  if (page === undefined) return;
  if (pendingDraw !== undefined) {
    clearTimeout(pendingDraw);
    pendingDraw = undefined;
  }
  lastDraw = performance.now();
  if (chartStrings !== page.strings) createCharts(page.strings);
  const { record, view, strings } = page;
  headerSlot.replaceChildren(buildHeader(record, page.totalEpochs, view.layer, strings));
  const context = { record, view, strings, palette: readChartPalette() };
  const predictionsShown = record.validationPredictions !== undefined;
  for (const chart of charts) {
    const shown = chart.id !== 'predictions' || predictionsShown;
    chart.card.element.hidden = !shown;
    if (shown) chart.draw(context);
  }
  vscode.setState({ runId: record.id, runJsonPath: page.runJsonPath, view });
  const reports = charts.filter((chart) => chart.id !== 'predictions' || predictionsShown).map((chart) => chart.report());
  vscode.postMessage({ type: 'rendered', requestId, charts: reports });
}

/** Progress arrives up to 10 times a second; coalesce redraws to the same rate. */
function scheduleDraw(): void {
  if (pendingDraw !== undefined) return;
  const wait = Math.max(0, lastDraw + MIN_DRAW_INTERVAL_MS - performance.now());
  pendingDraw = window.setTimeout(() => {
    pendingDraw = undefined;
    draw(null);
  }, wait);
}

function onState(message: TrainingStateMessage): void {
  if (page?.record.id !== message.run.id) textSampleCard.reset();
  page = {
    record: message.run,
    runJsonPath: message.runJsonPath,
    totalEpochs: message.totalEpochs,
    view: message.view,
    strings: message.strings,
  };
  drawControls();
  draw(message.requestId);
}

function onProgress(message: TrainingProgressMessage): void {
  if (page === undefined || page.record.id !== message.runId) return;
  const record = page.record;
  const layersBefore = sampledLayers(record).length;
  page.record = {
    ...record,
    status: message.status,
    epochs: [...record.epochs, ...message.epochs],
    gradientNormsPerTimestep: [...record.gradientNormsPerTimestep, ...message.gradientSamples],
    spectra: [...record.spectra, ...message.spectralSamples],
    updateGradientNorms: [...record.updateGradientNorms, ...message.updateGradientNorms],
  };
  if (sampledLayers(page.record).length !== layersBefore) drawControls();
  scheduleDraw();
}

function onExportImage(message: { requestId: number; chart: ChartId }): void {
  const chart = charts.find((c) => c.id === message.chart);
  if (chart === undefined) return;
  vscode.postMessage({ type: 'image', requestId: message.requestId, chart: message.chart, dataUrl: chart.toPng() });
}

connectToHost<TrainingHostToWebviewMessage, TrainingWebviewToHostMessage>(
  {
    channel: 'training panel',
    parse: parseTrainingHostToWebviewMessage,
    handlers: {
      state: onState,
      progress: onProgress,
      exportImage: onExportImage,
      textSampleState: (message) => textSampleCard.onState(message),
      textSample: (message) => textSampleCard.onSample(message),
      textSampleError: (message) => textSampleCard.onError(message),
    },
  },
  { type: 'ready' },
);

// A theme switch changes the --vscode-* values: rebuild the charts so every colour is read again.
watchThemeChanges(() => {
  if (page === undefined) return;
  chartStrings = undefined;
  draw(null);
});
