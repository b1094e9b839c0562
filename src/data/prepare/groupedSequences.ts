// Tables that hold many short sequences, one row per time step, with a column naming the sequence — the
// layout of samples/adding-problem.csv (Hochreiter & Schmidhuber 1997; docs/maths.md "Classic benchmark tasks"):
//   sequence,step,value,marker,target
// Each sequence becomes one example: inputs are the chosen columns at every step; the target is read from the
// target column — at the last step (many-to-one, e.g. the sum of the two marked values) or at every step
// (synced many-to-many).
import type { SequenceDataset, SequenceExample } from '../../engine/dataset';
import { DataError } from '../dataError';
import { CANCEL_CHECK_MASK, throwIfCancelled, type CancelSignal } from '../cancel';
import { assertPreparedDataFits } from '../memoryEstimate';
import type { ParsedTable } from '../parse/parsedTable';
import { selectColumns } from './selectColumns';

export interface GroupedSequenceSpec {
  /** Column whose value changes where a new sequence starts. */
  readonly groupColumn: string;
  /** Input feature columns (names or 1-based numbers). */
  readonly inputColumns: readonly string[];
  /** Checked every CANCEL_CHECK_INTERVAL rows. */
  readonly cancel?: CancelSignal;
  readonly targetColumn: string;
  readonly topology: 'many-to-one' | 'many-to-many-synced';
  readonly source?: string;
}

export function makeGroupedSequences(table: ParsedTable, spec: GroupedSequenceSpec): SequenceDataset {
  const source = spec.source ?? 'data';
  const [group] = selectColumns(table, [spec.groupColumn], source).series as [Float64Array];
  const inputs = selectColumns(table, spec.inputColumns, source).series;
  const [target] = selectColumns(table, [spec.targetColumn], source).series as [Float64Array];
  const columns = [group, target, ...inputs];
  for (let row = 0; row < table.rows; row += 1) {
    if (columns.some((column) => Number.isNaN(column[row]))) {
      const line = table.rowLines?.[row];
      throw new DataError('a value is missing in a sequence', {
        code: 'missing-values',
        source,
        ...(line !== undefined ? { line } : {}),
        hint: 'Every step of a sequence needs its group, input and target values.',
      });
    }
  }
  const inputSize = inputs.length;
  // One example per sequence: rows × I input values in all, estimated before allocating (memoryEstimate.ts).
  let sequences = table.rows > 0 ? 1 : 0;
  for (let row = 1; row < table.rows; row += 1) if (group[row] !== group[row - 1]) sequences += 1;
  const meanLength = sequences === 0 ? 0 : table.rows / sequences;
  assertPreparedDataFits(
    { windows: sequences, inputLength: meanLength, inputSize, targetLength: spec.topology === 'many-to-one' ? 1 : meanLength, outputSize: 1 },
    { source, unit: 'rows' },
  );
  const examples: SequenceExample[] = [];
  let begin = 0;
  for (let row = 1; row <= table.rows; row += 1) {
    if ((row & CANCEL_CHECK_MASK) === 0) throwIfCancelled(spec.cancel, source);
    if (row < table.rows && group[row] === group[begin]) continue;
    const length = row - begin;
    const flat = new Float64Array(length * inputSize);
    for (let step = 0; step < length; step += 1) {
      for (let feature = 0; feature < inputSize; feature += 1) flat[step * inputSize + feature] = (inputs[feature] as Float64Array)[begin + step] as number;
    }
    examples.push(
      spec.topology === 'many-to-one'
        ? { inputLength: length, inputs: flat, targetLength: 1, targets: target.slice(row - 1, row) }
        : { inputLength: length, inputs: flat, targetLength: length, targets: target.slice(begin, row) },
    );
    begin = row;
  }
  return { inputSize, outputSize: 1, examples };
}
