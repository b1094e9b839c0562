// From a parsed table and the user's choices to what the worker trains on: chosen columns → missing values dropped
// or interpolated → normalisation fitted on the training rows only → windows for the topology → the last
// `validationSplit` of the windows kept for validation (no shuffling across time). Also the run's data summary
// (fingerprint and shapes) and the model's architecture. No vscode import: unit-tested directly.
import type { SequenceDataset } from '../../engine/dataset';
import type { ModelConfig } from '../../engine/modelConfig';
import type { JsonObject } from '../../modelFiles/modelJson';
import type { CancelSignal } from '../cancel';
import { DataError } from '../dataError';
import { dropMissingRows, findMissingInTable, interpolateMissing } from './missingValues';
import { applyNormalization, assertNormalizationRepresentable, fitNormalization, type Normalization } from './normalize';
import type { ParsedTable } from '../parse/parsedTable';
import { selectColumns } from './selectColumns';
import {
  makeWindows,
  splitTrainValidation,
  validationWindowCount,
  windowGeometry,
  windowsInSequence,
  type WindowSpec,
} from './windowing';
import type { PreparationRecipe } from './preparationRecipe';
import type { DataSummary, MissingValueHandling, PredictionSpec, PreparationSettings, TrainingData } from '../intakeTypes';

export type { MissingValueHandling, PredictionSpec } from '../intakeTypes';

export interface TrainingDataRequest {
  readonly table: ParsedTable;
  /** Header names (or 1-based numbers) of the input columns, in order; the first is predicted unless `target` says. */
  readonly columns: readonly string[];
  /** Name of the predicted column among `columns` (default the first). */
  readonly target?: string;
  /** Required when the chosen columns have missing values. */
  readonly missing?: MissingValueHandling;
  readonly settings: PreparationSettings;
  /** Names the data in errors and in the run record. */
  readonly source: string;
  /** Stops the preparation (DataCancelled), data/cancel.ts. */
  readonly cancel?: CancelSignal;
}

/** What a preparation says about the data it prepared. */
export type PreparedSummary = Omit<DataSummary, 'predicts' | 'fingerprint' | 'origin' | 'choices'>;

export interface PreparedTrainingData {
  readonly model: ModelConfig;
  readonly data: TrainingData;
  readonly normalization: Normalization;
  readonly prediction: PredictionSpec;
  /** DataSummary without the human `predicts` line (the host localises it from `prediction`) and without what the
   *  intake adds: the fingerprint of the bytes read, where they came from and the answers given. */
  readonly summary: PreparedSummary;
  /** How the examples were cut, for the exports (preparationRecipe.ts). */
  readonly recipe?: PreparationRecipe;
}

export function prepareTrainingData(request: TrainingDataRequest): PreparedTrainingData {
  const { table, settings, source } = request;
  const selection = selectColumns(table, request.columns, source);
  const targetIndex = request.target === undefined ? 0 : selection.names.indexOf(request.target);
  if (targetIndex < 0) {
    throw new DataError(`the predicted column "${request.target}" is not among the chosen columns`, {
      code: 'unknown-column',
      source,
      hint: `Choose it as an input column too: ${selection.names.join(', ')}.`,
    });
  }

  // Missing values: never trained on silently (issue 5, "Missing values: say how many and where").
  const report = findMissingInTable(table, selection.indices);
  let series = selection.series;
  let sequenceStarts = table.sequenceStarts;
  if (report.count > 0) {
    if (request.missing === undefined) {
      throw new DataError(report.description, {
        code: 'missing-values',
        source,
        hint: 'Drop the rows with missing values or interpolate them.',
      });
    }
    const cleaned = request.missing === 'drop' ? dropMissingRows(series, sequenceStarts) : interpolateMissing(series, sequenceStarts);
    series = cleaned.series;
    sequenceStarts = cleaned.sequenceStarts;
  }

  const spec: WindowSpec = {
    topology: settings.model.topology,
    window: settings.model.window,
    horizon: settings.model.horizon,
    stride: settings.data.stride,
    ...(settings.model.outputSteps > 0 ? { outputLength: settings.model.outputSteps } : {}),
    targetColumn: targetIndex,
    source,
    ...(sequenceStarts !== undefined ? { sequenceStarts } : {}),
    ...(request.cancel !== undefined ? { cancel: request.cancel } : {}),
  };
  const rows = series[0]?.length ?? 0;
  const normalization = fitNormalization(
    series,
    settings.data.normalization,
    trainingRows(rows, spec, settings.training.validationSplit, sequenceStarts),
    selection.names,
  );
  const normalized = applyNormalization(series, normalization);
  assertNormalizationRepresentable(normalization, normalized, source);
  const windows = makeWindows(normalized, spec);
  const split = splitTrainValidation(windows, settings.training.validationSplit);
  const geometry = windowGeometry(spec);
  const model = modelConfigFor(settings, windows, geometry.targetLength);

  const total = windows.examples.length;
  const summary: PreparedSummary = {
    source,
    shapes: {
      rowsRead: table.rows,
      columnsUsed: selection.names,
      trainWindows: split.train.examples.length,
      validationWindows: split.validation.examples.length,
      inputShape: [total, geometry.inputLength, windows.inputSize],
      targetShape: [total, geometry.targetLength, windows.outputSize],
    },
    normalization: normalization.columns.map((column) => ({
      column: column.name,
      kind: normalization.kind,
      offset: column.offset,
      scale: column.scale,
    })),
    ...(report.count > 0 && request.missing !== undefined
      ? { missingValues: { count: report.count, handling: request.missing } }
      : {}),
  };
  return {
    model,
    data: {
      inputSize: windows.inputSize,
      outputSize: windows.outputSize,
      train: split.train.examples,
      validation: split.validation.examples,
    },
    normalization,
    prediction: {
      column: selection.names[targetIndex] ?? '',
      topology: spec.topology,
      window: geometry.inputLength,
      horizon: settings.model.horizon,
      targetLength: geometry.targetLength,
    },
    summary,
    recipe: {
      kind: 'series',
      columns: selection.names,
      values: series,
      sequenceStarts: sequenceStarts !== undefined && sequenceStarts.length > 0 ? [...sequenceStarts] : null,
      targetIndex,
      topology: spec.topology,
      geometry,
      stride: spec.stride ?? 1,
      validationCount: split.validation.examples.length,
    },
  };
}

/**
 * Rows the normalisation is fitted on: those the training windows reach, so validation statistics never leak into
 * training. For one continuous series the first `cut` windows start at 0, s, …, (cut − 1)s (stride s), so they span
 * rows [0, (cut − 1)s + span). A JSON array of several sequences falls back to the first (1 − validationSplit) of rows.
 */
function trainingRows(rows: number, spec: WindowSpec, validationSplit: number, sequenceStarts: readonly number[] | undefined): number {
  if (sequenceStarts !== undefined && sequenceStarts.length > 1) return Math.max(1, Math.round(rows * (1 - validationSplit)));
  const geometry = windowGeometry(spec);
  const stride = spec.stride ?? 1;
  const count = windowsInSequence(rows, geometry, stride);
  if (count === 0) return rows;
  const cut = count - validationWindowCount(count, validationSplit);
  return Math.min(rows, (cut - 1) * stride + geometry.span);
}

export function modelConfigFor(settings: PreparationSettings, windows: SequenceDataset, targetLength: number): ModelConfig {
  return {
    cell: settings.model.cell,
    nonlinearity: settings.model.nonlinearity,
    inputSize: windows.inputSize,
    hiddenSize: settings.model.hiddenSize,
    outputSize: windows.outputSize,
    numLayers: settings.model.layers,
    topology: settings.model.topology,
    loss: 'mse',
    oneToManyInput: settings.model.oneToManyInput,
    outputLength: targetLength,
  };
}

/** The normalisation as the JSON object model.json stores (parseNormalization in data/normalize.ts reads it back). */
export function normalizationJson(normalization: Normalization): JsonObject {
  return {
    kind: normalization.kind,
    fittedOnRows: normalization.fittedOnRows,
    columns: normalization.columns.map((column) => ({ name: column.name, offset: column.offset, scale: column.scale })),
  };
}
