// Validation results for everything that crosses a trust boundary (webview ⇄ host messages, command arguments,
// restored panel state). A rejected value carries a field path and a machine-readable kind, so the host can turn it
// into a localised message for the user while logs get the plain English `describeIssue` text.
// The channels declare valibot schemas and validate through `parseWith` (schema.ts), which produces these results;
// `reject`, `readInteger` and `readEnum` below serve the checks still written by hand (workerProtocol.ts,
// intakeProtocol.ts, runRecordCheck.ts, command arguments).

export type ValidationIssueKind =
  /** Not an object (or null / an array) where an object was expected. */
  | 'notObject'
  /** A required field is absent. */
  | 'missing'
  /** The `type` tag of a message is not one this channel knows. */
  | 'unknownType'
  /** A string outside its enumeration (e.g. an unknown topology id). */
  | 'notInEnum'
  /** Not a whole number. */
  | 'notInteger'
  /** A whole number outside [min, max]. */
  | 'outOfRange'
  /** A value of the wrong JavaScript type (string expected, got number …). */
  | 'wrongType'
  /** Two fields that contradict each other (e.g. a synced topology with different input and output lengths). */
  | 'conflict';

export interface ValidationIssue {
  /** Where the problem is, as a dotted path from the root value (`inputLength`, `rendered[2]`, `state.focus`). */
  readonly path: string;
  readonly kind: ValidationIssueKind;
  /** What was expected, in words or as a list of accepted values. */
  readonly expected: string;
  /** A short, printable rendering of what was received. */
  readonly received: string;
}

export type ValidationResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly issue: ValidationIssue };

export function accept<T>(value: T): ValidationResult<T> {
  return { ok: true, value };
}

export function reject<T>(path: string, kind: ValidationIssueKind, expected: string, receivedValue: unknown): ValidationResult<T> {
  return { ok: false, issue: { path, kind, expected, received: printable(receivedValue) } };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Renders any value in at most 60 characters, for error messages (never throws, even on cycles). */
export function printable(value: unknown): string {
  let text: string;
  if (value === undefined) text = 'undefined';
  else if (typeof value === 'string') text = JSON.stringify(value);
  else if (typeof value === 'number' || typeof value === 'boolean' || value === null) text = String(value);
  else {
    try {
      text = JSON.stringify(value) ?? typeof value;
    } catch {
      text = Array.isArray(value) ? 'array' : typeof value;
    }
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Plain English, for logs: `inputLength: expected an integer in [1, 1000000], received 0`. */
export function describeIssue(issue: ValidationIssue): string {
  const where = issue.path === '' ? 'message' : issue.path;
  return `${where}: expected ${issue.expected}, received ${issue.received}`;
}

/** A whole number in [min, max] at `path`. */
export function readInteger(value: unknown, path: string, min: number, max: number): ValidationResult<number> {
  if (typeof value !== 'number' || !Number.isFinite(value)) return reject(path, 'wrongType', 'a number', value);
  if (!Number.isInteger(value)) return reject(path, 'notInteger', `an integer in [${min}, ${max}]`, value);
  if (value < min || value > max) return reject(path, 'outOfRange', `an integer in [${min}, ${max}]`, value);
  return accept(value);
}

/** One of `allowed` at `path`. */
export function readEnum<T extends string>(value: unknown, path: string, allowed: readonly T[]): ValidationResult<T> {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return accept(value as T);
  return reject(path, typeof value === 'string' ? 'notInEnum' : 'wrongType', `one of ${allowed.join(', ')}`, value);
}
