// One pass of jsonc-parser (the scanner and parser of VS Code's JSON support) over a text: structural events in
// document order for whoever builds values from them, and the first syntax error with a message that says what was
// expected (syntaxErrorMessages.ts). Scanning stops at the first error, so listeners only ever see a valid prefix.
//
// Guarantees: never throws on any input (only a listener's own exception passes through); nesting deeper than MAX_JSON_DEPTH is an error (jsonc-parser recurses once
// per level, so this also keeps the call stack bounded); offsets are the text's UTF-16 offsets.
import { createScanner, printParseErrorCode, visit, type JSONVisitor, type ParseErrorCode } from 'jsonc-parser';
import { findExcessiveNesting, MAX_FILE_JSON_DEPTH } from './jsonDepth';
import { syntaxErrorMessage, type Expectation, type JsonSyntaxError, type SyntaxContext } from './syntaxErrorMessages';

/** What is accepted beyond RFC 8259. Trailing commas never are. */
export interface JsonDialect {
  /** `//` and `/* … *\/` comments, as in VS Code's JSON with comments. */
  readonly comments: boolean;
  /** NaN, Infinity and -Infinity as numbers: Python's json.dumps writes them (allow_nan defaults to true). */
  readonly nonFiniteNumbers: boolean;
  /** A leading byte-order mark, skipped. */
  readonly byteOrderMark: boolean;
}

/** RFC 8259 as JSON.parse reads it: model files and data files. */
export const STRICT_JSON: JsonDialect = { comments: false, nonFiniteNumbers: false, byteOrderMark: false };

/** Model descriptions written by Python or edited in VS Code: Keras / TF.js topologies and `*.rnn.json` configs. */
export const EDITOR_JSON: JsonDialect = { comments: true, nonFiniteNumbers: true, byteOrderMark: true };

/** Deeper nesting than this is a syntax error (jsonDepth.ts says why 64). */
export const MAX_JSON_DEPTH = MAX_FILE_JSON_DEPTH;

export type JsonLiteral = string | number | boolean | null;

/** Structure of the text, in document order; `end` is the offset just after the closing bracket. */
export interface JsonEvents {
  objectBegin(offset: number): void;
  property(key: string, keyOffset: number, keyLength: number): void;
  objectEnd(end: number): void;
  arrayBegin(offset: number): void;
  arrayEnd(end: number): void;
  literal(value: JsonLiteral, offset: number, length: number): void;
}

class FirstError {
  constructor(readonly error: JsonSyntaxError) {}
}

/** The first syntax error of `text` in `dialect`, or undefined; `events` hears the structure up to there. */
export function scanJson(text: string, dialect: JsonDialect, events?: JsonEvents): JsonSyntaxError | undefined {
  const withoutMark = dialect.byteOrderMark && text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
  const masked = dialect.nonFiniteNumbers ? maskNonFiniteNumbers(withoutMark) : { text: withoutMark, values: new Map<number, number>() };
  // Counted first, without recursion: jsonc-parser descends once per level and would overflow the stack itself.
  const deep = findExcessiveNesting(text, MAX_JSON_DEPTH, dialect.comments);
  if (deep !== undefined) return { message: `${deep.message}, at ${deep.path}`, offset: deep.offset, length: 1 };
  const tracker = new SyntaxTracker(text, masked.values, events);
  try {
    visit(masked.text, tracker.visitor(), { disallowComments: !dialect.comments, allowTrailingComma: false, allowEmptyContent: false });
    return undefined;
  } catch (stop) {
    if (stop instanceof FirstError) return stop.error;
    throw stop;
  }
}

/** Follows jsonc-parser's callbacks to know, at an error, what was expected and which brackets are open. */
class SyntaxTracker {
  private expected: Expectation = 'value';
  private readonly open: { bracket: '[' | '{'; key: string | undefined }[] = [];
  private commaOffset: number | undefined;
  private previousLiteral: { offset: number; length: number } | undefined;

  constructor(
    private readonly text: string,
    private readonly nonFinite: ReadonlyMap<number, number>,
    private readonly events: JsonEvents | undefined,
  ) {}

  visitor(): JSONVisitor {
    return {
      onObjectBegin: (offset) => this.begin('{', offset),
      onArrayBegin: (offset) => this.begin('[', offset),
      onObjectEnd: (offset, length) => this.end(offset, length),
      onArrayEnd: (offset, length) => this.end(offset, length),
      onObjectProperty: (key: string, offset, length) => {
        const innermost = this.open.at(-1);
        if (innermost !== undefined) innermost.key = key;
        this.step('colon');
        this.events?.property(key, offset, length);
      },
      onSeparator: (character: string, offset) => {
        this.step(character === ':' ? 'value' : this.open.at(-1)?.bracket === '[' ? 'value' : 'property');
        if (character === ',') this.commaOffset = offset;
      },
      onLiteralValue: (value: unknown, offset, length) => {
        this.afterValue();
        this.previousLiteral = { offset, length };
        this.events?.literal(this.literal(value, offset), offset, length);
      },
      onError: (code: ParseErrorCode, offset, length) => this.fail(printParseErrorCode(code), offset, length),
    };
  }

  private begin(bracket: '[' | '{', offset: number): void {
    if (this.open.length >= MAX_JSON_DEPTH) {
      throw new FirstError({ message: `nesting deeper than ${MAX_JSON_DEPTH} levels`, offset, length: 1 });
    }
    this.open.push({ bracket, key: undefined });
    this.step(bracket === '[' ? 'value-or-close' : 'property-or-close');
    if (bracket === '[') this.events?.arrayBegin(offset);
    else this.events?.objectBegin(offset);
  }

  private end(offset: number, length: number): void {
    // jsonc-parser also ends a container at the end of the text (length 0), then reports the missing bracket: keep
    // the bracket open so that report names it.
    if (length === 0) return;
    const closed = this.open.pop();
    this.afterValue();
    if (closed?.bracket === '[') this.events?.arrayEnd(offset + length);
    else this.events?.objectEnd(offset + length);
  }

  private step(expected: Expectation): void {
    this.expected = expected;
    this.commaOffset = undefined;
    this.previousLiteral = undefined;
  }

  private afterValue(): void {
    this.step(this.open.length > 0 ? 'comma-or-close' : 'end');
  }

  private literal(value: unknown, offset: number): JsonLiteral {
    if (typeof value === 'number') return this.nonFinite.get(offset) ?? value;
    return typeof value === 'string' || typeof value === 'boolean' ? value : null;
  }

  private fail(name: ReturnType<typeof printParseErrorCode>, offset: number, length: number): never {
    const context: SyntaxContext = { expected: this.expected, open: this.open, commaOffset: this.commaOffset, previousLiteral: this.previousLiteral };
    throw new FirstError(syntaxErrorMessage(this.text, name, offset, length, context));
  }
}

const NUMERAL_OF_SAME_LENGTH: ReadonlyMap<string, string> = new Map([
  ['NaN', '0e0'],
  ['Infinity', '0.000000'],
]);

/**
 * NaN and Infinity tokens (outside strings and comments, found with jsonc-parser's scanner) replaced by numerals of
 * the same length, so offsets do not move; `values` maps each such number's offset (at its "-" for -Infinity) to
 * its value. Texts without these words are returned as they are.
 */
function maskNonFiniteNumbers(text: string): { text: string; values: Map<number, number> } {
  const values = new Map<number, number>();
  if (!/NaN|Infinity/.test(text)) return { text, values };
  const scanner = createScanner(text, true);
  const pieces: string[] = [];
  let copied = 0;
  let previousEnd = -1;
  let previousToken = '';
  for (scanner.scan(); scanner.getTokenOffset() < text.length; scanner.scan()) {
    const offset = scanner.getTokenOffset();
    const token = text.slice(offset, offset + scanner.getTokenLength());
    const numeral = NUMERAL_OF_SAME_LENGTH.get(token);
    if (numeral !== undefined) {
      const negative = previousToken === '-' && previousEnd === offset;
      const value = token === 'NaN' ? Number.NaN : negative ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
      values.set(negative ? offset - 1 : offset, value);
      pieces.push(text.slice(copied, offset), numeral);
      copied = offset + token.length;
    }
    previousEnd = offset + token.length;
    previousToken = token;
  }
  pieces.push(text.slice(copied));
  return { text: pieces.join(''), values };
}
