// Where and why a text is not valid JSON (RFC 8259), for error messages with line:column. V8's JSON.parse messages
// only sometimes carry a position, so after JSON.parse fails this scanner re-reads the text and stops at the first
// offending character. It checks syntax only (no values are built) and uses an explicit stack, so deeply nested
// input cannot overflow the call stack.

export interface JsonSyntaxProblem {
  /** 1-based line and column (UTF-16 code units) of the offending character. */
  readonly line: number;
  readonly column: number;
  readonly offset: number;
  /** What is wrong, e.g. "expected ',' or ']' after an array element, found '}'". */
  readonly message: string;
}

type Expectation = 'value' | 'value-or-close' | 'value-after-comma' | 'key-or-close' | 'key-after-comma' | 'colon' | 'comma-or-close' | 'done';

class Found extends Error {
  constructor(
    readonly offset: number,
    readonly problem: string,
  ) {
    super(problem);
  }
}

/** The first syntax error of `text`, or undefined if it is valid JSON. */
export function findJsonSyntaxProblem(text: string): JsonSyntaxProblem | undefined {
  try {
    scan(text);
    return undefined;
  } catch (error) {
    if (!(error instanceof Found)) throw error;
    const { line, column } = lineAndColumn(text, error.offset);
    return { line, column, offset: error.offset, message: error.problem };
  }
}

export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function describe(text: string, offset: number): string {
  if (offset >= text.length) return 'the end of the text';
  const ch = text[offset] as string;
  return ch === '\n' || ch === '\r' ? 'a line break' : `'${ch}'`;
}

function scan(text: string): void {
  const containers: ('array' | 'object')[] = [];
  let expect = 'value' as Expectation; // widened: closures (afterValue) assign it too
  let pos = 0;
  const afterValue = (): void => {
    expect = containers.length > 0 ? 'comma-or-close' : 'done';
  };
  for (;;) {
    while (pos < text.length && (text[pos] === ' ' || text[pos] === '\t' || text[pos] === '\n' || text[pos] === '\r')) pos++;
    if (pos >= text.length) {
      if (expect === 'done') return;
      throw new Found(pos, containers.length > 0 ? `unexpected end of the text: ${containers.length} unclosed ${containers.at(-1) === 'array' ? "'['" : "'{'"}` : 'unexpected end of the text: a value was expected');
    }
    const ch = text[pos] as string;
    switch (expect) {
      case 'done':
        throw new Found(pos, `unexpected ${describe(text, pos)} after the end of the JSON value`);
      case 'colon':
        if (ch !== ':') throw new Found(pos, `expected ':' after a property name, found ${describe(text, pos)}`);
        pos++;
        expect = 'value';
        break;
      case 'comma-or-close': {
        const container = containers.at(-1);
        if (ch === ',') {
          pos++;
          expect = container === 'array' ? 'value-after-comma' : 'key-after-comma';
        } else if ((ch === ']' && container === 'array') || (ch === '}' && container === 'object')) {
          pos++;
          containers.pop();
          afterValue();
        } else {
          const close = container === 'array' ? "']'" : "'}'";
          const what = container === 'array' ? 'an array element' : 'a property value';
          throw new Found(pos, `expected ',' or ${close} after ${what}, found ${describe(text, pos)}`);
        }
        break;
      }
      case 'key-or-close':
      case 'key-after-comma':
        if (ch === '}' && expect === 'key-or-close') {
          pos++;
          containers.pop();
          afterValue();
        } else if (ch === '"') {
          pos = scanString(text, pos);
          expect = 'colon';
        } else if (ch === '}') {
          throw new Found(pos, "trailing comma before '}' (JSON allows none)");
        } else {
          throw new Found(pos, `expected a double-quoted property name, found ${describe(text, pos)}`);
        }
        break;
      case 'value':
      case 'value-or-close':
      case 'value-after-comma':
        if (ch === ']' && expect === 'value-or-close') {
          pos++;
          containers.pop();
          afterValue();
        } else if (ch === ']' && expect === 'value-after-comma') {
          throw new Found(pos, "trailing comma before ']' (JSON allows none)");
        } else if (ch === '{') {
          pos++;
          containers.push('object');
          expect = 'key-or-close';
        } else if (ch === '[') {
          pos++;
          containers.push('array');
          expect = 'value-or-close';
        } else if (ch === '"') {
          pos = scanString(text, pos);
          afterValue();
        } else if (text.startsWith('NaN', pos) || text.startsWith('Infinity', pos) || text.startsWith('-Infinity', pos)) {
          throw new Found(pos, 'NaN and Infinity are not JSON numbers (the values were not finite when written)');
        } else if (ch === '-' || (ch >= '0' && ch <= '9')) {
          pos = scanNumber(text, pos);
          afterValue();
        } else if (text.startsWith('true', pos) || text.startsWith('null', pos)) {
          pos += 4;
          afterValue();
        } else if (text.startsWith('false', pos)) {
          pos += 5;
          afterValue();
        } else {
          throw new Found(pos, `expected a value, found ${describe(text, pos)}`);
        }
        break;
    }
  }
}

/** -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?; returns the offset after the number. */
function scanNumber(text: string, start: number): number {
  let pos = start;
  const isDigit = (at: number): boolean => at < text.length && text.charCodeAt(at) >= 48 && text.charCodeAt(at) <= 57;
  if (text[pos] === '-') pos++;
  if (text[pos] === '0') {
    pos++;
  } else if (isDigit(pos)) {
    while (isDigit(pos)) pos++;
  } else {
    throw new Found(pos, `expected a digit after '-', found ${describe(text, pos)}`);
  }
  if (text[pos] === '.') {
    pos++;
    if (!isDigit(pos)) throw new Found(pos, `expected a digit after the decimal point, found ${describe(text, pos)}`);
    while (isDigit(pos)) pos++;
  }
  if (text[pos] === 'e' || text[pos] === 'E') {
    pos++;
    if (text[pos] === '+' || text[pos] === '-') pos++;
    if (!isDigit(pos)) throw new Found(pos, `expected a digit in the exponent, found ${describe(text, pos)}`);
    while (isDigit(pos)) pos++;
  }
  return pos;
}

/** A double-quoted string starting at `start`; returns the offset after the closing quote. */
function scanString(text: string, start: number): number {
  let pos = start + 1;
  while (pos < text.length) {
    const code = text.charCodeAt(pos);
    if (code === 34) return pos + 1; // "
    if (code < 0x20) throw new Found(pos, 'unescaped control character (e.g. a line break) inside a string');
    if (code === 92) {
      // backslash
      const escape = text[pos + 1];
      if (escape !== undefined && '"\\/bfnrt'.includes(escape)) {
        pos += 2;
      } else if (escape === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6))) {
        pos += 6;
      } else {
        throw new Found(pos, 'invalid escape sequence in a string');
      }
      continue;
    }
    pos++;
  }
  throw new Found(start, 'unterminated string (no closing \'"\')');
}
