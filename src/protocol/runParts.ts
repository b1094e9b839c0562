// The parts of a training run that cross a boundary — from the training worker to the host (structured clones: NaN
// and ±∞ arrive as they are) and in run records read back from JSON (where a non-finite number was written as null)
// — as valibot schemas. `runParts(number)` builds them for one of the two: `anyNumber()` for worker messages,
// `jsonNumberOrNull` for records, whose null norms the charts draw as gaps.
import * as v from 'valibot';
import { TOPOLOGY_IDS } from '../engine/dataset';
import { CELL_KINDS, LOSS_KINDS, NONLINEARITIES } from '../engine/modelConfig';
import { DIVERGENCE_REASONS, REMEDY_IDS } from '../engine/remedies/divergence';
import type { SpectralVerdict } from '../engine/diagnostics/spectral';
import { MISSING_VALUE_HANDLINGS } from '../data/intakeTypes';
import { anyNumber, integerIn, list, record, rule } from './schema';

/** Every member of a string union, checked complete at compile time (for unions that have no runtime list). */
function allOf<T extends string>() {
  return <const L extends readonly T[]>(values: L & ([T] extends [L[number]] ? unknown : never)): L => values;
}

const SPECTRAL_VERDICTS = allOf<SpectralVerdict>()(['vanishing-guaranteed', 'exploding-possible', 'critical']);

/** A whole number ≥ 0 (counts, epochs, indices). */
export const count = integerIn(0, Number.MAX_SAFE_INTEGER);

/** A number as a JSON file stores it: null stands for a non-finite value. */
export const jsonNumberOrNull = v.nullable(v.number('a number or null'), null);

export const ModelConfigSchema = record(
  {
    cell: v.picklist(CELL_KINDS),
    nonlinearity: v.picklist(NONLINEARITIES),
    inputSize: integerIn(1, Number.MAX_SAFE_INTEGER),
    hiddenSize: integerIn(1, Number.MAX_SAFE_INTEGER),
    outputSize: integerIn(1, Number.MAX_SAFE_INTEGER),
    numLayers: integerIn(1, Number.MAX_SAFE_INTEGER),
    topology: v.picklist(TOPOLOGY_IDS),
    loss: v.picklist(LOSS_KINDS),
    oneToManyInput: v.picklist(['first-step', 'every-step']),
    outputLength: integerIn(1, Number.MAX_SAFE_INTEGER),
  },
  'a model configuration { cell, hiddenSize, topology, … }',
);

const position = record({ line: count, character: count }, 'an object { line, character }');
/** Where a run's data came from (data/intakeTypes.ts DataOrigin). */
export const DataOriginSchema = v.variant('kind', [
  v.object({ kind: v.literal('file'), path: v.string() }),
  v.object({ kind: v.literal('selection'), path: v.nullable(v.string()), ranges: list(record({ start: position, end: position }, 'an object { start, end }')) }),
  v.object({ kind: v.literal('text') }),
]);

/** The answers given about the data: columns, target, missing values, grouping. */
const choiceEntries = {
  columns: v.optional(v.union([v.string(), list(v.string())], 'a string or an array of strings')),
  target: v.optional(v.string()),
  missing: v.optional(v.picklist(MISSING_VALUE_HANDLINGS)),
} as const;
export const IntakeChoicesSchema = record(choiceEntries, 'an object { columns?, target?, missing? }');

const shape = v.pipe(v.tuple([count, count, count], '[windows, steps, features]'), v.readonly());

/** A run's data summary (DataSummary) without `predicts` and `origin`, which the host adds. */
export const preparedSummaryEntries = {
  source: v.string(),
  fingerprint: v.string(),
  choices: v.optional(
    record({ ...choiceEntries, group: v.optional(v.boolean()), groupColumn: v.optional(v.string()) }, 'an object { columns?, target?, missing?, group?, groupColumn? }'),
  ),
  shapes: record(
    {
      rowsRead: count,
      columnsUsed: list(v.string()),
      trainWindows: count,
      validationWindows: count,
      inputShape: shape,
      targetShape: shape,
    },
    'an object { rowsRead, columnsUsed, trainWindows, validationWindows, inputShape, targetShape }',
  ),
  normalization: list(record({ column: v.string(), kind: v.picklist(['zscore', 'minmax', 'none']), offset: v.number(), scale: v.number() }, 'a column normalisation')),
  missingValues: v.optional(record({ count, handling: v.picklist(MISSING_VALUE_HANDLINGS) })),
} as const;

/** The measured parts of a run, with `number` for the numbers that may be non-finite. */
export function runParts<const TNumber extends v.GenericSchema<unknown, number | null>>(number: TNumber) {
  const numbers = list(number, Number.POSITIVE_INFINITY, 'an array of numbers');
  /** The engine's own arrays (spectra) are mutable number[]. */
  const engineNumbers = v.array(number, 'an array of numbers');
  const EpochMetricsSchema = record(
    {
      epoch: count,
      trainLoss: number,
      validationLoss: v.nullable(number),
      meanGradientNorm: number,
      maxGradientNorm: number,
      clippedFraction: number,
      elapsedMs: number,
    },
    'an object { epoch, trainLoss, … }',
  );
  const GradientNormSampleSchema = record(
    {
      epoch: count,
      layer: count,
      hiddenNorms: numbers,
      cellNorms: v.optional(numbers),
      decoderHiddenNorms: v.optional(numbers),
      lossTerm: v.optional(count),
      lossTermHiddenNorms: v.optional(numbers),
    },
    'an object { epoch, layer, hiddenNorms }',
  );
  const MatrixSpectrumSchema = record(
    {
      parameter: v.string(),
      stack: v.picklist(['encoder', 'decoder']),
      layer: count,
      block: v.string(),
      rows: count,
      cols: count,
      largestSingularValue: number,
      spectralRadius: v.nullable(number),
      eigenvalues: v.nullable(v.pipe(v.object({ re: engineNumbers, im: engineNumbers }, 'null or { re: number[], im: number[] }')), null),
      gamma: number,
      lambdaGamma: number,
      bound: engineNumbers,
      verdict: v.picklist(SPECTRAL_VERDICTS),
    },
    'a matrix spectrum',
  );
  const SpectralSampleSchema = record({ epoch: count, matrices: list(MatrixSpectrumSchema) }, 'an object { epoch, matrices }');
  const DivergenceInfoSchema = record(
    {
      reason: v.picklist(DIVERGENCE_REASONS),
      epoch: count,
      value: number,
      detail: v.string(),
      hints: list(v.picklist(REMEDY_IDS)),
      lastGoodEpoch: count,
      keptUpdates: v.optional(count),
    },
    'an object { reason, epoch, value, detail, hints, lastGoodEpoch }',
  );
  const PredictionWindowFields = record({ targets: numbers, predictions: numbers }, 'an object { targets: number[], predictions: number[] }');
  const PredictionWindowSchema = v.pipe(
    PredictionWindowFields,
    rule<v.InferOutput<typeof PredictionWindowFields>>(
      'predictions',
      'conflict',
      (window) => `${window.targets.length} values, as many as targets`,
      (window) => window.targets.length === window.predictions.length,
    ),
  );
  const ValidationPredictionsSchema = record({ column: v.string(), windows: list(PredictionWindowSchema) }, 'an object { column, windows }');
  const RunArithmeticSchema = record(
    { precision: v.picklist(['float32', 'float64'] as const), reason: v.string(), threads: count, kernels: v.nullable(v.string()) },
    'an object { precision, reason, threads, kernels }',
  );
  return {
    RunArithmeticSchema,
    numbers,
    EpochMetricsSchema,
    GradientNormSampleSchema,
    SpectralSampleSchema,
    DivergenceInfoSchema,
    ValidationPredictionsSchema,
    /** What the worker sends since its last message (ProgressBatch). */
    batchEntries: {
      epochs: list(EpochMetricsSchema),
      gradientSamples: list(GradientNormSampleSchema),
      spectralSamples: list(SpectralSampleSchema),
      updateGradientNorms: numbers,
    },
  };
}

/** The worker's parts: numbers as structured clones carry them (NaN and ±∞ included). */
export const WORKER_PARTS = runParts(anyNumber());
