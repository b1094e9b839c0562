// Every field of an RNN Lab `*.rnn.json` with its type, bounds and default — the table the reader checks against.
// schemas/rnn-config.schema.json states the same bounds for the editor (a unit test keeps the two equal).
// Defaults follow docs/maths.md where it fixes one (ESN ρ = 0.95, LSTM forget bias +1, Ω weight 2.0 in the reference
// code — here 0 = off until the student turns the remedy on).
import { DEFAULT_IDENTITY_SCALE, DEFAULT_INIT_SCHEME, INIT_SCHEMES } from '../../engine/init';
import { TOPOLOGY_IDS } from '../../engine/dataset';
import { LOSS_KINDS, MAX_HIDDEN_SIZE, MAX_LAYERS, NONLINEARITIES } from '../../engine/modelConfig';

export interface NumberField {
  readonly kind: 'integer' | 'number';
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  readonly default?: number;
  /** Bound reported by the semantic diagnostics with a lecture explanation instead of the generic bound message. */
  readonly boundCheckedSemantically?: boolean;
}

export interface EnumField {
  readonly kind: 'enum';
  readonly values: readonly string[];
  readonly default?: string;
}

export interface StringField {
  readonly kind: 'string';
  readonly minLength?: number;
}

/** A CSV column by header name or 0-based index. */
export interface ColumnField {
  readonly kind: 'string-or-index';
}

export interface ObjectField {
  readonly kind: 'object';
  readonly fields: Readonly<Record<string, ConfigField>>;
  readonly required?: readonly string[];
}

export type ConfigField = NumberField | EnumField | StringField | ColumnField | ObjectField;

export const CONFIG_CELLS = ['rnn', 'lstm', 'gru', 'esn'] as const;
export type ConfigCell = (typeof CONFIG_CELLS)[number];
export const OPTIMIZER_KINDS = ['sgd', 'momentum', 'adam'] as const;
/** rnnLab.training.precision (lab/settings/settingsSchema.ts): the arithmetic of training. */
export const PRECISION_KINDS = ['auto', 'float32', 'float64'] as const;
export const NORMALIZATION_KINDS = ['none', 'zscore', 'minmax'] as const;
export const ONE_TO_MANY_INPUTS = ['first-step', 'every-step'] as const;

export const DEFAULT_CELL: ConfigCell = 'rnn';
export const DEFAULT_NONLINEARITY = 'tanh';
export const DEFAULT_LAYERS = 1;
export const DEFAULT_HIDDEN_SIZE = 32;
export const DEFAULT_INPUT_SIZE = 1;
export const DEFAULT_OUTPUT_SIZE = 1;
export const DEFAULT_LOSS = 'mse';
export const DEFAULT_ONE_TO_MANY_INPUT = 'first-step';
/** Plain gradient descent, as in the lecture. */
export const DEFAULT_OPTIMIZER = 'sgd';
export const DEFAULT_LEARNING_RATE = 0.01;
export const DEFAULT_MOMENTUM = 0.9;
export const DEFAULT_EPOCHS = 100;
export const DEFAULT_BATCH = 32;
export const DEFAULT_SEED = 42;
export const DEFAULT_PRECISION = 'auto';
/** 0 = the number of cores, at most MAX_THREADS (rnnLab.training.threads). */
export const DEFAULT_THREADS = 0;
export const MAX_THREADS = 8;
export const DEFAULT_L2 = 0;
export const DEFAULT_OMEGA = 0;
/** Jozefowicz et al. 2015 (docs/maths.md, "Initialisation"). */
export const DEFAULT_FORGET_BIAS = 1;
export const DEFAULT_ESN_RESERVOIR = 100;
/** docs/maths.md, "Echo state network": ρ default 0.95. */
export const DEFAULT_ESN_SPECTRAL_RADIUS = 0.95;
export const DEFAULT_ESN_LEAK = 1;
export const DEFAULT_ESN_SPARSITY = 0.9;
export const DEFAULT_ESN_INPUT_SCALE = 1;
export const DEFAULT_ESN_RIDGE = 1e-6;
export const DEFAULT_ESN_WASHOUT = 50;
export const DEFAULT_DATA_HORIZON = 1;
export const DEFAULT_DATA_STRIDE = 1;
export const DEFAULT_NORMALIZATION = 'zscore';
export const MAX_SEQUENCE_LENGTH = 10000;
export const MAX_UNITS = 1024;

const sequenceLength: NumberField = { kind: 'integer', minimum: 1, maximum: MAX_SEQUENCE_LENGTH };

export const TBPTT_FIELD: ObjectField = {
  kind: 'object',
  required: ['k1'],
  fields: {
    k1: { kind: 'integer', minimum: 1, maximum: MAX_SEQUENCE_LENGTH },
    k2: { kind: 'integer', minimum: 1, maximum: MAX_SEQUENCE_LENGTH },
  },
};

export const ESN_FIELD: ObjectField = {
  kind: 'object',
  fields: {
    reservoir: { kind: 'integer', minimum: 1, maximum: 5000, default: DEFAULT_ESN_RESERVOIR },
    spectralRadius: { kind: 'number', exclusiveMinimum: 0, maximum: 10, default: DEFAULT_ESN_SPECTRAL_RADIUS },
    leak: { kind: 'number', exclusiveMinimum: 0, maximum: 1, default: DEFAULT_ESN_LEAK },
    sparsity: { kind: 'number', minimum: 0, exclusiveMaximum: 1, default: DEFAULT_ESN_SPARSITY },
    inputScale: { kind: 'number', exclusiveMinimum: 0, maximum: 100, default: DEFAULT_ESN_INPUT_SCALE },
    ridge: { kind: 'number', minimum: 0, maximum: 1000, default: DEFAULT_ESN_RIDGE },
    washout: { kind: 'integer', minimum: 0, maximum: MAX_SEQUENCE_LENGTH, default: DEFAULT_ESN_WASHOUT },
  },
};

export const DATA_FIELD: ObjectField = {
  kind: 'object',
  required: ['path'],
  fields: {
    path: { kind: 'string', minLength: 1 },
    column: { kind: 'string-or-index' },
    window: sequenceLength,
    horizon: { kind: 'integer', minimum: 1, maximum: MAX_SEQUENCE_LENGTH, default: DEFAULT_DATA_HORIZON },
    stride: { kind: 'integer', minimum: 1, maximum: MAX_SEQUENCE_LENGTH, default: DEFAULT_DATA_STRIDE },
    normalization: { kind: 'enum', values: NORMALIZATION_KINDS, default: DEFAULT_NORMALIZATION },
  },
};

/** The root object of a `*.rnn.json`. */
export const RNN_CONFIG_FIELDS: ObjectField = {
  kind: 'object',
  fields: {
    $schema: { kind: 'string' },
    name: { kind: 'string' },
    description: { kind: 'string' },
    topology: { kind: 'enum', values: TOPOLOGY_IDS },
    cell: { kind: 'enum', values: CONFIG_CELLS, default: DEFAULT_CELL },
    nonlinearity: { kind: 'enum', values: NONLINEARITIES, default: DEFAULT_NONLINEARITY },
    layers: { kind: 'integer', minimum: 1, maximum: MAX_LAYERS, default: DEFAULT_LAYERS },
    hiddenSize: { kind: 'integer', minimum: 1, maximum: MAX_HIDDEN_SIZE, default: DEFAULT_HIDDEN_SIZE },
    inputSize: { kind: 'integer', minimum: 1, maximum: MAX_UNITS, default: DEFAULT_INPUT_SIZE },
    outputSize: { kind: 'integer', minimum: 1, maximum: MAX_UNITS, default: DEFAULT_OUTPUT_SIZE },
    inputLength: sequenceLength,
    outputLength: sequenceLength,
    loss: { kind: 'enum', values: LOSS_KINDS, default: DEFAULT_LOSS },
    oneToManyInput: { kind: 'enum', values: ONE_TO_MANY_INPUTS, default: DEFAULT_ONE_TO_MANY_INPUT },
    optimizer: { kind: 'enum', values: OPTIMIZER_KINDS, default: DEFAULT_OPTIMIZER },
    learningRate: { kind: 'number', exclusiveMinimum: 0, maximum: 10, default: DEFAULT_LEARNING_RATE },
    momentum: { kind: 'number', minimum: 0, exclusiveMaximum: 1, default: DEFAULT_MOMENTUM },
    epochs: { kind: 'integer', minimum: 1, maximum: 100000, default: DEFAULT_EPOCHS },
    batch: { kind: 'integer', minimum: 1, maximum: 65536, default: DEFAULT_BATCH },
    seed: { kind: 'integer', minimum: 0, maximum: 4294967295, default: DEFAULT_SEED },
    precision: { kind: 'enum', values: PRECISION_KINDS, default: DEFAULT_PRECISION },
    threads: { kind: 'integer', minimum: 0, maximum: MAX_THREADS, default: DEFAULT_THREADS },
    clipNorm: { kind: 'number', exclusiveMinimum: 0, boundCheckedSemantically: true },
    clipValue: { kind: 'number', exclusiveMinimum: 0, boundCheckedSemantically: true },
    tbptt: TBPTT_FIELD,
    l2: { kind: 'number', minimum: 0, maximum: 10, default: DEFAULT_L2 },
    omega: { kind: 'number', minimum: 0, maximum: 100, default: DEFAULT_OMEGA },
    init: { kind: 'enum', values: INIT_SCHEMES, default: DEFAULT_INIT_SCHEME },
    identityScale: { kind: 'number', exclusiveMinimum: 0, maximum: 10, default: DEFAULT_IDENTITY_SCALE },
    spectralRadius: { kind: 'number', exclusiveMinimum: 0, maximum: 10 },
    forgetBias: { kind: 'number', minimum: -10, maximum: 10, default: DEFAULT_FORGET_BIAS },
    esn: ESN_FIELD,
    data: DATA_FIELD,
  },
};
