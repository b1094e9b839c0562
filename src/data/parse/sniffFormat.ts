// Guessing the layout of sequence data from its first part, the way a person would glance at it:
// JSON if it opens with [ or {; a table if one separator (tab, ';', ',', or runs of spaces) splits most lines into
// the same number of fields (≥ 2); a plain list of numbers if every line is numbers; otherwise prose for a
// character-level model.
import { isMissingMarker, isSeparatorDirective, looksLikeNumber, startsWithWord } from './cellValues';
import { RecordSplitter, type DelimitedRecord, type FieldDelimiter } from './recordSplitter';

export type DetectedLayout =
  | { readonly kind: 'json' }
  | { readonly kind: 'text' }
  | { readonly kind: 'empty' }
  /** Numbers in any arrangement on lines, read in reading order as one series. */
  | { readonly kind: 'number-list'; readonly separator: ',' | ';' | ' ' | '\n'; readonly decimalComma: boolean }
  | {
      readonly kind: 'table';
      readonly format: 'csv' | 'tsv' | 'semicolon' | 'numbers';
      readonly delimiter: FieldDelimiter;
      /** Fields per record in most lines. */
      readonly fieldCount: number;
      readonly decimalComma: boolean;
    };

const SNIFF_CHARS = 64 * 1024;
/** Complete lines the sniffer wants to see, reading past SNIFF_CHARS for them (a header and two rows). */
export const SNIFF_MIN_LINES = 3;
/** Tried in this order: a tab is never part of a number, ';' only in decimal-comma files, ',' last. */
const TABLE_DELIMITERS = [
  ['\t', 'tsv'],
  [';', 'semicolon'],
  [',', 'csv'],
] as const;
/** Lines looked at when guessing; enough to outvote a header, a footer and a few odd lines. */
const SNIFF_RECORDS = 200;
/** Share of records that must have the usual field count for a separator to count as the table's delimiter. */
const CONSISTENT_SHARE = 0.8;

/**
 * `sample` is the beginning of the input; `complete` says whether it is all of it (otherwise its last, possibly
 * cut-off line is ignored).
 */
export function detectLayout(sample: string, complete: boolean): DetectedLayout {
  const firstChar = /\S/.exec(sample)?.[0];
  if (firstChar === undefined) return { kind: 'empty' };
  if (firstChar === '[' || firstChar === '{') return { kind: 'json' };

  // Guess from the first 64K characters (the real parse reads everything), or more when that holds fewer than
  // SNIFF_MIN_LINES whole lines (very wide rows); cut at a line end. A single line longer than everything given (a
  // 120 kB list of numbers on one line) is cut after its last complete separator instead: its start is what there is.
  const head = sample.slice(0, sniffLength(sample));
  const whole = complete && head.length === sample.length;
  const lastNewline = head.lastIndexOf('\n');
  const usable = whole ? head : lastNewline >= 0 ? head.slice(0, lastNewline) : head.slice(0, lastSeparator(head));
  const lines = meaningfulLines(usable);
  if (lines.length === 0) return { kind: 'empty' };

  const directive = /^\s*"?sep=(.)/i.exec(usable.slice(0, usable.indexOf('\n') + 1 || undefined).trim());
  const named = TABLE_DELIMITERS.find(([delimiter]) => delimiter === directive?.[1]);
  if (named !== undefined) {
    const [delimiter, format] = named;
    const fieldCount = usualFieldCount(sniffRecords(usable, delimiter), 0) ?? 1;
    return { kind: 'table', format, delimiter, fieldCount, decimalComma: delimiter !== ',' };
  }

  for (const [delimiter, format] of TABLE_DELIMITERS) {
    const fieldCount = consistentFieldCount(sniffRecords(usable, delimiter), delimiter !== '\t');
    if (fieldCount !== null) return { kind: 'table', format, delimiter, fieldCount, decimalComma: delimiter !== ',' };
  }

  if (lines.every((line) => lineIsNumbers(line))) {
    return { kind: 'number-list', ...numberListSeparator(lines) };
  }
  // Columns aligned with spaces, as numpy.savetxt or a lab instrument writes them (a header line allowed).
  const spaced = consistentFieldCount(sniffRecords(usable, ' '), false);
  if (spaced !== null && mostlyNumeric(lines.slice(1), ' ')) {
    return { kind: 'table', format: 'numbers', delimiter: ' ', fieldCount: spaced, decimalComma: true };
  }
  // One value per line under a one-word header ("value"), perhaps with a footer or a few bad values (reported
  // later with their line): a one-column table.
  const dataLines = lines.slice(1);
  if (dataLines.length > 0 && !lineIsNumbers(lines[0] as string) && share(dataLines, (l) => lineIsNumbers(l) && !/[,; \t]/.test(l.trim())) >= 0.5) {
    return { kind: 'table', format: 'csv', delimiter: ',', fieldCount: 1, decimalComma: false };
  }
  // Mostly numbers but no separator is consistent: a small table with a broken line. Parse it as the table it
  // mostly is, so the broken line is reported with its line number instead of the data being taken for prose.
  if (numericTokenShare(lines) >= 0.5) {
    for (const [delimiter, format] of TABLE_DELIMITERS) {
      const fieldCount = usualFieldCount(sniffRecords(usable, delimiter), 0.5);
      if (fieldCount !== null) return { kind: 'table', format, delimiter, fieldCount, decimalComma: delimiter !== ',' };
    }
  }
  // Mostly numbers: a number list whose odd lines or values (a footer, a typo) are then reported by line/column.
  if (share(lines, lineIsNumbers) >= 0.5 || numericTokenShare(lines) >= 0.75) {
    return { kind: 'number-list', ...numberListSeparator(lines) };
  }
  return { kind: 'text' };
}

/** SNIFF_CHARS, or up to the end of the SNIFF_MIN_LINES-th line when that is further, or all of `sample`. */
function sniffLength(sample: string): number {
  let end = 0;
  for (let line = 0; line < SNIFF_MIN_LINES; line += 1) {
    const newline = sample.indexOf('\n', end);
    if (newline < 0) return sample.length;
    end = newline + 1;
  }
  return Math.max(end, Math.min(SNIFF_CHARS, sample.length));
}

/** Offset of the last ',', ';', tab or space: the cut-off field after it is left out. */
function lastSeparator(text: string): number {
  for (let index = text.length - 1; index >= 0; index -= 1) {
    const code = text.charCodeAt(index);
    if (code === 0x2c || code === 0x3b || code === 0x09 || code === 0x20) return index;
  }
  return 0;
}

function meaningfulLines(text: string): string[] {
  const lines: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '' || line.trimStart().startsWith('#') || (lines.length === 0 && isSeparatorDirective(line))) continue;
    lines.push(line);
    if (lines.length >= SNIFF_RECORDS) break;
  }
  return lines;
}

function sniffRecords(text: string, delimiter: FieldDelimiter): DelimitedRecord[] {
  const records: DelimitedRecord[] = [];
  const splitter = new RecordSplitter(delimiter, 'sample', (record) => {
    if (record.blank || record.raw.trimStart().startsWith('#') || (record.line === 1 && isSeparatorDirective(record.raw))) return;
    if (records.length < SNIFF_RECORDS) records.push(record);
  });
  try {
    splitter.push(text);
    splitter.end();
    return records;
  } catch {
    // An unclosed quote (a file cut inside a quoted field): guess from the records before it, or else from the lines
    // as written; the real parse then reports the quote with its line.
    if (records.length >= 2) return records;
    return meaningfulLines(text).map((line, index) => ({ fields: line.split(delimiter === ' ' ? /[ \t]+/ : delimiter), line: index + 1, raw: line, blank: false }));
  }
}

/**
 * The field count shared by most records, if it is ≥ 2 and shared by ≥ 80% of them. A single line of numbers
 * ("1, 2, 3") is a series, not a one-row table. With ',' or ';' prose can fake a table, so without a number
 * column the text must look like a table (`strictForProse`).
 */
function consistentFieldCount(records: readonly DelimitedRecord[], strictForProse: boolean): number | null {
  const best = usualFieldCount(records, CONSISTENT_SHARE);
  if (best === null) return null;
  const bestCount = records.filter((record) => record.fields.length === best).length;
  if (strictForProse && !anyColumnMostlyNumeric(records, best)) {
    // An all-text table (sentences and labels) must look like one: nearly every line the same shape, and fields
    // that do not start with a space — in prose the word after a comma does ("Hola, qué tal").
    // A last record shorter than the rest is a file cut mid-row: it does not count against the shape.
    const last = records[records.length - 1] as DelimitedRecord;
    const counted = records.length > 2 && last.fields.length < best ? records.length - 1 : records.length;
    if (bestCount / counted < 0.95) return null;
    const laterFields = records.flatMap((record) => record.fields.slice(1));
    if (share(laterFields, (field) => /^\s/.test(field)) >= 0.5) return null;
  }
  return best;
}

/** The most common field count, if it is ≥ 2 and at least `minimumShare` of the records have it. */
function usualFieldCount(records: readonly DelimitedRecord[], minimumShare: number): number | null {
  if (records.length < 2) return null;
  const counts = new Map<number, number>();
  for (const record of records) counts.set(record.fields.length, (counts.get(record.fields.length) ?? 0) + 1);
  let best = 0;
  let bestCount = 0;
  for (const [fields, count] of counts) {
    if (count > bestCount || (count === bestCount && fields > best)) {
      best = fields;
      bestCount = count;
    }
  }
  return best < 2 || bestCount / records.length < minimumShare ? null : best;
}

function anyColumnMostlyNumeric(records: readonly DelimitedRecord[], fieldCount: number): boolean {
  for (let column = 0; column < fieldCount; column += 1) {
    const cells = records.map((record) => record.fields[column] ?? '').filter((cell) => !isMissingMarker(cell));
    if (cells.length > 0 && share(cells, (cell) => looksLikeNumber(cell, true)) >= 0.5) return true;
  }
  return false;
}

const NUMBER_LIST_SEPARATORS = /[\s,;]+/;

/** Every token of the line is a number or a missing marker (comma counts as a decimal mark only next to ';'). */
function lineIsNumbers(line: string): boolean {
  const decimalComma = line.includes(';');
  const tokens = line.trim().split(decimalComma ? /[\s;]+/ : NUMBER_LIST_SEPARATORS).filter((t) => t !== '');
  return tokens.length > 0 && tokens.every((token) => looksLikeNumber(token, decimalComma) || isMissingMarker(token)) && !startsWithWord(line);
}

/** Share of all tokens (split at any separator) that are numbers: tables of data are mostly numbers, prose is not. */
function numericTokenShare(lines: readonly string[]): number {
  const tokens = lines.flatMap((line) => line.trim().split(/[\s,;]+/)).filter((token) => token !== '');
  return share(tokens, (token) => looksLikeNumber(token, false));
}

function mostlyNumeric(lines: readonly string[], delimiter: ' '): boolean {
  const tokens = lines.flatMap((line) => line.trim().split(delimiter === ' ' ? /[ \t]+/ : delimiter));
  return tokens.length > 0 && share(tokens, (token) => looksLikeNumber(token, true) || isMissingMarker(token)) >= CONSISTENT_SHARE;
}

function numberListSeparator(lines: readonly string[]): { separator: ',' | ';' | ' ' | '\n'; decimalComma: boolean } {
  if (lines.some((line) => line.includes(';'))) return { separator: ';', decimalComma: true };
  if (lines.some((line) => line.includes(','))) return { separator: ',', decimalComma: false };
  if (lines.some((line) => /\S\s+\S/.test(line.trim()))) return { separator: ' ', decimalComma: false };
  return { separator: '\n', decimalComma: false };
}

function share<T>(items: readonly T[], predicate: (item: T) => boolean): number {
  if (items.length === 0) return 0;
  let hits = 0;
  for (const item of items) if (predicate(item)) hits += 1;
  return hits / items.length;
}
