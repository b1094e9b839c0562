// The windows Compare Remedies trains every entry on: the first numeric column of the text (a counter/time axis is
// skipped by selectColumns), z-scored on the training rows, cut into many-to-one windows that predict the next value —
// the same pipeline as the demo's sine experiment (src/lab/lineup/lineupData.ts), so the sine sample gives the demo's table.
// No vscode import: the unit tests drive it directly.
import { createHash } from 'node:crypto';
import type { DemoDataset } from './lineupData';
import { DEMO_VALIDATION_FRACTION, SINE_WINDOW } from './lineupData';
import { DataError } from '../../data/dataError';
import { parseTableText } from '../../data/parse/loadTable';
import { applyNormalization, fitNormalization } from '../../data/prepare/normalize';
import { selectColumns } from '../../data/prepare/selectColumns';
import { makeWindows, splitTrainValidation } from '../../data/prepare/windowing';

/** About this many windows: enough to fit a smooth series, few enough to train nine models in seconds. */
export const COMPARE_TARGET_WINDOWS = 240;
/** Fewer rows cannot give training and validation windows of a useful length. */
export const COMPARE_MIN_ROWS = 20;

/** T = min(60, rows / 5) steps per window; stride chosen for ≈ COMPARE_TARGET_WINDOWS windows. */
export function compareWindowShape(rows: number): { window: number; stride: number } {
  const window = Math.max(2, Math.min(SINE_WINDOW, Math.floor(rows / 5)));
  const stride = Math.max(1, Math.round((rows - window) / COMPARE_TARGET_WINDOWS));
  return { window, stride };
}

export function compareDataFromText(text: string, source: string): DemoDataset {
  const table = parseTableText(text, source);
  const selection = selectColumns(table, undefined, source);
  const name = selection.names[0];
  const column = selection.series[0];
  if (name === undefined || column === undefined) {
    throw new DataError('no numeric column to compare the remedies on', { code: 'no-numeric-column', source, hint: 'Select rows of numbers (one value per line, or a CSV with a numeric column).' });
  }
  const rows = column.length;
  if (rows < COMPARE_MIN_ROWS) {
    throw new DataError(`only ${rows} rows; Compare Remedies needs at least ${COMPARE_MIN_ROWS}`, { code: 'too-little-data', source, hint: 'Select more rows, or run it with nothing selected on the whole file.' });
  }
  if (column.some((value) => Number.isNaN(value))) {
    throw new DataError(`column "${name}" has missing values`, { code: 'missing-values', source, hint: 'Fill or remove the empty cells, then run Compare Remedies again.' });
  }
  const trainRows = Math.round(rows * (1 - DEMO_VALIDATION_FRACTION));
  const normalization = fitNormalization([column], 'zscore', trainRows, [name]);
  const series = applyNormalization([column], normalization);
  const { window, stride } = compareWindowShape(rows);
  const windows = makeWindows(series, { topology: 'many-to-one', window, horizon: 1, stride, source });
  const split = splitTrainValidation(windows, DEMO_VALIDATION_FRACTION);
  const hash = createHash('sha256');
  hash.update(new Uint8Array(column.buffer, column.byteOffset, column.byteLength));
  return {
    task: 'sine',
    file: source,
    training: split.train,
    validation: split.validation,
    columns: [name],
    rows,
    steps: window,
    normalization,
    predicts: `${name} 1 step ahead of each ${window}-step window`,
    fingerprint: hash.digest('hex'),
  };
}
