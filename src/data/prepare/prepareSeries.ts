// The whole numeric path from a parsed table to training data, as `rnn-lab train` and "Train on Selection" both
// need it: choose columns → handle missing values → fit normalisation on the training rows → cut windows →
// split off the last windows for validation. Also the shape preview shown before training starts.
import type { SequenceDataset, TopologyId } from '../../engine/dataset';
import { DataError } from '../../data/dataError';
import { dropMissingRows, findMissingValues, interpolateMissing, type MissingValueReport } from '../../data/prepare/missingValues';
import { applyNormalization, fitNormalization, type Normalization, type NormalizationKind } from '../../data/prepare/normalize';
import type { ParsedTable } from '../../data/parse/parsedTable';
import { selectColumns } from '../../data/prepare/selectColumns';
import {
  DEFAULT_HORIZON,
  DEFAULT_STRIDE,
  DEFAULT_VALIDATION_FRACTION,
  makeWindows,
  splitTrainValidation,
  windowGeometry,
  type WindowSpec,
} from '../../data/prepare/windowing';

export type MissingValuePolicy = 'error' | 'drop' | 'interpolate';
export const MISSING_VALUE_POLICIES: readonly MissingValuePolicy[] = ['error', 'drop', 'interpolate'];
export const DEFAULT_NORMALIZATION: NormalizationKind = 'zscore';

export interface SeriesPreparationOptions {
  readonly topology: TopologyId;
  readonly window: number;
  readonly horizon?: number;
  readonly stride?: number;
  readonly outputLength?: number;
  /** `--column`: names or 1-based numbers ("value", "2", "a,b"); default the first number column. */
  readonly columns?: string | readonly string[];
  /** Which chosen column is predicted (name or 1-based number among all columns); default the first chosen. */
  readonly target?: string;
  /** Default 'error': say how many values are missing and where, and offer the two remedies. */
  readonly missing?: MissingValuePolicy;
  readonly normalization?: NormalizationKind;
  /** Share of windows (the last ones) kept for validation; default 0.2. */
  readonly validationFraction?: number;
  /** Names the data in error messages. */
  readonly source: string;
}

export interface ShapePreview {
  readonly topology: TopologyId;
  readonly rowsRead: number;
  readonly rowsUsed: number;
  readonly columns: readonly string[];
  readonly target: string;
  readonly windows: number;
  readonly trainWindows: number;
  readonly validationWindows: number;
  /** [T_in, inputSize] of one example. */
  readonly inputShape: readonly [number, number];
  /** [scored steps, outputSize] of one example. */
  readonly targetShape: readonly [number, number];
  /** e.g. `"value" 1 step after each window of 20` */
  readonly predicts: string;
}

export interface PreparedSeries {
  readonly train: SequenceDataset;
  readonly validation: SequenceDataset;
  /** Fitted on the training rows; store with the run and invert model outputs for display. */
  readonly normalization: Normalization;
  readonly columnIndices: readonly number[];
  readonly columnNames: readonly string[];
  /** Index of the predicted column within the chosen ones. */
  readonly targetColumn: number;
  readonly missing: MissingValueReport;
  readonly preview: ShapePreview;
}

export function prepareSeriesDataset(table: ParsedTable, options: SeriesPreparationOptions): PreparedSeries {
  const { source } = options;
  const chosen = selectColumns(table, options.columns, source);
  const targetColumn = resolveTarget(table, chosen.indices, options.target, source);
  const missing = findMissingValues(chosen.series, table.rowLines);
  const policy = options.missing ?? 'error';
  let series = chosen.series;
  let sequenceStarts = table.sequenceStarts;
  if (missing.count > 0) {
    if (policy === 'error') {
      const firstLine = missing.lines[0];
      throw new DataError(`${missing.description.replace(/^(\d+ missing values?)/, `$1 in ${chosen.names.map((n) => `"${n}"`).join(', ')}`)}`, {
        code: 'missing-values',
        source,
        ...(firstLine !== undefined ? { line: firstLine } : {}),
        hint: 'Fill them in, or choose to drop those rows or to interpolate them linearly.',
      });
    }
    const cleaned = policy === 'drop' ? dropMissingRows(series, sequenceStarts) : interpolateMissing(series, sequenceStarts);
    series = cleaned.series;
    sequenceStarts = cleaned.sequenceStarts;
    const stillMissing = findMissingValues(series);
    if (stillMissing.count > 0) {
      throw new DataError('a chosen column has no values at all to interpolate from', {
        code: 'missing-values',
        source,
        hint: 'Choose a column that holds numbers.',
      });
    }
  }
  const rowsUsed = series[0]?.length ?? 0;
  const validationFraction = options.validationFraction ?? DEFAULT_VALIDATION_FRACTION;
  // Statistics from the training part of the series only (its first 1 − f of the rows), so nothing about the
  // validation future leaks into training.
  const trainRows = Math.max(1, Math.floor(rowsUsed * (1 - validationFraction)));
  const normalization = fitNormalization(series, options.normalization ?? DEFAULT_NORMALIZATION, trainRows, chosen.names);
  const spec: WindowSpec = {
    topology: options.topology,
    window: options.window,
    horizon: options.horizon ?? DEFAULT_HORIZON,
    stride: options.stride ?? DEFAULT_STRIDE,
    ...(options.outputLength !== undefined ? { outputLength: options.outputLength } : {}),
    targetColumn,
    ...(sequenceStarts !== undefined ? { sequenceStarts } : {}),
    source,
  };
  const dataset = makeWindows(applyNormalization(series, normalization), spec);
  const { train, validation } = splitTrainValidation(dataset, validationFraction);
  const geometry = windowGeometry(spec);
  const targetName = chosen.names[targetColumn] as string;
  return {
    train,
    validation,
    normalization,
    columnIndices: chosen.indices,
    columnNames: chosen.names,
    targetColumn,
    missing,
    preview: {
      topology: options.topology,
      rowsRead: table.rows,
      rowsUsed,
      columns: chosen.names,
      target: targetName,
      windows: dataset.examples.length,
      trainWindows: train.examples.length,
      validationWindows: validation.examples.length,
      inputShape: [geometry.inputLength, dataset.inputSize],
      targetShape: [geometry.targetLength, dataset.outputSize],
      predicts: describePrediction(spec, targetName, geometry.targetLength),
    },
  };
}

/** One line per fact, for the quick-pick detail or the CLI's stderr before training. */
export function formatShapePreview(preview: ShapePreview): string[] {
  return [
    `rows read ${preview.rowsRead}, used ${preview.rowsUsed}; columns ${preview.columns.map((n) => `"${n}"`).join(', ')}`,
    `${preview.topology}: ${preview.windows} windows (${preview.trainWindows} training, ${preview.validationWindows} validation)`,
    `input [${preview.inputShape.join(' × ')}] per window, target [${preview.targetShape.join(' × ')}]`,
    `predicts ${preview.predicts}`,
  ];
}

function describePrediction(spec: WindowSpec, target: string, targetLength: number): string {
  const horizon = spec.horizon ?? DEFAULT_HORIZON;
  const ahead = `${horizon} step${horizon === 1 ? '' : 's'}`;
  switch (spec.topology) {
    case 'many-to-one':
      return `"${target}" ${ahead} after each window of ${spec.window}`;
    case 'many-to-many-synced':
      return `"${target}" ${ahead} ahead at each of the ${spec.window} steps`;
    case 'many-to-many-encoder-decoder':
      return `the next ${targetLength} values of "${target}" after each window of ${spec.window}`;
    case 'one-to-many':
      return `the next ${targetLength} values of "${target}" from one value`;
    case 'one-to-one':
      return `"${target}" ${ahead} after each value`;
  }
}

function resolveTarget(table: ParsedTable, indices: readonly number[], target: string | undefined, source: string): number {
  if (target === undefined) return 0;
  const [index] = selectColumns(table, [target], source).indices as [number];
  const position = indices.indexOf(index);
  if (position < 0) {
    throw new DataError(`the predicted column "${table.columns[index]?.name}" is not among the chosen input columns`, {
      code: 'bad-window',
      source,
      hint: `Add it to the chosen columns, or predict one of: ${indices.map((i) => `"${table.columns[i]?.name}"`).join(', ')}.`,
    });
  }
  return position;
}
