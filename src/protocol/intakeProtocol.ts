// The data-intake half of the host ⇄ training-worker channel. A train command starts its worker first and sends the
// selected text (or the file's path) there; the worker parses, finds columns and windows (data/intake.ts), and answers
// with an overview, a preview, a located data error, or `cancelled` (workerProtocol.ts) when Stop or Cancel was pressed. The table and the windows never come back to the host, so a
// 20 MB selection never blocks the editor; `startPrepared` (workerProtocol.ts) then trains on what the worker holds.
// Every message is a valibot schema (schema.ts); the message types are checked against the data part's types.
import * as v from 'valibot';
import type { ModelConfig } from '../engine/modelConfig';
import { TOPOLOGY_IDS } from '../engine/dataset';
import type { DataErrorInfo, DataSummary, IntakeChoices, MissingValuesInfo, PredictionSpec, TableOverview } from '../data/intakeTypes';
import { COLUMN_TYPES, DATA_ERROR_CODES, DATA_KINDS, TABLE_FORMATS } from '../data/intakeTypes';
import type { JsonValue, ModelExtras } from '../modelFiles/modelJson';
import type { DataSource } from '../data/load';
export type { DataSource } from '../data/load';
import type { TrainingSettings } from '../lab/runs/runRecord';
import { plainSettings, resolveSettings } from '../lab/settings/resolveSettings';
import { SETTINGS_SECTIONS, settingNames } from '../lab/settings/settingsSchema';
import { count, IntakeChoicesSchema, ModelConfigSchema, preparedSummaryEntries } from './runParts';
import { checkedBy, integerIn, list, numberIn, record } from './schema';
import { accept, isRecord, printable, reject, type ValidationResult } from './validation';
export type { DataErrorInfo, MissingValuesInfo } from '../data/intakeTypes';
export { MISSING_LOCATIONS_SENT } from '../data/intakeTypes';

/** What the preview shows and the run record keeps; the windows stay in the worker. */
export interface PreparedDataSummary {
  readonly model: ModelConfig;
  readonly prediction: PredictionSpec;
  readonly summary: Omit<DataSummary, 'predicts' | 'origin'>;
  readonly extras: ModelExtras;
}

/**
 * Every effective setting, checked by the settings' own resolution (the bounds of lab/settings/settingsSchema.ts): a
 * key that is missing, out of bounds or of the wrong type is refused at `settings.<section>.<key>`.
 */
export function parseTrainingSettings(raw: unknown): ValidationResult<TrainingSettings> {
  if (!isRecord(raw)) return reject('', 'notObject', 'the effective settings { model, training, remedies, … }', raw);
  const args: Record<string, Record<string, unknown>> = {};
  for (const section of SETTINGS_SECTIONS) {
    const values = raw[section];
    if (!isRecord(values)) return reject(section, 'notObject', `the ${section} settings`, values);
    args[section] = values;
  }
  for (const { section, name } of settingNames()) {
    if (!(name in (args[section] ?? {}))) return reject(`${section}.${name}`, 'missing', `a value for rnnLab.${section}.${name}`, undefined);
  }
  const resolved = resolveSettings({ args });
  const problem = resolved.problems[0];
  if (problem !== undefined) {
    const path = problem.key.replace(/^rnnLab\./, '');
    return { ok: false, issue: { path, kind: problem.kind === 'wrong-type' ? 'wrongType' : 'outOfRange', expected: problem.expected, received: printable(problem.value) } };
  }
  return accept(plainSettings(resolved.settings));
}

const SettingsSchema = checkedBy(parseTrainingSettings);

/**
 * The shared cancel flag (an Int32Array over it; workerProtocol.ts has the index and value). It travels with the first
 * message, `loadData`, so a cancel reaches the intake while it reads, and again with the start messages.
 */
export const CancelFlagSchema = v.pipe(
  v.instance(SharedArrayBuffer, 'a SharedArrayBuffer of at least 4 bytes'),
  v.check((buffer) => buffer.byteLength >= Int32Array.BYTES_PER_ELEMENT, 'a SharedArrayBuffer of at least 4 bytes'),
);

const IntakeSourceSchema = v.variant(
  'kind',
  [
    v.object({ kind: v.literal('text'), text: v.string(), label: v.string() }),
    v.object({ kind: v.literal('file'), path: v.string(), label: v.string() }),
  ],
  'an object { kind, text | path, label }',
);

export const INTAKE_REQUEST_OPTIONS = [
  v.object({
    type: v.literal('loadData'),
    runId: v.string(),
    source: IntakeSourceSchema,
    /** Refuse data over this many bytes. */
    maxBytes: numberIn(1, Number.MAX_SAFE_INTEGER),
    /** Grouping options known before the overview (command arguments). */
    group: v.optional(v.boolean()),
    target: v.optional(v.string()),
    cancelFlag: CancelFlagSchema,
  }),
  v.object({ type: v.literal('prepareData'), runId: v.string(), choices: IntakeChoicesSchema, settings: SettingsSchema }),
] as const;

const GroupingSchema = record({
  groupColumn: v.string(),
  stepColumn: v.optional(v.string()),
  targetColumn: v.string(),
  inputColumns: list(v.string()),
  topology: v.picklist(['many-to-one', 'many-to-many-synced']),
  sequences: count,
  shortest: count,
  longest: count,
});

const TableOverviewSchema = record(
  {
    format: v.picklist(TABLE_FORMATS),
    rows: count,
    columns: list(record({ name: v.string(), type: v.picklist(COLUMN_TYPES), missing: count, indexLike: v.optional(v.boolean()) }, 'a column { name, type, missing }')),
    warnings: list(v.string()),
    kind: v.picklist(DATA_KINDS),
    grouping: v.optional(GroupingSchema),
  },
  'an object { format, rows, columns, … }',
);

const PredictionSpecSchema = record({
  kind: v.optional(v.picklist(['values', 'characters', 'labels', 'sequences'])),
  vocabularySize: v.optional(count),
  groupColumn: v.optional(v.string()),
  column: v.string(),
  topology: v.picklist(TOPOLOGY_IDS),
  window: count,
  horizon: count,
  targetLength: count,
});

const JsonValueSchema: v.GenericSchema<JsonValue> = v.lazy(() =>
  v.union([v.null(), v.boolean(), v.number(), v.string(), v.array(JsonValueSchema), v.record(v.string(), JsonValueSchema)], 'a JSON value'),
);
const JsonObjectSchema = v.record(v.string(), JsonValueSchema, 'a JSON object');
/** What model.json keeps beside the parameters (the data's normalisation, a vocabulary, training metadata). */
export const ModelExtrasSchema = record({ normalization: v.optional(JsonObjectSchema), training: v.optional(JsonObjectSchema) }, 'an object { normalization?, training? }');

const DataErrorInfoSchema = record(
  {
    problem: v.string(),
    code: v.picklist(DATA_ERROR_CODES),
    source: v.string(),
    hint: v.string(),
    line: v.optional(integerIn(1, Number.MAX_SAFE_INTEGER)),
    column: v.optional(integerIn(1, Number.MAX_SAFE_INTEGER)),
    path: v.optional(v.string()),
  },
  'an object { problem, code, source, hint }',
);

export const INTAKE_REPLY_OPTIONS = [
  v.object({ type: v.literal('dataLoaded'), runId: v.string(), overview: TableOverviewSchema }),
  v.object({
    type: v.literal('dataPrepared'),
    runId: v.string(),
    prepared: record(
      {
        model: ModelConfigSchema,
        prediction: PredictionSpecSchema,
        summary: record(preparedSummaryEntries, 'a data summary'),
        extras: ModelExtrasSchema,
      },
      'an object { model, prediction, summary, extras }',
    ),
  }),
  v.object({
    type: v.literal('dataRejected'),
    runId: v.string(),
    error: DataErrorInfoSchema,
    /** Set when the only problem is missing values the user may drop or interpolate. */
    missing: v.optional(record({ count, rows: list(count), lines: list(count) }, 'an object { count, rows, lines }')),
  }),
] as const;

export type IntakeRequest = Readonly<v.InferOutput<(typeof INTAKE_REQUEST_OPTIONS)[number]>>;
export type LoadDataMessage = Extract<IntakeRequest, { type: 'loadData' }>;
export type PrepareDataMessage = Extract<IntakeRequest, { type: 'prepareData' }>;
export type IntakeReply = Readonly<v.InferOutput<(typeof INTAKE_REPLY_OPTIONS)[number]>>;
export type DataLoadedMessage = Extract<IntakeReply, { type: 'dataLoaded' }>;
export type DataPreparedMessage = Extract<IntakeReply, { type: 'dataPrepared' }>;
export type DataRejectedMessage = Extract<IntakeReply, { type: 'dataRejected' }>;

/** The schemas say exactly what the data part produces and the host consumes (compile-time checks, both ways). */
export const intakeTypesMatch = {
  source: (value: DataSource): LoadDataMessage['source'] => value,
  choices: (value: IntakeChoices): PrepareDataMessage['choices'] => value,
  overview: (value: TableOverview): DataLoadedMessage['overview'] => value,
  overviewBack: (value: DataLoadedMessage['overview']): TableOverview => value,
  prepared: (value: PreparedDataSummary): DataPreparedMessage['prepared'] => value,
  preparedBack: (value: DataPreparedMessage['prepared']): PreparedDataSummary => value,
  error: (value: DataErrorInfo): DataRejectedMessage['error'] => value,
  missing: (value: MissingValuesInfo): NonNullable<DataRejectedMessage['missing']> => value,
};
