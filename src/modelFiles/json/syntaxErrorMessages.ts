// The first JSON syntax error that jsonc-parser reports, turned into what a person needs: what is wrong, in our words,
// and the exact stretch to point at. jsonc-parser gives an error code and the offending token; the parse state just
// before it (SyntaxContext, kept by jsonSyntax.ts) says what was expected there. Inside a bad string token the
// message points at the offending character, and a trailing comma is reported on the comma itself.
import type { printParseErrorCode } from 'jsonc-parser';

/** Where and why a text is not (accepted) JSON; offsets in UTF-16 code units, as JavaScript and VS Code count. */
export interface JsonSyntaxError {
  readonly message: string;
  readonly offset: number;
  /** 0 when the error is the end of the text (nothing to underline). */
  readonly length: number;
}

/** jsonc-parser's name of an error code ('ValueExpected', 'InvalidSymbol', …). */
export type ParseErrorName = ReturnType<typeof printParseErrorCode>;

/** What the parser was waiting for when the error came. */
export type Expectation = 'value' | 'value-or-close' | 'property' | 'property-or-close' | 'colon' | 'comma-or-close' | 'end';

export interface SyntaxContext {
  readonly expected: Expectation;
  /** Unclosed brackets, outermost first, each with the last property key read in it (objects). */
  readonly open: readonly { readonly bracket: '[' | '{'; readonly key: string | undefined }[];
  /** Offset of the comma when it was the token just before. */
  readonly commaOffset: number | undefined;
  /** The literal value just before, when it was the token just before. */
  readonly previousLiteral: { readonly offset: number; readonly length: number } | undefined;
}

export function syntaxErrorMessage(text: string, name: ParseErrorName, offset: number, length: number, context: SyntaxContext): JsonSyntaxError {
  switch (name) {
    case 'UnexpectedEndOfString':
    case 'InvalidCharacter':
    case 'InvalidEscapeCharacter':
    case 'InvalidUnicode':
      return stringProblem(text, offset, length);
    case 'UnexpectedEndOfNumber': {
      // The token is the number up to the missing digit ("1." or "1e+").
      const at = offset + length;
      const where = /[eE+-]$/.test(text.slice(offset, at)) ? 'in the exponent' : 'after the decimal point';
      return { message: `expected a digit ${where}, found ${describeToken(text, at, at < text.length ? 1 : 0, context)}`, offset: at, length: at < text.length ? 1 : 0 };
    }
    case 'InvalidCommentToken':
      return { message: 'comments are not allowed in JSON', offset, length: Math.min(length, 2) };
    case 'UnexpectedEndOfComment':
      return { message: 'unterminated /* comment: missing the closing */', offset, length: 2 };
    default:
      return misplacedToken(text, offset, length, context);
  }
}

const NON_FINITE = /-?(?:NaN|Infinity)(?![\w$])/y;

/** A token where it cannot be: judged by what the parser expected there. */
function misplacedToken(text: string, offset: number, length: number, context: SyntaxContext): JsonSyntaxError {
  const token = text.slice(offset, offset + length);
  if (context.commaOffset !== undefined && (token === ']' || token === '}')) {
    return { message: `trailing comma before "${token}" (JSON allows none)`, offset: context.commaOffset, length: 1 };
  }
  if (offset >= text.length && context.open.length === 0 && context.expected === 'value') {
    return { message: 'the file is empty: expected a JSON value', offset, length: 0 };
  }
  NON_FINITE.lastIndex = offset;
  const nonFinite = context.expected.startsWith('value') ? NON_FINITE.exec(text) : null;
  if (nonFinite !== null) {
    return { message: 'NaN and Infinity are not JSON numbers (the values were not finite when written)', offset, length: nonFinite[0].length };
  }
  const previous = context.previousLiteral;
  if (previous !== undefined && previous.offset + previous.length === offset && /^-?0$/.test(text.slice(previous.offset, offset)) && /^\d/.test(token)) {
    const number = text.slice(previous.offset, offset + length);
    return { message: `invalid number "${number}": JSON numbers have no leading zeros`, offset: previous.offset, length: number.length };
  }
  const found = describeToken(text, offset, length, context);
  if (context.expected === 'end') return { message: `unexpected ${found} after the end of the JSON value`, offset, length };
  if (token === '-') return { message: `expected a digit after "-", found ${describeToken(text, offset + 1, 1, context)}`, offset, length };
  return { message: `expected ${expectation(context)}, found ${found}${wordHint(token)}`, offset, length };
}

function expectation(context: SyntaxContext): string {
  const innermost = context.open.at(-1);
  switch (context.expected) {
    case 'value':
      return 'a value';
    case 'value-or-close':
      return 'a value or "]"';
    case 'property':
      return 'a double-quoted property name';
    case 'property-or-close':
      return 'a double-quoted property name or "}"';
    case 'colon':
      return `":" after property "${innermost?.key ?? ''}"`;
    default:
      return innermost?.bracket === '[' ? '"," or "]" after an array element' : `"," or "}" after the value of "${innermost?.key ?? ''}"`;
  }
}

/** Bare words are usually strings without quotes, or Python's literals. */
function wordHint(token: string): string {
  if (token.startsWith("'")) return ' (JSON strings and property names need double quotes)';
  if (/^(?:True|False|None|TRUE|FALSE|NULL|Null)$/.test(token)) return ' (JSON writes true, false and null in lower case)';
  if (/^[A-Za-z_]/.test(token)) return ' (strings need double quotes)';
  return '';
}

/** `","`, `"layers"` (a string token as written), `the end of the file (2 unclosed brackets, the innermost "[")`. */
function describeToken(text: string, offset: number, length: number, context: SyntaxContext): string {
  if (offset >= text.length) {
    const open = context.open.length;
    const innermost = context.open.at(-1)?.bracket;
    if (open === 0 || innermost === undefined) return 'the end of the file';
    return `the end of the file (${open === 1 ? `1 unclosed "${innermost}"` : `${open} unclosed brackets, the innermost "${innermost}"`})`;
  }
  const token = text.slice(offset, offset + Math.max(length, 1));
  const first = token.charCodeAt(0);
  if (first === 0x0a || first === 0x0d) return 'a line break';
  if (first === 0x20) return 'a space';
  if (first <= 0x20 || (first >= 0x7f && first <= 0xa0) || first === 0xfeff || first === 0x2028 || first === 0x2029) {
    return `the invisible character U+${first.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  const shown = token.length > 24 ? `${token.slice(0, 23)}…` : token;
  return token.startsWith('"') ? shown : JSON.stringify(shown);
}

const ESCAPES: Readonly<Record<string, string>> = { '\b': '\\b', '\t': '\\t', '\f': '\\f' };

/**
 * The first problem inside the string token at [offset, offset + length): an unescaped control character, an invalid
 * escape, or the end of the line or of the text before the closing quote (jsonc-parser stops the token there).
 */
function stringProblem(text: string, offset: number, length: number): JsonSyntaxError {
  const end = offset + length;
  for (let index = offset + 1; index < end; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x5c) {
      const letter = text[index + 1];
      if (letter === 'u') {
        const digits = /^[0-9a-fA-F]{0,4}/.exec(text.slice(index + 2, index + 6))?.[0].length ?? 0;
        if (digits < 4) return { message: 'invalid \\u escape: expected four hexadecimal digits', offset: index, length: 2 + digits };
        index += 5;
      } else if (letter !== undefined && '"\\/bfnrt'.includes(letter)) {
        index++;
      } else if (letter !== undefined && index + 1 < end) {
        const escape = letter.charCodeAt(0) < 0x20 ? ': a backslash before a control character' : ` "\\${letter}"`;
        return { message: `invalid escape${escape} in a string (write \\\\ for a backslash)`, offset: index, length: 2 };
      }
    } else if (code < 0x20) {
      const character = text[index] ?? '';
      const written = ESCAPES[character] ?? `\\u${code.toString(16).padStart(4, '0')}`;
      return { message: `unescaped control character U+${code.toString(16).toUpperCase().padStart(4, '0')} inside a string: write it as ${written}`, offset: index, length: 1 };
    }
  }
  if (end < text.length) {
    return { message: 'unescaped control character (a line break) inside a string: close the string with " or write the line break as \\n', offset: end, length: 1 };
  }
  return { message: 'unterminated string: missing the closing double quote', offset, length };
}
