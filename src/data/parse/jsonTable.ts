// JSON sequence data: a 1-D series [x0, x1, …]; a 2-D [time][features] array (rows of equal length); an array of
// sequences (rows of different lengths, or [sequence][time][features]); {"sequences": [...]} to say so explicitly
// (needed when all sequences happen to have the same length); or an array of records [{"t": 0, "value": 1.5}, …].
import { isMissingMarker, readNumber } from './cellValues';
import { notANumberError, notFiniteError } from './cellErrors';
import { inferColumnType } from './columnTypes';
import { DataError } from '../dataError';
import type { ParsedColumn, ParsedTable } from './parsedTable';
import { readStrictJson } from '../../modelFiles/json/strictJson';

const JSON_SYNTAX_HINT =
  'A JSON data file is strict JSON: commas between values but none before "]" or "}", strings in double quotes, null for a missing value (no NaN), no comments.';
const SHAPE_HINT =
  'Use [1, 2, 3] for one series, [[x, y], [x, y]] for [time][features], [[…], […]] of different lengths or {"sequences": [[…], […]]} for several sequences, or [{"name": value}, …] for records.';

export function parseJsonTable(text: string, source: string): ParsedTable {
  const reading = readStrictJson(text);
  if (!reading.ok) {
    const { message, line, column } = reading.problem;
    throw new DataError(`invalid JSON: ${message}`, { code: 'bad-json', source, line, column, hint: JSON_SYNTAX_HINT });
  }
  const root = reading.value;
  const reader = new JsonNumberReader(source);
  if (isPlainObject(root)) {
    const sequences = root['sequences'];
    if (!Array.isArray(sequences)) throw shapeError(source, '$', 'an object must have a "sequences" array');
    return sequencesTable(sequences, '$.sequences', reader);
  }
  if (!Array.isArray(root)) throw shapeError(source, '$', 'the JSON is neither an array nor an object');
  if (root.length === 0) throw new DataError('the JSON array is empty', { code: 'empty', source, path: '$', hint: SHAPE_HINT });
  if (root.every((item) => !Array.isArray(item) && !isPlainObject(item))) {
    return numericTable([root.map((item, index) => reader.number(item, `$[${index}]`))], ['value'], 'json');
  }
  if (root.every(isPlainObject)) return recordsTable(root as Record<string, unknown>[], reader);
  const firstOther = root.findIndex((item) => !Array.isArray(item));
  if (firstOther >= 0) throw shapeError(source, `$[${firstOther}]`, 'arrays and single values are mixed');
  const rows = root as unknown[][];
  const flat = rows.every((row) => row.every((item) => !Array.isArray(item)));
  const sameLength = rows.every((row) => row.length === (rows[0] as unknown[]).length);
  if (flat && sameLength) {
    // [time][features]: row t holds the feature vector x_t.
    const width = (rows[0] as unknown[]).length;
    if (width === 0) throw shapeError(source, '$[0]', 'rows are empty');
    const columns = Array.from({ length: width }, (_, feature) => rows.map((row, time) => reader.number(row[feature], `$[${time}][${feature}]`)));
    return numericTable(columns, featureNames(width), 'json');
  }
  return sequencesTable(rows, '$', reader);
}

/** Several independent sequences, stacked in time; `sequenceStarts` keeps windows from crossing them. */
function sequencesTable(sequences: readonly unknown[], path: string, reader: JsonNumberReader): ParsedTable {
  if (sequences.length === 0) throw new DataError('there are no sequences', { code: 'empty', source: reader.source, path, hint: SHAPE_HINT });
  let width: number | null = null;
  const columns: number[][] = [];
  const sequenceStarts: number[] = [];
  let rows = 0;
  sequences.forEach((sequence, index) => {
    const sequencePath = `${path}[${index}]`;
    if (!Array.isArray(sequence) || sequence.length === 0) throw shapeError(reader.source, sequencePath, 'each sequence must be a non-empty array');
    const steps = sequence.map((step) => (Array.isArray(step) ? step : [step]));
    const stepWidth = (steps[0] as unknown[]).length;
    width ??= stepWidth;
    if (width === 0) throw shapeError(reader.source, `${sequencePath}[0]`, 'a time step has no features');
    for (let feature = 0; feature < width; feature += 1) columns[feature] ??= [];
    sequenceStarts.push(rows);
    steps.forEach((step, time) => {
      if (step.length !== width) {
        throw shapeError(reader.source, `${sequencePath}[${time}]`, `this step has ${step.length} features, the first has ${width}`);
      }
      step.forEach((value, feature) => (columns[feature] as number[]).push(reader.number(value, `${sequencePath}[${time}]${Array.isArray(sequence[time]) ? `[${feature}]` : ''}`)));
      rows += 1;
    });
  });
  const table = numericTable(columns, featureNames(width ?? 1), 'json');
  table.sequenceStarts = sequenceStarts;
  return table;
}

/** [{"t": 0, "value": 1.5}, …]: keys are the header; a column is typed by its values like a CSV column. */
function recordsTable(records: readonly Record<string, unknown>[], reader: JsonNumberReader): ParsedTable {
  const names: string[] = [];
  for (const record of records) for (const key of Object.keys(record)) if (!names.includes(key)) names.push(key);
  const columns: ParsedColumn[] = names.map((name) => {
    const cells = records.map((record, index) => {
      const value = record[name];
      if (value === null || value === undefined) return '';
      if (typeof value === 'number' || typeof value === 'string') return String(value);
      throw shapeError(reader.source, `$[${index}].${name}`, 'a record field must be a number, a string or null');
    });
    const type = inferColumnType(cells, false);
    const missing = cells.filter((cell) => isMissingMarker(cell)).length;
    if (type !== 'number') return type === 'text' ? { name, type, missing, texts: cells } : { name, type, missing };
    const values = Float64Array.from(records.map((record, index) => reader.number(record[name] ?? null, `$[${index}].${name}`)));
    return { name, type, missing, values };
  });
  return { format: 'json', delimiter: null, hasHeader: true, rows: records.length, columns, warnings: [] };
}

function numericTable(columns: readonly number[][], names: readonly string[], format: 'json'): ParsedTable {
  return {
    format,
    delimiter: null,
    hasHeader: false,
    rows: columns[0]?.length ?? 0,
    columns: columns.map((values, index) => ({
      name: names[index] as string,
      type: 'number' as const,
      missing: values.reduce((count, value) => count + (Number.isNaN(value) ? 1 : 0), 0),
      values: Float64Array.from(values),
    })),
    warnings: [],
  };
}

function featureNames(width: number): string[] {
  return width === 1 ? ['value'] : Array.from({ length: width }, (_, index) => `feature ${index + 1}`);
}

/** Numbers, numeric strings ("1.5"), and null / missing markers (→ NaN, counted as missing). */
class JsonNumberReader {
  constructor(readonly source: string) {}

  number(value: unknown, path: string): number {
    if (value === null || value === undefined) return NaN;
    if (typeof value === 'number') {
      // JSON.parse turns 1e999 into Infinity.
      if (!Number.isFinite(value)) throw notFiniteError(String(value), { source: this.source, path });
      return value;
    }
    if (typeof value === 'string') {
      if (isMissingMarker(value)) return NaN;
      const reading = readNumber(value, false);
      if (reading.notFinite) throw notFiniteError(value, { source: this.source, path });
      if (!Number.isNaN(reading.value)) return reading.value;
      throw notANumberError(value, { source: this.source, path }, null);
    }
    throw notANumberError(JSON.stringify(value), { source: this.source, path }, null);
  }
}

function shapeError(source: string, path: string, problem: string): DataError {
  return new DataError(problem, { code: 'json-shape', source, path, hint: SHAPE_HINT });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
