// Splits delimited text into records, chunk by chunk, so a large file is parsed while it streams in.
// Quoting follows RFC 4180: a field that starts with '"' runs to the next lone '"' and may contain the delimiter,
// line breaks and doubled quotes ("" → "). CRLF and LF both end a record. Lines without a quote take a fast path.
import { DataError } from '../dataError';

export type FieldDelimiter = ',' | '\t' | ';' | ' ';

export interface DelimitedRecord {
  readonly fields: string[];
  /** 1-based line where the record starts. */
  readonly line: number;
  /** The record's first physical line as written (for warnings about skipped lines). */
  readonly raw: string;
  readonly blank: boolean;
}

/** A quoted field may not run on for longer than this without its closing quote (a typo, not data). */
const MAX_OPEN_QUOTE_CHARS = 1 << 20;
const WHITESPACE_RUN = /[ \t]+/;

export class RecordSplitter {
  private pending = '';
  private nextLine = 1;

  /**
   * `onPlainLine`: optional fast path for a line without quotes; it returns true when it has taken the line
   * (then no record is built for it), false to get the usual record.
   */
  constructor(
    private readonly delimiter: FieldDelimiter,
    private readonly source: string,
    private readonly onRecord: (record: DelimitedRecord) => void,
    private readonly onPlainLine?: (line: string, lineNumber: number) => boolean,
  ) {}

  /** Feeds the next piece of text; complete records are reported, the unfinished tail is kept. */
  push(chunk: string): void {
    const text = this.pending === '' ? chunk : this.pending + chunk;
    this.pending = text.slice(this.consume(text, false));
  }

  /** End of input: the tail is the last record (a file need not end with a newline). */
  end(): void {
    const text = this.pending;
    this.pending = '';
    this.consume(text, true);
  }

  /** Reports every complete record in `text`; returns the offset where the unconsumed tail starts. */
  private consume(text: string, final: boolean): number {
    let position = 0;
    while (position < text.length) {
      const newline = text.indexOf('\n', position);
      if (newline < 0 && !final) break;
      const lineEnd = newline < 0 ? text.length : newline;
      const rawLine = stripCarriageReturn(text.slice(position, lineEnd));
      if (this.delimiter === ' ' || !rawLine.includes('"')) {
        if (this.onPlainLine === undefined || !this.onPlainLine(rawLine, this.nextLine)) this.emit(this.splitPlain(rawLine), rawLine);
        this.nextLine += 1;
        position = lineEnd + 1;
        continue;
      }
      const quoted = parseQuotedRecord(text, position, this.delimiter, final);
      if (quoted === null) {
        if (text.length - position > MAX_OPEN_QUOTE_CHARS) this.throwOpenQuote();
        break;
      }
      if (quoted.unterminated) this.throwOpenQuote(true);
      this.emit(quoted.fields, rawLine);
      this.nextLine += 1 + quoted.lineBreaks;
      position = quoted.end;
    }
    return Math.min(position, text.length);
  }

  private splitPlain(line: string): string[] {
    if (this.delimiter === ' ') {
      const trimmed = line.trim();
      return trimmed === '' ? [''] : trimmed.split(WHITESPACE_RUN);
    }
    return line.split(this.delimiter);
  }

  private emit(fields: string[], raw: string): void {
    this.onRecord({ fields, line: this.nextLine, raw, blank: raw.trim() === '' });
  }

  /** `atEnd`: the input ends inside the field (a file cut short, or a missing quote). */
  private throwOpenQuote(atEnd = false): never {
    throw new DataError(atEnd ? 'a quoted field opened on this line is never closed: the input ends inside it' : 'a quoted field opened on this line is never closed', {
      code: 'open-quote',
      source: this.source,
      line: this.nextLine,
      hint: atEnd
        ? 'Close the field with a second " — or, if the file was cut short, delete its incomplete last row.'
        : 'Close the field with a second " (write "" for a quote inside a quoted field).',
    });
  }
}

function stripCarriageReturn(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

interface QuotedRecord {
  readonly fields: string[];
  /** Offset just after the record's line break. */
  readonly end: number;
  /** Line breaks inside quoted fields (the record spans 1 + lineBreaks physical lines). */
  readonly lineBreaks: number;
  readonly unterminated: boolean;
}

/**
 * Character-level RFC 4180 scan of one record starting at `start`. Returns null when the record is not complete
 * in `text` yet (a quote still open, or no line break) and more input may follow.
 */
function parseQuotedRecord(text: string, start: number, delimiter: string, final: boolean): QuotedRecord | null {
  const fields: string[] = [];
  let field = '';
  let inQuotes = false;
  let lineBreaks = 0;
  let index = start;
  let fieldStart = true;
  while (index < text.length) {
    const char = text[index] as string;
    if (inQuotes) {
      if (char === '"') {
        if (text[index + 1] === '"') {
          field += '"';
          index += 2;
          continue;
        }
        if (index + 1 >= text.length && !final) return null; // a doubled quote may be split across chunks
        inQuotes = false;
      } else {
        if (char === '\n') lineBreaks += 1;
        field += char;
      }
      index += 1;
      continue;
    }
    if (char === '"' && fieldStart) {
      inQuotes = true;
      fieldStart = false;
      index += 1;
      continue;
    }
    if (char === delimiter) {
      fields.push(field);
      field = '';
      fieldStart = true;
      index += 1;
      continue;
    }
    if (char === '\n') {
      fields.push(stripCarriageReturn(field));
      return { fields, end: index + 1, lineBreaks, unterminated: false };
    }
    if (fieldStart && (char === ' ' || char === '\t') && delimiter !== '\t') {
      // Spaces before an opening quote (`a, "b"`) are not part of the field.
      let look = index;
      while (text[look] === ' ' || text[look] === '\t') look += 1;
      if (text[look] === '"') {
        index = look;
        continue;
      }
    }
    fieldStart = false;
    field += char;
    index += 1;
  }
  if (!final) return null;
  fields.push(stripCarriageReturn(field));
  return { fields, end: text.length, lineBreaks, unterminated: inQuotes };
}
