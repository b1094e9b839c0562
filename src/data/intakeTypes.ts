// The data-intake types the host, the training worker and the intake protocol share (no Node or DOM: webviews and
// the protocol files type-check against them). The data layer (src/data/) produces them.
import type { TopologyId } from '../engine/dataset';

export type TableFormat = 'csv' | 'tsv' | 'semicolon' | 'numbers' | 'json' | 'text';
export type ColumnType = 'number' | 'date' | 'text';
export type MissingValueHandling = 'drop' | 'interpolate';

/** Stable identifiers of data errors, so the extension host can localise the message (the text itself is English). */
export type DataErrorCode =
  | 'not-a-number'
  | 'not-finite'
  | 'too-many-fields'
  | 'open-quote'
  | 'too-large'
  | 'binary'
  | 'not-utf8'
  | 'empty'
  | 'bad-json'
  | 'json-shape'
  | 'no-numeric-column'
  | 'unknown-column'
  | 'not-numeric-column'
  | 'missing-values'
  | 'too-little-data'
  | 'bad-window'
  | 'unknown-character'
  | 'io';

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

export type DataKind = 'series' | 'grouped' | 'characters' | 'labelled-text';

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
