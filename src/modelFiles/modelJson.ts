// Model files: JSON with PyTorch parameter names and shapes (issue 3, "Save/load a model"; format documented in
// docs/model-format.md). Matrices are nested arrays [rows][cols], vectors flat arrays, so the nesting carries the shape
// and `torch.tensor(v)` rebuilds each tensor; names follow parameterLayout.ts (docs/maths.md, "Parameter layout").
//
// Numbers are written with JavaScript's shortest round-trip representation (ECMAScript Number::toString), which
// JSON.parse and Python's float() read back to the identical float64, so save → load is bit-exact. Integral values are
// written as `1.0` (and −0 as `-0.0`) so Python reads floats, not ints, and the sign of zero survives.
import { isTopologyId, TOPOLOGY_IDS } from '../engine/dataset';
import { readStrictJson } from './json/strictJson';
import type { ModelConfig } from '../engine/modelConfig';
import { CELL_KINDS, LOSS_KINDS, MAX_LAYERS, NONLINEARITIES } from '../engine/modelConfig';
import type { ParameterSpec } from '../engine/parameterLayout';
import { DECODER_PREFIX, gateCount, parameterLayout } from '../engine/parameterLayout';
import type { ParameterSet, Tensor } from '../engine/tensor';
import { createTensor, findTensor } from '../engine/tensor';

export const MODEL_FORMAT_ID = 'rnn-lab-model';
export const MODEL_FORMAT_VERSION = 1;

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** Optional sections stored beside the parameters; the engine keeps them as opaque JSON objects. */
export interface ModelExtras {
  /** How the data were scaled before training (written by the data layer, needed to undo it at inference). */
  readonly normalization?: JsonObject;
  /** Training metadata: optimiser, epochs, seed, final losses… */
  readonly training?: JsonObject;
}

export interface LoadedModel {
  readonly config: ModelConfig;
  /** In parameterLayout order, whatever the key order in the file. */
  readonly parameters: ParameterSet;
  readonly extras: ModelExtras;
}

const TOP_LEVEL_FIELDS = ['format', 'version', 'config', 'state_dict', 'normalization', 'training'] as const;
const ONE_TO_MANY_INPUTS = ['first-step', 'every-step'] as const;

/** A model file that cannot be loaded. `path` is the JSON field path (e.g. `state_dict.weight_hh_l0[3]`), '' for the whole file. */
export class ModelFormatError extends Error {
  constructor(
    readonly path: string,
    readonly detail: string,
    readonly sourceName?: string,
    /** 1-based position, for JSON syntax errors. */
    readonly line?: number,
    readonly column?: number,
  ) {
    const where = [sourceName, line !== undefined ? `${line}:${column ?? 1}` : undefined].filter((part) => part !== undefined).join(':');
    super(`${where !== '' ? `${where}: ` : ''}${path !== '' ? `${path}: ` : ''}${detail}`);
    this.name = 'ModelFormatError';
  }
}

// ---------------------------------------------------------------------------------------------------- writing

/** The model as JSON text (format above). Throws a RangeError if a tensor is missing, misshapen or not finite. */
export function serializeModel(config: ModelConfig, parameters: ParameterSet, extras: ModelExtras = {}): string {
  const lines: string[] = ['{', `  "format": ${JSON.stringify(MODEL_FORMAT_ID)},`, `  "version": ${MODEL_FORMAT_VERSION},`];
  lines.push(`  "config": ${indentJson(JSON.stringify(configForFile(config), null, 2), '  ')},`);
  lines.push('  "state_dict": {');
  const layout = parameterLayout(config);
  const names = new Set(layout.map((spec) => spec.name));
  const extra = parameters.tensors.find((tensor) => !names.has(tensor.name));
  if (extra !== undefined) {
    throw new RangeError(`serializeModel: parameter "${extra.name}" is not part of a ${describeModel(config)}`);
  }
  layout.forEach((spec, index) => {
    const tensor = findTensor(parameters, spec.name);
    if (tensor === undefined) throw new RangeError(`serializeModel: parameter "${spec.name}" is missing`);
    if (!sameShape(tensor.shape, spec.shape) || tensor.data.length !== spec.shape.reduce((p, d) => p * d, 1)) {
      throw new RangeError(`serializeModel: parameter "${spec.name}" has shape [${tensor.shape.join(', ')}], expected [${spec.shape.join(', ')}]`);
    }
    const comma = index < layout.length - 1 ? ',' : '';
    lines.push(`    ${JSON.stringify(spec.name)}: ${formatTensor(tensor, '    ')}${comma}`);
  });
  lines.push('  }');
  for (const key of ['normalization', 'training'] as const) {
    const section = extras[key];
    if (section !== undefined) {
      lines[lines.length - 1] += ',';
      lines.push(`  ${JSON.stringify(key)}: ${indentJson(JSON.stringify(section, null, 2), '  ')}`);
    }
  }
  lines.push('}');
  return lines.join('\n') + '\n';
}

/**
 * Exactly the ModelConfig fields, in a fixed order, each validated as parseModel would (a config object carrying extra
 * properties, e.g. a whole training config, must not produce a file that cannot be read back).
 */
function configForFile(config: ModelConfig): Record<string, unknown> {
  const fail: Fail = (path, detail) => {
    throw new RangeError(`serializeModel: ${path}: ${detail}`);
  };
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(CONFIG_FIELDS) as (keyof ModelConfig)[]) {
    out[key] = (CONFIG_FIELDS[key] as FieldParser<unknown>)(config[key], `config.${key}`, fail);
  }
  return out;
}

function indentJson(json: string, indent: string): string {
  return json.split('\n').join(`\n${indent}`);
}

function formatNumber(value: number, name: string): string {
  if (!Number.isFinite(value)) {
    throw new RangeError(`serializeModel: parameter "${name}" contains ${value}; JSON cannot store NaN/Infinity (save the last finite parameters)`);
  }
  if (Object.is(value, -0)) return '-0.0';
  const text = String(value);
  return Number.isInteger(value) && !text.includes('e') ? `${text}.0` : text;
}

/** A vector on one line; a matrix one row per line. */
function formatTensor(tensor: Tensor, indent: string): string {
  if (tensor.shape.length === 1) return formatRow(tensor, 0, tensor.data.length);
  const [rows, cols] = tensor.shape as [number, number];
  const rowTexts: string[] = [];
  for (let r = 0; r < rows; r++) rowTexts.push(`${indent}  ${formatRow(tensor, r * cols, (r + 1) * cols)}`);
  return `[\n${rowTexts.join(',\n')}\n${indent}]`;
}

/**
 * `[a, b, …]` for data[start…end). Rows without integral values (nearly every row of a trained model) go through
 * JSON.stringify of a plain array, V8's fast path, about 3× quicker than formatting number by number; its output for
 * finite non-integral doubles is the same shortest round-trip text.
 */
function formatRow(tensor: Tensor, start: number, end: number): string {
  const values = Array.from(tensor.data.subarray(start, end));
  if (values.every((value) => Number.isFinite(value) && !Number.isInteger(value))) {
    return JSON.stringify(values).replace(/,/g, ', ');
  }
  return `[${values.map((value) => formatNumber(value, tensor.name)).join(', ')}]`;
}

// ---------------------------------------------------------------------------------------------------- reading

/** Parses and validates a model file. Every problem is a ModelFormatError naming the field path and the expectation. */
export function parseModel(text: string, sourceName?: string): LoadedModel {
  const fail = (path: string, detail: string): never => {
    throw new ModelFormatError(path, detail, sourceName);
  };
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // tolerate a UTF-8 byte-order mark
  if (body.trim() === '') fail('', 'the file is empty; expected a JSON model file written by RNN Lab');
  const reading = readStrictJson(body);
  if (!reading.ok) {
    // Offsets are in `body`; a stripped BOM does not shift lines or visible columns.
    throw new ModelFormatError('', `not valid JSON: ${reading.problem.message}`, sourceName, reading.problem.line, reading.problem.column);
  }
  const root = reading.value;
  if (!isPlainObject(root)) {
    return fail('', `expected a JSON object with "format": "${MODEL_FORMAT_ID}", got ${describeJson(root)}`);
  }
  for (const key of Object.keys(root)) {
    if (!(TOP_LEVEL_FIELDS as readonly string[]).includes(key)) {
      fail(key, `unknown field; a model file has only ${TOP_LEVEL_FIELDS.join(', ')}`);
    }
  }
  if (root['format'] !== MODEL_FORMAT_ID) {
    fail('format', `expected "${MODEL_FORMAT_ID}", got ${describeJson(root['format'])} (is this an RNN Lab model file?)`);
  }
  const version = root['version'];
  if (version !== MODEL_FORMAT_VERSION) {
    if (typeof version === 'number' && Number.isInteger(version) && version > MODEL_FORMAT_VERSION) {
      fail('version', `version ${version} was written by a newer RNN Lab; this one reads version ${MODEL_FORMAT_VERSION}`);
    }
    fail('version', `expected ${MODEL_FORMAT_VERSION}, got ${describeJson(version)}`);
  }
  const config = parseConfig(root['config'], fail);
  const parameters = parseStateDict(root['state_dict'], config, fail);
  const extras: { normalization?: JsonObject; training?: JsonObject } = {};
  for (const key of ['normalization', 'training'] as const) {
    const section = root[key];
    if (section === undefined) continue;
    if (!isPlainObject(section)) fail(key, `expected a JSON object, got ${describeJson(section)}`);
    extras[key] = section as JsonObject;
  }
  return { config, parameters, extras };
}

type Fail = (path: string, detail: string) => never;
type FieldParser<T> = (value: unknown, path: string, fail: Fail) => T;

function oneOf<T extends string>(choices: readonly T[]): FieldParser<T> {
  return (value, path, fail) => {
    if (typeof value === 'string' && (choices as readonly string[]).includes(value)) return value as T;
    return fail(path, `must be ${choices.join('|')}, got ${describeJson(value)}`);
  };
}

function integerIn(min: number, max: number): FieldParser<number> {
  return (value, path, fail) => {
    if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return value;
    const range = max === Number.MAX_SAFE_INTEGER ? `an integer ≥ ${min}` : `an integer from ${min} to ${max}`;
    return fail(path, `must be ${range}, got ${describeJson(value)}`);
  };
}

const positiveInteger = integerIn(1, Number.MAX_SAFE_INTEGER);

/**
 * One parser per ModelConfig field. The mapped type makes this table fail to compile when a field is added to
 * ModelConfig without teaching the file format about it.
 */
const CONFIG_FIELDS: { readonly [K in keyof ModelConfig]-?: FieldParser<ModelConfig[K]> } = {
  cell: oneOf(CELL_KINDS),
  nonlinearity: oneOf(NONLINEARITIES),
  inputSize: positiveInteger,
  hiddenSize: positiveInteger,
  outputSize: positiveInteger,
  numLayers: integerIn(1, MAX_LAYERS),
  topology: (value, path, fail) => (isTopologyId(value) ? value : fail(path, `must be ${TOPOLOGY_IDS.join('|')}, got ${describeJson(value)}`)),
  loss: oneOf(LOSS_KINDS),
  oneToManyInput: oneOf(ONE_TO_MANY_INPUTS),
  outputLength: positiveInteger,
};

function parseConfig(value: unknown, fail: Fail): ModelConfig {
  if (!isPlainObject(value)) return fail('config', `expected a JSON object with the model's architecture, got ${describeJson(value)}`);
  const fieldNames = Object.keys(CONFIG_FIELDS) as (keyof ModelConfig)[];
  for (const key of Object.keys(value)) {
    if (!(fieldNames as string[]).includes(key)) fail(`config.${key}`, `unknown field; config has ${fieldNames.join(', ')}`);
  }
  const config: Record<string, unknown> = {};
  for (const key of fieldNames) {
    if (!(key in value)) fail(`config.${key}`, 'missing');
    config[key] = (CONFIG_FIELDS[key] as FieldParser<unknown>)(value[key], `config.${key}`, fail);
  }
  return config as unknown as ModelConfig;
}

function parseStateDict(value: unknown, config: ModelConfig, fail: Fail): ParameterSet {
  if (!isPlainObject(value)) return fail('state_dict', `expected a JSON object of named tensors, got ${describeJson(value)}`);
  const layout = parameterLayout(config);
  for (const name of Object.keys(value)) {
    if (!layout.some((spec) => spec.name === name)) {
      const hint =
        name.startsWith(DECODER_PREFIX) && config.topology !== 'many-to-many-encoder-decoder'
          ? ` (decoder tensors belong to topology many-to-many-encoder-decoder, config.topology is ${config.topology})`
          : '';
      fail(`state_dict.${name}`, `unknown tensor for a ${describeModel(config)}${hint}; expected ${layout.map((spec) => spec.name).join(', ')}`);
    }
  }
  const tensors = layout.map((spec) => {
    const path = `state_dict.${spec.name}`;
    if (!(spec.name in value)) {
      return fail(path, `missing; expected shape [${spec.shape.join(', ')}] (${describeShape(spec, config)})`);
    }
    return readTensor(value[spec.name], spec, config, path, fail);
  });
  return { tensors };
}

function readTensor(value: unknown, spec: ParameterSpec, config: ModelConfig, path: string, fail: Fail): Tensor {
  const expectation = `expected shape [${spec.shape.join(', ')}] (${describeShape(spec, config)})`;
  const actual = nestedShape(value);
  if (actual === undefined || !sameShape(actual, spec.shape)) {
    // Report the first ragged row or non-array before a whole-shape mismatch, so the message points at the culprit.
    const got = actual === undefined ? describeNesting(value) : `got [${actual.join(', ')}]`;
    fail(path, `${expectation}, ${got}`);
  }
  const tensor = createTensor(spec.name, spec.shape);
  const data = tensor.data;
  const store = (element: unknown, index: number, elementPath: string): void => {
    if (typeof element !== 'number' || !Number.isFinite(element)) {
      const why = element === null ? ' (JSON has no NaN/Infinity; writers put null in their place: the model had diverged)' : '';
      fail(elementPath, `expected a finite number, got ${describeJson(element)}${why}`);
    }
    data[index] = element as number;
  };
  if (spec.shape.length === 1) {
    (value as unknown[]).forEach((element, i) => store(element, i, `${path}[${i}]`));
  } else {
    const cols = spec.shape[1] as number;
    (value as unknown[][]).forEach((row, r) => row.forEach((element, c) => store(element, r * cols + c, `${path}[${r}][${c}]`)));
  }
  return tensor;
}

/** [n] for an array of non-arrays, [rows, cols] for a rectangular array of arrays, undefined otherwise. */
function nestedShape(value: unknown): number[] | undefined {
  if (!Array.isArray(value)) return undefined;
  if (value.length === 0 || !value.some((element) => Array.isArray(element))) return [value.length];
  const cols = Array.isArray(value[0]) ? (value[0] as unknown[]).length : -1;
  const rectangular = value.every((row) => Array.isArray(row) && row.length === cols && !row.some((element) => Array.isArray(element)));
  return rectangular ? [value.length, cols] : undefined;
}

function describeNesting(value: unknown): string {
  if (!Array.isArray(value)) return `got ${describeJson(value)}`;
  const firstRow = value[0];
  const cols = Array.isArray(firstRow) ? firstRow.length : undefined;
  for (let r = 0; r < value.length; r++) {
    const row: unknown = value[r];
    if (!Array.isArray(row)) return `got a mix of rows and numbers (element [${r}] is ${describeJson(row)})`;
    if (row.length !== cols) return `got ragged rows (row 0 has ${cols} values, row ${r} has ${row.length})`;
    if (row.some((element) => Array.isArray(element))) return `got more than 2 levels of nesting at row ${r}`;
  }
  return 'got an unsupported nesting';
}

/** E.g. "4·hidden_size × input_size", in PyTorch's vocabulary, to say what each dimension is. */
function describeShape(spec: ParameterSpec, config: ModelConfig): string {
  const gates = gateCount(config.cell);
  const rows = gates > 1 ? `${gates}·hidden_size` : 'hidden_size';
  const isDecoder = spec.name.startsWith(DECODER_PREFIX);
  const name = isDecoder ? spec.name.slice(DECODER_PREFIX.length) : spec.name;
  if (name === 'weight_out') return 'output_size × hidden_size';
  if (name === 'bias_out') return 'output_size';
  if (name.startsWith('bias_')) return rows;
  if (name.startsWith('weight_hh_')) return `${rows} × hidden_size`;
  if (name === 'weight_ih_l0') return `${rows} × ${isDecoder ? 'output_size (the decoder reads its previous prediction)' : 'input_size'}`;
  return `${rows} × hidden_size`;
}

function describeModel(config: ModelConfig): string {
  const stacks = config.topology === 'many-to-many-encoder-decoder' ? ' encoder–decoder' : '';
  return `${config.numLayers}-layer ${config.cell}${stacks} model`;
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((dimension, i) => dimension === b[i]);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Short description of a JSON value for messages: `"lstn"`, `null`, `an array of 3`, `an object`, `12.5`. */
function describeJson(value: unknown): string {
  if (value === undefined) return 'nothing (field missing)';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (isPlainObject(value)) return 'an object';
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}
