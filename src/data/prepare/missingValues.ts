// Missing values (empty cells, NA, null): where they are, and the two remedies the user is offered —
// drop the rows, or fill each gap by linear interpolation between its neighbours.
import type { ParsedTable } from '../parse/parsedTable';

export interface MissingValueReport {
  /** Total missing cells in the chosen columns. */
  readonly count: number;
  /** Data rows (0-based) with at least one missing value in the chosen columns. */
  readonly rows: number[];
  /** The same rows as 1-based source lines, when known (not for JSON). */
  readonly lines: number[];
  /** e.g. `3 missing values, at lines 5, 9, 12` */
  readonly description: string;
}

const LISTED_LOCATIONS = 10;

export function findMissingValues(series: readonly Float64Array[], rowLines?: Int32Array): MissingValueReport {
  const rows: number[] = [];
  let count = 0;
  const length = series[0]?.length ?? 0;
  for (let row = 0; row < length; row += 1) {
    let rowMissing = 0;
    for (const column of series) if (Number.isNaN(column[row])) rowMissing += 1;
    if (rowMissing > 0) {
      rows.push(row);
      count += rowMissing;
    }
  }
  const lines = rowLines !== undefined ? rows.map((row) => rowLines[row] as number) : [];
  const places = rowLines !== undefined ? lines : rows.map((row) => row + 1);
  const label = rowLines !== undefined ? 'line' : 'data row';
  const shown = places.slice(0, LISTED_LOCATIONS).join(', ');
  const more = places.length > LISTED_LOCATIONS ? ` … and ${places.length - LISTED_LOCATIONS} more` : '';
  const description =
    count === 0 ? 'no missing values' : `${count} missing value${count === 1 ? '' : 's'}, at ${label}${places.length === 1 ? '' : 's'} ${shown}${more}`;
  return { count, rows, lines, description };
}

/** Missing values of the chosen columns of a table, located by source line. */
export function findMissingInTable(table: ParsedTable, columnIndices: readonly number[]): MissingValueReport {
  const series = columnIndices.map((index) => table.columns[index]?.values ?? new Float64Array(table.rows));
  return findMissingValues(series, table.rowLines);
}

export interface CleanedSeries {
  readonly series: Float64Array[];
  /** Kept row indices of the original (dropping changes which rows remain). */
  readonly keptRows: Int32Array;
  /** Sequence boundaries moved to the kept rows (undefined when there were none). */
  readonly sequenceStarts?: number[];
}

/** Removes every row in which any chosen column is missing (the series then skips those instants). */
export function dropMissingRows(series: readonly Float64Array[], sequenceStarts?: readonly number[]): CleanedSeries {
  const length = series[0]?.length ?? 0;
  const kept: number[] = [];
  for (let row = 0; row < length; row += 1) {
    if (series.every((column) => !Number.isNaN(column[row]))) kept.push(row);
  }
  const keptRows = Int32Array.from(kept);
  const result: CleanedSeries = { series: series.map((column) => Float64Array.from(kept, (row) => column[row] as number)), keptRows };
  if (sequenceStarts === undefined) return result;
  // A sequence now starts at the first kept row at or after its old start; empty sequences disappear.
  const starts: number[] = [];
  for (let index = 0; index < sequenceStarts.length; index += 1) {
    const begin = sequenceStarts[index] as number;
    const end = sequenceStarts[index + 1] ?? length;
    const first = kept.findIndex((row) => row >= begin && row < end);
    if (first >= 0 && !starts.includes(first)) starts.push(first);
  }
  return { ...result, sequenceStarts: starts };
}

/**
 * Fills each run of missing values by the straight line between the nearest known values before and after:
 * x_i = x_a + (x_b − x_a)(i − a)/(b − a). A run at the start or end takes the nearest known value. Runs never
 * borrow across sequence boundaries. A column (or sequence) with no known value at all is left missing.
 */
export function interpolateMissing(series: readonly Float64Array[], sequenceStarts?: readonly number[]): CleanedSeries {
  const length = series[0]?.length ?? 0;
  const starts = sequenceStarts !== undefined && sequenceStarts.length > 0 ? [...sequenceStarts] : [0];
  const filled = series.map((column) => {
    const out = Float64Array.from(column);
    starts.forEach((begin, index) => fillSegment(out, begin, starts[index + 1] ?? length));
    return out;
  });
  const result: CleanedSeries = { series: filled, keptRows: Int32Array.from({ length }, (_, row) => row) };
  return sequenceStarts === undefined ? result : { ...result, sequenceStarts: [...sequenceStarts] };
}

function fillSegment(values: Float64Array, begin: number, end: number): void {
  let previous = -1;
  for (let row = begin; row < end; row += 1) {
    if (Number.isNaN(values[row])) continue;
    if (previous < 0) {
      for (let gap = begin; gap < row; gap += 1) values[gap] = values[row] as number; // leading run
    } else if (row - previous > 1) {
      const from = values[previous] as number;
      const to = values[row] as number;
      for (let gap = previous + 1; gap < row; gap += 1) values[gap] = from + ((to - from) * (gap - previous)) / (row - previous);
    }
    previous = row;
  }
  if (previous >= 0) for (let gap = previous + 1; gap < end; gap += 1) values[gap] = values[previous] as number; // trailing run
}
