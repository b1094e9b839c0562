// Which field of a JSON document a position is on: its path and the stretch of text to highlight (the key as
// written, or a scalar value), from jsonc-parser's getLocation. Works on a document being typed (syntax errors
// after the position do not matter). No vscode import.
import { getLocation, type Location } from 'jsonc-parser';
import type { JsonPath } from './jsonNavigation';

export interface FieldAtOffset {
  readonly path: JsonPath;
  readonly offset: number;
  readonly length: number;
}

/** Undefined off a key or scalar (whitespace, brackets, punctuation) and when the text is nested too deeply to read. */
export function fieldAtOffset(text: string, offset: number): FieldAtOffset | undefined {
  let location: Location;
  try {
    location = getLocation(text, offset);
  } catch (error) {
    // jsonc-parser recurses once per nesting level: thousands of levels before `offset` overflow the stack.
    if (error instanceof RangeError) return undefined;
    throw error;
  }
  const token = location.previousNode;
  if (token === undefined || offset < token.offset || offset >= token.offset + token.length) return undefined;
  return { path: location.path, offset: token.offset, length: token.length };
}
