// A problem in the user's data that the user can fix. The message reads like a compiler diagnostic,
// `file:line:column: what is wrong. How to fix it.`, so editors, terminals and the CLI can all point at the spot.

import type { DataErrorCode, DataErrorInfo } from './intakeTypes';
export type { DataErrorCode } from './intakeTypes';

export interface DataErrorDetails {
  readonly code: DataErrorCode;
  /** File name or a description such as "selection" — the first part of the message. */
  readonly source: string;
  /** 1-based physical line in the source, when the problem has one. */
  readonly line?: number;
  /** 1-based field number on that line (the n-th value, not the character offset). */
  readonly column?: number;
  /** A JSON field path such as `$[3][1]`, for JSON input where a line is not known. */
  readonly path?: string;
  /** What to do about it; appended to the message. */
  readonly hint: string;
}

export class DataError extends Error {
  readonly code: DataErrorCode;
  readonly source: string;
  readonly line?: number;
  readonly column?: number;
  readonly path?: string;
  readonly hint: string;
  /** The problem alone, without location or hint (for UIs that show those separately). */
  readonly problem: string;

  constructor(problem: string, details: DataErrorDetails) {
    super(formatDataErrorMessage(problem, details));
    this.name = 'DataError';
    this.problem = problem;
    this.code = details.code;
    this.source = details.source;
    this.hint = details.hint;
    if (details.line !== undefined) this.line = details.line;
    if (details.column !== undefined) this.column = details.column;
    if (details.path !== undefined) this.path = details.path;
  }
}

/** `source:line:column: problem. hint` — line/column only where they exist; a JSON path replaces them. */
export function formatDataErrorMessage(problem: string, details: DataErrorDetails): string {
  let where = details.source;
  if (details.line !== undefined) {
    where += `:${details.line}`;
    if (details.column !== undefined) where += `:${details.column}`;
  } else if (details.path !== undefined) {
    where += `: ${details.path}`;
  }
  const sentence = /[.!?]$/.test(problem) ? problem : `${problem}.`;
  return details.hint === '' ? `${where}: ${sentence}` : `${where}: ${sentence} ${details.hint}`;
}

/** The error as plain fields (an Error crosses postMessage without its own properties), and back. */
export function dataErrorInfo(error: DataError): DataErrorInfo {
  return {
    problem: error.problem,
    code: error.code,
    source: error.source,
    hint: error.hint,
    ...(error.line !== undefined ? { line: error.line } : {}),
    ...(error.column !== undefined ? { column: error.column } : {}),
    ...(error.path !== undefined ? { path: error.path } : {}),
  };
}

/** The DataError of `info`, its line moved down by `lineOffset` (data that starts mid-document: a selection). */
export function dataErrorFromInfo(info: DataErrorInfo, lineOffset = 0): DataError {
  const { problem, line, ...details } = info;
  return new DataError(problem, { ...details, ...(line !== undefined ? { line: line + lineOffset } : {}) });
}

export function isDataError(error: unknown): error is DataError {
  return error instanceof DataError;
}
