// A small JSON parser that keeps the character offset of every node, so lenses, diagnostics and CLI errors can
// point at the exact place in the file (JSON.parse forgets where things were).
//
// Tolerances, because the files come from Python and from editors:
// - `NaN`, `Infinity`, `-Infinity` are numbers (Python's json.dumps writes them for float configs by default);
// - `//` and `/* */` comments are skipped (VS Code users write JSON with comments);
// - a leading byte-order mark is skipped.
// Everything else is strict JSON: a syntax error is returned (never thrown) with its offset.

export interface JsonNodeBase {
  /** Offset of the node's first character in the text (UTF-16 code units, as JavaScript strings and VS Code count). */
  readonly offset: number;
  /** Characters from `offset` to just after the node's last character. */
  readonly length: number;
}

export interface JsonProperty {
  readonly key: string;
  readonly keyOffset: number;
  readonly keyLength: number;
  readonly value: JsonNode;
}

export interface JsonObjectNode extends JsonNodeBase {
  readonly kind: 'object';
  readonly properties: readonly JsonProperty[];
}

export interface JsonArrayNode extends JsonNodeBase {
  readonly kind: 'array';
  readonly items: readonly JsonNode[];
}

export interface JsonStringNode extends JsonNodeBase {
  readonly kind: 'string';
  readonly value: string;
}

export interface JsonNumberNode extends JsonNodeBase {
  readonly kind: 'number';
  readonly value: number;
}

export interface JsonBooleanNode extends JsonNodeBase {
  readonly kind: 'boolean';
  readonly value: boolean;
}

export interface JsonNullNode extends JsonNodeBase {
  readonly kind: 'null';
}

export type JsonNode = JsonObjectNode | JsonArrayNode | JsonStringNode | JsonNumberNode | JsonBooleanNode | JsonNullNode;

export interface JsonSyntaxError {
  readonly message: string;
  readonly offset: number;
  readonly length: number;
}

export type JsonParseResult = { readonly ok: true; readonly root: JsonNode } | { readonly ok: false; readonly error: JsonSyntaxError };

/** Deeper nesting than this is reported as an error instead of risking the call stack. */
export const MAX_JSON_DEPTH = 512;

class JsonSyntaxFailure {
  constructor(readonly error: JsonSyntaxError) {}
}

export function parseLocatedJson(text: string): JsonParseResult {
  const parser = new LocatedJsonParser(text);
  try {
    return { ok: true, root: parser.parseDocument() };
  } catch (failure) {
    if (failure instanceof JsonSyntaxFailure) return { ok: false, error: failure.error };
    throw failure;
  }
}

class LocatedJsonParser {
  private position = 0;

  constructor(private readonly text: string) {
    if (text.charCodeAt(0) === 0xfeff) this.position = 1;
  }

  parseDocument(): JsonNode {
    this.skipWhitespaceAndComments();
    if (this.position >= this.text.length) this.fail('the file is empty: expected a JSON value', this.position, 0);
    const root = this.parseValue(0);
    this.skipWhitespaceAndComments();
    if (this.position < this.text.length) {
      this.fail(`unexpected ${this.describeHere()} after the end of the JSON value`, this.position, 1);
    }
    return root;
  }

  private parseValue(depth: number): JsonNode {
    if (depth > MAX_JSON_DEPTH) this.fail(`nesting deeper than ${MAX_JSON_DEPTH} levels`, this.position, 1);
    const start = this.position;
    const char = this.text[start];
    switch (char) {
      case '{':
        return this.parseObject(depth);
      case '[':
        return this.parseArray(depth);
      case '"': {
        const value = this.parseString();
        return { kind: 'string', value, offset: start, length: this.position - start };
      }
      case 't':
        return this.parseKeyword('true', { kind: 'boolean', value: true, offset: start, length: 4 });
      case 'f':
        return this.parseKeyword('false', { kind: 'boolean', value: false, offset: start, length: 5 });
      case 'n':
        return this.parseKeyword('null', { kind: 'null', offset: start, length: 4 });
      case 'N':
        return this.parseKeyword('NaN', { kind: 'number', value: Number.NaN, offset: start, length: 3 });
      case 'I':
        return this.parseKeyword('Infinity', { kind: 'number', value: Number.POSITIVE_INFINITY, offset: start, length: 8 });
      case undefined:
        return this.fail('unexpected end of file: expected a value', start, 0);
      default:
        if (char === '-' || (char >= '0' && char <= '9')) return this.parseNumber();
        return this.fail(`unexpected ${this.describeHere()}: expected a value`, start, 1);
    }
  }

  private parseObject(depth: number): JsonObjectNode {
    const start = this.position;
    this.position++; // '{'
    const properties: JsonProperty[] = [];
    this.skipWhitespaceAndComments();
    if (this.text[this.position] === '}') {
      this.position++;
      return { kind: 'object', properties, offset: start, length: this.position - start };
    }
    let commaOffset = -1;
    for (;;) {
      this.skipWhitespaceAndComments();
      const keyOffset = this.position;
      if (this.text[keyOffset] !== '"') {
        if (this.text[keyOffset] === '}' && commaOffset >= 0) this.fail('trailing comma before "}"', commaOffset, 1);
        this.fail(`expected a property name in double quotes, found ${this.describeHere()}`, keyOffset, 1);
      }
      const key = this.parseString();
      const keyLength = this.position - keyOffset;
      this.skipWhitespaceAndComments();
      if (this.text[this.position] !== ':') this.fail(`expected ":" after property "${key}", found ${this.describeHere()}`, this.position, 1);
      this.position++;
      this.skipWhitespaceAndComments();
      const value = this.parseValue(depth + 1);
      properties.push({ key, keyOffset, keyLength, value });
      this.skipWhitespaceAndComments();
      const next = this.text[this.position];
      if (next === ',') {
        commaOffset = this.position;
        this.position++;
        continue;
      }
      if (next === '}') {
        this.position++;
        return { kind: 'object', properties, offset: start, length: this.position - start };
      }
      this.fail(`expected "," or "}" after the value of "${key}", found ${this.describeHere()}`, this.position, next === undefined ? 0 : 1);
    }
  }

  private parseArray(depth: number): JsonArrayNode {
    const start = this.position;
    this.position++; // '['
    const items: JsonNode[] = [];
    this.skipWhitespaceAndComments();
    if (this.text[this.position] === ']') {
      this.position++;
      return { kind: 'array', items, offset: start, length: this.position - start };
    }
    let commaOffset = -1;
    for (;;) {
      this.skipWhitespaceAndComments();
      if (this.text[this.position] === ']' && commaOffset >= 0) this.fail('trailing comma before "]"', commaOffset, 1);
      items.push(this.parseValue(depth + 1));
      this.skipWhitespaceAndComments();
      const next = this.text[this.position];
      if (next === ',') {
        commaOffset = this.position;
        this.position++;
        continue;
      }
      if (next === ']') {
        this.position++;
        return { kind: 'array', items, offset: start, length: this.position - start };
      }
      this.fail(`expected "," or "]" in the array, found ${this.describeHere()}`, this.position, next === undefined ? 0 : 1);
    }
  }

  private parseString(): string {
    const start = this.position;
    this.position++; // opening quote
    let value = '';
    let chunkStart = this.position;
    for (;;) {
      const code = this.text.charCodeAt(this.position);
      if (Number.isNaN(code)) this.fail('unterminated string: missing the closing double quote', start, this.position - start);
      if (code === 0x22) {
        value += this.text.slice(chunkStart, this.position);
        this.position++;
        return value;
      }
      if (code < 0x20) this.fail('control character inside a string (line breaks must be written \\n)', this.position, 1);
      if (code === 0x5c) {
        value += this.text.slice(chunkStart, this.position);
        value += this.parseEscape();
        chunkStart = this.position;
        continue;
      }
      this.position++;
    }
  }

  private parseEscape(): string {
    const escapeStart = this.position;
    const letter = this.text[this.position + 1];
    this.position += 2;
    switch (letter) {
      case '"':
        return '"';
      case '\\':
        return '\\';
      case '/':
        return '/';
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      case 'u': {
        const hex = this.text.slice(this.position, this.position + 4);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('invalid \\u escape: expected four hexadecimal digits', escapeStart, 2 + hex.length);
        this.position += 4;
        return String.fromCharCode(parseInt(hex, 16));
      }
      default:
        return this.fail(`invalid escape "\\${letter ?? ''}" in a string`, escapeStart, 2);
    }
  }

  private parseNumber(): JsonNumberNode {
    const start = this.position;
    if (this.text.startsWith('-Infinity', start)) {
      this.position += 9;
      return { kind: 'number', value: Number.NEGATIVE_INFINITY, offset: start, length: 9 };
    }
    const match = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    match.lastIndex = start;
    const found = match.exec(this.text);
    if (found === null) this.fail(`invalid number starting with ${this.describeHere()}`, start, 1);
    const literal = found[0];
    const after = this.text[start + literal.length];
    if (after !== undefined && /[0-9A-Za-z.+\-_]/.test(after)) {
      this.fail(`invalid number "${this.text.slice(start, start + literal.length + 1)}"`, start, literal.length + 1);
    }
    this.position = start + literal.length;
    return { kind: 'number', value: Number(literal), offset: start, length: literal.length };
  }

  private parseKeyword<T extends JsonNode>(word: string, node: T): T {
    if (!this.text.startsWith(word, this.position)) {
      const wordMatch = /[A-Za-z_$][\w$]*/y;
      wordMatch.lastIndex = this.position;
      const found = wordMatch.exec(this.text)?.[0] ?? this.text[this.position] ?? '';
      this.fail(`unexpected "${found}": expected a value (strings need double quotes)`, this.position, Math.max(found.length, 1));
    }
    this.position += word.length;
    return node;
  }

  private skipWhitespaceAndComments(): void {
    const text = this.text;
    for (;;) {
      const char = text[this.position];
      if (char === ' ' || char === '\n' || char === '\r' || char === '\t') {
        this.position++;
      } else if (char === '/' && text[this.position + 1] === '/') {
        const end = text.indexOf('\n', this.position);
        this.position = end < 0 ? text.length : end + 1;
      } else if (char === '/' && text[this.position + 1] === '*') {
        const end = text.indexOf('*/', this.position + 2);
        if (end < 0) this.fail('unterminated /* comment', this.position, 2);
        this.position = end + 2;
      } else {
        return;
      }
    }
  }

  private describeHere(): string {
    const char = this.text[this.position];
    if (char === undefined) return 'the end of the file';
    return JSON.stringify(char);
  }

  private fail(message: string, offset: number, length: number): never {
    throw new JsonSyntaxFailure({ message, offset, length });
  }
}
