// The Gradient Check channels: host ⇄ worker (run the engine's finite-difference check off the extension-host thread)
// and host ⇄ webview (show it), as valibot schemas (schema.ts) with their inferred types. The check itself is
// docs/maths.md "Gradient check": central differences with ε = 1e-6, relative error |a − n| / max(|a|, |n|, 1e-12),
// which must stay below 1e-6 for every parameter.
import * as v from 'valibot';
import type { TopologyId } from '../engine/dataset';
import type { FiniteDifferencePrecision } from '../engine/gradcheck';
import type { CellKind, Nonlinearity } from '../engine/modelConfig';
import type { ValidationResult } from './validation';
import { anyNumber, dictionary, integerIn, list, messageUnion, parseWith, record, rule, textFields } from './schema';

/** docs/maths.md: a small model, T ≤ 8, H ≤ 4. */
export const GRADIENT_CHECK_MAX_STEPS = 8;
export const GRADIENT_CHECK_MAX_HIDDEN = 4;
export const GRADIENT_CHECK_MAX_LAYERS = 2;

const CELLS = ['rnn', 'lstm', 'gru'] as const satisfies readonly CellKind[];
const NONLINEARITIES = ['tanh', 'relu', 'sigmoid'] as const satisfies readonly Nonlinearity[];
const TOPOLOGIES = ['one-to-one', 'one-to-many', 'many-to-one', 'many-to-many-encoder-decoder', 'many-to-many-synced'] as const satisfies readonly TopologyId[];
const PRECISIONS = ['double-double', 'float64'] as const satisfies readonly FiniteDifferencePrecision[];
const STATUSES = ['running', 'done', 'failed'] as const;
/** Any number: a report's errors are NaN when a gradient is. */
const measured = anyNumber();

/** The tiny model checked: the current settings' cell, σ, layers and topology at gradient-check size. */
const GradientCheckRequestSchema = record(
  {
    cell: v.picklist(CELLS),
    nonlinearity: v.picklist(NONLINEARITIES),
    topology: v.picklist(TOPOLOGIES),
    numLayers: integerIn(1, GRADIENT_CHECK_MAX_LAYERS),
    hiddenSize: integerIn(1, GRADIENT_CHECK_MAX_HIDDEN),
    steps: integerIn(1, GRADIENT_CHECK_MAX_STEPS),
    seed: integerIn(0, 4294967295),
  },
  'an object { cell, nonlinearity, numLayers, topology, hiddenSize, steps, seed }',
);
export type GradientCheckRequest = v.InferOutput<typeof GradientCheckRequestSchema>;

/** The engine's GradientCheckReport (engine/gradcheck.ts). */
const GradientCheckReportSchema = record(
  {
    parameters: v.array(
      record({
        /** PyTorch name, e.g. `weight_hh_l0`. */
        name: v.string(),
        /** Entries compared. */
        count: measured,
        worstRelativeError: measured,
        /** Flat index of the worst entry, and its two values. */
        worstIndex: measured,
        analytic: measured,
        numeric: measured,
      }),
    ),
    worstRelativeError: measured,
    epsilon: measured,
    tolerance: measured,
    passed: v.boolean(),
    precision: v.picklist(PRECISIONS),
  },
  'a gradient check report',
);

// ——— host ⇄ worker ———

const resultEntries = {
  type: v.literal('result'),
  /** Time the check took inside the worker. */
  elapsedMs: measured,
  /** Shape [rows, cols] of each parameter, by name (so the panel can say which entry the worst one is). */
  shapes: dictionary(list(measured), 'an object of shapes'),
  report: GradientCheckReportSchema,
};
const GradientCheckResultSchema = record(resultEntries, 'a gradient check result');
export type GradientCheckResultMessage = v.InferOutput<typeof GradientCheckResultSchema>;

/** Host → worker: run the check. */
export const RunGradientCheckSchema = messageUnion([v.object({ type: v.literal('check'), request: GradientCheckRequestSchema })]);
export type RunGradientCheckMessage = v.InferOutput<typeof RunGradientCheckSchema>;

/** Worker → host: the report, or why there is none. */
export const GradientCheckWorkerSchema = messageUnion([v.object(resultEntries), v.object({ type: v.literal('error'), message: v.string() })]);
export type GradientCheckWorkerMessage = v.InferOutput<typeof GradientCheckWorkerSchema>;
export type GradientCheckErrorMessage = Extract<GradientCheckWorkerMessage, { type: 'error' }>;

// ——— host ⇄ webview ———

export const GRADIENT_CHECK_STRING_KEYS = [
  'title', 'intro', 'running', 'failed', 'modelLine', 'summaryPassed', 'summaryFailed', 'parameter', 'shape', 'entries',
  'worstEntry', 'analytic', 'numeric', 'relativeError', 'verdict', 'pass', 'fail', 'precisionNote', 'runAgain', 'tableCaption',
] as const;
const GradientCheckStringsSchema = textFields(GRADIENT_CHECK_STRING_KEYS);
export type GradientCheckStrings = v.InferOutput<typeof GradientCheckStringsSchema>;

export const GradientCheckHostToWebviewSchema = messageUnion([
  v.object({
    type: v.literal('state'),
    requestId: integerIn(0, Number.MAX_SAFE_INTEGER),
    status: v.picklist(STATUSES),
    request: GradientCheckRequestSchema,
    result: v.nullable(GradientCheckResultSchema),
    error: v.nullable(v.string('a string or null')),
    strings: GradientCheckStringsSchema,
  }),
]);
export type GradientCheckHostToWebviewMessage = v.InferOutput<typeof GradientCheckHostToWebviewSchema>;
export type GradientCheckStateMessage = GradientCheckHostToWebviewMessage;

const RenderedFieldsSchema = v.object({
  type: v.literal('rendered'),
  requestId: integerIn(0, Number.MAX_SAFE_INTEGER),
  /** Parameter rows in the table, and how many of them are red (relative error above the tolerance). */
  rows: integerIn(0, 10_000),
  failing: integerIn(0, 10_000),
});

export const GradientCheckWebviewToHostSchema = messageUnion([
  v.object({ type: v.literal('ready') }),
  v.pipe(
    RenderedFieldsSchema,
    rule<v.InferOutput<typeof RenderedFieldsSchema>>('failing', 'outOfRange', ({ rows }) => `an integer in [0, ${rows}]`, ({ rows, failing }) => failing <= rows),
  ),
  v.object({ type: v.literal('runAgain') }),
]);
export type GradientCheckWebviewToHostMessage = v.InferOutput<typeof GradientCheckWebviewToHostSchema>;
export type GradientCheckRenderedMessage = Extract<GradientCheckWebviewToHostMessage, { type: 'rendered' }>;

// ——— restore after a window reload ———

const PersistedFieldsSchema = record(
  {
    request: GradientCheckRequestSchema,
    status: v.picklist(STATUSES),
    result: v.nullish(GradientCheckResultSchema, null),
    error: v.nullish(v.string('a string or null'), null),
  },
  'an object { request, status, result, error }',
);
type PersistedFields = v.InferOutput<typeof PersistedFieldsSchema>;

/**
 * What the page keeps with setState and VS Code hands to the panel serializer after a reload: the tiny model checked
 * and the last outcome (a finished result, or the error), so the panel comes back showing it without re-running.
 * `status: 'running'` (reloaded mid-check) restores by running the same request again.
 */
export const GradientCheckPersistedStateSchema = v.pipe(
  PersistedFieldsSchema,
  rule<PersistedFields>('result', 'conflict', () => 'a result when status is done', ({ status, result }) => status !== 'done' || result !== null),
  rule<PersistedFields>('error', 'conflict', () => 'an error message when status is failed', ({ status, error }) => status !== 'failed' || error !== null),
);
export type GradientCheckPersistedState = v.InferOutput<typeof GradientCheckPersistedStateSchema>;

export function parseRunGradientCheckMessage(raw: unknown): ValidationResult<RunGradientCheckMessage> {
  return parseWith(RunGradientCheckSchema, raw);
}

export function parseGradientCheckWorkerMessage(raw: unknown): ValidationResult<GradientCheckWorkerMessage> {
  return parseWith(GradientCheckWorkerSchema, raw);
}

export function parseGradientCheckWebviewMessage(raw: unknown): ValidationResult<GradientCheckWebviewToHostMessage> {
  return parseWith(GradientCheckWebviewToHostSchema, raw);
}

export function parseGradientCheckHostMessage(raw: unknown): ValidationResult<GradientCheckHostToWebviewMessage> {
  return parseWith(GradientCheckHostToWebviewSchema, raw);
}

export function parseGradientCheckPersistedState(raw: unknown): ValidationResult<GradientCheckPersistedState> {
  return parseWith(GradientCheckPersistedStateSchema, raw);
}
