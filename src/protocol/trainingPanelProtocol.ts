// The training panel's channel (host ⇄ webview): discriminated unions for each direction, the view the user picked
// (layer, loss term, axis, epochs shown, scale), every localised string the page shows, as valibot schemas (schema.ts)
// that every value crossing the boundary goes through; the types are inferred from them. The host owns the run; the
// page draws what the engine measured.
import * as v from 'valibot';
import {
  CHART_IDS,
  DECAY_AXES,
  DECAY_TERMS,
  DEFAULT_TRAINING_VIEW,
  EXPORT_FORMATS,
  MAX_EPOCHS_SHOWN,
  MAX_LAYER_INDEX,
  VALUE_SCALES,
  type ChartId,
  type ExportFormat,
  type TrainingView,
} from '../lab/charts/chartView';
import type { RunStatus } from '../lab/runs/runRecord';
import { ExportPathSchema } from './exportProtocol';
import { parseRunRecord, RECORD_LISTS } from './runRecordCheck';
import { TEXT_SAMPLE_HOST_OPTIONS, TEXT_SAMPLE_PAGE_OPTIONS } from './textSampleProtocol';
import type { ValidationIssue, ValidationResult } from './validation';
import { checkedBy, distinct, integerIn, joinPath, list, messageUnion, parseWith, record, refine, textFields } from './schema';

export {
  CHART_IDS,
  DEFAULT_TRAINING_VIEW,
  EXPORT_FORMATS,
  MAX_EPOCHS_SHOWN,
  MAX_LAYER_INDEX,
  type ChartId,
  type DecayAxis,
  type DecayTerm,
  type ExportFormat,
  type TrainingView,
  type ValueScale,
} from '../lab/charts/chartView';

/** The view the user picked in the panel's controls (lab/charts/chartView.ts), as it crosses the boundary. */
export const TrainingViewSchema = record(
  {
    layer: integerIn(0, MAX_LAYER_INDEX),
    axis: v.picklist(DECAY_AXES),
    term: v.picklist(DECAY_TERMS),
    decayScale: v.picklist(VALUE_SCALES),
    lossScale: v.picklist(VALUE_SCALES),
    epochsShown: integerIn(0, MAX_EPOCHS_SHOWN),
  },
  'an object { layer, axis, term, decayScale, lossScale, epochsShown }',
);
/** The schema's output is exactly the view type (a compile-time check). */
const viewMatches: (parsed: v.InferOutput<typeof TrainingViewSchema>) => TrainingView = (parsed) => parsed;
void viewMatches;

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
  'lossTitle', 'lossAria', 'lossXAxis', 'lossYAxis', 'lossNote', 'trainLoss', 'validationLoss',
  'updatesTitle', 'updatesAria', 'updatesXAxis', 'updatesYAxis', 'updateNorm', 'clipThreshold', 'clippedPercent', 'clippingOff',
  'spectrumTitle', 'spectrumAria', 'spectrumRe', 'spectrumIm', 'unitCircle', 'eigenvaluesAt', 'initialEigenvalues',
  'spectrumHistoryTitle', 'spectrumHistoryAria', 'lambda1Line', 'rhoLine', 'epochAxis', 'noSpectra',
  'predictionsTitle', 'predictionsAria', 'predictionsXAxis', 'targets', 'predictions', 'noPredictions',
  'headerConfig', 'headerData', 'headerFormulas', 'sourceDefault', 'sourceSetting', 'sourceConfigFile', 'sourceArgument',
  'levelUser', 'levelWorkspace', 'levelWorkspaceFolder', 'dataSource', 'dataPredicts', 'dataRows', 'dataWindows',
  'dataInputShape', 'dataTargetShape', 'formulaLoss', 'formulaBptt', 'formulaJacobian', 'formulaBound', 'notYetMeasured',
  'divergenceNote', 'errorNote', 'emptyRun', 'exportRun', 'exportRunTooltip',
] as const;
export type TrainingPanelStringKey = (typeof TRAINING_PANEL_STRING_KEYS)[number];
const TrainingPanelStringsSchema = textFields(TRAINING_PANEL_STRING_KEYS);
export type TrainingPanelStrings = v.InferOutput<typeof TrainingPanelStringsSchema>;

const MAX_REQUEST_ID = Number.MAX_SAFE_INTEGER;
/** A PNG of a chart is far below this; anything larger is not a chart. */
export const MAX_DATA_URL_LENGTH = 20_000_000;
const PNG_DATA_URL_PREFIX = 'data:image/png;base64,';

const requestId = integerIn(0, MAX_REQUEST_ID);
const chartId = v.picklist(CHART_IDS);
const pngDataUrl = v.pipe(
  v.string('a PNG data URL string'),
  v.startsWith(PNG_DATA_URL_PREFIX, `a string starting with ${PNG_DATA_URL_PREFIX}`),
  v.maxLength(MAX_DATA_URL_LENGTH, `at most ${MAX_DATA_URL_LENGTH} characters`),
);
const RUN_STATUSES = ['running', 'completed', 'cancelled', 'diverged', 'failed'] as const satisfies readonly RunStatus[];

// ——— host → webview ———

/**
 * What a live run measured since the previous message (appended by the page to its copy of the record). The appended
 * parts must have the record's shape too: they are checked with the record's own part schemas (runRecordCheck.ts).
 */
const progressMessage = v.object({
  type: v.literal('progress'),
  runId: v.string(),
  status: v.picklist(RUN_STATUSES),
  epochs: RECORD_LISTS.epochs,
  gradientSamples: RECORD_LISTS.gradientSamples,
  spectralSamples: RECORD_LISTS.spectra,
  updateGradientNorms: RECORD_LISTS.numbers,
});

export const TrainingHostToWebviewSchema = messageUnion([
  /** The whole panel: sent after every `ready` (replay), when a run ends, and when another run is shown. */
  v.object({
    type: v.literal('state'),
    /** Increases with every state the host sends; the page's `rendered` report echoes it. */
    requestId,
    run: checkedBy((raw) => parseRunRecord(raw, '')),
    /** Where the run is saved (null while it is still training); kept by the page so a reload can reopen it. */
    runJsonPath: v.nullable(v.string('a string or null')),
    /** Total epochs the run was started with (for "epoch 12 / 50"). */
    totalEpochs: integerIn(0, Number.MAX_SAFE_INTEGER),
    view: TrainingViewSchema,
    strings: TrainingPanelStringsSchema,
  }),
  progressMessage,
  /** The host asks for one chart as PNG (the export command with a target path); answered by `image`. */
  v.object({ type: v.literal('exportImage'), requestId, chart: chartId }),
  /** Plus the character models' text sample card (textSampleProtocol.ts). */
  ...TEXT_SAMPLE_HOST_OPTIONS,
]);
export type TrainingHostToWebviewMessage = v.InferOutput<typeof TrainingHostToWebviewSchema>;
export type TrainingStateMessage = Extract<TrainingHostToWebviewMessage, { type: 'state' }>;
export type TrainingProgressMessage = Extract<TrainingHostToWebviewMessage, { type: 'progress' }>;
export type ExportImageRequestMessage = Extract<TrainingHostToWebviewMessage, { type: 'exportImage' }>;

// ——— webview → host ———

/** Per chart: how many datasets and finite data points it drew (computed by the page from the charts themselves). */
const ChartRenderReportSchema = record(
  { chart: chartId, datasets: integerIn(0, 100_000), points: integerIn(0, Number.MAX_SAFE_INTEGER) },
  'an object { chart, datasets, points }',
);
export type ChartRenderReport = v.InferOutput<typeof ChartRenderReportSchema>;

/** The user clicked an export button; for PNG the page sends the canvas as a data URL. */
export type TrainingExportMessage = {
  readonly type: 'export';
  readonly chart: ChartId;
  readonly format: ExportFormat;
  /** Only with `format: 'png'`. */
  readonly dataUrl?: string;
};

const ExportFieldsSchema = v.object({
  type: v.literal('export'),
  chart: chartId,
  format: v.picklist(EXPORT_FORMATS),
  dataUrl: v.optional(v.unknown()),
});
type ExportFields = v.InferOutput<typeof ExportFieldsSchema>;

/** PNG needs the canvas as a data URL; CSV and JSON ignore one. */
function pngNeedsDataUrl({ format, dataUrl }: ExportFields): ValidationIssue | null {
  if (format !== 'png') return null;
  const checked = parseWith(pngDataUrl, dataUrl);
  return checked.ok ? null : { ...checked.issue, path: joinPath('dataUrl', checked.issue.path) };
}

function exportMessage({ chart, format, dataUrl }: ExportFields): TrainingExportMessage {
  return format === 'png' && typeof dataUrl === 'string' ? { type: 'export', chart, format, dataUrl } : { type: 'export', chart, format };
}

export const TrainingWebviewToHostSchema = messageUnion([
  v.object({ type: v.literal('ready') }),
  v.object({
    type: v.literal('rendered'),
    /** The `requestId` of the state drawn; null for a redraw of the page's own (progress, theme, control change). */
    requestId: v.nullable(requestId),
    charts: v.pipe(
      list(ChartRenderReportSchema, CHART_IDS.length, 'an array of chart reports'),
      distinct<ChartRenderReport>((report) => report.chart, 'chart', 'each chart at most once'),
    ),
  }),
  v.object({ type: v.literal('viewChanged'), view: TrainingViewSchema }),
  v.pipe(ExportFieldsSchema, refine(pngNeedsDataUrl), v.transform(exportMessage)),
  /** Answer to `exportImage`. */
  v.object({ type: v.literal('image'), requestId, chart: chartId, dataUrl: pngDataUrl }),
  /** The toolbar's "Export as PyTorch script" (shown once the run is saved): the run.json of the run the page shows. */
  v.object({ type: v.literal('exportRun'), runJsonPath: ExportPathSchema }),
  ...TEXT_SAMPLE_PAGE_OPTIONS,
]);
export type TrainingWebviewToHostMessage = v.InferOutput<typeof TrainingWebviewToHostSchema>;
export type TrainingReadyMessage = Extract<TrainingWebviewToHostMessage, { type: 'ready' }>;
export type TrainingRenderedMessage = Extract<TrainingWebviewToHostMessage, { type: 'rendered' }>;
export type TrainingViewChangedMessage = Extract<TrainingWebviewToHostMessage, { type: 'viewChanged' }>;
export type TrainingImageMessage = Extract<TrainingWebviewToHostMessage, { type: 'image' }>;
export type TrainingExportRunMessage = Extract<TrainingWebviewToHostMessage, { type: 'exportRun' }>;

/** What the page persists with setState; handed to the panel serializer after a window reload (a missing view: the default). */
export const TrainingPersistedStateSchema = record(
  { runId: v.string(), runJsonPath: v.nullable(v.string('a string or null')), view: v.nullish(TrainingViewSchema, DEFAULT_TRAINING_VIEW) },
  'an object { runId, runJsonPath, view }',
);
export type TrainingPersistedState = v.InferOutput<typeof TrainingPersistedStateSchema>;

export function parseTrainingWebviewToHostMessage(raw: unknown): ValidationResult<TrainingWebviewToHostMessage> {
  return parseWith(TrainingWebviewToHostSchema, raw);
}

export function parseTrainingHostToWebviewMessage(raw: unknown): ValidationResult<TrainingHostToWebviewMessage> {
  return parseWith(TrainingHostToWebviewSchema, raw);
}

/** The state VS Code hands back after a reload (anything unreadable: the panel cannot be restored). */
export function parseTrainingPersistedState(raw: unknown): ValidationResult<TrainingPersistedState> {
  return parseWith(TrainingPersistedStateSchema, raw);
}
