// The two bundled samples the demo trains on, prepared by the one data pipeline (src/data, as `rnn-lab train` and the
// extension prepare them): samples/adding-problem.csv read as one sequence per `sequence` value (its inputs already
// lie in [0, 1] and its target is their sum: no normalisation), and samples/sine.csv cut into windows of 60 steps every
// 4 rows, z-scored on the training rows. Validation data are the last sequences / windows (never shuffled across time).
import type { SequenceDataset } from '../../engine/dataset';
import { prepareFromSource, type IntakePrepared } from '../../data/intake';
import type { IntakeChoices } from '../../data/intakeTypes';
import type { DataSource } from '../../data/load';
import type { DataPlatform } from '../../data/platform';
import type { Normalization } from '../../data/prepare/normalize';
import { settingsFrom, type SettingsOverrides } from '../settings/resolveSettings';
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
/** The largest sample the line-up reads. */
const MAX_SAMPLE_BYTES = 20 * 1024 * 1024;

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
  /** SHA-256 of the bytes read. */
  readonly fingerprint: string;
}

/** The data settings of a line-up task: what its preparation depends on. */
export function dataSettingsOf(task: DemoTask, window = SINE_WINDOW, stride = SINE_STRIDE): SettingsOverrides {
  return task === 'adding'
    ? { training: { validationSplit: DEMO_VALIDATION_FRACTION }, data: { normalization: 'none' } }
    : { model: { topology: 'many-to-one', window, horizon: 1 }, training: { validationSplit: DEMO_VALIDATION_FRACTION }, data: { normalization: 'zscore', stride } };
}

/** The adding problem: inputs (value, marker) per step, the target (sum of the two marked values) at the last step. */
export async function loadAddingProblem(samplesDirectory: string, platform: DataPlatform): Promise<DemoDataset> {
  const source: DataSource = { kind: 'file', path: `${samplesDirectory}/${ADDING_SAMPLE}`, label: ADDING_SAMPLE };
  const prepared = await prepareSample(source, platform, dataSettingsOf('adding'), {});
  return demoDataset('adding', ADDING_SAMPLE, prepared, 'the sum of the two marked values, read after the last step');
}

/** The noisy sine: windows of SINE_WINDOW values predict the next one (many-to-one), z-scored on the training rows. */
export async function loadSineSeries(samplesDirectory: string, platform: DataPlatform): Promise<DemoDataset> {
  const source: DataSource = { kind: 'file', path: `${samplesDirectory}/${SINE_SAMPLE}`, label: SINE_SAMPLE };
  const prepared = await prepareSample(source, platform, dataSettingsOf('sine'), { columns: ['value'] });
  return demoDataset('sine', SINE_SAMPLE, prepared, `value 1 step ahead of each ${SINE_WINDOW}-step window`);
}

/** Loads and prepares with the default settings under `overrides`; a data problem is thrown as a DataError. */
async function prepareSample(source: DataSource, platform: DataPlatform, overrides: SettingsOverrides, choices: IntakeChoices): Promise<IntakePrepared> {
  const { prepared } = await prepareFromSource(source, platform, { maxBytes: MAX_SAMPLE_BYTES, choices, settings: settingsFrom(overrides) });
  return prepared;
}

export function demoDataset(task: DemoTask, file: string, prepared: IntakePrepared, predicts: string): DemoDataset {
  const { data, summary } = prepared;
  return {
    task,
    file,
    training: { inputSize: data.inputSize, outputSize: data.outputSize, examples: [...data.train] },
    validation: { inputSize: data.inputSize, outputSize: data.outputSize, examples: [...data.validation] },
    // the inputs (a grouped table also lists its target column last)
    columns: summary.shapes.columnsUsed.slice(0, data.inputSize),
    rows: summary.shapes.rowsRead,
    steps: data.train[0]?.inputLength ?? 0,
    normalization: prepared.normalization,
    predicts,
    fingerprint: summary.fingerprint,
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
