// A table of many short sequences (sequenceGrouping.ts) → what the worker trains on: one example per sequence
// (groupedSequences.ts), the last `validationSplit` of the sequences held out for validation (the file's order is
// kept, as for windows of one series), and the normalisation of the settings fitted on the training sequences' rows
// only. The windowing settings (window, horizon) do not apply: each sequence is its own window.
import { DataError } from '../dataError';
import type { CancelSignal } from '../cancel';
import { makeGroupedSequences } from './groupedSequences';
import { applyNormalization, assertNormalizationRepresentable, fitNormalization } from './normalize';
import type { ParsedTable } from '../parse/parsedTable';
import { selectColumns } from './selectColumns';
import { runLengths, type SequenceGrouping } from './sequenceGrouping';
import { modelConfigFor, type PreparedTrainingData } from './seriesTrainingData';
import { splitTrainValidation, validationWindowCount } from './windowing';
import type { PreparationSettings } from '../intakeTypes';

export interface GroupedTrainingRequest {
  readonly table: ParsedTable;
  readonly grouping: SequenceGrouping;
  /** Input columns (default: the grouping's). */
  readonly inputColumns?: readonly string[];
  readonly settings: PreparationSettings;
  readonly source: string;
  /** Stops the preparation (DataCancelled), data/cancel.ts. */
  readonly cancel?: CancelSignal;
}

export function prepareGroupedTrainingData(request: GroupedTrainingRequest): PreparedTrainingData {
  const { table, grouping, settings, source } = request;
  const inputColumns = request.inputColumns ?? grouping.inputColumns;
  const spec = { groupColumn: grouping.groupColumn, inputColumns, targetColumn: grouping.targetColumn, topology: grouping.topology, source, ...(request.cancel !== undefined ? { cancel: request.cancel } : {}) };
  // The sequences' lengths from the group column (contiguous runs: the grouping was recognised from them).
  const [groupValues] = selectColumns(table, [grouping.groupColumn], source).series as [Float64Array];
  const lengths = runLengths(groupValues) ?? [];
  const count = lengths.length;
  const cut = count - validationWindowCount(count, settings.training.validationSplit);
  let trainingRows = 0;
  for (let index = 0; index < cut; index += 1) trainingRows += lengths[index] as number;

  // The target last, so normalization.columns[inputs.length] undoes the model's outputs.
  const used = selectColumns(table, [...inputColumns, grouping.targetColumn], source);
  const normalization = fitNormalization(used.series, settings.data.normalization, trainingRows, used.names);
  const normalized = applyNormalization(used.series, normalization);
  assertNormalizationRepresentable(normalization, normalized, source);
  const normalizedTable: ParsedTable = {
    ...table,
    columns: table.columns.map((column, index) => {
      const at = used.indices.indexOf(index);
      return at < 0 ? column : { ...column, values: normalized[at] as Float64Array };
    }),
  };
  // missing cells are refused here, at their line (normalisation keeps NaN and the table's row lines)
  const dataset = makeGroupedSequences(normalizedTable, spec);
  const split = splitTrainValidation(dataset, settings.training.validationSplit);
  if (split.train.examples.length === 0) {
    throw new DataError(`only ${count} sequence(s), too few to keep some for validation`, {
      code: 'too-little-data',
      source,
      hint: 'Add sequences or set rnnLab.training.validationSplit to 0.',
    });
  }
  const targetLength = grouping.topology === 'many-to-one' ? 1 : grouping.longest;
  const model = modelConfigFor(settings, dataset, targetLength);
  const withTopology = { ...model, topology: grouping.topology };
  return {
    model: withTopology,
    data: { inputSize: dataset.inputSize, outputSize: dataset.outputSize, train: split.train.examples, validation: split.validation.examples },
    normalization,
    prediction: {
      kind: 'sequences',
      column: grouping.targetColumn,
      groupColumn: grouping.groupColumn,
      topology: grouping.topology,
      window: grouping.longest,
      horizon: 0,
      targetLength,
    },
    summary: {
      source,
      shapes: {
        rowsRead: table.rows,
        columnsUsed: [...inputColumns, grouping.targetColumn],
        trainWindows: split.train.examples.length,
        validationWindows: split.validation.examples.length,
        inputShape: [count, grouping.longest, dataset.inputSize],
        targetShape: [count, targetLength, 1],
      },
      normalization: normalization.columns.map((column) => ({ column: column.name, kind: normalization.kind, offset: column.offset, scale: column.scale })),
    },
    recipe: {
      kind: 'grouped',
      columns: used.names,
      values: used.series,
      lengths: dataset.examples.map((example) => example.inputLength),
      topology: grouping.topology,
      validationCount: split.validation.examples.length,
    },
  };
}
