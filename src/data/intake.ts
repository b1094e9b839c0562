// Data intake as a conversation, the way the train commands hold it: load the data and describe it (an overview the
// host asks its questions from), then prepare it with the answers and the settings (windows, normalisation, split), then
// hand the prepared data to training. The training worker keeps one DataIntake per command so the table never crosses
// back to the extension host; `rnn-lab train` holds the same conversation, and the demo runs it in one go (prepareFromSource). Data problems come
// back as located DataErrorInfo, never thrown.
import type { CancelSignal } from './cancel';
import { DataError, dataErrorInfo } from './dataError';
export { DataCancelled, isDataCancelled, type CancelSignal } from './cancel';
import type { DataErrorInfo, DataSummary, IntakeChoices, MissingValuesInfo, PreparationSettings, RecordedChoices, TableOverview } from './intakeTypes';
import { MISSING_LOCATIONS_SENT } from './intakeTypes';
import { loadData, type DataSource } from './load';
import type { ParsedTable } from './parse/parsedTable';
import type { DataPlatform } from './platform';
import { assertHasDataRows, overviewTable, prepareForTraining, unansweredMissingValues, type OverviewOptions, type PreparedForTraining } from './prepare/prepareTrainingData';
export { topologyDecidedBy, type OverviewOptions } from './prepare/prepareTrainingData';

export type IntakeLoadResult =
  | { readonly ok: true; readonly overview: TableOverview }
  | { readonly ok: false; readonly error: DataErrorInfo };

/** Prepared data with the summary the run record keeps, but for where the data came from (the caller knows that). */
export interface IntakePrepared extends Omit<PreparedForTraining, 'summary'> {
  readonly summary: Omit<DataSummary, 'predicts' | 'origin'>;
}

export type IntakePrepareResult =
  | { readonly ok: true; readonly prepared: IntakePrepared }
  /** `missing` is set when the only problem is missing values the user may drop or interpolate. */
  | { readonly ok: false; readonly error: DataErrorInfo; readonly missing?: MissingValuesInfo };

export class DataIntake {
  private table: ParsedTable | undefined;
  private overview: TableOverview | undefined;
  private sha256 = '';
  private label = '';
  private group: boolean | undefined;
  private prepared: IntakePrepared | undefined;

  constructor(private readonly platform: DataPlatform) {}

  /** SHA-256 (hex) of the bytes the last `load` read. */
  get fingerprint(): string {
    return this.sha256;
  }

  /**
   * `options.cancel`: `{ aborted }`, looked at every ~64k rows; once set, the load throws DataCancelled (data/cancel.ts)
   * instead of resolving (a cancelled load is not a data error).
   */
  async load(source: DataSource, options: OverviewOptions & { readonly maxBytes: number; readonly cancel?: CancelSignal }): Promise<IntakeLoadResult> {
    this.label = source.label;
    this.group = options.group;
    try {
      const loaded = await loadData(source, this.platform, { maxBytes: options.maxBytes, ...(options.cancel !== undefined ? { cancel: options.cancel } : {}) });
      assertHasDataRows(loaded.table, source.label);
      this.table = loaded.table;
      this.sha256 = loaded.sha256;
      this.overview = overviewTable(loaded.table, options);
      return { ok: true, overview: this.overview };
    } catch (error) {
      return rejected(error);
    }
  }

  /** `cancel`: as for `load`, looked at every ~64k windows; once set, throws DataCancelled. */
  prepare(choices: IntakeChoices, settings: PreparationSettings, cancel?: CancelSignal): IntakePrepareResult {
    const { table, overview } = this;
    if (table === undefined || overview === undefined) {
      return { ok: false, error: { problem: 'no data was loaded before it was prepared', code: 'empty', source: this.label, hint: 'Load the data first.' } };
    }
    try {
      const missing = unansweredMissingValues(table, overview, choices, this.label);
      if (missing !== undefined) {
        // Located at the first gap's line (a selection's host shifts it into the document); rows of JSON input have
        // no line, so their description lists the rows instead.
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
          ok: false,
          error: dataErrorInfo(error),
          missing: { count: missing.count, rows: missing.rows.slice(0, MISSING_LOCATIONS_SENT), lines: missing.lines.slice(0, MISSING_LOCATIONS_SENT) },
        };
      }
      const prepared = prepareForTraining(table, overview, choices, settings, this.label, cancel);
      const groupColumn = overview.grouping?.groupColumn;
      const recordedChoices: RecordedChoices = {
        ...choices,
        ...(this.group !== undefined ? { group: this.group } : {}),
        ...(groupColumn !== undefined ? { groupColumn } : {}),
      };
      this.prepared = { ...prepared, summary: { ...prepared.summary, fingerprint: this.sha256, choices: recordedChoices } };
      return { ok: true, prepared: this.prepared };
    } catch (error) {
      return rejected(error);
    }
  }

  /** The prepared data, once; the table is dropped so its memory goes back before training allocates its own. */
  take(): IntakePrepared | undefined {
    const prepared = this.prepared;
    this.table = undefined;
    this.prepared = undefined;
    return prepared;
  }
}

/** Loads and prepares in one go (the CLI, the line-up, the tests): the prepared data, or a DataError thrown. */
export async function prepareFromSource(
  source: DataSource,
  platform: DataPlatform,
  options: OverviewOptions & { readonly maxBytes: number; readonly choices: IntakeChoices; readonly settings: PreparationSettings; readonly cancel?: CancelSignal },
): Promise<{ readonly overview: TableOverview; readonly prepared: IntakePrepared }> {
  const intake = new DataIntake(platform);
  const loaded = await intake.load(source, options);
  if (!loaded.ok) throw new DataError(loaded.error.problem, loaded.error);
  const prepared = intake.prepare(options.choices, options.settings, options.cancel);
  if (!prepared.ok) throw new DataError(prepared.error.problem, prepared.error);
  return { overview: loaded.overview, prepared: prepared.prepared };
}

function rejected(error: unknown): { readonly ok: false; readonly error: DataErrorInfo } {
  if (error instanceof DataError) return { ok: false, error: dataErrorInfo(error) };
  throw error;
}
