// Recognises a table of many short sequences stored one row per step — the layout of samples/adding-problem.csv
// (Hochreiter & Schmidhuber 1997; docs/maths.md "Classic benchmark tasks"):
//   sequence,step,value,marker,target
// Windows cut across such a table would mix the end of one sequence with the start of the next, so it is trained
// one example per sequence instead (groupedSequences.ts). Recognised only when the header says so, never guessed
// from the numbers alone: a group column by name whose values form contiguous runs, and a target column by name.
import type { SequenceGrouping } from '../intakeTypes';
import type { ParsedColumn, ParsedTable } from '../parse/parsedTable';
export type { SequenceGrouping } from '../intakeTypes';

/** Names of a column that says which sequence a row belongs to. */
const GROUP_NAME = /^(seq|sequence|group|series|sample|episode|example)([ _-]?(id|no|nr|number|index))?$/i;
/** Names of a per-step position column: not an input (it only counts steps). */
const STEP_NAME = /^(step|t|time|timestep|time[ _-]step|position|pos)$/i;
/** Names of the predicted column. */
const TARGET_NAME = /^(target|label|y|output|sum)$/i;

function numberColumn(table: ParsedTable, pattern: RegExp): ParsedColumn | undefined {
  return table.columns.find((column) => column.type === 'number' && column.values !== undefined && pattern.test(column.name.trim()));
}

/** Lengths of the runs of equal values, or undefined when a value comes back after its run ended (not contiguous). */
export function runLengths(values: Float64Array): number[] | undefined {
  const lengths: number[] = [];
  const seen = new Set<number>();
  let begin = 0;
  for (let row = 1; row <= values.length; row += 1) {
    if (row < values.length && values[row] === values[begin]) continue;
    const value = values[begin] as number;
    if (Number.isNaN(value) || seen.has(value)) return undefined;
    seen.add(value);
    lengths.push(row - begin);
    begin = row;
  }
  return lengths;
}

function constantWithinRuns(values: Float64Array, lengths: readonly number[]): boolean {
  let begin = 0;
  for (const length of lengths) {
    for (let row = begin + 1; row < begin + length; row += 1) if (values[row] !== values[begin]) return false;
    begin += length;
  }
  return true;
}

/**
 * The grouping of `table`, or undefined for an ordinary series. `targetOverride` names the target when the header
 * does not use one of the usual names (target, label, y, output, sum); `groupOverride` the sequence column likewise.
 */
export function detectSequenceGrouping(table: ParsedTable, targetOverride?: string, groupOverride?: string): SequenceGrouping | undefined {
  if (!table.hasHeader || table.rows < 4) return undefined;
  const group =
    groupOverride !== undefined
      ? table.columns.find((column) => column.name === groupOverride && column.type === 'number' && column.values !== undefined)
      : numberColumn(table, GROUP_NAME);
  if (group?.values === undefined || group.missing > 0) return undefined;
  const lengths = runLengths(group.values);
  // at least two sequences of at least two steps, else there is nothing to group
  if (lengths === undefined || lengths.length < 2 || Math.min(...lengths) < 2) return undefined;
  const target =
    targetOverride !== undefined
      ? table.columns.find((column) => column.name === targetOverride && column.type === 'number')
      : numberColumn(table, TARGET_NAME);
  if (target?.values === undefined || target === group) return undefined;
  const step = numberColumn(table, STEP_NAME);
  const inputColumns = table.columns
    .filter((column) => column.type === 'number' && column !== group && column !== target && column !== step)
    .map((column) => column.name);
  if (inputColumns.length === 0) return undefined;
  return {
    groupColumn: group.name,
    ...(step !== undefined ? { stepColumn: step.name } : {}),
    targetColumn: target.name,
    inputColumns,
    topology: constantWithinRuns(target.values, lengths) ? 'many-to-one' : 'many-to-many-synced',
    sequences: lengths.length,
    shortest: Math.min(...lengths),
    longest: Math.max(...lengths),
  };
}
