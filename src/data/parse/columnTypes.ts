// Deciding what a column holds from a sample of its cells, and whether the first row is a header.
import { isMissingMarker, looksLikeDate, looksLikeMistypedNumber, looksLikeNumber } from './cellValues';
import type { ColumnType } from './parsedTable';

/**
 * Majority vote over the non-missing cells: numbers win ties (a mistyped value in a number column must be
 * reported, not turn the column into text); then dates; anything else is text (labels, names).
 * A column with no values at all counts as a number column full of missing values.
 */
export function inferColumnType(cells: readonly string[], decimalComma: boolean): ColumnType {
  let present = 0;
  let numbers = 0;
  let dates = 0;
  for (const cell of cells) {
    if (isMissingMarker(cell)) continue;
    present += 1;
    if (looksLikeNumber(cell, decimalComma)) numbers += 1;
    else if (looksLikeDate(cell)) dates += 1;
  }
  if (present === 0 || numbers * 2 >= present) return 'number';
  if ((dates + numbers) * 2 >= present && dates > 0) return 'date';
  return 'text';
}

/**
 * The first record is a header when, in a column whose other cells are numbers or dates, its cell is neither
 * (and does not start like a number: that is a typo in the first data row);
 * or, in an all-text table, when its cells are distinct words that never occur again in their column.
 */
export function firstRecordIsHeader(records: readonly (readonly string[])[], fieldCount: number, decimalComma: boolean): boolean {
  const first = records[0];
  if (first === undefined) return false;
  const rest = records.slice(1);
  if (rest.length === 0) {
    return first.every((cell) => !isMissingMarker(cell) && !looksLikeNumber(cell, decimalComma) && !looksLikeDate(cell));
  }
  let sawTypedColumn = false;
  for (let column = 0; column < fieldCount; column += 1) {
    const cells = rest.map((record) => record[column] ?? '');
    const type = inferColumnType(cells, decimalComma);
    if (type === 'text') continue;
    sawTypedColumn = true;
    const cell = first[column] ?? '';
    if (isMissingMarker(cell)) continue;
    const fits = type === 'number' ? looksLikeNumber(cell, decimalComma) : looksLikeDate(cell) || looksLikeNumber(cell, decimalComma);
    // "12,5a" on the first line is a typo in the data, not a column name: it must be reported, not swallowed.
    if (!fits && !looksLikeMistypedNumber(cell)) return true;
  }
  if (sawTypedColumn) return false;
  const names = first.map((cell) => cell.trim());
  if (names.some((name) => name === '') || new Set(names).size !== names.length) return false;
  return names.every((name, column) => !rest.some((record) => (record[column] ?? '').trim() === name));
}

/**
 * Whether the first record is a line of names over the number or date columns of the records below it: every cell
 * of it in such a column is a word (not empty, missing, a value, or a mistyped number), and there is such a column.
 * A note above the header ("Monthly passengers, 1949-1960") is followed by a record like this.
 */
export function namesOverTypedColumns(records: readonly (readonly string[])[], fieldCount: number, decimalComma: boolean): boolean {
  const first = records[0];
  const rest = records.slice(1);
  if (first === undefined || rest.length === 0) return false;
  let typed = 0;
  for (let column = 0; column < fieldCount; column += 1) {
    if (inferColumnType(rest.map((record) => record[column] ?? ''), decimalComma) === 'text') continue;
    typed += 1;
    const cell = first[column] ?? '';
    if (cell.trim() === '' || isMissingMarker(cell) || looksLikeNumber(cell, decimalComma) || looksLikeDate(cell) || looksLikeMistypedNumber(cell)) return false;
  }
  return typed > 0;
}
