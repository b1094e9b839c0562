// What data intake found in a file or selection: the detected layout and one typed column per field.

import type { ColumnType, TableFormat } from '../intakeTypes';
export type { ColumnType, TableFormat } from '../intakeTypes';

export interface ParsedColumn {
  /** The header text, or "column N" (1-based) when the table has no header; "value" for a plain number list. */
  name: string;
  type: ColumnType;
  /** Empty cells and missing-value markers (NA, null, -, ?) among the data rows. */
  missing: number;
  /** Number columns only: one value per data row, NaN where the cell is missing. */
  values?: Float64Array;
  /** Text and date columns: the raw cell text per data row ('' where missing). */
  texts?: string[];
}

export interface ParsedTable {
  format: TableFormat;
  /** The field separator: ',', '\t', ';', ' ' (whitespace runs), '\n' (one number per line), or null (JSON, text). */
  delimiter: string | null;
  hasHeader: boolean;
  /** 1-based line of the header (after any notes above it), when there is one and the input has lines. */
  headerLine?: number;
  /** Data rows (header, blank, comment and footer lines excluded); characters' lines for text. */
  rows: number;
  columns: ParsedColumn[];
  /** Skipped lines (with their line numbers) and other things the user should know. */
  warnings: string[];
  /** Plain text for character-level models (format 'text'). */
  text?: string;
  /** 1-based source line of every data row (not set for JSON), so later checks can point at the line. */
  rowLines?: Int32Array;
  /**
   * Row index where each independent sequence starts (JSON array of sequences): windows never cross these
   * boundaries. Absent for a single continuous series.
   */
  sequenceStarts?: number[];
}

/** The documented shape of `rnn-lab inspect --json`: exactly these fields, nothing else. */
export interface TableSummary {
  format: TableFormat;
  delimiter: string | null;
  hasHeader: boolean;
  rows: number;
  columns: Array<{ name: string; type: ColumnType; missing: number }>;
  warnings: string[];
}

export function summarizeTable(table: ParsedTable): TableSummary {
  return {
    format: table.format,
    delimiter: table.delimiter,
    hasHeader: table.hasHeader,
    rows: table.rows,
    columns: table.columns.map((column) => ({ name: column.name, type: column.type, missing: column.missing })),
    warnings: [...table.warnings],
  };
}
