// Offsets → line/character, the way editors count them: lines split at \n, \r\n or \r; both numbers 0-based like
// vscode.Position (the CLI adds 1 to each for the usual `file:line:column`).

export interface SourcePosition {
  /** 0-based line. */
  readonly line: number;
  /** 0-based UTF-16 character within the line. */
  readonly character: number;
}

/** A stretch of the text: [offset, offset + length) and the same as start/end positions. */
export interface SourceRange {
  readonly offset: number;
  readonly length: number;
  readonly start: SourcePosition;
  readonly end: SourcePosition;
}

export class LineIndex {
  /** Offset of the first character of every line. */
  private readonly lineStarts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 0x0d) {
        if (text.charCodeAt(i + 1) === 0x0a) i++;
        this.lineStarts.push(i + 1);
      } else if (code === 0x0a) {
        this.lineStarts.push(i + 1);
      }
    }
  }

  positionAt(offset: number): SourcePosition {
    // Binary search for the last line start ≤ offset.
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.lineStarts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low, character: offset - (this.lineStarts[low] ?? 0) };
  }

  range(offset: number, length: number): SourceRange {
    return { offset, length, start: this.positionAt(offset), end: this.positionAt(offset + length) };
  }
}

/** `line:column`, both 1-based, for messages such as `model.json:12:5: …`. */
export function formatLineColumn(position: SourcePosition): string {
  return `${position.line + 1}:${position.character + 1}`;
}
