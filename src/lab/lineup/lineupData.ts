// The two bundled samples the demo trains on, read through the same data layer as `rnn-lab train` and the extension
// (src/data): samples/adding-problem.csv grouped into one sequence per `sequence` value, and samples/sine.csv
// cut into sliding windows. Validation data are the last sequences / windows (never shuffled across time).
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import type { SequenceDataset } from '../../engine/dataset';
import { makeGroupedSequences } from '../../data/prepare/groupedSequences';
import { loadTableFromFile } from '../../data/parse/loadTable';
import { applyNormalization, fitNormalization, type Normalization } from '../../data/prepare/normalize';
import { selectColumns } from '../../data/prepare/selectColumns';
import { makeWindows, splitTrainValidation } from '../../data/prepare/windowing';
import type { DemoTask } from './lineup';

export const ADDING_SAMPLE = 'adding-problem.csv';
export const SINE_SAMPLE = 'sine.csv';
/** Share of sequences / windows held out for validation (the last ones). */
export const DEMO_VALIDATION_FRACTION = 0.2;
/**
 * T of the sine windows: 60 input steps, so the table's lag 50 exists (∂J/∂h_k at k = T − 1 − 50 ≥ 0). Windows start
 * every SINE_STRIDE rows, which keeps ≈ 240 windows of the 1000-row series (enough to fit a sine, few enough to
 * train eight models in seconds).
 */
export const SINE_WINDOW = 60;
export const SINE_STRIDE = 4;

export interface DemoDataset {
  readonly task: DemoTask;
  /** Sample file name, e.g. "sine.csv". */
  readonly file: string;
  readonly training: SequenceDataset;
  readonly validation: SequenceDataset;
  readonly columns: readonly string[];
  readonly rows: number;
  /** Encoder steps T of every sequence. */
  readonly steps: number;
  readonly normalization: Normalization;
  /** What is predicted, in words. */
  readonly predicts: string;
  /** sha256 of the numbers the sequences were cut from. */
  readonly fingerprint: string;
}

function fingerprint(series: readonly Float64Array[]): string {
  const hash = createHash('sha256');
  for (const column of series) hash.update(new Uint8Array(column.buffer, column.byteOffset, column.byteLength));
  return hash.digest('hex');
}

/** The adding problem: inputs (value, marker) per step, the target (sum of the two marked values) at the last step. */
export async function loadAddingProblem(samplesDirectory: string): Promise<DemoDataset> {
  const file = path.join(samplesDirectory, ADDING_SAMPLE);
  const table = await loadTableFromFile(file, { sourceName: ADDING_SAMPLE });
  const inputColumns = ['value', 'marker'];
  const dataset = makeGroupedSequences(table, { groupColumn: 'sequence', inputColumns, targetColumn: 'target', topology: 'many-to-one', source: ADDING_SAMPLE });
  const split = splitTrainValidation(dataset, DEMO_VALIDATION_FRACTION);
  const used = selectColumns(table, [...inputColumns, 'target'], ADDING_SAMPLE).series;
  return {
    task: 'adding',
    file: ADDING_SAMPLE,
    training: split.train,
    validation: split.validation,
    columns: inputColumns,
    rows: table.rows,
    steps: dataset.examples[0]?.inputLength ?? 0,
    // inputs already lie in [0, 1] and the target is their sum: used as they are
    normalization: fitNormalization(inputColumns.map(() => new Float64Array(0)), 'none', table.rows, inputColumns),
    predicts: 'the sum of the two marked values, read after the last step',
    fingerprint: fingerprint(used),
  };
}

/** The noisy sine: windows of SINE_WINDOW values predict the next one (many-to-one), z-scored on the training rows. */
export async function loadSineSeries(samplesDirectory: string): Promise<DemoDataset> {
  const file = path.join(samplesDirectory, SINE_SAMPLE);
  const table = await loadTableFromFile(file, { sourceName: SINE_SAMPLE });
  const selection = selectColumns(table, ['value'], SINE_SAMPLE);
  const rows = selection.series[0]?.length ?? 0;
  const trainRows = Math.round(rows * (1 - DEMO_VALIDATION_FRACTION));
  const normalization = fitNormalization(selection.series, 'zscore', trainRows, selection.names);
  const series = applyNormalization(selection.series, normalization);
  const windows = makeWindows(series, { topology: 'many-to-one', window: SINE_WINDOW, horizon: 1, stride: SINE_STRIDE, source: SINE_SAMPLE });
  const split = splitTrainValidation(windows, DEMO_VALIDATION_FRACTION);
  return {
    task: 'sine',
    file: SINE_SAMPLE,
    training: split.train,
    validation: split.validation,
    columns: selection.names,
    rows,
    steps: SINE_WINDOW,
    normalization,
    predicts: `value 1 step ahead of each ${SINE_WINDOW}-step window`,
    fingerprint: fingerprint(selection.series),
  };
}

/**
 * J = 1/(2m) Σ (ȳ − y)² of the constant prediction ȳ = mean of the training targets, over the validation targets
 * (docs/maths.md "Losses"): the loss of a model that learned nothing; NaN without validation targets.
 */
export function meanPredictorLoss(data: Pick<DemoDataset, 'training' | 'validation'>): number {
  let sum = 0;
  let count = 0;
  for (const example of data.training.examples) for (const y of example.targets) (sum += y), count++;
  const mean = count === 0 ? 0 : sum / count;
  let squares = 0;
  let m = 0;
  for (const example of data.validation.examples) for (const y of example.targets) (squares += (mean - y) ** 2), m++;
  return m === 0 ? Number.NaN : squares / (2 * m);
}
