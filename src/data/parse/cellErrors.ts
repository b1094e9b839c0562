// The errors a single cell can cause, worded the same for tables, number lists and JSON.
import { DataError } from '../dataError';

export interface CellLocation {
  readonly source: string;
  readonly line?: number;
  readonly column?: number;
  readonly path?: string;
  /** Header name, when there is one, so the user can find the column by name too. */
  readonly columnName?: string;
}

export function notANumberError(cell: string, where: CellLocation, delimiter: string | null): DataError {
  const text = cell.trim();
  let hint = 'Correct the value or delete the row; leave the cell empty (or write NA) to mark a missing value.';
  if (delimiter === ',' && /\d,\d/.test(text)) {
    hint = 'In a comma-separated file write the decimal point as "." (12.5), or quote the value.';
  } else if (/^[+-]?\d/.test(text)) {
    hint = `Only digits, one decimal mark and an exponent (1.5e-3) are allowed; correct "${text}" or delete the row.`;
  }
  return new DataError(`"${text}" is not a number${named(where)}`, { code: 'not-a-number', ...location(where), hint });
}

export function notFiniteError(cell: string, where: CellLocation): DataError {
  return new DataError(`"${cell.trim()}" is not a finite number${named(where)}`, {
    code: 'not-finite',
    ...location(where),
    hint: 'NaN and infinity cannot be trained on: correct the value, or leave the cell empty to mark it missing.',
  });
}

function named(where: CellLocation): string {
  return where.columnName !== undefined ? ` (column "${where.columnName}")` : '';
}

function location(where: CellLocation): { source: string; line?: number; column?: number; path?: string } {
  const result: { source: string; line?: number; column?: number; path?: string } = { source: where.source };
  if (where.line !== undefined) result.line = where.line;
  if (where.column !== undefined) result.column = where.column;
  if (where.path !== undefined) result.path = where.path;
  return result;
}
