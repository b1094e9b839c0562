// The check every run record goes through before it is drawn or trained again — a run.json from disk, a restored
// panel's state, a record the host sends to the training panel, `rnn-lab report`, `rnn-lab train --from-run` — as a
// valibot schema. It checks the shape the readers rely on, not the values: run.json is JSON, so a diverged run's
// non-finite numbers come back as null, which the charts draw as gaps. The record itself is returned as it was read,
// unknown fields included (a record written by a newer version keeps what this one does not know).
import * as v from 'valibot';
import { RUN_MODEL_KINDS, RUN_RECORD_FORMAT, RUN_RECORD_VERSION, RUN_STATUSES, SETTING_LEVELS, VALUE_SOURCES, type EpochMetrics, type GradientNormSample, type RunRecord, type SpectralSample } from '../lab/runs/runRecord';
import { DataOriginSchema, jsonNumberOrNull, preparedSummaryEntries, runParts } from './runParts';
import { checkedBy, joinPath, list, parseWith, record } from './schema';
import { accept, reject, type ValidationResult } from './validation';
export type { ValidationPredictions } from '../lab/runs/runRecord';

/** The measured parts as run.json stores them (null for a non-finite number). */
export const RECORD_PARTS = runParts(jsonNumberOrNull);

/**
 * A list of one of the record's parts, checked by its schema and returned as it was read, typed as the run record types
 * it (its null numbers stand for non-finite ones): what the training panel appends to its copy of the record.
 */
function recordList<T>(item: v.GenericSchema, expected: string) {
  const schema = list(item, Number.POSITIVE_INFINITY, expected);
  const isList = (raw: unknown): raw is readonly T[] => v.is(schema, raw);
  return checkedBy((raw): ValidationResult<readonly T[]> => {
    const parsed = parseWith(schema, raw);
    if (!parsed.ok) return parsed;
    return isList(raw) ? accept(raw) : reject('', 'wrongType', expected, raw);
  });
}

/** The record's lists, for messages that carry a part of a record (the training panel's progress). */
export const RECORD_LISTS = {
  epochs: recordList<EpochMetrics>(RECORD_PARTS.EpochMetricsSchema, 'an array of epoch metrics'),
  gradientSamples: recordList<GradientNormSample>(RECORD_PARTS.GradientNormSampleSchema, 'an array of samples'),
  spectra: recordList<SpectralSample>(RECORD_PARTS.SpectralSampleSchema, 'an array of spectral samples'),
  numbers: recordList<number>(jsonNumberOrNull, 'an array of numbers'),
};

/** One sourced setting: `{ value, source, level? }` with a value of the type the readers expect. */
function sourced(value: v.GenericSchema) {
  return record({ value, source: v.picklist(VALUE_SOURCES), level: v.optional(v.picklist(SETTING_LEVELS)) }, `{ "value": …, "source": … }`);
}

/** The settings sections; the keys the report and the panels read are checked, the rest passes (and keeps its value). */
const ConfigSchema = record(
  {
    model: v.looseObject({ cell: sourced(v.string()), nonlinearity: sourced(v.string()), topology: sourced(v.string()), hiddenSize: sourced(v.number()) }),
    training: v.looseObject({ epochs: sourced(v.number()) }),
    remedies: v.looseObject({ clipNorm: sourced(v.number()), clipValue: sourced(v.number()) }),
  },
  'the sourced settings { model, training, remedies, … }',
);

const RunRecordSchema = record(
  {
    format: v.literal(RUN_RECORD_FORMAT, `"${RUN_RECORD_FORMAT}"`),
    version: v.pipe(
      v.number(`a number ≤ ${RUN_RECORD_VERSION}`),
      v.maxValue(RUN_RECORD_VERSION, `a number ≤ ${RUN_RECORD_VERSION} (this RNN Lab reads run records up to version ${RUN_RECORD_VERSION})`),
    ),
    id: v.string(),
    name: v.string(),
    status: v.picklist(RUN_STATUSES),
    startedAt: v.string(),
    config: ConfigSchema,
    data: record(
      { ...preparedSummaryEntries, predicts: v.optional(v.string()), origin: v.optional(DataOriginSchema) },
      'a data summary { source, fingerprint, shapes, … }',
    ),
    epochs: list(RECORD_PARTS.EpochMetricsSchema, Number.POSITIVE_INFINITY, 'an array of epoch metrics'),
    gradientNormsPerTimestep: list(RECORD_PARTS.GradientNormSampleSchema, Number.POSITIVE_INFINITY, 'an array of samples'),
    spectra: list(RECORD_PARTS.SpectralSampleSchema, Number.POSITIVE_INFINITY, 'an array of spectral samples'),
    updateGradientNorms: RECORD_PARTS.numbers,
    divergence: v.optional(RECORD_PARTS.DivergenceInfoSchema),
    validationPredictions: v.optional(RECORD_PARTS.ValidationPredictionsSchema),
    modelKind: v.optional(v.picklist(RUN_MODEL_KINDS)),
    modelFile: v.optional(v.nullable(v.string())),
    initialModelFile: v.optional(v.nullable(v.string())),
    engineVersion: v.optional(v.string()),
    arithmetic: v.optional(RECORD_PARTS.RunArithmeticSchema),
  },
  'a run record object',
);

/** A value that passed the schema is a run record (its null numbers stand for non-finite ones). */
function isRunRecord(raw: unknown): raw is RunRecord {
  return v.is(RunRecordSchema, raw);
}

/** Checks that `raw` has the shape of a run record; a problem names its field under `path` (e.g. `run.epochs[3].trainLoss`). */
export function parseRunRecord(raw: unknown, path = 'run'): ValidationResult<RunRecord> {
  const checked = parseWith(RunRecordSchema, raw);
  if (!checked.ok) return { ok: false, issue: { ...checked.issue, path: joinPath(path, checked.issue.path) } };
  return isRunRecord(raw) ? { ok: true, value: raw } : { ok: false, issue: { path, kind: 'wrongType', expected: 'a run record object', received: '' } };
}

/** The run.json problem as one line for readers that only need to know whether a record is usable, else undefined. */
export function runRecordShapeProblem(raw: unknown): string | undefined {
  const parsed = parseRunRecord(raw);
  return parsed.ok ? undefined : `${parsed.issue.path}: expected ${parsed.issue.expected}, received ${parsed.issue.received}`;
}

