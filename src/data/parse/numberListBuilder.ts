// A plain list of numbers — "1, 2, 3", "1 2 3", "1,5; 2,5" or one per line — read in reading order as one series.
import { isMissingMarker, looksLikeMistypedNumber, readNumber } from './cellValues';
import { notANumberError, notFiniteError } from './cellErrors';
import { DataError } from '../dataError';
import { GrowableFloat64Array, GrowableInt32Array } from './growableArrays';
import { scanPlainDecimal, terminatorTable } from './plainDecimal';
import type { ParsedTable } from './parsedTable';
import type { DelimitedRecord } from './recordSplitter';
import { SkippedLines } from './skippedLines';

export type NumberListSeparator = ',' | ';' | ' ' | '\n';

export class NumberListBuilder {
  private readonly values = new GrowableFloat64Array();
  private readonly rowLines = new GrowableInt32Array();
  private readonly skipped = new SkippedLines();
  private missing = 0;
  private readonly tokenPattern: RegExp;
  private readonly decimalComma: boolean;
  private readonly terminators: Uint8Array;
  /** Separator code for the fast path (32 = whitespace only). */
  private readonly separatorCode: number;
  private readonly lineValues = new Float64Array(4096);

  constructor(
    private readonly separator: NumberListSeparator,
    private readonly source: string,
  ) {
    this.decimalComma = separator === ';';
    // Around ',' or ';' spaces are padding; an empty token between two separators is a missing value.
    this.tokenPattern = separator === ';' ? /\s*;\s*|\s+/ : separator === ',' ? /\s*,\s*|\s+/ : /\s+/;
    this.separatorCode = separator === ',' || separator === ';' ? separator.charCodeAt(0) : 32;
    this.terminators = terminatorTable(separator === ',' || separator === ';' ? `${separator} \t` : ' \t');
  }

  /**
   * Fast path for a line of plain decimals with single separators (and spaces around them): read from character
   * codes. Returns false for anything else (missing values, exponents, decimal commas, junk) → `accept`.
   */
  acceptPlainLine(line: string, lineNumber: number): boolean {
    const length = line.length;
    const out = this.lineValues;
    let count = 0;
    let index = skipSpaces(line, 0);
    if (index >= length) return false;
    while (index < length) {
      if (count === out.length) return false;
      const end = scanPlainDecimal(line, index, this.terminators, out, count);
      if (end < 0) return false;
      count += 1;
      index = skipSpaces(line, end);
      if (index < length && this.separatorCode !== 32 && line.charCodeAt(index) === this.separatorCode) {
        index = skipSpaces(line, index + 1);
        if (index >= length) break; // "1, 2, 3," — a trailing separator
        if (line.charCodeAt(index) === this.separatorCode) return false; // an empty value: general path
      }
    }
    this.skipped.dataRow();
    for (let slot = 0; slot < count; slot += 1) {
      this.values.push(out[slot] as number);
      this.rowLines.push(lineNumber);
    }
    return true;
  }

  /** Receives whole lines (a RecordSplitter in whitespace mode hands over each line as `raw`). */
  accept(record: DelimitedRecord): void {
    if (record.blank) {
      this.skipped.blank(record.line);
      return;
    }
    if (record.raw.trimStart().startsWith('#')) {
      this.skipped.comment(record.line);
      return;
    }
    const tokens = record.raw.trim().split(this.tokenPattern);
    if (tokens.length > 1 && tokens[tokens.length - 1] === '') tokens.pop(); // "1, 2, 3," — a trailing separator
    const parsed = new Float64Array(tokens.length);
    for (let index = 0; index < tokens.length; index += 1) {
      const token = tokens[index] as string;
      if (isMissingMarker(token)) {
        parsed[index] = NaN;
        continue;
      }
      const reading = readNumber(token, this.decimalComma);
      const where = { source: this.source, line: record.line, column: index + 1 };
      if (reading.notFinite) throw notFiniteError(token, where);
      if (Number.isNaN(reading.value)) {
        const error = notANumberError(token, where, this.separator);
        if (!looksLikeMistypedNumber(token)) {
          this.skipped.possibleFooter(error, record.line, record.raw);
          return;
        }
        throw error;
      }
      parsed[index] = reading.value;
    }
    this.skipped.dataRow();
    for (const value of parsed) {
      if (Number.isNaN(value)) this.missing += 1;
      this.values.push(value);
      this.rowLines.push(record.line);
    }
  }

  finish(): ParsedTable {
    if (this.values.length === 0) {
      throw new DataError('no numbers found', { code: 'empty', source: this.source, hint: 'Add numbers separated by commas, spaces, semicolons or line breaks.' });
    }
    return {
      format: 'numbers',
      delimiter: this.separator,
      hasHeader: false,
      rows: this.values.length,
      columns: [{ name: 'value', type: 'number', missing: this.missing, values: this.values.toArray() }],
      warnings: this.skipped.warnings(),
      rowLines: this.rowLines.toArray(),
    };
  }
}

function skipSpaces(line: string, index: number): number {
  let position = index;
  while (position < line.length) {
    const code = line.charCodeAt(position);
    if (code !== 32 && code !== 9) break;
    position += 1;
  }
  return position;
}
