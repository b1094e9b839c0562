// Entry point of data intake, shared by the extension host (selection, explorer file) and `rnn-lab`:
// text or a file in, a ParsedTable out, or a DataError that says where and how to fix it.
import { createReadStream, promises as fs } from 'node:fs';
import { basename } from 'node:path';
import { DataError } from '../dataError';
import { parseJsonTable } from './jsonTable';
import { NumberListBuilder } from './numberListBuilder';
import type { ParsedTable } from './parsedTable';
import { RecordSplitter, type DelimitedRecord } from './recordSplitter';
import { detectLayout, type DetectedLayout } from './sniffFormat';
import { DelimitedTableBuilder } from './tableBuilder';
import { assertTextHasNoNul, StrictUtf8Decoder } from './textDecoding';

export type { ParsedColumn, ParsedTable, TableFormat, ColumnType } from './parsedTable';

/** Default size limit: the setting rnnLab.data.maxSelectionSizeMB defaults to 20. */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
/** Bytes read before the layout is guessed (the rest streams through the chosen parser). */
const SNIFF_BYTES = 64 * 1024;
const READ_CHUNK_BYTES = 1024 * 1024;

export interface LoadTableOptions {
  /** Refuse input larger than this many bytes (default DEFAULT_MAX_BYTES). */
  maxBytes?: number;
  /** How errors name a file (default: its base name; the CLI passes the path as the user typed it). */
  sourceName?: string;
}

/** Parses text already in memory (an editor selection or document). `sourceName` starts every error message. */
export function parseTableText(text: string, sourceName: string, options: LoadTableOptions = {}): ParsedTable {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > maxBytes) throw tooLargeError(sourceName, bytes, maxBytes);
  assertTextHasNoNul(text, sourceName);
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const layout = detectLayout(clean, true);
  const whole = wholeTextTable(layout, clean, sourceName);
  if (whole !== null) return whole;
  const parser = streamingParser(layout, sourceName);
  parser.push(clean);
  return parser.finish();
}

/** Reads a file in chunks; a file over the limit is refused before any of it is read. */
export async function loadTableFromFile(path: string, options: LoadTableOptions = {}): Promise<ParsedTable> {
  const source = options.sourceName ?? basename(path);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let size: number;
  try {
    const stats = await fs.stat(path);
    if (!stats.isFile()) throw ioError(source, 'this is a folder, not a file', 'Give the path of a data file.');
    size = stats.size;
  } catch (error) {
    if (error instanceof DataError) throw error;
    throw ioError(source, `cannot read the file (${describeIoError(error)})`, 'Check the path and the file permissions.');
  }
  if (size > maxBytes) throw tooLargeError(source, size, maxBytes);

  const decoder = new StrictUtf8Decoder(source);
  let head = '';
  let parser: StreamingParser | null = null;
  let layout: DetectedLayout | null = null;
  let wholeText: string[] | null = null;
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: READ_CHUNK_BYTES })) {
      let text = decoder.decode(chunk as Buffer);
      if (layout === null) {
        head += text;
        if (head.length < SNIFF_BYTES) continue;
        text = stripBom(head);
        layout = detectLayout(text, false);
        if (layout.kind === 'json' || layout.kind === 'text' || layout.kind === 'empty') wholeText = [];
        else parser = streamingParser(layout, source);
      }
      if (wholeText !== null) wholeText.push(text);
      else parser?.push(text);
    }
  } catch (error) {
    if (error instanceof DataError) throw error;
    throw ioError(source, `cannot read the file (${describeIoError(error)})`, 'Check the path and the file permissions.');
  }
  const tail = decoder.decode(new Uint8Array(0), true);
  if (layout === null) {
    // The whole file fitted in the sniffing window.
    const text = stripBom(head + tail);
    const smallLayout = detectLayout(text, true);
    const whole = wholeTextTable(smallLayout, text, source);
    if (whole !== null) return whole;
    const smallParser = streamingParser(smallLayout, source);
    smallParser.push(text);
    return smallParser.finish();
  }
  if (wholeText !== null) {
    wholeText.push(tail);
    return wholeTextTable(layout, wholeText.join(''), source) as ParsedTable;
  }
  parser?.push(tail);
  return (parser as StreamingParser).finish();
}

interface StreamingParser {
  push(text: string): void;
  finish(): ParsedTable;
}

function streamingParser(layout: DetectedLayout, source: string): StreamingParser {
  if (layout.kind === 'table') {
    const builder = new DelimitedTableBuilder(layout, source);
    const splitter = new RecordSplitter(
      layout.delimiter,
      source,
      (record) => builder.accept(record),
      (line, lineNumber) => builder.acceptPlainLine(line, lineNumber),
    );
    return {
      push: (text) => splitter.push(text),
      finish: () => {
        splitter.end();
        return builder.finish();
      },
    };
  }
  if (layout.kind === 'number-list') {
    const builder = new NumberListBuilder(layout.separator, source);
    // Whitespace mode hands over whole lines untouched; the builder splits them by its own separator.
    const splitter = new RecordSplitter(
      ' ',
      source,
      (record: DelimitedRecord) => builder.accept(record),
      (line, lineNumber) => builder.acceptPlainLine(line, lineNumber),
    );
    return {
      push: (text) => splitter.push(text),
      finish: () => {
        splitter.end();
        return builder.finish();
      },
    };
  }
  throw new Error(`no streaming parser for ${layout.kind}`);
}

/** JSON, prose and empty input are handled as one string; null for the streamed layouts. */
function wholeTextTable(layout: DetectedLayout, text: string, source: string): ParsedTable | null {
  switch (layout.kind) {
    case 'json':
      return parseJsonTable(text, source);
    case 'text':
      return textTable(text);
    case 'empty':
      throw new DataError('there is no data (the input is empty or only blank lines)', {
        code: 'empty',
        source,
        hint: 'Select or open numbers, a table, JSON or text to learn from.',
      });
    default:
      return null;
  }
}

/** Prose for a character-level model: the text is kept whole; rows are its lines. */
function textTable(text: string): ParsedTable {
  const normalised = text.replace(/\r\n/g, '\n');
  const lines = normalised.endsWith('\n') ? normalised.slice(0, -1).split('\n') : normalised.split('\n');
  return {
    format: 'text',
    delimiter: null,
    hasHeader: false,
    rows: lines.length,
    columns: [{ name: 'text', type: 'text', missing: 0 }],
    warnings: [],
    text: normalised,
  };
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function tooLargeError(source: string, bytes: number, maxBytes: number): DataError {
  return new DataError(`the data is ${formatMegabytes(bytes)}, over the limit of ${formatMegabytes(maxBytes)} (${maxBytes} bytes)`, {
    code: 'too-large',
    source,
    hint: 'Raise the limit with --max-bytes N (rnn-lab) or the setting rnnLab.data.maxSelectionSizeMB (VS Code), or use a smaller part of the data.',
  });
}

function formatMegabytes(bytes: number): string {
  const megabytes = bytes / (1024 * 1024);
  return `${megabytes >= 10 ? megabytes.toFixed(0) : megabytes.toFixed(1)} MB`;
}

function ioError(source: string, problem: string, hint: string): DataError {
  return new DataError(problem, { code: 'io', source, hint });
}

function describeIoError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  return error instanceof Error ? error.message : String(error);
}
