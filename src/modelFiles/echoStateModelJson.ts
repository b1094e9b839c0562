// Echo state network model files (docs/train-json.md, "Echo state networks"; docs/maths.md "Echo state network"):
// every number needed to recompute an ESN's predictions and loss by hand — the reservoir W [N×N], the input weights
// W_in [N×(1+I)] (column 0 multiplies the constant 1: the reservoir's bias), the leak a, the readout W_out [O×(1+I+N)]
// over the features z(n) = [1; u(n); x(n)], and the options it was drawn and fitted with (target and achieved ρ,
// sparsity, input scale, ridge β, washout). Numbers are JavaScript's shortest round-trip form, so save → load is
// bit-exact; a matrix is nested arrays [rows][cols], one row per line.
import type { EchoStateNetwork, EchoStateTopology } from '../engine/esn/echoStateNetwork';
import { ECHO_STATE_TOPOLOGIES } from '../engine/esn/echoStateNetwork';
import { resolveEchoStateOptions, type EchoStateOptions } from '../engine/esn/esnOptions';
import { reservoirFromWeights } from '../engine/esn/reservoir';
import { spectralRadius } from '../engine/linalg/eigenvalues';
import { ModelFormatError, type ModelExtras } from './modelJson';
import { readStrictJson } from './json/strictJson';

export const ECHO_STATE_MODEL_FORMAT_ID = 'rnn-lab-esn-model';
export const ECHO_STATE_MODEL_FORMAT_VERSION = 1;

/** The JSON object of a fitted ESN (also `echoState.model` in `rnn-lab train --json`). */
export function echoStateModelDocument(network: EchoStateNetwork, extras: ModelExtras = {}): Record<string, unknown> {
  const { reservoir, options } = network;
  const n = reservoir.size;
  const features = 1 + network.inputSize + n;
  return {
    format: ECHO_STATE_MODEL_FORMAT_ID,
    version: ECHO_STATE_MODEL_FORMAT_VERSION,
    config: {
      cell: 'esn',
      topology: network.topology,
      inputSize: network.inputSize,
      outputSize: network.outputSize,
      ...options,
      // ρ(W) of the stored W, measured with the same eigenvalue routine that scaled it (equals the target to 1e-9)
      spectralRadiusAchieved: spectralRadius(reservoir.weights, n),
      washoutApplies: network.topology === 'many-to-many-synced',
    },
    equations: {
      state: 'x(n) = (1 − leak)·x(n−1) + leak·tanh(W_in·[1; u(n)] + W·x(n−1)), x(0) = 0 at the start of every sequence',
      readout: 'ŷ(n) = W_out·[1; u(n); x(n)]',
      loss: 'J = Σ (ŷ − y)² / (2m) over the scored steps (synced: n ≥ washout; many-to-one: the last step)',
    },
    reservoir: { W: rows(reservoir.weights, n, n), W_in: rows(reservoir.inputWeights, n, 1 + network.inputSize) },
    readout: { W_out: rows(network.readout, network.outputSize, features) },
    ...(extras.normalization !== undefined ? { normalization: extras.normalization } : {}),
    ...(extras.training !== undefined ? { training: extras.training } : {}),
  };
}

/** The document as text, one matrix row per line. */
export function serializeEchoStateModel(network: EchoStateNetwork, extras: ModelExtras = {}): string {
  const text = JSON.stringify(echoStateModelDocument(network, extras), null, 2);
  // JSON.stringify puts every number on its own line; join the innermost arrays (matrix rows) onto one line
  return `${text.replace(/\[\s*(-?[\d.e+-]+(?:,\s*-?[\d.e+-]+)*)\s*\]/gi, (_, body: string) => `[${body.split(/,\s*/).join(', ')}]`)}\n`;
}

/** Reads an ESN model file back; a problem is a ModelFormatError with its JSON path (e.g. `$.reservoir.W[3]`). */
export function parseEchoStateModel(text: string, sourceName?: string): EchoStateNetwork {
  const read = readStrictJson(text);
  if (!read.ok) throw new ModelFormatError('', `not valid JSON: ${read.problem.message}`, sourceName, read.problem.line, read.problem.column);
  const fail = (path: string, detail: string): never => {
    throw new ModelFormatError(path, detail, sourceName);
  };
  const root = object(read.value, '$', fail);
  if (root['format'] !== ECHO_STATE_MODEL_FORMAT_ID) fail('$.format', `must be "${ECHO_STATE_MODEL_FORMAT_ID}"`);
  const config = object(root['config'], '$.config', fail);
  const topology = config['topology'];
  if (!(ECHO_STATE_TOPOLOGIES as readonly unknown[]).includes(topology)) fail('$.config.topology', `must be one of ${ECHO_STATE_TOPOLOGIES.join(', ')}`);
  const inputSize = positiveInteger(config['inputSize'], '$.config.inputSize', fail);
  const outputSize = positiveInteger(config['outputSize'], '$.config.outputSize', fail);
  let options: EchoStateOptions;
  try {
    options = resolveEchoStateOptions({
      reservoirSize: config['reservoirSize'] as number,
      spectralRadius: config['spectralRadius'] as number,
      leak: config['leak'] as number,
      sparsity: config['sparsity'] as number,
      inputScale: config['inputScale'] as number,
      ridge: config['ridge'] as number,
      washout: config['washout'] as number,
    });
  } catch (error) {
    const field = error instanceof Error ? (/echo state network: (\w+)/.exec(error.message)?.[1] ?? '') : '';
    return fail(`$.config.${field}`, error instanceof Error ? error.message.replace(/^echo state network: \w+ /, '') : String(error));
  }
  const n = options.reservoirSize;
  const reservoirSection = object(root['reservoir'], '$.reservoir', fail);
  const readoutSection = object(root['readout'], '$.readout', fail);
  const weights = matrix(reservoirSection['W'], '$.reservoir.W', n, n, fail);
  const inputWeights = matrix(reservoirSection['W_in'], '$.reservoir.W_in', n, 1 + inputSize, fail);
  const readout = matrix(readoutSection['W_out'], '$.readout.W_out', outputSize, 1 + inputSize + n, fail);
  const reservoir = reservoirFromWeights(inputSize, options.leak, weights, inputWeights);
  return { topology: topology as EchoStateTopology, options, inputSize, outputSize, reservoir, readout };
}

function rows(values: Float64Array, count: number, width: number): number[][] {
  return Array.from({ length: count }, (_, r) => Array.from(values.subarray(r * width, (r + 1) * width)));
}

type Fail = (path: string, detail: string) => never;

function object(value: unknown, path: string, fail: Fail): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail(path, 'must be an object');
  return value as Record<string, unknown>;
}

function positiveInteger(value: unknown, path: string, fail: Fail): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 100000) return fail(path, `must be an integer from 1 to 100000, got ${JSON.stringify(value)}`);
  return value;
}

function matrix(value: unknown, path: string, rowCount: number, width: number, fail: Fail): Float64Array {
  if (!Array.isArray(value) || value.length !== rowCount) return fail(path, `must be an array of ${rowCount} rows`);
  const out = new Float64Array(rowCount * width);
  value.forEach((row: unknown, r) => {
    if (!Array.isArray(row) || row.length !== width) fail(`${path}[${r}]`, `must be an array of ${width} numbers`);
    (row as unknown[]).forEach((entry, c) => {
      if (typeof entry !== 'number' || !Number.isFinite(entry)) fail(`${path}[${r}][${c}]`, `must be a finite number, got ${JSON.stringify(entry)}`);
      out[r * width + c] = entry as number;
    });
  });
  return out;
}
