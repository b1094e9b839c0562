// The Compare Remedies channels: host ⇄ worker (train one line-up entry off the extension-host thread) and
// host ⇄ webview (draw the comparison). The webview only draws what the engine measured.
import type { CompareEntryMeasurement, CompareTableRow } from '../lab/lineup/lineupTable';
import type { ValidationResult } from './validation';
import { accept, isRecord, readInteger, reject } from './validation';

// ——— host ⇄ worker ———
// (The request, CompareTrainMessage, carries node-side data types and lives in src/protocol/compareRemediesTrainMessage.ts.)

/** One trained entry: the table's numbers plus the curves the panel overlays. */
export interface CompareEntryResult extends CompareEntryMeasurement {
  readonly lossPerEpoch: readonly number[];
  /** ‖∂J/∂h_k‖₂, k = 0 … T−1, of layer 0 with the final parameters; null for an ESN. */
  readonly hiddenGradNorms: readonly number[] | null;
}

export type CompareWorkerMessage =
  | { readonly type: 'epoch'; readonly epoch: number; readonly epochs: number }
  | { readonly type: 'result'; readonly result: CompareEntryResult }
  | { readonly type: 'error'; readonly message: string };

export function parseCompareWorkerMessage(raw: unknown): ValidationResult<CompareWorkerMessage> {
  if (!isRecord(raw)) return reject('', 'notObject', 'a message object', raw);
  switch (raw.type) {
    case 'epoch': {
      const epochs = readInteger(raw.epochs, 'epochs', 0, 1_000_000);
      if (!epochs.ok) return epochs;
      const epoch = readInteger(raw.epoch, 'epoch', 0, epochs.value);
      return epoch.ok ? accept({ type: 'epoch', epoch: epoch.value, epochs: epochs.value }) : epoch;
    }
    case 'error':
      return typeof raw.message === 'string' ? accept({ type: 'error', message: raw.message }) : reject('message', 'wrongType', 'a string', raw.message);
    case 'result': {
      const result = raw.result;
      if (!isRecord(result)) return reject('result', 'notObject', 'an entry result', result);
      if (typeof result.id !== 'string') return reject('result.id', 'wrongType', 'a string', result.id);
      if (typeof result.finalValidationLoss !== 'number') return reject('result.finalValidationLoss', 'wrongType', 'a number', result.finalValidationLoss);
      if (!Array.isArray(result.lossPerEpoch) || !Array.isArray(result.validationLossPerEpoch)) return reject('result.lossPerEpoch', 'wrongType', 'arrays of numbers', result.lossPerEpoch);
      return accept(raw as unknown as CompareWorkerMessage);
    }
    default:
      return reject('type', 'unknownType', 'one of epoch, result, error', raw.type);
  }
}

// ——— host ⇄ webview ———

export const COMPARE_STRING_KEYS = [
  'title', 'intro', 'decayTitle', 'decayAria', 'decayX', 'decayY', 'lossTitle', 'lossAria', 'lossX', 'lossY', 'tableCaption',
  'entry', 'finalLoss', 'steps', 'clipped', 'lambda1', 'time', 'never', 'notApplicable', 'thresholdNote', 'diverged', 'setup',
] as const;
export type CompareStrings = Readonly<Record<(typeof COMPARE_STRING_KEYS)[number], string>>;

export interface CompareStateMessage {
  readonly type: 'state';
  readonly requestId: number;
  readonly source: string;
  readonly epochs: number;
  readonly seed: number;
  readonly threshold: number;
  readonly entries: readonly CompareEntryResult[];
  readonly rows: readonly CompareTableRow[];
  readonly strings: CompareStrings;
}

export type CompareHostToWebviewMessage = CompareStateMessage;

export interface CompareRenderedMessage {
  readonly type: 'rendered';
  readonly requestId: number;
  /** Entry ids of the table rows drawn, in order, and the datasets of each chart. */
  readonly rows: readonly string[];
  readonly decayLines: number;
  readonly lossLines: number;
}

export type CompareWebviewToHostMessage = { readonly type: 'ready' } | CompareRenderedMessage;

export function parseCompareWebviewMessage(raw: unknown): ValidationResult<CompareWebviewToHostMessage> {
  if (!isRecord(raw)) return reject('', 'notObject', 'a message object', raw);
  if (raw.type === 'ready') return accept({ type: 'ready' });
  if (raw.type !== 'rendered') return reject('type', 'unknownType', 'one of ready, rendered', raw.type);
  const requestId = readInteger(raw.requestId, 'requestId', 0, Number.MAX_SAFE_INTEGER);
  if (!requestId.ok) return requestId;
  if (!Array.isArray(raw.rows) || !raw.rows.every((row): row is string => typeof row === 'string')) return reject('rows', 'wrongType', 'an array of entry ids', raw.rows);
  const decayLines = readInteger(raw.decayLines, 'decayLines', 0, 1000);
  if (!decayLines.ok) return decayLines;
  const lossLines = readInteger(raw.lossLines, 'lossLines', 0, 1000);
  if (!lossLines.ok) return lossLines;
  return accept({ type: 'rendered', requestId: requestId.value, rows: raw.rows, decayLines: decayLines.value, lossLines: lossLines.value });
}

export function parseCompareHostMessage(raw: unknown): ValidationResult<CompareHostToWebviewMessage> {
  if (!isRecord(raw)) return reject('', 'notObject', 'a message object', raw);
  if (raw.type !== 'state') return reject('type', 'unknownType', 'state', raw.type);
  const requestId = readInteger(raw.requestId, 'requestId', 0, Number.MAX_SAFE_INTEGER);
  if (!requestId.ok) return requestId;
  if (!Array.isArray(raw.entries)) return reject('entries', 'wrongType', 'an array', raw.entries);
  if (!Array.isArray(raw.rows)) return reject('rows', 'wrongType', 'an array', raw.rows);
  if (!isRecord(raw.strings)) return reject('strings', 'notObject', 'an object of strings', raw.strings);
  for (const key of COMPARE_STRING_KEYS) {
    if (typeof raw.strings[key] !== 'string') return reject(`strings.${key}`, 'wrongType', 'a string', raw.strings[key]);
  }
  return accept(raw as unknown as CompareStateMessage);
}
