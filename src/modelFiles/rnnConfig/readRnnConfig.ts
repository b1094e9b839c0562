// Reads a `*.rnn.json` into an RnnConfig with defaults, collecting schema-level diagnostics (types, enums, bounds,
// unknown fields) with their exact ranges. Never throws: malformed JSON is returned as a syntax error.
import { isTopologyId } from '../../engine/dataset';
import { INIT_SCHEMES, type InitScheme } from '../../engine/init';
import { LOSS_KINDS, NONLINEARITIES, type LossKind, type Nonlinearity } from '../../engine/modelConfig';
import { parseLocatedJson, type JsonNode } from '../json/locatedJson';
import type { JsonSyntaxError } from '../json/syntaxErrorMessages';
import { LineIndex } from '../json/sourcePositions';
import { checkObject, DiagnosticSink, type CheckedValues } from './checkConfigFields';
import type { ConfigDiagnostic } from './configDiagnostic';
import type { DataSourceSettings, EsnSettings, RnnConfig, TbpttSettings } from './rnnConfig';
import {
  CONFIG_CELLS,
  DEFAULT_BATCH,
  DEFAULT_CELL,
  DEFAULT_DATA_HORIZON,
  DEFAULT_DATA_STRIDE,
  DEFAULT_EPOCHS,
  DEFAULT_ESN_INPUT_SCALE,
  DEFAULT_ESN_LEAK,
  DEFAULT_ESN_RESERVOIR,
  DEFAULT_ESN_RIDGE,
  DEFAULT_ESN_SPARSITY,
  DEFAULT_ESN_SPECTRAL_RADIUS,
  DEFAULT_ESN_WASHOUT,
  DEFAULT_FORGET_BIAS,
  DEFAULT_HIDDEN_SIZE,
  DEFAULT_INPUT_SIZE,
  DEFAULT_L2,
  DEFAULT_LAYERS,
  DEFAULT_LEARNING_RATE,
  DEFAULT_LOSS,
  DEFAULT_MOMENTUM,
  DEFAULT_NONLINEARITY,
  DEFAULT_NORMALIZATION,
  DEFAULT_OMEGA,
  DEFAULT_ONE_TO_MANY_INPUT,
  DEFAULT_OPTIMIZER,
  DEFAULT_OUTPUT_SIZE,
  DEFAULT_PRECISION,
  DEFAULT_SEED,
  NORMALIZATION_KINDS,
  ONE_TO_MANY_INPUTS,
  OPTIMIZER_KINDS,
  PRECISION_KINDS,
  RNN_CONFIG_FIELDS,
  type ConfigCell,
} from './rnnConfigFields';
import { DEFAULT_IDENTITY_SCALE, DEFAULT_INIT_SCHEME } from '../../engine/init';

export interface RnnConfigReading {
  readonly config: RnnConfig;
  /** Schema-level problems; the semantic ones come from semanticDiagnostics(). */
  readonly diagnostics: readonly ConfigDiagnostic[];
}

export type RnnConfigTextReading =
  | ({ readonly ok: true; readonly root: JsonNode; readonly lines: LineIndex } & RnnConfigReading)
  | { readonly ok: false; readonly error: JsonSyntaxError; readonly lines: LineIndex };

export function readRnnConfigText(text: string): RnnConfigTextReading {
  const lines = new LineIndex(text);
  const parsed = parseLocatedJson(text);
  if (!parsed.ok) return { ok: false, error: parsed.error, lines };
  return { ok: true, root: parsed.root, lines, ...readRnnConfig(parsed.root, lines) };
}

export function readRnnConfig(root: JsonNode, lines: LineIndex): RnnConfigReading {
  const sink = new DiagnosticSink(lines);
  const values = checkObject(root, RNN_CONFIG_FIELDS, [], sink);
  return { config: buildConfig(values), diagnostics: sink.diagnostics };
}

function buildConfig(values: CheckedValues): RnnConfig {
  const topology = values['topology'];
  const tbptt = nested(values, 'tbptt');
  const data = nested(values, 'data');
  return {
    name: stringOr(values, 'name', null),
    description: stringOr(values, 'description', null),
    topology: isTopologyId(topology) ? topology : null,
    cell: oneOf<ConfigCell>(values, 'cell', CONFIG_CELLS, DEFAULT_CELL),
    nonlinearity: oneOf<Nonlinearity>(values, 'nonlinearity', NONLINEARITIES, DEFAULT_NONLINEARITY),
    layers: numberOr(values, 'layers', DEFAULT_LAYERS),
    hiddenSize: numberOr(values, 'hiddenSize', DEFAULT_HIDDEN_SIZE),
    inputSize: numberOr(values, 'inputSize', DEFAULT_INPUT_SIZE),
    outputSize: numberOr(values, 'outputSize', DEFAULT_OUTPUT_SIZE),
    inputLength: numberOr(values, 'inputLength', null),
    outputLength: numberOr(values, 'outputLength', null),
    loss: oneOf<LossKind>(values, 'loss', LOSS_KINDS, DEFAULT_LOSS),
    oneToManyInput: oneOf(values, 'oneToManyInput', ONE_TO_MANY_INPUTS, DEFAULT_ONE_TO_MANY_INPUT),
    optimizer: oneOf(values, 'optimizer', OPTIMIZER_KINDS, DEFAULT_OPTIMIZER),
    learningRate: numberOr(values, 'learningRate', DEFAULT_LEARNING_RATE),
    momentum: numberOr(values, 'momentum', DEFAULT_MOMENTUM),
    epochs: numberOr(values, 'epochs', DEFAULT_EPOCHS),
    batch: numberOr(values, 'batch', DEFAULT_BATCH),
    seed: numberOr(values, 'seed', DEFAULT_SEED),
    // null when the file does not state them: how to compute is the machine's choice (the settings), not the model's
    precision: typeof values['precision'] === 'string' ? oneOf(values, 'precision', PRECISION_KINDS, DEFAULT_PRECISION) : null,
    threads: numberOr(values, 'threads', null),
    clipNorm: numberOr(values, 'clipNorm', null),
    clipValue: numberOr(values, 'clipValue', null),
    tbptt: tbptt === undefined ? null : buildTbptt(tbptt),
    l2: numberOr(values, 'l2', DEFAULT_L2),
    omega: numberOr(values, 'omega', DEFAULT_OMEGA),
    init: oneOf<InitScheme>(values, 'init', INIT_SCHEMES, DEFAULT_INIT_SCHEME),
    identityScale: numberOr(values, 'identityScale', DEFAULT_IDENTITY_SCALE),
    spectralRadius: numberOr(values, 'spectralRadius', null),
    forgetBias: numberOr(values, 'forgetBias', DEFAULT_FORGET_BIAS),
    esn: buildEsn(nested(values, 'esn') ?? {}),
    data: data === undefined ? null : buildData(data),
  };
}

function buildTbptt(values: CheckedValues): TbpttSettings | null {
  const k1 = numberOr(values, 'k1', null);
  if (k1 === null) return null;
  return { k1, k2: numberOr(values, 'k2', k1) };
}

function buildEsn(values: CheckedValues): EsnSettings {
  return {
    reservoir: numberOr(values, 'reservoir', DEFAULT_ESN_RESERVOIR),
    spectralRadius: numberOr(values, 'spectralRadius', DEFAULT_ESN_SPECTRAL_RADIUS),
    leak: numberOr(values, 'leak', DEFAULT_ESN_LEAK),
    sparsity: numberOr(values, 'sparsity', DEFAULT_ESN_SPARSITY),
    inputScale: numberOr(values, 'inputScale', DEFAULT_ESN_INPUT_SCALE),
    ridge: numberOr(values, 'ridge', DEFAULT_ESN_RIDGE),
    washout: numberOr(values, 'washout', DEFAULT_ESN_WASHOUT),
  };
}

function buildData(values: CheckedValues): DataSourceSettings | null {
  const path = stringOr(values, 'path', null);
  if (path === null) return null;
  const column = values['column'];
  return {
    path,
    column: typeof column === 'string' || typeof column === 'number' ? column : null,
    window: numberOr(values, 'window', null),
    horizon: numberOr(values, 'horizon', DEFAULT_DATA_HORIZON),
    stride: numberOr(values, 'stride', DEFAULT_DATA_STRIDE),
    normalization: oneOf(values, 'normalization', NORMALIZATION_KINDS, DEFAULT_NORMALIZATION),
  };
}

function nested(values: CheckedValues, key: string): CheckedValues | undefined {
  const value = values[key];
  return typeof value === 'object' ? value : undefined;
}

function numberOr<T extends number | null>(values: CheckedValues, key: string, fallback: T): number | T {
  const value = values[key];
  return typeof value === 'number' ? value : fallback;
}

function stringOr<T extends string | null>(values: CheckedValues, key: string, fallback: T): string | T {
  const value = values[key];
  return typeof value === 'string' ? value : fallback;
}

function oneOf<T extends string>(values: CheckedValues, key: string, accepted: readonly T[], fallback: T): T {
  const value = values[key];
  return typeof value === 'string' && (accepted as readonly string[]).includes(value) ? (value as T) : fallback;
}
