// Turns delimited records into typed columns while they stream in. The first records are held back to decide
// the header and each column's type; after that every record goes straight into growable arrays.
import { isMissingMarker, isSeparatorDirective, looksLikeDate, looksLikeMistypedNumber, looksLikeNumber, readNumber } from './cellValues';
import { notANumberError, notFiniteError } from './cellErrors';
import { firstRecordIsHeader, inferColumnType, namesOverTypedColumns } from './columnTypes';
import { DataError } from '../dataError';
import { GrowableFloat64Array, GrowableInt32Array } from './growableArrays';
import { scanPlainDecimal, terminatorTable } from './plainDecimal';
import type { ColumnType, ParsedTable } from './parsedTable';
import type { DelimitedRecord, FieldDelimiter } from './recordSplitter';
import { likelySplitDecimalColumn } from './decimalCommaColumns';
import { MAX_FOOTER_LINES, SkippedLines } from './skippedLines';

/**
 * Most columns a table may have. Each column is typed from a sample and grows its own array (8 kB to start), so
 * 10⁵ columns cost about 1 GB before a single row; no recurrent network in the lecture has 10⁴ inputs.
 */
export const MAX_COLUMNS = 10_000;

/** Most note lines above a table (title, source, units) skipped before the header. */
const MAX_PREAMBLE_LINES = 10;

/** Records looked at before deciding header and types (more than enough to outvote a few odd cells). */
const TYPE_SAMPLE_RECORDS = 500;

export interface TableLayout {
  readonly format: 'csv' | 'tsv' | 'semicolon' | 'numbers';
  readonly delimiter: FieldDelimiter;
  readonly fieldCount: number;
  readonly decimalComma: boolean;
}

interface ColumnSink {
  readonly name: string;
  readonly type: ColumnType;
  missing: number;
  readonly numbers?: GrowableFloat64Array;
  readonly texts?: string[];
}

export class DelimitedTableBuilder {
  private sample: DelimitedRecord[] | null = [];
  private columns: ColumnSink[] = [];
  private hasHeader = false;
  private headerLine: number | undefined;
  private readonly rowLines = new GrowableInt32Array();
  private readonly skipped = new SkippedLines();
  private readonly extraWarnings: string[] = [];
  /** One row's parsed numbers, reused for every record (no allocation per row). */
  private scratch = new Float64Array(0);
  private scratchTexts: string[] = [];
  private readonly terminators: Uint8Array;
  /** Lines of all-empty records (",,") not yet known to be inside the data. */
  private emptyRows: number[] = [];

  constructor(
    private readonly layout: TableLayout,
    private readonly source: string,
  ) {
    this.terminators = terminatorTable(layout.delimiter);
    if (layout.fieldCount > MAX_COLUMNS) {
      throw new DataError(`the table has ${layout.fieldCount} columns, more than the ${MAX_COLUMNS} RNN Lab reads`, {
        code: 'too-large',
        source,
        hint: `Keep only the columns to learn from (at most ${MAX_COLUMNS}), e.g. with cut -d, -f1-${Math.min(10, MAX_COLUMNS)} or a spreadsheet.`,
      });
    }
  }

  /** Receives every record from the RecordSplitter, in order. */
  accept(record: DelimitedRecord): void {
    if (record.blank) {
      this.skipped.blank(record.line);
      return;
    }
    if (record.raw.trimStart().startsWith('#')) {
      this.skipped.comment(record.line);
      return;
    }
    if (this.sample !== null && this.sample.length === 0 && isSeparatorDirective(record.raw)) {
      this.extraWarnings.push(`line ${record.line}: skipped the spreadsheet's delimiter line "${record.raw.trim()}"`);
      return;
    }
    if (this.sample !== null) {
      this.sample.push(record);
      if (this.sample.length >= TYPE_SAMPLE_RECORDS) this.decideSchema(false);
      return;
    }
    this.addRecord(record);
  }

  finish(): ParsedTable {
    if (this.sample !== null) this.decideSchema(true);
    for (const line of this.emptyRows) this.skipped.blank(line);
    this.emptyRows = [];
    if (this.rowLines.length === 0 && !this.hasHeader) {
      throw new DataError('no data rows found', { code: 'empty', source: this.source, hint: 'Add at least one row of numbers.' });
    }
    // A header alone is a table of no rows (inspect shows it; training refuses it at the header's line).
    if (this.rowLines.length === 0) this.extraWarnings.push(`line ${this.headerLine ?? 1}: the header has no data rows below it`);
    return {
      format: this.layout.format,
      delimiter: this.layout.delimiter,
      hasHeader: this.hasHeader,
      ...(this.headerLine !== undefined ? { headerLine: this.headerLine } : {}),
      rows: this.rowLines.length,
      columns: this.columns.map((sink) => {
        const column: ParsedTable['columns'][number] = { name: sink.name, type: sink.type, missing: sink.missing };
        if (sink.numbers !== undefined) column.values = sink.numbers.toArray();
        if (sink.texts !== undefined) column.texts = sink.texts;
        return column;
      }),
      warnings: [...this.extraWarnings, ...this.skipped.warnings()],
      rowLines: this.rowLines.toArray(),
    };
  }

  private decideSchema(endOfInput: boolean): void {
    const sample = this.sample ?? [];
    this.sample = null;
    const { fieldCount, decimalComma } = this.layout;
    // A title or note above the table ("Exported from …") has another shape than the rows: skip it.
    // Several notes are allowed (a title, "Source: …"), as long as at least two records of the table follow them.
    let preamble = 0;
    if (fieldCount >= 2) {
      let first = 0;
      while (first < MAX_PREAMBLE_LINES && first < sample.length && (sample[first] as DelimitedRecord).fields.length !== fieldCount) first += 1;
      if (first < MAX_PREAMBLE_LINES && sample.length - first >= 2) preamble = first;
    }
    this.warnOfDecimalCommas(sample, preamble);
    // A note with as many fields as the table ("Monthly passengers, 1949-1960 (source: …)") above a line of names:
    // two header-like lines in a row, of which the lower one names the columns.
    while (preamble < MAX_PREAMBLE_LINES && sample.length - preamble >= 3) {
      const records = sample.slice(preamble).map((record) => record.fields);
      if (!firstRecordIsHeader(records, fieldCount, decimalComma) || !namesOverTypedColumns(records.slice(1), fieldCount, decimalComma)) break;
      preamble += 1;
    }
    for (const skipped of sample.slice(0, preamble)) {
      this.extraWarnings.push(`line ${skipped.line}: skipped the line "${shorten(skipped.raw.trim())}" above the table`);
    }
    sample.splice(0, preamble);
    this.scratch = new Float64Array(fieldCount);
    const cells = sample.map((record) => record.fields);
    this.hasHeader = firstRecordIsHeader(cells, fieldCount, decimalComma);
    if (this.hasHeader) this.headerLine = (sample[0] as DelimitedRecord).line;
    const dataRecords = this.hasHeader ? cells.slice(1) : cells;
    // At the end of a short input, a footer could sway the vote: leave trailing odd-shaped records out of it.
    let typedRecords = dataRecords;
    if (endOfInput) {
      let end = dataRecords.length;
      while (end > 1 && dataRecords.length - end < MAX_FOOTER_LINES && (dataRecords[end - 1] as string[]).length !== fieldCount) end -= 1;
      typedRecords = dataRecords.slice(0, end);
    }
    const header = this.hasHeader ? (cells[0] as string[]) : [];
    const seen = new Set<string>();
    for (let column = 0; column < fieldCount; column += 1) {
      const headerName = (header[column] ?? '').trim();
      const name = headerName === '' ? `column ${column + 1}` : headerName;
      if (seen.has(name)) this.extraWarnings.push(`column ${column + 1}: the name "${name}" is used twice; select it by number (${column + 1})`);
      seen.add(name);
      const type = inferColumnType(typedRecords.map((record) => record[column] ?? ''), decimalComma);
      this.columns.push(
        type === 'number'
          ? { name, type, missing: 0, numbers: new GrowableFloat64Array() }
          : type === 'text'
            ? { name, type, missing: 0, texts: [] }
            : { name, type, missing: 0 },
      );
    }
    if (this.hasHeader && header.length > fieldCount && header.slice(fieldCount).some((cell) => cell.trim() !== '')) {
      this.extraWarnings.push(`line ${(sample[0] as DelimitedRecord).line}: the header has ${header.length} names but the rows have ${fieldCount} fields; extra names ignored`);
    }
    const rows = this.hasHeader ? sample.slice(1) : sample;
    const split = this.layout.delimiter === ',' && this.hasHeader && fieldCount === 2 ? likelySplitDecimalColumn(rows) : undefined;
    if (split !== undefined) {
      this.extraWarnings.push(
        `line ${this.headerLine ?? 1}: ${endOfInput ? 'every row' : `each of the first ${rows.length} rows`} reads like "${split.example}" (line ${split.line}): the same digit, a comma and ${split.example.length - split.example.indexOf(',') - 1} digits. If these are single numbers with a decimal comma, the "," delimiter splits each in two: quote them ("${split.example}") or separate the fields with ";"`,
      );
    }
    for (const record of rows) this.addRecord(record);
  }

  /**
   * Fast path for the bulk of a large file: a quote-free line whose number cells are plain decimals is read
   * straight from its character codes, without splitting it into strings. Anything unusual (a missing value,
   * an exponent, a decimal comma, spaces, a wrong field count) returns false and takes the general path, which
   * also produces every error message.
   */
  acceptPlainLine(line: string, lineNumber: number): boolean {
    if (this.sample !== null) return false;
    const { fieldCount } = this.layout;
    const delimiter = this.layout.delimiter;
    if (delimiter === ' ') return false;
    const delimiterCode = delimiter.charCodeAt(0);
    const terminators = this.terminators;
    const length = line.length;
    const values = this.scratch;
    const texts = this.scratchTexts;
    let position = 0;
    for (let column = 0; column < fieldCount; column += 1) {
      const sink = this.columns[column] as ColumnSink;
      if (sink.type === 'number') {
        const end = scanPlainDecimal(line, position, terminators, values, column);
        if (end < 0) return false;
        position = end;
      } else {
        let end = line.indexOf(delimiter, position);
        if (end < 0) end = length;
        const first = line.charCodeAt(position);
        if (sink.type === 'date') {
          if (!(first >= 48 && first <= 57)) return false; // not obviously present: let the general path decide
        } else {
          const cell = line.slice(position, end);
          if (cell.length === 0 || first <= 32 || line.charCodeAt(end - 1) <= 32 || isMissingMarker(cell)) return false;
          texts[column] = cell;
        }
        position = end;
      }
      if (column < fieldCount - 1) {
        if (position >= length || line.charCodeAt(position) !== delimiterCode) return false;
        position += 1;
      }
    }
    if (position !== length) return false;
    this.skipped.dataRow();
    this.flushEmptyRows();
    for (let column = 0; column < fieldCount; column += 1) {
      const sink = this.columns[column] as ColumnSink;
      if (sink.numbers !== undefined) sink.numbers.push(values[column] as number);
      if (sink.texts !== undefined) sink.texts.push(texts[column] as string);
    }
    this.rowLines.push(lineNumber);
    return true;
  }

  private addRecord(record: DelimitedRecord): void {
    const { fieldCount, decimalComma, delimiter } = this.layout;
    let fields = record.fields;
    // ",,": a spreadsheet's empty row. Inside the data it is a row of missing values (a time step without data);
    // after the last row it is a blank line (held back until a data row or the end of the input decides).
    if (fields.length > 1 && fields.every((cell) => cell.trim() === '')) {
      this.emptyRows.push(record.line);
      return;
    }
    if (fields.length < fieldCount) {
      // A short line with a cell its column cannot hold (a sentence under a date or number column) is not a row:
      // a footer ("International airline passengers: … Jan 49 ? Dec 60") if nothing but footers follows it.
      const misfit = fields.findIndex((cell, column) => !this.cellFits(cell, column));
      if (misfit >= 0) {
        const error = new DataError(`this line has ${fields.length} field${fields.length === 1 ? '' : 's'} but the table has ${fieldCount}, and "${shorten(fields[misfit]?.trim() ?? '')}" is not a value of column ${misfit + 1} "${this.columns[misfit]?.name ?? ''}"`, {
          code: 'not-a-number',
          source: this.source,
          line: record.line,
          column: misfit + 1,
          hint: 'Remove the line, or complete it with a value for every column.',
        });
        this.skipped.possibleFooter(error, record.line, record.raw);
        return;
      }
    }
    if (fields.length > fieldCount) {
      if (fields.slice(fieldCount).every((cell) => cell.trim() === '')) {
        fields = fields.slice(0, fieldCount); // a trailing delimiter, as spreadsheets sometimes write
      } else {
        const pair = delimiter === ',' ? decimalCommaPair(fields) : undefined;
        const error = new DataError(`this line has ${fields.length} fields but the table has ${fieldCount}`, {
          code: 'too-many-fields',
          source: this.source,
          line: record.line,
          column: fieldCount + 1,
          hint:
            pair !== undefined
              ? `If "${pair}" is one number with a decimal comma, quote it ("${pair}") or separate the fields with ";"; otherwise remove the extra values.`
              : `Quote fields that contain "${delimiter === '\t' ? '\\t' : delimiter}" ("like, this"), or remove the extra values.`,
        });
        this.skipped.possibleFooter(error, record.line, record.raw);
        return;
      }
    }
    // Check every number first, so a bad row adds nothing.
    const parsed = this.scratch;
    for (let column = 0; column < fieldCount; column += 1) {
      const sink = this.columns[column] as ColumnSink;
      if (sink.type !== 'number') continue;
      const cell = fields[column] ?? '';
      if (isMissingMarker(cell)) {
        parsed[column] = NaN;
        continue;
      }
      const reading = readNumber(cell, decimalComma);
      const where = { source: this.source, line: record.line, column: column + 1, columnName: sink.name };
      if (reading.notFinite) throw notFiniteError(cell, where);
      if (Number.isNaN(reading.value)) {
        const error = notANumberError(cell, where, delimiter);
        // Junk ("Total", "Source: …", "-----") or a line of another shape may be a footer; a mistyped number is an error.
        if (!looksLikeMistypedNumber(cell) || fields.length !== fieldCount) {
          this.skipped.possibleFooter(error, record.line, record.raw);
          return;
        }
        throw error;
      }
      parsed[column] = reading.value;
    }
    this.skipped.dataRow();
    this.flushEmptyRows();
    if (fields.length < fieldCount) this.skipped.shortRow(record.line, fieldCount);
    for (let column = 0; column < fieldCount; column += 1) {
      const sink = this.columns[column] as ColumnSink;
      const cell = fields[column] ?? '';
      const missing = sink.type === 'number' ? Number.isNaN(parsed[column]) : isMissingMarker(cell);
      if (missing) sink.missing += 1;
      if (sink.numbers !== undefined) sink.numbers.push(parsed[column] as number);
      if (sink.texts !== undefined) sink.texts.push(missing ? '' : cell.trim());
    }
    this.rowLines.push(record.line);
  }

  /** Empty records followed by a data row: rows of missing values, in their place. */
  private flushEmptyRows(): void {
    if (this.emptyRows.length === 0) return;
    for (const line of this.emptyRows) {
      for (const sink of this.columns) {
        sink.missing += 1;
        sink.numbers?.push(NaN);
        sink.texts?.push('');
      }
      this.rowLines.push(line);
    }
    this.emptyRows = [];
  }

  /**
   * "x,y" above rows of three fields like "0,14,2": with ',' as the delimiter an unquoted decimal comma splits one
   * number into two, so the rows have more fields than the header names. Said once, naming both lines.
   */
  private warnOfDecimalCommas(sample: readonly DelimitedRecord[], preamble: number): void {
    const header = sample[preamble - 1];
    const row = sample[preamble];
    const { delimiter, fieldCount, decimalComma } = this.layout;
    if (delimiter !== ',' || header === undefined || row === undefined || header.fields.length >= fieldCount) return;
    if (header.fields.some((cell) => looksLikeNumber(cell, decimalComma) || cell.trim() === '')) return;
    const pair = decimalCommaPair(row.fields);
    if (pair === undefined) return;
    this.extraWarnings.push(
      `line ${header.line}: the header has ${header.fields.length} name${header.fields.length === 1 ? '' : 's'} but the rows have ${fieldCount} fields — "${pair}" on line ${row.line} looks like one number with a decimal comma, split in two by the "," delimiter. Quote such values ("${pair}") or separate the fields with ";"`,
    );
  }

  /** Whether a cell fits its column: a missing marker anywhere, a number in a number column, a date (or number) in a date column. */
  private cellFits(cell: string, column: number): boolean {
    const sink = this.columns[column];
    if (sink === undefined || isMissingMarker(cell) || sink.type === 'text') return true;
    if (sink.type === 'number') return !Number.isNaN(readNumber(cell, this.layout.decimalComma).value);
    return looksLikeDate(cell) || looksLikeNumber(cell, this.layout.decimalComma);
  }
}

/** The first two adjacent fields that read as one decimal-comma number ("0" and "14" → "0,14"), if any. */
export function decimalCommaPair(fields: readonly string[]): string | undefined {
  for (let index = 0; index + 1 < fields.length; index += 1) {
    const whole = (fields[index] as string).trim();
    const fraction = (fields[index + 1] as string).trim();
    // The whole part may carry thousands dots ("1.000,5", as Spanish spreadsheets write it).
    if (/^[-+]?(\d+|\d{1,3}(\.\d{3})+)$/.test(whole) && /^\d+$/.test(fraction)) return `${whole},${fraction}`;
  }
  return undefined;
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
