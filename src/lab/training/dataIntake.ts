// The worker's side of data intake (intakeProtocol.ts): parse the selection or stream the file, describe it, and
// prepare the windows with the host's answers — all off the extension host's thread. It keeps the parsed table
// between `loadData` and `prepareData` (the host may ask about columns or missing values in between) and the
// prepared windows until `startPrepared`. No worker_threads import: unit tests drive it directly.
import { DataError, dataErrorInfo } from '../../data/dataError';
import { loadTableFromFile, parseTableText } from '../../data/parse/loadTable';
import type { ParsedTable } from '../../data/parse/parsedTable';
import { overviewTable, prepareForTraining, type PreparedForTraining, type TableOverview, unansweredMissingValues } from '../../data/prepare/prepareTrainingData';
import {
  type IntakeReply,
  type LoadDataMessage,
  MISSING_LOCATIONS_SENT,
  type PrepareDataMessage,
} from '../../protocol/intakeProtocol';
import type { TrainingJob } from '../../protocol/workerProtocol';
import type { TrainingSettings } from '../runs/runRecord';

export class DataIntake {
  private table: ParsedTable | undefined;
  private overview: TableOverview | undefined;
  private label = '';
  private prepared: { readonly data: PreparedForTraining; readonly settings: TrainingSettings } | undefined;

  async load(message: LoadDataMessage): Promise<IntakeReply> {
    const { runId, source } = message;
    this.label = source.label;
    try {
      this.table =
        source.kind === 'text'
          ? parseTableText(source.text, source.label, { maxBytes: message.maxBytes })
          : await loadTableFromFile(source.path, { maxBytes: message.maxBytes, sourceName: source.label });
      const options = { ...(message.group !== undefined ? { group: message.group } : {}), ...(message.target !== undefined ? { target: message.target } : {}) };
      this.overview = overviewTable(this.table, options);
      return { type: 'dataLoaded', runId, overview: this.overview };
    } catch (error) {
      return this.rejected(runId, error);
    }
  }

  prepare(message: PrepareDataMessage): IntakeReply {
    const { runId, choices, settings } = message;
    const table = this.table;
    const overview = this.overview;
    if (table === undefined || overview === undefined) {
      return { type: 'dataRejected', runId, error: { problem: 'no data was loaded before prepareData', code: 'empty', source: this.label, hint: 'Send loadData first.' } };
    }
    try {
      const missing = unansweredMissingValues(table, overview, choices, this.label);
      if (missing !== undefined) {
        // Located at the first gap's line (the host shifts it into the document and moves the editor there); data rows
        // of JSON input have no line, so their description lists the rows instead.
        const first = missing.lines[0];
        const plural = missing.count === 1 ? '' : 's';
        const problem = first !== undefined ? `${missing.count} missing value${plural} in the chosen columns, the first on this line` : missing.description;
        const error = new DataError(problem, {
          code: 'missing-values',
          source: this.label,
          hint: 'Drop the rows with missing values or interpolate them.',
          ...(first !== undefined ? { line: first } : {}),
        });
        return {
          type: 'dataRejected',
          runId,
          error: dataErrorInfo(error),
          missing: { count: missing.count, rows: missing.rows.slice(0, MISSING_LOCATIONS_SENT), lines: missing.lines.slice(0, MISSING_LOCATIONS_SENT) },
        };
      }
      const data = prepareForTraining(table, overview, choices, settings, this.label);
      this.prepared = { data, settings };
      const { model, prediction, summary, extras } = data;
      return { type: 'dataPrepared', runId, prepared: { model, prediction, summary, extras } };
    } catch (error) {
      return this.rejected(runId, error);
    }
  }

  /** The job for `startPrepared`; the table is dropped (its memory goes back before training allocates its own). */
  job(runId: string, cancelFlag: SharedArrayBuffer): TrainingJob | undefined {
    const prepared = this.prepared;
    if (prepared === undefined) return undefined;
    this.table = undefined;
    this.prepared = undefined;
    const { data, settings } = prepared;
    return {
      runId,
      model: data.model,
      settings,
      data: data.data,
      modelExtras: data.extras,
      cancelFlag,
      predictionTarget: { column: data.prediction.column, ...scalingOf(data) },
    };
  }

  private rejected(runId: string, error: unknown): IntakeReply {
    if (error instanceof DataError) return { type: 'dataRejected', runId, error: dataErrorInfo(error) };
    throw error;
  }
}

/** How the predicted column was normalised, to show predictions in the data's units. */
function scalingOf(data: PreparedForTraining): { offset: number; scale: number } {
  const column = data.normalization.columns.find((entry) => entry.name === data.prediction.column);
  return column === undefined ? { offset: 0, scale: 1 } : { offset: column.offset, scale: column.scale };
}
