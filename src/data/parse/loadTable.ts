// Parsing text or a file into a ParsedTable, or a DataError that says where and how to fix it. Files are read in chunks
// through the platform (data/platform.ts), parsed while they stream, and refused at once when over the size limit.
import { CANCEL_CHECK_INTERVAL, DataCancelled, throwIfCancelled, type CancelSignal } from '../cancel';
import { DataError } from '../dataError';
import { notAFileProblem, type DataPlatform } from '../platform';
import { parseJsonTable } from './jsonTable';
import { LineEndNormalizer, normalizeLineEnds } from './lineEnds';
import { NumberListBuilder } from './numberListBuilder';
import type { ParsedTable } from './parsedTable';
import { RecordSplitter, type DelimitedRecord } from './recordSplitter';
import { detectLayout, SNIFF_MIN_LINES, type DetectedLayout } from './sniffFormat';
import { DelimitedTableBuilder } from './tableBuilder';
import { assertTextHasNoNul, StrictUtf8Decoder } from './textDecoding';

export type { ParsedColumn, ParsedTable, TableFormat, ColumnType } from './parsedTable';

/** Default size limit: the setting rnnLab.data.maxSelectionSizeMB defaults to 20. */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
/** Bytes read before the layout is guessed (the rest streams through the chosen parser). */
const SNIFF_BYTES = 64 * 1024;
const READ_CHUNK_BYTES = 1024 * 1024;
/** Most characters held back for the guess when the lines are very long. */
const MAX_SNIFF_CHARS = 16 * 1024 * 1024;

export interface LoadTableOptions {
  /** Refuse input larger than this many bytes (default DEFAULT_MAX_BYTES). */
  readonly maxBytes?: number;
  /** How errors name a file (default: its base name; the CLI passes the path as the user typed it). */
  readonly sourceName?: string;
  /** Sees every chunk of the file's bytes, in order (to hash what was read). */
  readonly onBytes?: (bytes: Uint8Array) => void;
  /** Looked at between pieces of PIECE_CHARS characters (≤ 64k lines); set → DataCancelled (data/cancel.ts). */
  readonly cancel?: CancelSignal;
}

/** Parses text already in memory (an editor selection or document). `sourceName` starts every error message. */
export function parseTableText(text: string, sourceName: string, options: LoadTableOptions = {}): ParsedTable {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const bytes = utf8Length(text);
  if (bytes > maxBytes) throw tooLargeError(sourceName, bytes, maxBytes);
  assertTextHasNoNul(text, sourceName);
  const clean = normalizeLineEnds(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  const layout = detectLayout(clean, true);
  const whole = wholeTextTable(layout, clean, sourceName);
  if (whole !== null) return whole;
  const parser = streamingParser(layout, sourceName);
  pushInPieces(parser, clean, options.cancel, sourceName);
  return parser.finish();
}

/** Reads a file in chunks; a file over the limit is refused before any of it is read. */
export async function loadTableFromFile(path: string, platform: DataPlatform, options: LoadTableOptions = {}): Promise<ParsedTable> {
  const source = options.sourceName ?? baseName(path);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let size: number;
  try {
    const info = await platform.stat(path);
    // Never opened unless regular: /dev/zero never ends, and opening a FIFO blocks until something writes to it.
    if (info.kind !== 'file') throw ioError(source, notAFileProblem(info.kind), 'Give the path of a data file.');
    size = info.size;
  } catch (error) {
    if (error instanceof DataError) throw error;
    throw ioError(source, `cannot read the file (${describeIoError(error)})`, 'Check the path and the file permissions.');
  }
  if (size > maxBytes) throw tooLargeError(source, size, maxBytes);

  const decoder = new StrictUtf8Decoder(source);
  const lineEnds = new LineEndNormalizer();
  let head = '';
  let parser: StreamingParser | null = null;
  let layout: DetectedLayout | null = null;
  let wholeText: string[] | null = null;
  try {
    let bytesRead = 0;
    for await (const chunk of platform.readChunks(path, READ_CHUNK_BYTES)) {
      // The size was checked before reading, but a file can grow while it is read (a log being written).
      bytesRead += chunk.length;
      if (bytesRead > maxBytes) throw tooLargeError(source, bytesRead, maxBytes);
      options.onBytes?.(chunk);
      let text = lineEnds.push(decoder.decode(chunk));
      if (layout === null) {
        head += text;
        // Enough to guess from: 64K characters holding SNIFF_MIN_LINES whole lines (wide rows need more), at most
        // MAX_SNIFF_CHARS; the rest then streams.
        if (head.length < SNIFF_BYTES || (head.length < MAX_SNIFF_CHARS && !hasLines(head, SNIFF_MIN_LINES))) continue;
        text = stripBom(head);
        layout = detectLayout(text, false);
        if (layout.kind === 'json' || layout.kind === 'text' || layout.kind === 'empty') wholeText = [];
        else parser = streamingParser(layout, source);
      }
      throwIfCancelled(options.cancel, source);
      if (wholeText !== null) wholeText.push(text);
      else if (parser !== null) pushInPieces(parser, text, options.cancel, source);
    }
  } catch (error) {
    if (error instanceof DataError || error instanceof DataCancelled) throw error;
    throw ioError(source, `cannot read the file (${describeIoError(error)})`, 'Check the path and the file permissions.');
  }
  const tail = lineEnds.push(decoder.decode(new Uint8Array(0), true), true);
  if (layout === null) {
    // The whole file fitted in the sniffing window.
    const text = stripBom(head + tail);
    const smallLayout = detectLayout(text, true);
    const whole = wholeTextTable(smallLayout, text, source);
    if (whole !== null) return whole;
    const smallParser = streamingParser(smallLayout, source);
    pushInPieces(smallParser, text, options.cancel, source);
    return smallParser.finish();
  }
  if (wholeText !== null) {
    wholeText.push(tail);
    return wholeTextTable(layout, wholeText.join(''), source) as ParsedTable;
  }
  parser?.push(tail);
  return (parser as StreamingParser).finish();
}

/** Characters parsed between two looks at the cancel signal: at most 64k lines of one digit and a line end. */
const PIECE_CHARS = 2 * CANCEL_CHECK_INTERVAL;

function pushInPieces(parser: StreamingParser, text: string, cancel: CancelSignal | undefined, source: string): void {
  if (cancel === undefined) {
    parser.push(text);
    return;
  }
  for (let start = 0; start < text.length; start += PIECE_CHARS) {
    throwIfCancelled(cancel, source);
    parser.push(text.slice(start, start + PIECE_CHARS));
  }
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

/** Prose for a character-level model: the text is kept whole; rows are its lines. A lone header line is a table. */
function textTable(text: string): ParsedTable {
  const normalised = normalizeLineEnds(text);
  const lines = normalised.endsWith('\n') ? normalised.slice(0, -1).split('\n') : normalised.split('\n');
  const nonBlank = lines.map((line, index) => ({ line, number: index + 1 })).filter(({ line }) => line.trim() !== '' && !line.trimStart().startsWith('#'));
  const only = nonBlank.length === 1 ? nonBlank[0] : undefined;
  const header = only !== undefined ? headerLineNames(only.line) : undefined;
  if (only !== undefined && header !== undefined) return headerOnlyTable(only.line, only.number, header);
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

/**
 * "a,b" alone: a table with those columns and no rows (inspect shows it; training refuses it at the header's line).
 * Its columns count as number columns full of nothing, as an empty column of a table does.
 */
function headerOnlyTable(line: string, lineNumber: number, header: { delimiter: '\t' | ';' | ','; names: string[] }): ParsedTable {
  const format = header.delimiter === '\t' ? 'tsv' : header.delimiter === ';' ? 'semicolon' : 'csv';
  return {
    format,
    delimiter: header.delimiter,
    hasHeader: true,
    headerLine: lineNumber,
    rows: 0,
    columns: header.names.map((name) => ({ name, type: 'number', missing: 0, values: new Float64Array(0) })),
    warnings: [`line ${lineNumber}: "${line.trim().slice(0, 60)}" is a table header with no data rows below it`],
    rowLines: new Int32Array(0),
  };
}

/** "a,b" or "time;value;label": two or more distinct short names split by ',', ';' or a tab, none a number. */
function headerLineNames(line: string): { delimiter: '\t' | ';' | ','; names: string[] } | undefined {
  const delimiter = (['\t', ';', ','] as const).find((candidate) => line.includes(candidate));
  // A sentence ("Hola, qué tal, amigo.") is prose, not names.
  if (delimiter === undefined || /[.!?…:]["')]?$/.test(line.trim())) return undefined;
  const names = line.split(delimiter).map((name) => name.trim().replace(/^"(.*)"$/, '$1'));
  const header = names.length >= 2 && names.every((name) => name !== '' && name.length <= 40 && !/^[-+.\d]/.test(name));
  return header && new Set(names).size === names.length ? { delimiter, names } : undefined;
}

/** Whether `text` holds at least `count` line ends. */
function hasLines(text: string, count: number): boolean {
  let from = 0;
  for (let line = 0; line < count; line += 1) {
    const newline = text.indexOf('\n', from);
    if (newline < 0) return false;
    from = newline + 1;
  }
  return true;
}

/** Bytes of `text` in UTF-8, without encoding it. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(index + 1) & 0xfc00) === 0xdc00) {
      // a surrogate pair is one code point of 4 bytes
      bytes += 4;
      index += 1;
    } else bytes += 3; // the rest of the BMP, and a lone surrogate (encoded as U+FFFD)
  }
  return bytes;
}

/** The last segment of a path, with / or \\ as separators. */
function baseName(path: string): string {
  const segments = path.split(/[\\/]/);
  return segments[segments.length - 1] || path;
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
