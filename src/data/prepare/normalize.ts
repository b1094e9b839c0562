// Normalisation fitted on the training rows only (statistics of the validation part would leak the future into
// training), stored as plain JSON with the run, and inverted to show predictions in the data's own units.
//   z-score:  x' = (x − μ) / σ      μ, σ the mean and population standard deviation of the training rows
//   min–max:  x' = (x − min) / (max − min)   maps the training range onto [0, 1]
// Both are x' = (x − offset) / scale, so one pair per column describes either, and x = x'·scale + offset inverts it.

import { DataError } from '../dataError';

export type NormalizationKind = 'zscore' | 'minmax' | 'none';
export const NORMALIZATION_KINDS: readonly NormalizationKind[] = ['zscore', 'minmax', 'none'];

export interface ColumnScaling {
  /** Column name, for the run record. */
  readonly name: string;
  /** μ (z-score) or min (min–max); 0 for none. */
  readonly offset: number;
  /** σ (z-score) or max − min (min–max); 1 for none or for a constant column. */
  readonly scale: number;
}

/** JSON-able: saved in run.json and read back unchanged. */
export interface Normalization {
  readonly kind: NormalizationKind;
  /** How many leading rows the statistics were computed on. */
  readonly fittedOnRows: number;
  readonly columns: readonly ColumnScaling[];
}

/**
 * Fits on rows [0, trainRows) of each series, ignoring missing values (NaN). A constant column gets scale 1
 * (dividing by σ = 0 would blow up; the column then just loses its offset).
 */
export function fitNormalization(
  series: readonly Float64Array[],
  kind: NormalizationKind,
  trainRows: number = series[0]?.length ?? 0,
  names: readonly string[] = series.map((_, index) => `column ${index + 1}`),
): Normalization {
  const columns = series.map((column, index): ColumnScaling => {
    const name = names[index] ?? `column ${index + 1}`;
    const part = column.subarray(0, Math.min(trainRows, column.length));
    if (kind === 'none') return { name, offset: 0, scale: 1 };
    if (kind === 'zscore') {
      const { mean, standardDeviation } = meanAndStandardDeviation(part);
      return { name, offset: mean, scale: standardDeviation > 0 ? standardDeviation : 1 };
    }
    const { min, max } = range(part);
    return { name, offset: min, scale: max > min ? max - min : 1 };
  });
  return { kind, fittedOnRows: trainRows, columns };
}

/** x' = (x − offset)/scale for every column (NaN stays NaN). */
export function applyNormalization(series: readonly Float64Array[], normalization: Normalization): Float64Array[] {
  return series.map((column, index) => {
    const { offset, scale } = scalingOf(normalization, index);
    const out = new Float64Array(column.length);
    for (let row = 0; row < column.length; row += 1) out[row] = ((column[row] as number) - offset) / scale;
    return out;
  });
}

/** x = x'·scale + offset: model outputs for column `column` back in the data's units. */
export function invertNormalization(values: Float64Array, normalization: Normalization, column: number): Float64Array {
  const { offset, scale } = scalingOf(normalization, column);
  const out = new Float64Array(values.length);
  for (let index = 0; index < values.length; index += 1) out[index] = (values[index] as number) * scale + offset;
  return out;
}

export function normalizeValue(value: number, normalization: Normalization, column: number): number {
  const { offset, scale } = scalingOf(normalization, column);
  return (value - offset) / scale;
}

export function denormalizeValue(value: number, normalization: Normalization, column: number): number {
  const { offset, scale } = scalingOf(normalization, column);
  return value * scale + offset;
}

/** Reads a normalisation back from run.json, checking every field (a hand-edited file must not crash a run). */
export function parseNormalization(value: unknown): Normalization {
  const record = value as { kind?: unknown; fittedOnRows?: unknown; columns?: unknown } | null;
  if (typeof record !== 'object' || record === null) throw new TypeError('normalization: expected an object');
  if (!NORMALIZATION_KINDS.includes(record.kind as NormalizationKind)) {
    throw new TypeError(`normalization.kind: expected one of ${NORMALIZATION_KINDS.join('|')}`);
  }
  if (typeof record.fittedOnRows !== 'number' || !Number.isInteger(record.fittedOnRows) || record.fittedOnRows < 0) {
    throw new TypeError('normalization.fittedOnRows: expected a whole number ≥ 0');
  }
  if (!Array.isArray(record.columns)) throw new TypeError('normalization.columns: expected an array');
  const columns = record.columns.map((item: unknown, index: number): ColumnScaling => {
    const column = item as { name?: unknown; offset?: unknown; scale?: unknown } | null;
    if (typeof column !== 'object' || column === null) throw new TypeError(`normalization.columns[${index}]: expected an object`);
    if (typeof column.name !== 'string') throw new TypeError(`normalization.columns[${index}].name: expected a string`);
    if (typeof column.offset !== 'number' || !Number.isFinite(column.offset)) throw new TypeError(`normalization.columns[${index}].offset: expected a finite number`);
    if (typeof column.scale !== 'number' || !Number.isFinite(column.scale) || column.scale <= 0) throw new TypeError(`normalization.columns[${index}].scale: expected a number > 0`);
    return { name: column.name, offset: column.offset, scale: column.scale };
  });
  return { kind: record.kind as NormalizationKind, fittedOnRows: record.fittedOnRows, columns };
}

function scalingOf(normalization: Normalization, column: number): ColumnScaling {
  const scaling = normalization.columns[column];
  if (scaling === undefined) throw new RangeError(`normalization has ${normalization.columns.length} columns, asked for column ${column}`);
  return scaling;
}

/**
 * Two-pass mean and population σ = √(Σ(x−μ)²/n) over the values that are not missing (two passes avoid
 * cancellation), computed on y = x/m with m = max |x|: then |y| ≤ 1, so Σy ≤ n and Σ(y−μ_y)² ≤ 4n cannot overflow,
 * and μ = m·μ_y, σ = m·σ_y with |μ_y| ≤ 1 and σ_y ≤ 1 are finite whenever the data is. Without the scaling a column
 * of ±1.7e308 has Σx² = ∞, σ = ∞, and every normalised value becomes 0.
 */
function meanAndStandardDeviation(values: Float64Array): { mean: number; standardDeviation: number } {
  let largest = 0;
  let count = 0;
  for (const value of values) {
    if (Number.isNaN(value)) continue;
    const size = Math.abs(value);
    if (size > largest) largest = size;
    count += 1;
  }
  if (count === 0) return { mean: 0, standardDeviation: 1 };
  if (largest === 0) return { mean: 0, standardDeviation: 0 };
  let sum = 0;
  for (const value of values) if (!Number.isNaN(value)) sum += value / largest;
  const scaledMean = sum / count;
  let squares = 0;
  for (const value of values) {
    if (Number.isNaN(value)) continue;
    const deviation = value / largest - scaledMean;
    squares += deviation * deviation;
  }
  return { mean: scaledMean * largest, standardDeviation: Math.sqrt(squares / count) * largest };
}

/**
 * Refuses a normalisation whose numbers cannot be represented: a min–max range beyond float64 (max − min = ∞ would
 * map every value to 0), or a normalised value that overflows (x − μ beyond ±1.8e308). `normalized` is the series
 * after applyNormalization. Returns nothing when all is finite.
 */
export function assertNormalizationRepresentable(normalization: Normalization, normalized: readonly Float64Array[], source: string): void {
  normalization.columns.forEach((column, index) => {
    if (Number.isFinite(column.offset) && Number.isFinite(column.scale)) {
      const values = normalized[index];
      if (values === undefined) return;
      for (let row = 0; row < values.length; row += 1) {
        const value = values[row] as number;
        if (value === Infinity || value === -Infinity) throw unrepresentable(column.name, normalization.kind, source, `data row ${row + 1} normalises beyond ±1.8e308`);
      }
      return;
    }
    throw unrepresentable(column.name, normalization.kind, source, `its ${normalization.kind === 'minmax' ? 'range max − min' : 'spread'} is beyond ±1.8e308`);
  });
}

function unrepresentable(name: string, kind: NormalizationKind, source: string, why: string): DataError {
  return new DataError(`the column "${name}" cannot be normalised (${kind}) in float64: ${why}`, {
    code: 'not-finite',
    source,
    hint: `Rescale the column in the file (e.g. divide it by 1e300)${kind === 'minmax' ? ', or use --normalize zscore' : ''}.`,
  });
}

function range(values: Float64Array): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const value of values) {
    if (Number.isNaN(value)) continue;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  return min <= max ? { min, max } : { min: 0, max: 1 };
}
