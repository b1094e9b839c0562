// `rnn-lab train DATA --group COL --target COL [--column INPUTS]`: tables that hold many short sequences, one row
// per step, with a column naming the sequence — samples/adding-problem.csv (Hochreiter & Schmidhuber 1997;
// docs/maths.md "Classic benchmark tasks"). Each sequence becomes one example (src/data/prepare/groupedSequences.ts):
// many-to-one reads the target at its last step, synced many-to-many at every step. The last sequences are held
// out for validation, as the last windows are for a single series. Values are used as they are (no normalisation:
// the adding problem's inputs and markers are already in [0, 1] and its target is their sum).
import { CliUsageError } from '../cliSupport';
import type { SequenceDataset, TopologyId } from '../../engine/dataset';
import { makeGroupedSequences } from '../../data/prepare/groupedSequences';
import type { ParsedTable } from '../../data/parse/parsedTable';
import { fitNormalization, type Normalization } from '../../data/prepare/normalize';
import { splitTrainValidation } from '../../data/prepare/windowing';

export interface GroupedFlags {
  readonly group: string;
  readonly target: string;
  /** Input columns, comma-separated names or 1-based numbers; default every column except the group and target. */
  readonly columns: string | undefined;
  readonly topology: TopologyId;
  readonly validationFraction: number;
}

export interface GroupedData {
  readonly training: SequenceDataset;
  readonly validation: SequenceDataset;
  readonly columns: string[];
  readonly rows: number;
  /** The identity ('none'), recorded with a saved model so it is read back unchanged. */
  readonly normalization: Normalization;
}

export function prepareGroupedData(table: ParsedTable, flags: GroupedFlags, source: string): GroupedData {
  if (flags.topology !== 'many-to-one' && flags.topology !== 'many-to-many-synced') {
    throw new CliUsageError(`--group applies to --topology many-to-one or many-to-many-synced (one sequence per group), not ${flags.topology}`);
  }
  const inputColumns =
    flags.columns !== undefined
      ? flags.columns.split(',').map((name) => name.trim())
      : table.columns.map((column) => column.name).filter((name) => name !== flags.group && name !== flags.target);
  if (inputColumns.length === 0) throw new CliUsageError('--group: no input columns left; name them with --column');
  const dataset = makeGroupedSequences(table, { groupColumn: flags.group, inputColumns, targetColumn: flags.target, topology: flags.topology, source });
  const split = splitTrainValidation(dataset, flags.validationFraction);
  if (split.train.examples.length === 0) throw new CliUsageError(`--validation ${flags.validationFraction} leaves no training sequence of the ${dataset.examples.length}`);
  return {
    training: split.train,
    validation: split.validation,
    columns: inputColumns,
    rows: table.rows,
    normalization: fitNormalization(inputColumns.map(() => new Float64Array(0)), 'none', table.rows, inputColumns),
  };
}
