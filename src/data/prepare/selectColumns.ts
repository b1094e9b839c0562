// Which columns to learn from: `--column C` (a header name or a 1-based number; several with commas), or by
// default the first number column that is not a counter or time axis. Date and label columns are never used as numbers.
import { DataError } from '../dataError';
import type { ParsedColumn, ParsedTable } from '../parse/parsedTable';

export interface ColumnSelection {
  /** 0-based indices into table.columns, in the order requested. */
  readonly indices: number[];
  readonly names: string[];
  /** One series per chosen column (NaN where a cell was missing). */
  readonly series: Float64Array[];
}

/**
 * `request`: undefined for the default, a string like "value", "2" or "value,marker", or a list of such items.
 * `source` names the data in error messages.
 */
export function selectColumns(table: ParsedTable, request: string | readonly string[] | undefined, source: string): ColumnSelection {
  const numeric = table.columns.map((column, index) => ({ column, index })).filter(({ column }) => column.type === 'number');
  if (request === undefined || (typeof request === 'string' && request.trim() === '') || (Array.isArray(request) && request.length === 0)) {
    // A counter or time axis (t = 0, 1, 2, … or 0.0, 0.1, …) is what the series is indexed BY, not what to learn:
    // the default is the first number column that is not one, else the first number column.
    const first = numeric.find(({ column }) => !isIndexLikeColumn(column)) ?? numeric[0];
    if (first === undefined) {
      throw new DataError(table.format === 'text' ? 'this is plain text, with no number column' : 'no column holds numbers', {
        code: 'no-numeric-column',
        source,
        hint:
          table.format === 'text'
            ? 'Train a character-level model on text, or give a table with a number column.'
            : `The columns are ${describeColumns(table.columns)}; correct the values so one column holds numbers.`,
      });
    }
    return selection([first.index], table);
  }
  const items = typeof request === 'string' ? splitRequest(request, table.columns) : [...request];
  return selection(
    items.map((item) => resolveColumn(item, table.columns, source, table.headerLine)),
    table,
  );
}


function selection(indices: number[], table: ParsedTable): ColumnSelection {
  return {
    indices,
    names: indices.map((index) => (table.columns[index] as ParsedColumn).name),
    series: indices.map((index) => (table.columns[index] as ParsedColumn).values as Float64Array),
  };
}

/** "a,b" means two columns unless a column is literally named "a,b". */
function splitRequest(request: string, columns: readonly ParsedColumn[]): string[] {
  if (columns.some((column) => column.name === request.trim())) return [request.trim()];
  return request.split(',').map((item) => item.trim()).filter((item) => item !== '');
}

/** `headerLine`: where the names are written, so a name several columns share is reported at its first column. */
function resolveColumn(item: string, columns: readonly ParsedColumn[], source: string, headerLine?: number): number {
  const wanted = item.trim();
  // A name several columns share is ambiguous: refused, naming them, rather than silently taking the first.
  for (const same of [(name: string) => name === wanted, (name: string) => name.toLowerCase() === wanted.toLowerCase()]) {
    const sharing = columns.map((column, at) => (same(column.name) ? at + 1 : 0)).filter((number) => number > 0);
    if (sharing.length > 1) {
      throw new DataError(`the name "${wanted}" is shared by columns ${listNumbers(sharing)}`, {
        code: 'unknown-column',
        source,
        ...(headerLine !== undefined ? { line: headerLine, column: sharing[0] as number } : {}),
        hint: `Select the column by its number instead, e.g. --column ${sharing[0]} (or rename the columns in the header).`,
      });
    }
    if (sharing.length === 1) break;
  }
  let index = columns.findIndex((column) => column.name === wanted);
  if (index < 0) index = columns.findIndex((column) => column.name.toLowerCase() === wanted.toLowerCase());
  if (index < 0 && /^\d+$/.test(wanted)) {
    const number = Number(wanted);
    if (number >= 1 && number <= columns.length) index = number - 1;
  }
  if (index < 0) {
    throw new DataError(`there is no column "${wanted}"`, {
      code: 'unknown-column',
      source,
      hint: `Accepted columns (by name or number): ${describeColumns(columns)}.`,
    });
  }
  const column = columns[index] as ParsedColumn;
  if (column.type !== 'number' || column.values === undefined) {
    const numeric = columns.map((c, i) => ({ c, i })).filter(({ c }) => c.type === 'number');
    throw new DataError(`column ${index + 1} "${column.name}" holds ${column.type === 'date' ? 'dates' : 'text'}, not numbers`, {
      code: 'not-numeric-column',
      source,
      hint:
        numeric.length > 0
          ? `Choose a number column: ${numeric.map(({ c, i }) => `${i + 1} "${c.name}"`).join(', ')}.`
          : 'No column of this table holds numbers.',
    });
  }
  return index;
}

/** "2, 3 and 5". */
function listNumbers(numbers: readonly number[]): string {
  return numbers.length === 1 ? String(numbers[0]) : `${numbers.slice(0, -1).join(', ')} and ${numbers[numbers.length - 1]}`;
}

/** Values in arithmetic progression with a non-zero step: x_i = x_0 + i·Δ (to rounding), over ≥ 3 rows. */
export function isIndexLikeColumn(column: ParsedColumn): boolean {
  const values = column.values;
  if (values === undefined || values.length < 3) return false;
  const first = values[0] as number;
  const step = (values[1] as number) - first;
  if (!(step !== 0 && Number.isFinite(step))) return false;
  const tolerance = 1e-9 * Math.max(Math.abs(first), Math.abs(values[values.length - 1] as number), Math.abs(step));
  for (let index = 2; index < values.length; index += 1) {
    if (!(Math.abs((values[index] as number) - (first + index * step)) <= tolerance + 1e-12)) return false;
  }
  return true;
}

/** `1 "t" (number), 2 "date" (date)` — how errors list the columns a user may pick. */
export function describeColumns(columns: readonly ParsedColumn[]): string {
  return columns.map((column, index) => `${index + 1} "${column.name}" (${column.type})`).join(', ');
}
