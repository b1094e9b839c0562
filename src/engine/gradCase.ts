// The gradient-case format of `rnn-lab grads CASE.json` (documented in docs/grad-case.md of the project and in
// the README): one sequence, one forward + backward pass in float64, no update, PyTorch's parameter layout, so the
// same case can be checked against torch.autograd.
//   cell "rnn" (tanh) | "lstm" | "gru";  loss "mse_last" (many-to-one) | "mse_all" (synced many-to-many)
// Parsing names the exact field path of the first problem, e.g. `weights.layers[0].W_hh: expected 3 rows of 3 numbers`.
import { runGradCaseModel } from './gradCaseRunner';
import type { GradCase, GradCaseLayer, GradCaseLoss, GradCaseResult } from './gradCaseFormat';
import type { CellKind, ModelConfig } from './modelConfig';
import { MAX_LAYERS } from './modelConfig';
import { gateCount } from './parameterLayout';

export type { GradCase, GradCaseLayer, GradCaseLoss, GradCaseResult } from './gradCaseFormat';

/** A malformed case: `path` is the JSON field path, e.g. `weights.layers[0].W_hh`. */
export class GradCaseError extends Error {
  constructor(
    readonly path: string,
    detail: string,
  ) {
    super(`${path}: ${detail}`);
    this.name = 'GradCaseError';
  }
}

const CELLS: readonly CellKind[] = ['rnn', 'lstm', 'gru'];
const LOSSES: readonly GradCaseLoss[] = ['mse_last', 'mse_all'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function field(object: Record<string, unknown>, key: string, path: string): unknown {
  if (!(key in object)) throw new GradCaseError(path, 'missing');
  return object[key];
}

function record(value: unknown, path: string): Record<string, unknown> {
  if (!isRecord(value)) throw new GradCaseError(path, 'expected an object');
  return value;
}

function positiveInteger(value: unknown, path: string, max = 100_000): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > max) {
    throw new GradCaseError(path, `expected an integer from 1 to ${max}, got ${JSON.stringify(value)}`);
  }
  return value;
}

function vector(value: unknown, length: number, path: string): number[] {
  if (!Array.isArray(value) || value.length !== length) {
    throw new GradCaseError(path, `expected ${length} number${length === 1 ? '' : 's'}`);
  }
  value.forEach((entry, i) => {
    if (typeof entry !== 'number' || !Number.isFinite(entry)) {
      throw new GradCaseError(`${path}[${i}]`, `expected a finite number, got ${JSON.stringify(entry)}`);
    }
  });
  return value as number[];
}

function matrix(value: unknown, rows: number, cols: number, path: string): number[][] {
  const shape = `expected ${rows} row${rows === 1 ? '' : 's'} of ${cols} number${cols === 1 ? '' : 's'}`;
  if (!Array.isArray(value) || value.length !== rows) throw new GradCaseError(path, shape);
  return value.map((row: unknown, r) => {
    if (!Array.isArray(row) || row.length !== cols) throw new GradCaseError(path, `${shape} (row ${r} is not)`);
    return vector(row, cols, `${path}[${r}]`);
  });
}

/** Validates a parsed CASE.json; throws GradCaseError naming the first bad field. */
export function parseGradCase(json: unknown): GradCase {
  const root = record(json, '(root)');
  const cell = field(root, 'cell', 'cell');
  if (typeof cell !== 'string' || !(CELLS as readonly string[]).includes(cell)) {
    throw new GradCaseError('cell', `expected one of ${CELLS.map((c) => `"${c}"`).join(', ')}, got ${JSON.stringify(cell)}`);
  }
  const loss = field(root, 'loss', 'loss');
  if (typeof loss !== 'string' || !(LOSSES as readonly string[]).includes(loss)) {
    throw new GradCaseError('loss', `expected one of ${LOSSES.map((c) => `"${c}"`).join(', ')}, got ${JSON.stringify(loss)}`);
  }
  const topology = record(field(root, 'topology', 'topology'), 'topology');
  const I = positiveInteger(field(topology, 'input_size', 'topology.input_size'), 'topology.input_size');
  const H = positiveInteger(field(topology, 'hidden_size', 'topology.hidden_size'), 'topology.hidden_size');
  const O = positiveInteger(field(topology, 'output_size', 'topology.output_size'), 'topology.output_size');
  const L = 'num_layers' in topology ? positiveInteger(topology['num_layers'], 'topology.num_layers', MAX_LAYERS) : 1;
  const rows = gateCount(cell as CellKind) * H;

  const weights = record(field(root, 'weights', 'weights'), 'weights');
  const layerList = field(weights, 'layers', 'weights.layers');
  if (!Array.isArray(layerList) || layerList.length !== L) {
    throw new GradCaseError('weights.layers', `expected an array of ${L} layer${L === 1 ? '' : 's'} (topology.num_layers)`);
  }
  const layers = layerList.map((entry: unknown, l): GradCaseLayer => {
    const path = `weights.layers[${l}]`;
    const layer = record(entry, path);
    const inputSize = l === 0 ? I : H;
    return {
      W_ih: matrix(field(layer, 'W_ih', `${path}.W_ih`), rows, inputSize, `${path}.W_ih`),
      W_hh: matrix(field(layer, 'W_hh', `${path}.W_hh`), rows, H, `${path}.W_hh`),
      b_ih: vector(field(layer, 'b_ih', `${path}.b_ih`), rows, `${path}.b_ih`),
      b_hh: vector(field(layer, 'b_hh', `${path}.b_hh`), rows, `${path}.b_hh`),
    };
  });
  const W_out = matrix(field(weights, 'W_out', 'weights.W_out'), O, H, 'weights.W_out');
  const b_out = vector(field(weights, 'b_out', 'weights.b_out'), O, 'weights.b_out');

  const inputsValue = field(root, 'inputs', 'inputs');
  if (!Array.isArray(inputsValue) || inputsValue.length === 0) {
    throw new GradCaseError('inputs', `expected T ≥ 1 rows of ${I} number${I === 1 ? '' : 's'}`);
  }
  const T = inputsValue.length;
  const inputs = matrix(inputsValue, T, I, 'inputs');

  const targetsValue = field(root, 'targets', 'targets');
  let targets: number[][];
  if (loss === 'mse_last') {
    // [O]; a single row [[…O…]] is accepted too
    targets =
      Array.isArray(targetsValue) && targetsValue.length === 1 && Array.isArray(targetsValue[0])
        ? matrix(targetsValue, 1, O, 'targets')
        : [vectorOrShape(targetsValue, O, 'targets', 'mse_last scores the last step')];
  } else {
    // [T][O]; for O = 1 a flat [T] is accepted too
    targets =
      O === 1 && Array.isArray(targetsValue) && targetsValue.every((v) => typeof v === 'number')
        ? vector(targetsValue, T, 'targets').map((v) => [v])
        : matrix(targetsValue, T, O, 'targets');
  }

  const h0 = 'h0' in root && root['h0'] !== null ? matrix(root['h0'], L, H, 'h0') : null;
  let c0: number[][] | null = null;
  if ('c0' in root && root['c0'] !== null) {
    if (cell !== 'lstm') throw new GradCaseError('c0', `only an lstm has a cell state; remove c0 for cell "${cell}"`);
    c0 = matrix(root['c0'], L, H, 'c0');
  }
  return {
    cell: cell as CellKind,
    loss: loss as GradCaseLoss,
    inputSize: I,
    hiddenSize: H,
    outputSize: O,
    numLayers: L,
    layers,
    W_out,
    b_out,
    inputs,
    targets,
    h0,
    c0,
  };
}

function vectorOrShape(value: unknown, length: number, path: string, why: string): number[] {
  if (!Array.isArray(value) || value.length !== length) {
    throw new GradCaseError(path, `expected ${length} number${length === 1 ? '' : 's'} (${why})`);
  }
  return vector(value, length, path);
}

/** The model configuration a case describes (rnn = tanh; mse_last = many-to-one, mse_all = synced). */
export function gradCaseConfig(gradCase: GradCase): ModelConfig {
  return {
    cell: gradCase.cell,
    nonlinearity: 'tanh',
    inputSize: gradCase.inputSize,
    hiddenSize: gradCase.hiddenSize,
    outputSize: gradCase.outputSize,
    numLayers: gradCase.numLayers,
    topology: gradCase.loss === 'mse_last' ? 'many-to-one' : 'many-to-many-synced',
    loss: 'mse',
    oneToManyInput: 'first-step',
    outputLength: gradCase.loss === 'mse_last' ? 1 : gradCase.inputs.length,
  };
}

/** One forward + backward pass of the case (no update); the output object of `rnn-lab grads`. */
export function runGradCase(gradCase: GradCase): GradCaseResult {
  return runGradCaseModel(gradCase, gradCaseConfig(gradCase));
}
