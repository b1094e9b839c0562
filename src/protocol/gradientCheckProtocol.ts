// The Gradient Check channels: host ⇄ worker (run the engine's finite-difference check off the extension-host thread)
// and host ⇄ webview (show it). The check itself is docs/maths.md "Gradient check": central differences with ε = 1e-6,
// relative error |a − n| / max(|a|, |n|, 1e-12), which must stay below 1e-6 for every parameter.
import type { TopologyId } from '../engine/dataset';
import type { CellKind, Nonlinearity } from '../engine/modelConfig';
import type { GradientCheckReport } from '../engine/gradcheck';
import type { ValidationResult } from './validation';
import { accept, isRecord, readEnum, readInteger, reject } from './validation';

/** docs/maths.md: a small model, T ≤ 8, H ≤ 4. */
export const GRADIENT_CHECK_MAX_STEPS = 8;
export const GRADIENT_CHECK_MAX_HIDDEN = 4;
export const GRADIENT_CHECK_MAX_LAYERS = 2;

/** The tiny model checked: the current settings' cell, σ, layers and topology at gradient-check size. */
export interface GradientCheckRequest {
  readonly cell: CellKind;
  readonly nonlinearity: Nonlinearity;
  readonly numLayers: number;
  readonly topology: TopologyId;
  readonly hiddenSize: number;
  readonly steps: number;
  readonly seed: number;
}

// ——— host ⇄ worker ———

export interface RunGradientCheckMessage {
  readonly type: 'check';
  readonly request: GradientCheckRequest;
}

export interface GradientCheckResultMessage {
  readonly type: 'result';
  readonly report: GradientCheckReport;
  /** Time the check took inside the worker. */
  readonly elapsedMs: number;
  /** Shape [rows, cols] of each parameter, by name (so the panel can say which entry the worst one is). */
  readonly shapes: Readonly<Record<string, readonly number[]>>;
}

export interface GradientCheckErrorMessage {
  readonly type: 'error';
  readonly message: string;
}

export type GradientCheckWorkerMessage = GradientCheckResultMessage | GradientCheckErrorMessage;

// ——— host ⇄ webview ———

export const GRADIENT_CHECK_STRING_KEYS = [
  'title', 'intro', 'running', 'failed', 'modelLine', 'summaryPassed', 'summaryFailed', 'parameter', 'shape', 'entries',
  'worstEntry', 'analytic', 'numeric', 'relativeError', 'verdict', 'pass', 'fail', 'precisionNote', 'runAgain', 'tableCaption',
] as const;
export type GradientCheckStrings = Readonly<Record<(typeof GRADIENT_CHECK_STRING_KEYS)[number], string>>;

export interface GradientCheckStateMessage {
  readonly type: 'state';
  readonly requestId: number;
  readonly status: 'running' | 'done' | 'failed';
  readonly request: GradientCheckRequest;
  readonly result: GradientCheckResultMessage | null;
  readonly error: string | null;
  readonly strings: GradientCheckStrings;
}

export type GradientCheckHostToWebviewMessage = GradientCheckStateMessage;

export interface GradientCheckRenderedMessage {
  readonly type: 'rendered';
  readonly requestId: number;
  /** Parameter rows in the table, and how many of them are red (relative error above the tolerance). */
  readonly rows: number;
  readonly failing: number;
}

export type GradientCheckWebviewToHostMessage = { readonly type: 'ready' } | GradientCheckRenderedMessage | { readonly type: 'runAgain' };

const CELLS: readonly CellKind[] = ['rnn', 'lstm', 'gru'];
const NONLINEARITIES: readonly Nonlinearity[] = ['tanh', 'relu', 'sigmoid'];
const TOPOLOGIES: readonly TopologyId[] = ['one-to-one', 'one-to-many', 'many-to-one', 'many-to-many-encoder-decoder', 'many-to-many-synced'];

export function parseGradientCheckRequest(raw: unknown, path = 'request'): ValidationResult<GradientCheckRequest> {
  if (!isRecord(raw)) return reject(path, 'notObject', 'an object { cell, nonlinearity, numLayers, topology, hiddenSize, steps, seed }', raw);
  const cell = readEnum(raw.cell, `${path}.cell`, CELLS);
  if (!cell.ok) return cell;
  const nonlinearity = readEnum(raw.nonlinearity, `${path}.nonlinearity`, NONLINEARITIES);
  if (!nonlinearity.ok) return nonlinearity;
  const topology = readEnum(raw.topology, `${path}.topology`, TOPOLOGIES);
  if (!topology.ok) return topology;
  const numLayers = readInteger(raw.numLayers, `${path}.numLayers`, 1, GRADIENT_CHECK_MAX_LAYERS);
  if (!numLayers.ok) return numLayers;
  const hiddenSize = readInteger(raw.hiddenSize, `${path}.hiddenSize`, 1, GRADIENT_CHECK_MAX_HIDDEN);
  if (!hiddenSize.ok) return hiddenSize;
  const steps = readInteger(raw.steps, `${path}.steps`, 1, GRADIENT_CHECK_MAX_STEPS);
  if (!steps.ok) return steps;
  const seed = readInteger(raw.seed, `${path}.seed`, 0, 4294967295);
  if (!seed.ok) return seed;
  return accept({
    cell: cell.value,
    nonlinearity: nonlinearity.value,
    topology: topology.value,
    numLayers: numLayers.value,
    hiddenSize: hiddenSize.value,
    steps: steps.value,
    seed: seed.value,
  });
}

export function parseRunGradientCheckMessage(raw: unknown): ValidationResult<RunGradientCheckMessage> {
  if (!isRecord(raw)) return reject('', 'notObject', 'a message object', raw);
  if (raw.type !== 'check') return reject('type', 'unknownType', 'check', raw.type);
  const request = parseGradientCheckRequest(raw.request);
  return request.ok ? accept({ type: 'check', request: request.value }) : request;
}

export function parseGradientCheckWorkerMessage(raw: unknown): ValidationResult<GradientCheckWorkerMessage> {
  if (!isRecord(raw)) return reject('', 'notObject', 'a message object', raw);
  if (raw.type === 'error') return typeof raw.message === 'string' ? accept({ type: 'error', message: raw.message }) : reject('message', 'wrongType', 'a string', raw.message);
  if (raw.type !== 'result') return reject('type', 'unknownType', 'one of result, error', raw.type);
  if (typeof raw.elapsedMs !== 'number') return reject('elapsedMs', 'wrongType', 'a number', raw.elapsedMs);
  if (!isRecord(raw.shapes)) return reject('shapes', 'notObject', 'an object of shapes', raw.shapes);
  const report = raw.report;
  if (!isRecord(report) || !Array.isArray(report.parameters)) return reject('report', 'notObject', 'a gradient check report', report);
  for (let i = 0; i < report.parameters.length; i++) {
    const entry: unknown = report.parameters[i];
    if (!isRecord(entry) || typeof entry.name !== 'string') return reject(`report.parameters[${i}].name`, 'wrongType', 'a string', isRecord(entry) ? entry.name : entry);
    for (const field of ['count', 'worstRelativeError', 'worstIndex', 'analytic', 'numeric'] as const) {
      if (typeof entry[field] !== 'number') return reject(`report.parameters[${i}].${field}`, 'wrongType', 'a number', entry[field]);
    }
  }
  for (const field of ['worstRelativeError', 'epsilon', 'tolerance'] as const) {
    if (typeof report[field] !== 'number') return reject(`report.${field}`, 'wrongType', 'a number', report[field]);
  }
  if (typeof report.passed !== 'boolean') return reject('report.passed', 'wrongType', 'a boolean', report.passed);
  return accept(raw as unknown as GradientCheckResultMessage);
}

export function parseGradientCheckWebviewMessage(raw: unknown): ValidationResult<GradientCheckWebviewToHostMessage> {
  if (!isRecord(raw)) return reject('', 'notObject', 'a message object', raw);
  switch (raw.type) {
    case 'ready':
      return accept({ type: 'ready' });
    case 'runAgain':
      return accept({ type: 'runAgain' });
    case 'rendered': {
      const requestId = readInteger(raw.requestId, 'requestId', 0, Number.MAX_SAFE_INTEGER);
      if (!requestId.ok) return requestId;
      const rows = readInteger(raw.rows, 'rows', 0, 10_000);
      if (!rows.ok) return rows;
      const failing = readInteger(raw.failing, 'failing', 0, rows.value);
      if (!failing.ok) return failing;
      return accept({ type: 'rendered', requestId: requestId.value, rows: rows.value, failing: failing.value });
    }
    default:
      return reject('type', 'unknownType', 'one of ready, rendered, runAgain', raw.type);
  }
}

export function parseGradientCheckHostMessage(raw: unknown): ValidationResult<GradientCheckHostToWebviewMessage> {
  if (!isRecord(raw)) return reject('', 'notObject', 'a message object', raw);
  if (raw.type !== 'state') return reject('type', 'unknownType', 'state', raw.type);
  const requestId = readInteger(raw.requestId, 'requestId', 0, Number.MAX_SAFE_INTEGER);
  if (!requestId.ok) return requestId;
  const status = readEnum(raw.status, 'status', ['running', 'done', 'failed'] as const);
  if (!status.ok) return status;
  const request = parseGradientCheckRequest(raw.request);
  if (!request.ok) return request;
  if (raw.result !== null) {
    const result = parseGradientCheckWorkerMessage(raw.result);
    if (!result.ok) return { ok: false, issue: { ...result.issue, path: `result.${result.issue.path}` } };
  }
  if (raw.error !== null && typeof raw.error !== 'string') return reject('error', 'wrongType', 'a string or null', raw.error);
  if (!isRecord(raw.strings)) return reject('strings', 'notObject', 'an object of strings', raw.strings);
  for (const key of GRADIENT_CHECK_STRING_KEYS) {
    if (typeof raw.strings[key] !== 'string') return reject(`strings.${key}`, 'wrongType', 'a string', raw.strings[key]);
  }
  return accept(raw as unknown as GradientCheckStateMessage);
}

// ——— restore after a window reload ———

/**
 * What the page keeps with setState and VS Code hands to the panel serializer after a reload: the tiny model checked
 * and the last outcome (a finished result, or the error), so the panel comes back showing it without re-running.
 * `status: 'running'` (reloaded mid-check) restores by running the same request again.
 */
export interface GradientCheckPersistedState {
  readonly request: GradientCheckRequest;
  readonly status: 'running' | 'done' | 'failed';
  readonly result: GradientCheckResultMessage | null;
  readonly error: string | null;
}

export function parseGradientCheckPersistedState(raw: unknown): ValidationResult<GradientCheckPersistedState> {
  if (!isRecord(raw)) return reject('', 'notObject', 'an object { request, status, result, error }', raw);
  const request = parseGradientCheckRequest(raw.request);
  if (!request.ok) return request;
  const status = readEnum(raw.status, 'status', ['running', 'done', 'failed'] as const);
  if (!status.ok) return status;
  let result: GradientCheckResultMessage | null = null;
  if (raw.result !== null && raw.result !== undefined) {
    const parsed = parseGradientCheckWorkerMessage(raw.result);
    if (!parsed.ok) return { ok: false, issue: { ...parsed.issue, path: `result.${parsed.issue.path}` } };
    if (parsed.value.type !== 'result') return reject('result.type', 'notInEnum', 'result', parsed.value.type);
    result = parsed.value;
  }
  const error = raw.error === undefined ? null : raw.error;
  if (error !== null && typeof error !== 'string') return reject('error', 'wrongType', 'a string or null', error);
  if (status.value === 'done' && result === null) return reject('result', 'conflict', 'a result when status is done', null);
  if (status.value === 'failed' && error === null) return reject('error', 'conflict', 'an error message when status is failed', null);
  return accept({ request: request.value, status: status.value, result, error });
}
