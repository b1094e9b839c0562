// The data-intake half of the host ⇄ training-worker channel. A train command starts its worker first and sends the
// selected text (or the file's path) there; the worker parses, finds columns and windows, and answers with an
// overview, a preview, or a located data error. The table and the windows never come back to the host, so a 20 MB
// selection never blocks the editor; `startPrepared` (workerProtocol.ts) then trains on what the worker holds.
import type { ModelConfig } from '../engine/modelConfig';
import type { ModelExtras } from '../modelFiles/modelJson';
import type { DataErrorInfo, IntakeChoices, MissingValuesInfo, PredictionSpec, TableOverview } from '../data/intakeTypes';
export type { DataErrorInfo, MissingValuesInfo } from '../data/intakeTypes';
export { MISSING_LOCATIONS_SENT } from '../data/intakeTypes';
import type { DataSummary, TrainingSettings } from '../lab/runs/runRecord';
import type { ValidationResult } from './validation';
import { accept, isRecord, reject } from './validation';

export type IntakeSource =
  /** An editor selection or document, already in memory on the host. */
  | { readonly kind: 'text'; readonly text: string; readonly label: string }
  /** A file the worker streams itself. */
  | { readonly kind: 'file'; readonly path: string; readonly label: string };

export interface LoadDataMessage {
  readonly type: 'loadData';
  readonly runId: string;
  readonly source: IntakeSource;
  readonly maxBytes: number;
  /** Grouping options known before the overview (command arguments). */
  readonly group?: boolean;
  readonly target?: string;
}

export interface PrepareDataMessage {
  readonly type: 'prepareData';
  readonly runId: string;
  readonly choices: IntakeChoices;
  readonly settings: TrainingSettings;
}

export type IntakeRequest = LoadDataMessage | PrepareDataMessage;

export interface DataLoadedMessage {
  readonly type: 'dataLoaded';
  readonly runId: string;
  readonly overview: TableOverview;
}

/** What the preview shows and the run record keeps; the windows stay in the worker. */
export interface PreparedDataSummary {
  readonly model: ModelConfig;
  readonly prediction: PredictionSpec;
  readonly summary: Omit<DataSummary, 'predicts'>;
  readonly extras: ModelExtras;
}

export interface DataPreparedMessage {
  readonly type: 'dataPrepared';
  readonly runId: string;
  readonly prepared: PreparedDataSummary;
}


export interface DataRejectedMessage {
  readonly type: 'dataRejected';
  readonly runId: string;
  readonly error: DataErrorInfo;
  /** Set when the only problem is missing values the user may drop or interpolate. */
  readonly missing?: MissingValuesInfo;
}

export type IntakeReply = DataLoadedMessage | DataPreparedMessage | DataRejectedMessage;

export const INTAKE_REQUEST_TYPES: readonly IntakeRequest['type'][] = ['loadData', 'prepareData'];
export const INTAKE_REPLY_TYPES: readonly IntakeReply['type'][] = ['dataLoaded', 'dataPrepared', 'dataRejected'];

/** Field checks of an intake request after the shared envelope (type, runId) was accepted. */
export function checkIntakeRequest(record: Record<string, unknown>, type: IntakeRequest['type']): ValidationResult<IntakeRequest> {
  if (type === 'loadData') {
    const source = record.source;
    if (!isRecord(source)) return reject('source', 'notObject', 'an object { kind, text | path, label }', source);
    if (source.kind !== 'text' && source.kind !== 'file') return reject('source.kind', 'wrongType', '"text" or "file"', source.kind);
    const field = source.kind === 'text' ? 'text' : 'path';
    if (typeof source[field] !== 'string') return reject(`source.${field}`, 'wrongType', 'a string', source[field]);
    if (typeof source.label !== 'string') return reject('source.label', 'wrongType', 'a string', source.label);
    if (typeof record.maxBytes !== 'number' || !(record.maxBytes > 0)) return reject('maxBytes', 'wrongType', 'a positive number', record.maxBytes);
    return accept(record as unknown as LoadDataMessage);
  }
  if (!isRecord(record.choices)) return reject('choices', 'notObject', 'an object', record.choices);
  if (!isRecord(record.settings)) return reject('settings', 'notObject', 'an object', record.settings);
  return accept(record as unknown as PrepareDataMessage);
}

/** Field checks of an intake reply after the shared envelope was accepted. */
export function checkIntakeReply(record: Record<string, unknown>, type: IntakeReply['type']): ValidationResult<IntakeReply> {
  if (type === 'dataLoaded') {
    const overview = record.overview;
    if (!isRecord(overview)) return reject('overview', 'notObject', 'an object { format, rows, columns, … }', overview);
    if (!Array.isArray(overview.columns)) return reject('overview.columns', 'wrongType', 'an array', overview.columns);
    return accept(record as unknown as DataLoadedMessage);
  }
  if (type === 'dataPrepared') {
    const prepared = record.prepared;
    if (!isRecord(prepared)) return reject('prepared', 'notObject', 'an object { model, prediction, summary, extras }', prepared);
    for (const field of ['model', 'prediction', 'summary', 'extras']) {
      if (!isRecord(prepared[field])) return reject(`prepared.${field}`, 'notObject', 'an object', prepared[field]);
    }
    return accept(record as unknown as DataPreparedMessage);
  }
  const error = record.error;
  if (!isRecord(error)) return reject('error', 'notObject', 'an object { problem, code, source, hint }', error);
  for (const field of ['problem', 'code', 'source', 'hint']) {
    if (typeof error[field] !== 'string') return reject(`error.${field}`, 'wrongType', 'a string', error[field]);
  }
  return accept(record as unknown as DataRejectedMessage);
}
