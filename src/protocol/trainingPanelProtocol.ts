// The training panel's channel (host ⇄ webview): discriminated unions for each direction, the view the user picked
// (layer, loss term, axis, epochs shown, scale), every localised string the page shows, and the validators that every
// value crossing the boundary goes through. The host owns the run; the page draws what the engine measured.
import type { GradientNormSample, SpectralSample, EpochMetrics, RunStatus } from '../lab/runs/runRecord';
import type { RunRecord } from '../lab/runs/runRecord';
import { parseRunRecord } from './runRecordCheck';
import type { SampleTextMessage, TextSampleHostMessage, TextSampleShownMessage } from './textSampleProtocol';
import { parseSampleTextMessage, parseTextSampleHostMessage, parseTextSampleShownMessage } from './textSampleProtocol';
import type { ValidationResult } from './validation';
import { accept, isRecord, readEnum, readInteger, reject } from './validation';

/** The charts of the panel, in page order (issue 6, items 1–6). */
export const CHART_IDS = ['decay', 'heatmap', 'loss', 'updates', 'spectrum', 'predictions'] as const;
export type ChartId = (typeof CHART_IDS)[number];

export const EXPORT_FORMATS = ['png', 'csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** x axis of the decay chart: the timestep k, or the lag t − k behind the loss term t. */
export type DecayAxis = 'timestep' | 'lag';
/** Which gradient: of the whole loss J, or of the single loss term J_t (docs/maths.md, "Backpropagation through time"). */
export type DecayTerm = 'total' | 'lossTerm';
export type ValueScale = 'log' | 'linear';

/** What the user chose in the panel's controls; kept by the host and restored with the panel. */
export interface TrainingView {
  readonly layer: number;
  readonly axis: DecayAxis;
  readonly term: DecayTerm;
  /** Gradient-decay y axis. */
  readonly decayScale: ValueScale;
  /** Loss chart y axis. */
  readonly lossScale: ValueScale;
  /** How many sampled epochs the decay chart draws (evenly chosen, first and last included); 0 = all. */
  readonly epochsShown: number;
}

export const DEFAULT_TRAINING_VIEW: TrainingView = {
  layer: 0,
  axis: 'timestep',
  term: 'lossTerm',
  decayScale: 'log',
  lossScale: 'log',
  epochsShown: 8,
};

/** Upper bounds of the view's integers (layers ≤ 4 in settings; more sampled epochs than any run keeps). */
export const MAX_LAYER_INDEX = 63;
export const MAX_EPOCHS_SHOWN = 10_000;

/** Every string the page shows, localised by the host. Templates use {0}, {1} … as vscode.l10n.t does. */
export const TRAINING_PANEL_STRING_KEYS = [
  'title', 'statusRunning', 'statusCompleted', 'statusCancelled', 'statusDiverged', 'statusFailed', 'epochProgress',
  'controlsLabel', 'layerLabel', 'termLabel', 'termTotal', 'termLossTerm', 'axisLabel', 'axisTimestep', 'axisLag',
  'epochsShownLabel', 'epochsAll', 'decayScaleLabel', 'lossScaleLabel', 'scaleLog', 'scaleLinear',
  'exportPng', 'exportCsv', 'exportJson', 'exportGroupLabel',
  'decayTitle', 'decayAria', 'decayYAxisTotal', 'decayYAxisLossTerm', 'decayXAxisTimestep', 'decayXAxisLag',
  'hiddenLine', 'cellLine', 'boundLine', 'theoryTitle', 'theoryText', 'badgeVanishing', 'badgeExploding', 'badgeCritical',
  'lambdaGammaLine', 'boundBlockNote', 'lstmNote', 'noGradientSamples',
  'heatmapTitle', 'heatmapAria', 'heatmapXAxis', 'heatmapYAxis', 'heatmapLegend',
  'lossTitle', 'lossAria', 'lossXAxis', 'lossYAxis', 'trainLoss', 'validationLoss',
  'updatesTitle', 'updatesAria', 'updatesXAxis', 'updatesYAxis', 'updateNorm', 'clipThreshold', 'clippedPercent', 'clippingOff',
  'spectrumTitle', 'spectrumAria', 'spectrumRe', 'spectrumIm', 'unitCircle', 'eigenvaluesAt', 'initialEigenvalues',
  'spectrumHistoryTitle', 'spectrumHistoryAria', 'lambda1Line', 'rhoLine', 'epochAxis', 'noSpectra',
  'predictionsTitle', 'predictionsAria', 'predictionsXAxis', 'targets', 'predictions', 'noPredictions',
  'headerConfig', 'headerData', 'headerFormulas', 'sourceDefault', 'sourceSetting', 'sourceConfigFile', 'sourceArgument',
  'levelUser', 'levelWorkspace', 'levelWorkspaceFolder', 'dataSource', 'dataPredicts', 'dataRows', 'dataWindows',
  'dataInputShape', 'dataTargetShape', 'formulaLoss', 'formulaBptt', 'formulaJacobian', 'formulaBound', 'notYetMeasured',
  'divergenceNote', 'errorNote', 'emptyRun',
] as const;
export type TrainingPanelStringKey = (typeof TRAINING_PANEL_STRING_KEYS)[number];
export type TrainingPanelStrings = Readonly<Record<TrainingPanelStringKey, string>>;

// ——— host → webview ———

/** The whole panel: sent after every `ready` (replay), when a run ends, and when another run is shown. */
export interface TrainingStateMessage {
  readonly type: 'state';
  /** Increases with every state the host sends; the page's `rendered` report echoes it. */
  readonly requestId: number;
  readonly run: RunRecord;
  /** Where the run is saved (null while it is still training); kept by the page so a reload can reopen it. */
  readonly runJsonPath: string | null;
  /** Total epochs the run was started with (for "epoch 12 / 50"). */
  readonly totalEpochs: number;
  readonly view: TrainingView;
  readonly strings: TrainingPanelStrings;
}

/** What a live run measured since the previous message (appended by the page to its copy of the record). */
export interface TrainingProgressMessage {
  readonly type: 'progress';
  readonly runId: string;
  readonly status: RunStatus;
  readonly epochs: readonly EpochMetrics[];
  readonly gradientSamples: readonly GradientNormSample[];
  readonly spectralSamples: readonly SpectralSample[];
  readonly updateGradientNorms: readonly number[];
}

/** The host asks for one chart as PNG (the export command with a target path); answered by `image`. */
export interface ExportImageRequestMessage {
  readonly type: 'exportImage';
  readonly requestId: number;
  readonly chart: ChartId;
}

/** Plus the character models' text sample card (textSampleProtocol.ts). */
export type TrainingHostToWebviewMessage = TrainingStateMessage | TrainingProgressMessage | ExportImageRequestMessage | TextSampleHostMessage;

// ——— webview → host ———

export interface TrainingReadyMessage {
  readonly type: 'ready';
}

/** Per chart: how many datasets and finite data points it drew (computed by the page from the charts themselves). */
export interface ChartRenderReport {
  readonly chart: ChartId;
  readonly datasets: number;
  readonly points: number;
}

export interface TrainingRenderedMessage {
  readonly type: 'rendered';
  /** The `requestId` of the state drawn; null for a redraw of the page's own (progress, theme, control change). */
  readonly requestId: number | null;
  readonly charts: readonly ChartRenderReport[];
}

export interface TrainingViewChangedMessage {
  readonly type: 'viewChanged';
  readonly view: TrainingView;
}

/** The user clicked an export button; for PNG the page sends the canvas as a data URL. */
export interface TrainingExportMessage {
  readonly type: 'export';
  readonly chart: ChartId;
  readonly format: ExportFormat;
  readonly dataUrl?: string;
}

/** Answer to `exportImage`. */
export interface TrainingImageMessage {
  readonly type: 'image';
  readonly requestId: number;
  readonly chart: ChartId;
  readonly dataUrl: string;
}

export type TrainingWebviewToHostMessage =
  | TrainingReadyMessage
  | TrainingRenderedMessage
  | TrainingViewChangedMessage
  | TrainingExportMessage
  | TrainingImageMessage
  | SampleTextMessage
  | TextSampleShownMessage;

/** What the page persists with setState; handed to the panel serializer after a window reload. */
export interface TrainingPersistedState {
  readonly runId: string;
  readonly runJsonPath: string | null;
  readonly view: TrainingView;
}

// ——— validators ———

const MAX_REQUEST_ID = Number.MAX_SAFE_INTEGER;
/** A PNG of a chart is far below this; anything larger is not a chart. */
export const MAX_DATA_URL_LENGTH = 20_000_000;
const PNG_DATA_URL_PREFIX = 'data:image/png;base64,';

export function parseTrainingView(raw: unknown, path = 'view'): ValidationResult<TrainingView> {
  if (!isRecord(raw)) return reject(path, 'notObject', 'an object { layer, axis, term, decayScale, lossScale, epochsShown }', raw);
  const layer = readInteger(raw.layer, `${path}.layer`, 0, MAX_LAYER_INDEX);
  if (!layer.ok) return layer;
  const axis = readEnum<DecayAxis>(raw.axis, `${path}.axis`, ['timestep', 'lag']);
  if (!axis.ok) return axis;
  const term = readEnum<DecayTerm>(raw.term, `${path}.term`, ['total', 'lossTerm']);
  if (!term.ok) return term;
  const decayScale = readEnum<ValueScale>(raw.decayScale, `${path}.decayScale`, ['log', 'linear']);
  if (!decayScale.ok) return decayScale;
  const lossScale = readEnum<ValueScale>(raw.lossScale, `${path}.lossScale`, ['log', 'linear']);
  if (!lossScale.ok) return lossScale;
  const epochsShown = readInteger(raw.epochsShown, `${path}.epochsShown`, 0, MAX_EPOCHS_SHOWN);
  if (!epochsShown.ok) return epochsShown;
  return accept({
    layer: layer.value,
    axis: axis.value,
    term: term.value,
    decayScale: decayScale.value,
    lossScale: lossScale.value,
    epochsShown: epochsShown.value,
  });
}

function readPngDataUrl(raw: unknown, path: string): ValidationResult<string> {
  if (typeof raw !== 'string') return reject(path, 'wrongType', 'a PNG data URL string', raw);
  if (!raw.startsWith(PNG_DATA_URL_PREFIX)) return reject(path, 'wrongType', `a string starting with ${PNG_DATA_URL_PREFIX}`, raw);
  if (raw.length > MAX_DATA_URL_LENGTH) return reject(path, 'outOfRange', `at most ${MAX_DATA_URL_LENGTH} characters`, raw.length);
  return accept(raw);
}

function readRequestIdOrNull(raw: unknown, path: string): ValidationResult<number | null> {
  return raw === null ? accept(null) : readInteger(raw, path, 0, MAX_REQUEST_ID);
}

export function parseTrainingWebviewToHostMessage(raw: unknown): ValidationResult<TrainingWebviewToHostMessage> {
  if (!isRecord(raw)) return reject('', 'notObject', 'a message object', raw);
  switch (raw.type) {
    case 'ready':
      return accept({ type: 'ready' });
    case 'rendered': {
      const requestId = readRequestIdOrNull(raw.requestId, 'requestId');
      if (!requestId.ok) return requestId;
      if (!Array.isArray(raw.charts)) return reject('charts', 'wrongType', 'an array of chart reports', raw.charts);
      if (raw.charts.length > CHART_IDS.length) return reject('charts', 'outOfRange', `at most ${CHART_IDS.length} reports`, raw.charts.length);
      const charts: ChartRenderReport[] = [];
      for (let i = 0; i < raw.charts.length; i++) {
        const entry: unknown = raw.charts[i];
        if (!isRecord(entry)) return reject(`charts[${i}]`, 'notObject', 'an object { chart, datasets, points }', entry);
        const chart = readEnum(entry.chart, `charts[${i}].chart`, CHART_IDS);
        if (!chart.ok) return chart;
        if (charts.some((report) => report.chart === chart.value)) return reject(`charts[${i}].chart`, 'conflict', 'each chart at most once', chart.value);
        const datasets = readInteger(entry.datasets, `charts[${i}].datasets`, 0, 100_000);
        if (!datasets.ok) return datasets;
        const points = readInteger(entry.points, `charts[${i}].points`, 0, Number.MAX_SAFE_INTEGER);
        if (!points.ok) return points;
        charts.push({ chart: chart.value, datasets: datasets.value, points: points.value });
      }
      return accept({ type: 'rendered', requestId: requestId.value, charts });
    }
    case 'viewChanged': {
      const view = parseTrainingView(raw.view);
      return view.ok ? accept({ type: 'viewChanged', view: view.value }) : view;
    }
    case 'export': {
      const chart = readEnum(raw.chart, 'chart', CHART_IDS);
      if (!chart.ok) return chart;
      const format = readEnum(raw.format, 'format', EXPORT_FORMATS);
      if (!format.ok) return format;
      if (format.value !== 'png') return accept({ type: 'export', chart: chart.value, format: format.value });
      const dataUrl = readPngDataUrl(raw.dataUrl, 'dataUrl');
      return dataUrl.ok ? accept({ type: 'export', chart: chart.value, format: 'png', dataUrl: dataUrl.value }) : dataUrl;
    }
    case 'image': {
      const requestId = readInteger(raw.requestId, 'requestId', 0, MAX_REQUEST_ID);
      if (!requestId.ok) return requestId;
      const chart = readEnum(raw.chart, 'chart', CHART_IDS);
      if (!chart.ok) return chart;
      const dataUrl = readPngDataUrl(raw.dataUrl, 'dataUrl');
      if (!dataUrl.ok) return dataUrl;
      return accept({ type: 'image', requestId: requestId.value, chart: chart.value, dataUrl: dataUrl.value });
    }
    case 'sampleText':
      return parseSampleTextMessage(raw);
    case 'textSampleShown':
      return parseTextSampleShownMessage(raw);
    default:
      return reject('type', 'unknownType', 'one of ready, rendered, viewChanged, export, image, sampleText, textSampleShown', raw.type);
  }
}

function parseStrings(raw: unknown): ValidationResult<TrainingPanelStrings> {
  if (!isRecord(raw)) return reject('strings', 'notObject', 'an object of strings', raw);
  for (const key of TRAINING_PANEL_STRING_KEYS) {
    if (typeof raw[key] !== 'string') return reject(`strings.${key}`, 'wrongType', 'a string', raw[key]);
  }
  return accept(raw as unknown as TrainingPanelStrings);
}

const RUN_STATUSES: readonly RunStatus[] = ['running', 'completed', 'cancelled', 'diverged', 'failed'];

export function parseTrainingHostToWebviewMessage(raw: unknown): ValidationResult<TrainingHostToWebviewMessage> {
  if (!isRecord(raw)) return reject('', 'notObject', 'a message object', raw);
  switch (raw.type) {
    case 'state': {
      const requestId = readInteger(raw.requestId, 'requestId', 0, MAX_REQUEST_ID);
      if (!requestId.ok) return requestId;
      const run = parseRunRecord(raw.run);
      if (!run.ok) return run;
      if (raw.runJsonPath !== null && typeof raw.runJsonPath !== 'string') return reject('runJsonPath', 'wrongType', 'a string or null', raw.runJsonPath);
      const totalEpochs = readInteger(raw.totalEpochs, 'totalEpochs', 0, Number.MAX_SAFE_INTEGER);
      if (!totalEpochs.ok) return totalEpochs;
      const view = parseTrainingView(raw.view);
      if (!view.ok) return view;
      const strings = parseStrings(raw.strings);
      if (!strings.ok) return strings;
      return accept({
        type: 'state',
        requestId: requestId.value,
        run: run.value,
        runJsonPath: raw.runJsonPath,
        totalEpochs: totalEpochs.value,
        view: view.value,
        strings: strings.value,
      });
    }
    case 'progress': {
      if (typeof raw.runId !== 'string') return reject('runId', 'wrongType', 'a string', raw.runId);
      const status = readEnum(raw.status, 'status', RUN_STATUSES);
      if (!status.ok) return status;
      for (const field of ['epochs', 'gradientSamples', 'spectralSamples', 'updateGradientNorms'] as const) {
        if (!Array.isArray(raw[field])) return reject(field, 'wrongType', 'an array', raw[field]);
      }
      // The appended parts must have the record's shape too: check them as a record fragment.
      const fragment = parseRunRecord(
        {
          format: 'rnn-lab.run', id: raw.runId, name: '', status: status.value, startedAt: '',
          config: { model: {}, training: {}, remedies: {} }, data: { shapes: {} },
          epochs: raw.epochs, gradientNormsPerTimestep: raw.gradientSamples, spectra: raw.spectralSamples,
          updateGradientNorms: raw.updateGradientNorms,
        },
        'progress',
      );
      if (!fragment.ok) return fragment;
      return accept(raw as unknown as TrainingProgressMessage);
    }
    case 'exportImage': {
      const requestId = readInteger(raw.requestId, 'requestId', 0, MAX_REQUEST_ID);
      if (!requestId.ok) return requestId;
      const chart = readEnum(raw.chart, 'chart', CHART_IDS);
      return chart.ok ? accept({ type: 'exportImage', requestId: requestId.value, chart: chart.value }) : chart;
    }
    case 'textSampleState':
    case 'textSample':
    case 'textSampleError':
      return parseTextSampleHostMessage(raw);
    default:
      return reject('type', 'unknownType', 'one of state, progress, exportImage, textSampleState, textSample, textSampleError', raw.type);
  }
}

/** The state VS Code hands back after a reload (anything unreadable: the panel cannot be restored). */
export function parseTrainingPersistedState(raw: unknown): ValidationResult<TrainingPersistedState> {
  if (!isRecord(raw)) return reject('', 'notObject', 'an object { runId, runJsonPath, view }', raw);
  if (typeof raw.runId !== 'string') return reject('runId', 'wrongType', 'a string', raw.runId);
  if (raw.runJsonPath !== null && typeof raw.runJsonPath !== 'string') return reject('runJsonPath', 'wrongType', 'a string or null', raw.runJsonPath);
  const view = parseTrainingView(raw.view ?? DEFAULT_TRAINING_VIEW);
  if (!view.ok) return view;
  return accept({ runId: raw.runId, runJsonPath: raw.runJsonPath, view: view.value });
}
