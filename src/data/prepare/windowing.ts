// Cutting series into (input, target) windows for each lecture topology (docs/maths.md "Data preparation";
// and "Losses": the topology decides which outputs are scored). With series x (C columns) and target column y:
//   many-to-one      x[s … s+T−1]            → y[s+T−1+h]                    (1 scored step)
//   synced           x[s … s+T−1]            → y[s+h … s+T−1+h]              (T scored steps)
//   encoder–decoder  x[s … s+T−1]            → y[s+T−1+h … s+T−2+h+M]        (M scored steps, M ≠ T allowed)
//   one-to-many      x[s] (one step)         → y[s+h … s+h+N−1]              (N generated steps)
//   one-to-one       x[s] (one step)         → y[s+h]
// where h is the horizon (h = 1: the next value) and window starts s advance by the stride. Windows never
// cross the boundary between independent sequences (`sequenceStarts`).
import type { SequenceDataset, SequenceExample, TopologyId } from '../../engine/dataset';
import { DataError } from '../dataError';
import { CANCEL_CHECK_MASK, throwIfCancelled, type CancelSignal } from '../cancel';
import { assertPreparedDataFits } from '../memoryEstimate';

export const DEFAULT_HORIZON = 1;
export const DEFAULT_STRIDE = 1;
/** Share of windows kept for validation: the last ones in time (issue 5). */
export const DEFAULT_VALIDATION_FRACTION = 0.2;

export interface WindowSpec {
  readonly topology: TopologyId;
  /** T: input steps per window (ignored by one-to-one and one-to-many, whose input is one step). */
  readonly window: number;
  /** k: predict k steps ahead (default 1). */
  readonly horizon?: number;
  /** Steps between consecutive window starts (default 1). */
  readonly stride?: number;
  /** M for encoder–decoder, N for one-to-many (default: the window length T). */
  readonly outputLength?: number;
  /** Which of the series is predicted (0-based index into `series`, default 0). */
  readonly targetColumn?: number;
  /** Row where each independent sequence starts (from a JSON array of sequences); default one sequence. */
  readonly sequenceStarts?: readonly number[];
  /** Names the data in error messages (default "data"). */
  readonly source?: string;
  /** Most bytes the windows may take (default PREPARED_DATA_BUDGET_BYTES). */
  readonly memoryBudget?: number;
  /** Checked every CANCEL_CHECK_INTERVAL windows. */
  readonly cancel?: CancelSignal;
}

/** What one window needs: input steps, scored steps, and the rows it spans. */
export interface WindowGeometry {
  readonly inputLength: number;
  readonly targetLength: number;
  /** Offset of the first target row from the window start s. */
  readonly targetOffset: number;
  /** Rows from s to the last target row inclusive: the minimum rows a sequence needs for one window. */
  readonly span: number;
}

export function windowGeometry(spec: WindowSpec): WindowGeometry {
  const horizon = spec.horizon ?? DEFAULT_HORIZON;
  const window = spec.window;
  const outputLength = spec.outputLength ?? window;
  switch (spec.topology) {
    case 'many-to-one':
      return { inputLength: window, targetLength: 1, targetOffset: window - 1 + horizon, span: window + horizon };
    case 'many-to-many-synced':
      return { inputLength: window, targetLength: window, targetOffset: horizon, span: window + horizon };
    case 'many-to-many-encoder-decoder':
      return { inputLength: window, targetLength: outputLength, targetOffset: window - 1 + horizon, span: window - 1 + horizon + outputLength };
    case 'one-to-many':
      return { inputLength: 1, targetLength: outputLength, targetOffset: horizon, span: horizon + outputLength };
    case 'one-to-one':
      return { inputLength: 1, targetLength: 1, targetOffset: horizon, span: 1 + horizon };
  }
}

/** Number of windows a sequence of `rows` rows gives: ⌊(rows − span)/stride⌋ + 1, or 0 if it is too short. */
export function windowsInSequence(rows: number, geometry: WindowGeometry, stride: number): number {
  return rows < geometry.span ? 0 : Math.floor((rows - geometry.span) / stride) + 1;
}

export function makeWindows(series: readonly Float64Array[], spec: WindowSpec): SequenceDataset {
  const source = spec.source ?? 'data';
  validateSpec(series, spec, source);
  const geometry = windowGeometry(spec);
  const stride = spec.stride ?? DEFAULT_STRIDE;
  const inputSize = series.length;
  const target = series[spec.targetColumn ?? 0] as Float64Array;
  const rows = target.length;
  assertNoMissing(series, source);
  const starts = sequenceBounds(rows, spec.sequenceStarts);
  // Refused before a single window is allocated when they would not fit in memory (memoryEstimate.ts).
  let windows = 0;
  for (const [begin, end] of starts) windows += windowsInSequence(end - begin, geometry, stride);
  assertPreparedDataFits(
    { windows, inputLength: geometry.inputLength, inputSize, targetLength: geometry.targetLength, outputSize: 1 },
    { source, stride },
    spec.memoryBudget,
  );
  const examples: SequenceExample[] = [];
  for (const [begin, end] of starts) {
    const count = windowsInSequence(end - begin, geometry, stride);
    for (let index = 0; index < count; index += 1) {
      if ((examples.length & CANCEL_CHECK_MASK) === 0) throwIfCancelled(spec.cancel, source);
      const start = begin + index * stride;
      const inputs = new Float64Array(geometry.inputLength * inputSize);
      for (let step = 0; step < geometry.inputLength; step += 1) {
        for (let feature = 0; feature < inputSize; feature += 1) {
          inputs[step * inputSize + feature] = (series[feature] as Float64Array)[start + step] as number;
        }
      }
      const targetStart = start + geometry.targetOffset;
      const targets = target.slice(targetStart, targetStart + geometry.targetLength);
      examples.push({ inputLength: geometry.inputLength, inputs, targetLength: geometry.targetLength, targets });
    }
  }
  if (examples.length === 0) throw tooLittleDataError(rows, starts, geometry, spec, source);
  return { inputSize, outputSize: 1, examples };
}

/** Minimum rows (per sequence) for at least one window of this spec. */
export function minimumRows(spec: WindowSpec): number {
  return windowGeometry(spec).span;
}

export interface TrainValidationSplit {
  readonly train: SequenceDataset;
  readonly validation: SequenceDataset;
}

/**
 * The last `validationFraction` of the windows (by time, never shuffled) for validation, so the model is judged
 * on the future of the series it was trained on. At least one window stays in training.
 */
export function splitTrainValidation(dataset: SequenceDataset, validationFraction = DEFAULT_VALIDATION_FRACTION): TrainValidationSplit {
  if (!(validationFraction >= 0 && validationFraction < 1)) {
    throw new RangeError(`validationFraction must be in [0, 1), got ${validationFraction}`);
  }
  const count = dataset.examples.length;
  const validationCount = validationWindowCount(count, validationFraction);
  const cut = count - validationCount;
  return {
    train: { inputSize: dataset.inputSize, outputSize: dataset.outputSize, examples: dataset.examples.slice(0, cut) },
    validation: { inputSize: dataset.inputSize, outputSize: dataset.outputSize, examples: dataset.examples.slice(cut) },
  };
}

/** round(count × fraction), but at least 1 when there are ≥ 2 windows and a fraction > 0, and never all. */
export function validationWindowCount(count: number, validationFraction: number): number {
  if (count < 2 || validationFraction <= 0) return 0;
  return Math.min(count - 1, Math.max(1, Math.round(count * validationFraction)));
}

function sequenceBounds(rows: number, sequenceStarts: readonly number[] | undefined): Array<[number, number]> {
  const starts = sequenceStarts !== undefined && sequenceStarts.length > 0 ? [...sequenceStarts] : [0];
  return starts.map((start, index) => [start, starts[index + 1] ?? rows]);
}

function validateSpec(series: readonly Float64Array[], spec: WindowSpec, source: string): void {
  const problem = (text: string, hint: string): DataError => new DataError(text, { code: 'bad-window', source, hint });
  if (series.length === 0) throw problem('no columns were chosen', 'Choose at least one number column.');
  const rows = (series[0] as Float64Array).length;
  if (series.some((column) => column.length !== rows)) throw problem('the chosen columns have different lengths', 'Choose columns of the same table.');
  const positiveInteger = (value: number | undefined): boolean => value === undefined || (Number.isInteger(value) && value >= 1);
  if (!positiveInteger(spec.window)) throw problem(`the window length must be a whole number ≥ 1, got ${spec.window}`, 'Set the window (--window T) to 1 or more.');
  if (!positiveInteger(spec.stride)) throw problem(`the stride must be a whole number ≥ 1, got ${spec.stride}`, 'Set the stride to 1 or more.');
  if (!positiveInteger(spec.outputLength)) throw problem(`the output length must be a whole number ≥ 1, got ${spec.outputLength}`, 'Set the output length to 1 or more.');
  const horizon = spec.horizon ?? DEFAULT_HORIZON;
  const synced = spec.topology === 'many-to-many-synced';
  // A synced model may label each step with the value at the same step (h = 0), e.g. a denoising task.
  if (!Number.isInteger(horizon) || horizon < (synced ? 0 : 1)) {
    throw problem(`the horizon must be a whole number ≥ ${synced ? 0 : 1}, got ${horizon}`, 'Set the horizon (--horizon H): 1 predicts the next value.');
  }
  const targetColumn = spec.targetColumn ?? 0;
  if (!Number.isInteger(targetColumn) || targetColumn < 0 || targetColumn >= series.length) {
    throw problem(`the target column ${targetColumn + 1} is not one of the ${series.length} chosen columns`, 'Choose the predicted column among the selected ones.');
  }
}

function assertNoMissing(series: readonly Float64Array[], source: string): void {
  for (let feature = 0; feature < series.length; feature += 1) {
    const column = series[feature] as Float64Array;
    let missing = 0;
    let first = -1;
    for (let row = 0; row < column.length; row += 1) {
      if (Number.isNaN(column[row])) {
        missing += 1;
        if (first < 0) first = row;
      }
    }
    if (missing > 0) {
      throw new DataError(`${missing} missing value${missing === 1 ? '' : 's'} in chosen column ${feature + 1}, the first in data row ${first + 1}`, {
        code: 'missing-values',
        source,
        hint: 'Drop the rows with missing values or interpolate them before windowing.',
      });
    }
  }
}

function tooLittleDataError(rows: number, bounds: ReadonlyArray<[number, number]>, geometry: WindowGeometry, spec: WindowSpec, source: string): DataError {
  const longest = Math.max(...bounds.map(([begin, end]) => end - begin));
  const what = bounds.length > 1 ? `the longest of the ${bounds.length} sequences has ${longest} rows` : `${rows} row${rows === 1 ? '' : 's'}`;
  return new DataError(
    `${what}: too few for one ${spec.topology} window (window ${geometry.inputLength}, horizon ${spec.horizon ?? DEFAULT_HORIZON}${geometry.targetLength > 1 ? `, ${geometry.targetLength} outputs` : ''}); at least ${geometry.span} rows are needed`,
    {
      code: 'too-little-data',
      source,
      hint: 'Use a shorter window (--window) or horizon (--horizon), or more data.',
    },
  );
}
