// The data-intake types the host, the training worker, the CLI and the intake protocol share (no Node or DOM: webviews
// and the protocol files type-check against them). The data part (src/data/) produces them.
import type { SequenceExample, TopologyId } from '../engine/dataset';
import type { CellKind, Nonlinearity } from '../engine/modelConfig';

export const TABLE_FORMATS = ['csv', 'tsv', 'semicolon', 'numbers', 'json', 'text'] as const;
export type TableFormat = (typeof TABLE_FORMATS)[number];
export const COLUMN_TYPES = ['number', 'date', 'text'] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];
export const MISSING_VALUE_HANDLINGS = ['drop', 'interpolate'] as const;
export type MissingValueHandling = (typeof MISSING_VALUE_HANDLINGS)[number];
export type NormalizationKind = 'zscore' | 'minmax' | 'none';

/** Stable identifiers of data errors, so the extension host can localise the message (the text itself is English). */
export const DATA_ERROR_CODES = [
  'not-a-number',
  'not-finite',
  'too-many-fields',
  'open-quote',
  'too-large',
  'binary',
  'not-utf8',
  'empty',
  'bad-json',
  'json-shape',
  'no-numeric-column',
  'unknown-column',
  'not-numeric-column',
  'missing-values',
  'too-little-data',
  'bad-window',
  'unknown-character',
  'io',
] as const;
export type DataErrorCode = (typeof DATA_ERROR_CODES)[number];

/** What the shape preview and the run record say is predicted. */
export interface PredictionSpec {
  /** Characters: next-character classes over a vocabulary of `vocabularySize`; labels: `vocabularySize` classes;
   *  sequences: one example per sequence of a grouped table (groupedTrainingData.ts), `window` = the longest. */
  readonly kind?: 'values' | 'characters' | 'labels' | 'sequences';
  readonly vocabularySize?: number;
  /** Sequences: the column naming each row's sequence. */
  readonly groupColumn?: string;
  readonly column: string;
  readonly topology: TopologyId;
  readonly window: number;
  readonly horizon: number;
  readonly targetLength: number;
}

/** A table of many short sequences, one row per step (sequenceGrouping.ts). */
export interface SequenceGrouping {
  readonly groupColumn: string;
  /** The per-step counter, left out of the inputs; undefined when the table has none. */
  readonly stepColumn?: string;
  readonly targetColumn: string;
  /** The remaining number columns: the inputs at every step. */
  readonly inputColumns: readonly string[];
  /** many-to-one when the target is constant within every sequence (read at its last step), else synced. */
  readonly topology: 'many-to-one' | 'many-to-many-synced';
  readonly sequences: number;
  readonly shortest: number;
  readonly longest: number;
}

export const DATA_KINDS = ['series', 'grouped', 'characters', 'labelled-text'] as const;
export type DataKind = (typeof DATA_KINDS)[number];

/** What the host needs to ask its questions: the table's layout, never its values. */
export interface TableOverview {
  readonly format: TableFormat;
  readonly rows: number;
  readonly columns: readonly {
    readonly name: string;
    readonly type: ColumnType;
    readonly missing: number;
    /** A number column counting rows or time (x_i = x_0 + iΔ, e.g. t = 1, 2, 3…): not preselected as an input. */
    readonly indexLike?: boolean;
  }[];
  readonly warnings: readonly string[];
  readonly kind: DataKind;
  /** kind 'grouped': the sequences found. */
  readonly grouping?: SequenceGrouping;
}

/** The answers to the questions the data leaves open (each may come from a command argument instead of a prompt). */
export interface IntakeChoices {
  /** Input columns by header name or 1-based number; default: the first number column (grouped: all inputs). */
  readonly columns?: readonly string[] | string;
  /** Predicted column (series: among `columns`, default the first; labelled text: the label column). */
  readonly target?: string;
  readonly missing?: MissingValueHandling;
}

/**
 * The choices as a run records them: `group` as the command gave it (false: a table of sequences was windowed) and,
 * when the data was read as a table of sequences, the column that named the sequences, so a re-run groups the same way.
 */
export interface RecordedChoices extends IntakeChoices {
  readonly group?: boolean;
  readonly groupColumn?: string;
}

/** Shapes of what the model trains on (row-major: [windows, steps, features]). */
export interface DataShapes {
  readonly rowsRead: number;
  readonly columnsUsed: readonly string[];
  readonly trainWindows: number;
  readonly validationWindows: number;
  readonly inputShape: readonly [number, number, number];
  readonly targetShape: readonly [number, number, number];
}

/**
 * Where the data of a run came from, so it can be read again (`rnn-lab train --from-run`). Paths use `/` and are relative
 * to the workspace folder the run is saved in (`<folder>/.rnn-lab/runs/<id>/`), or absolute when the data lies outside it.
 */
export type DataOrigin =
  | { readonly kind: 'file'; readonly path: string }
  /** Text selected in an editor: its document (null when it was never saved) and the ranges, 0-based lines and UTF-16
   *  columns as the editor counts them; several ranges were joined with a newline; none means the whole document. */
  | { readonly kind: 'selection'; readonly path: string | null; readonly ranges: readonly TextRange[] }
  /** Text handed over directly (tests, scripts): it cannot be read again. */
  | { readonly kind: 'text' };

export interface TextRange {
  readonly start: { readonly line: number; readonly character: number };
  readonly end: { readonly line: number; readonly character: number };
}

export interface DataSummary {
  /** Human description: a file path relative to the workspace, or "selection in <file>, lines a–b". */
  readonly source: string;
  /** SHA-256 (hex) of the bytes that were read: the file's bytes, or the UTF-8 of the selected text. */
  readonly fingerprint: string;
  /** Where to read the data again; absent in records written before runs could be repeated. */
  readonly origin?: DataOrigin;
  /** The answers given about the data (columns, target, missing values, grouping), so a re-run asks nothing. */
  readonly choices?: RecordedChoices;
  readonly shapes: DataShapes;
  /** Per used column: how values were normalised (stored so charts can invert it for display). */
  readonly normalization: readonly ColumnNormalization[];
  /** What is predicted, e.g. "value 1 step ahead of each 20-step window". */
  readonly predicts: string;
  readonly missingValues?: { readonly count: number; readonly handling: 'drop' | 'interpolate' };
}

export interface ColumnNormalization {
  readonly column: string;
  readonly kind: NormalizationKind;
  /** zscore: (x − offset)/scale with offset = mean, scale = std; minmax: offset = min, scale = max − min. */
  readonly offset: number;
  readonly scale: number;
}

/** A data error as plain fields (an Error crosses postMessage without its own properties). */
export interface DataErrorInfo {
  readonly problem: string;
  readonly code: DataErrorCode;
  readonly source: string;
  readonly hint: string;
  readonly line?: number;
  readonly column?: number;
  readonly path?: string;
}

/** How many missing-value locations an intake answer lists. */
export const MISSING_LOCATIONS_SENT = 20;

/** The missing values that need an answer (drop or interpolate) before the data can be prepared. */
export interface MissingValuesInfo {
  readonly count: number;
  /** The first rows (0-based) / source lines (1-based) with a missing value, at most MISSING_LOCATIONS_SENT. */
  readonly rows: readonly number[];
  readonly lines: readonly number[];
}

/** The windows (or sequences) a run trains and validates on. */
export interface TrainingData {
  readonly inputSize: number;
  readonly outputSize: number;
  readonly train: readonly SequenceExample[];
  readonly validation: readonly SequenceExample[];
}

/** The settings the data preparation depends on (a part of the lab's TrainingSettings, which satisfies it). */
export interface PreparationSettings {
  readonly model: {
    readonly cell: CellKind;
    readonly nonlinearity: Nonlinearity;
    readonly hiddenSize: number;
    readonly layers: number;
    readonly topology: TopologyId;
    readonly window: number;
    readonly horizon: number;
    /** 0 = the window length. */
    readonly outputSteps: number;
    readonly oneToManyInput: 'first-step' | 'every-step';
  };
  readonly training: { readonly seed: number; readonly validationSplit: number };
  readonly data: { readonly normalization: NormalizationKind; readonly stride: number };
}
