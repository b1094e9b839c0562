// Where a JSON text stops being valid. Node 20's JSON.parse sometimes names the position and sometimes only the
// token ("Unexpected token 'a', … is not valid JSON"), so a small recursive-descent scan finds the offset itself.

/** Offset of the first character that makes `text` invalid JSON, or null if it is valid. */
export function findJsonErrorOffset(text: string): number | null {
  const scanner = new JsonScanner(text);
  try {
    scanner.skipSpace();
    scanner.value();
    scanner.skipSpace();
    return scanner.position < text.length ? scanner.position : null;
  } catch (error) {
    if (error instanceof JsonOffsetError) return error.offset;
    throw error;
  }
}

/** 1-based line and column of a character offset (CRLF counts as one line break). */
export function lineAndColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset && index < text.length; index += 1) {
    if (text.charCodeAt(index) === 10) {
      line += 1;
      lineStart = index + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

class JsonOffsetError extends Error {
  constructor(readonly offset: number) {
    super(`invalid JSON at ${offset}`);
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;

class JsonScanner {
  position = 0;
  constructor(private readonly text: string) {}

  skipSpace(): void {
    while (/[ \t\r\n]/.test(this.text[this.position] ?? '')) this.position += 1;
  }

  value(): void {
    const char = this.text[this.position];
    if (char === '[') return this.array();
    if (char === '{') return this.object();
    if (char === '"') return this.match(STRING);
    for (const word of ['true', 'false', 'null']) {
      if (this.text.startsWith(word, this.position)) {
        this.position += word.length;
        return;
      }
    }
    return this.match(NUMBER);
  }

  private match(pattern: RegExp): void {
    pattern.lastIndex = this.position;
    const found = pattern.exec(this.text);
    if (found === null) throw new JsonOffsetError(this.position);
    this.position += found[0].length;
  }

  private array(): void {
    this.position += 1;
    this.skipSpace();
    if (this.text[this.position] === ']') {
      this.position += 1;
      return;
    }
    for (;;) {
      this.skipSpace();
      this.value();
      this.skipSpace();
      const char = this.text[this.position];
      this.position += 1;
      if (char === ']') return;
      if (char !== ',') throw new JsonOffsetError(this.position - 1);
    }
  }

  private object(): void {
    this.position += 1;
    this.skipSpace();
    if (this.text[this.position] === '}') {
      this.position += 1;
      return;
    }
    for (;;) {
      this.skipSpace();
      this.match(STRING);
      this.skipSpace();
      if (this.text[this.position] !== ':') throw new JsonOffsetError(this.position);
      this.position += 1;
      this.skipSpace();
      this.value();
      this.skipSpace();
      const char = this.text[this.position];
      this.position += 1;
      if (char === '}') return;
      if (char !== ',') throw new JsonOffsetError(this.position - 1);
    }
  }
}
