// Strict JSON (RFC 8259, what JSON.parse accepts) for model files and data files: the value from JSON.parse (fast,
// after a depth check), or, when it fails, where and why from jsonc-parser (V8's messages name a position only sometimes).
// Comments, trailing commas, NaN/Infinity and a byte-order mark are errors; numbers beyond ±1.8e308 read as
// ±Infinity and lone surrogates are kept, as JSON.parse does, for the reader to judge.
import { findExcessiveNesting, MAX_FILE_JSON_DEPTH } from './jsonDepth';
import { scanJson, STRICT_JSON } from './jsonSyntax';
import { LineIndex } from './sourcePositions';
import type { JsonSyntaxError } from './syntaxErrorMessages';

export interface JsonSyntaxProblem extends JsonSyntaxError {
  /** 1-based line and column (UTF-16 code units) of `offset`; lines split at \n, \r\n and \r as in editors. */
  readonly line: number;
  readonly column: number;
}

export type StrictJsonReading = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly problem: JsonSyntaxProblem };

export function readStrictJson(text: string, maxDepth = MAX_FILE_JSON_DEPTH): StrictJsonReading {
  // Refused before JSON.parse: every later walk over the value would recurse once per level (jsonDepth.ts).
  const deep = findExcessiveNesting(text, maxDepth, false);
  if (deep !== undefined) {
    const start = new LineIndex(text).positionAt(deep.offset);
    return { ok: false, problem: { message: `${deep.message}, at ${deep.path}`, offset: deep.offset, length: 1, line: start.line + 1, column: start.character + 1 } };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // jsonc-parser reads strict JSON as JSON.parse does; should they ever disagree, JSON.parse's message is kept.
    const located = scanJson(text, STRICT_JSON) ?? { message: error instanceof Error ? error.message : String(error), offset: text.length, length: 0 };
    const start = new LineIndex(text).positionAt(located.offset);
    return { ok: false, problem: { ...located, line: start.line + 1, column: start.character + 1 } };
  }
  return { ok: true, value };
}
