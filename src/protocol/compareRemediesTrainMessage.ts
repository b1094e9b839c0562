// host → compare worker: train one line-up entry on the shared windows (the answers are in compareRemediesProtocol.ts).
// A structured clone between threads, so the windows keep their Float64Arrays. The schema mirrors the line-up's types
// (lineup.ts, lineupData.ts and the engine options they embed); the host builds the message from those types and the
// worker hands its parts back to them, so the compiler checks the two agree in both directions.
import * as v from 'valibot';
import type { EchoStateOptions } from '../engine/esn/esnOptions';
import type { InitOptions, InitScheme } from '../engine/init';
import type { CellKind, Nonlinearity } from '../engine/modelConfig';
import type { OptimizerKind } from '../engine/optimizers';
import type { RemedyOptions } from '../engine/remedies/remedyOptions';
import type { NormalizationKind } from '../data/prepare/normalize';
import type { DemoDataset } from '../lab/lineup/lineupData';
import type { BpttExperiment, DemoTask, EchoStateExperiment } from '../lab/lineup/lineup';
import type { ValidationResult } from './validation';
import { anyNumber, integerIn, list, messageUnion, parseWith, record } from './schema';
import { examplesSchema } from './sequenceExamples';

const TASKS = ['adding', 'sine'] as const satisfies readonly DemoTask[];
const CELLS = ['rnn', 'lstm', 'gru'] as const satisfies readonly CellKind[];
const NONLINEARITIES = ['tanh', 'relu', 'sigmoid'] as const satisfies readonly Nonlinearity[];
const OPTIMIZERS = ['sgd', 'momentum', 'adam'] as const satisfies readonly OptimizerKind[];
const INIT_SCHEMES = ['xavier', 'orthogonal', 'identity'] as const satisfies readonly InitScheme[];
const NORMALIZATION_KINDS = ['zscore', 'minmax', 'none'] as const satisfies readonly NormalizationKind[];

const count = integerIn(0, Number.MAX_SAFE_INTEGER);
const number = anyNumber();
const maybeNumber = v.optional(number);
/** The engine checks the values (resolveRemedyOptions, resolveEchoStateOptions); this checks the shape. */
type Fields<T> = Record<keyof T, v.GenericSchema>;

const InitOptionsSchema = record({
  scheme: v.picklist(INIT_SCHEMES),
  identityScale: maybeNumber,
  orthogonalGain: maybeNumber,
  forgetGateBias: maybeNumber,
  spectralRadius: maybeNumber,
} satisfies Fields<InitOptions>);

const BpttExperimentSchema = v.object({
  kind: v.literal('bptt'),
  id: v.string(),
  label: v.string(),
  task: v.picklist(TASKS),
  cell: v.picklist(CELLS),
  nonlinearity: v.picklist(NONLINEARITIES),
  hiddenSize: count,
  init: InitOptionsSchema,
  remedies: record({
    clipNorm: v.optional(v.nullable(number)),
    clipValue: v.optional(v.nullable(number)),
    l2: maybeNumber,
    omega: maybeNumber,
    truncation: v.optional(v.nullable(record({ k1: number, k2: number }))),
    gradientNormBound: maybeNumber,
  } satisfies Fields<Omit<RemedyOptions, 'init'>>),
  optimizer: v.picklist(OPTIMIZERS),
  learningRate: number,
  epochs: count,
  batchSize: count,
  seed: count,
  baseline: v.optional(v.boolean()),
} satisfies Fields<BpttExperiment>);

const EchoStateExperimentSchema = v.object({
  kind: v.literal('esn'),
  id: v.string(),
  label: v.string(),
  task: v.picklist(TASKS),
  options: record({
    reservoirSize: maybeNumber,
    spectralRadius: maybeNumber,
    leak: maybeNumber,
    sparsity: maybeNumber,
    inputScale: maybeNumber,
    ridge: maybeNumber,
    washout: maybeNumber,
  } satisfies Fields<EchoStateOptions>),
  seed: count,
} satisfies Fields<EchoStateExperiment>);

const SequenceDatasetSchema = examplesSchema(['examples'], 'an object { inputSize, outputSize, examples }');

const DemoDatasetSchema = record({
  task: v.picklist(TASKS),
  file: v.string(),
  training: SequenceDatasetSchema,
  validation: SequenceDatasetSchema,
  columns: list(v.string()),
  rows: count,
  steps: count,
  normalization: record({
    kind: v.picklist(NORMALIZATION_KINDS),
    fittedOnRows: count,
    columns: list(record({ name: v.string(), offset: number, scale: number })),
  }),
  predicts: v.string(),
  fingerprint: v.string(),
} satisfies Fields<DemoDataset>);

export const CompareTrainSchema = messageUnion([
  v.object({
    type: v.literal('train'),
    experiment: v.variant('kind', [BpttExperimentSchema, EchoStateExperimentSchema]),
    /** The windows every entry trains on (the same for all: only the remedy differs). */
    data: DemoDatasetSchema,
  }),
]);
export type CompareTrainMessage = v.InferOutput<typeof CompareTrainSchema>;

export function parseCompareTrainMessage(raw: unknown): ValidationResult<CompareTrainMessage> {
  return parseWith(CompareTrainSchema, raw);
}
