// Reading one cell: is it a number, a date, a missing-value marker, or text? Strict on purpose — JavaScript's
// Number() accepts "0x1F", " " and "Infinity", none of which a student means as a measurement.

/** Plain decimal or scientific notation with a '.' decimal point: 12, -3.5, .5, 1e-3. */
const DOT_DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
/** Decimal comma, as Spanish/European spreadsheets write it in ';'-separated files: 12,5  -0,25  3,1e2. */
const COMMA_DECIMAL = /^[+-]?(?:\d+,\d*|,\d+)(?:[eE][+-]?\d+)?$/;
/** Thousands grouped with ',' and a '.' decimal point (only possible inside quotes in a CSV): "1,234.5". */
const COMMA_THOUSANDS = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
/** Thousands grouped with '.' and a ',' decimal part (European): 1.234,5 — only in decimal-comma files. */
const DOT_THOUSANDS_COMMA_DECIMAL = /^[+-]?\d{1,3}(?:\.\d{3})+,\d+$/;
/** Spellings of NaN and ±infinity that spreadsheets, NumPy and R write. */
const NOT_FINITE = /^[+-]?(?:nan|inf|infinity|∞|#num!|#div\/0!)$/i;
/** Markers that mean "no value here": counted as missing, never read as numbers. */
const MISSING_MARKERS = new Set(['', 'na', 'n/a', 'null', 'none', 'nil', '-', '?', '—', '#n/a']);
const MARKER_FIRST_CODES = new Set(Array.from('nN-?—#\u00a0', (character) => character.charCodeAt(0)));

const ISO_DATE = /^\d{4}-\d{1,2}-\d{1,2}(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const YEAR_MONTH = /^\d{4}-\d{2}$/;
const SLASHED_DATE = /^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/;
const TIME_OF_DAY = /^\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;
const MONTH_NAME_DATE = /^(?:\d{1,2}[ -])?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|ene|abr|ago|dic)[a-z]*\.?[ -]\d{2,4}$/i;

export interface NumberReading {
  /** The value, NaN when the cell is not a number. */
  readonly value: number;
  /** The cell is a number written correctly but is NaN or ±Infinity (e.g. "NaN", "inf", "1e999"). */
  readonly notFinite: boolean;
}

/**
 * `decimalComma`: the file's separator is not ',' so "12,5" can only mean 12.5.
 * Returns NaN for non-numbers; callers check missing markers first.
 */
export function readNumber(cell: string, decimalComma: boolean): NumberReading {
  const text = hasOuterSpace(cell) ? cell.trim() : cell;
  if (DOT_DECIMAL.test(text)) return finiteReading(Number(text));
  if (decimalComma) {
    if (COMMA_DECIMAL.test(text)) return finiteReading(Number(text.replace(',', '.')));
    if (DOT_THOUSANDS_COMMA_DECIMAL.test(text)) return finiteReading(Number(text.replace(/\./g, '').replace(',', '.')));
  } else if (COMMA_THOUSANDS.test(text)) {
    return finiteReading(Number(text.replace(/,/g, '')));
  } else if (COMMA_DECIMAL.test(text)) {
    // Only reachable inside quotes in a CSV ("3,5"): not a thousands group, so a decimal comma.
    return finiteReading(Number(text.replace(',', '.')));
  }
  if (NOT_FINITE.test(text)) return { value: NaN, notFinite: true };
  return { value: NaN, notFinite: false };
}

function hasOuterSpace(cell: string): boolean {
  if (cell.length === 0) return false;
  const first = cell.charCodeAt(0);
  const last = cell.charCodeAt(cell.length - 1);
  return first <= 32 || last <= 32 || first === 0xa0 || last === 0xa0;
}

function finiteReading(value: number): NumberReading {
  // 1e999 parses to Infinity: a number in form, but not one training can use.
  return Number.isFinite(value) ? { value, notFinite: false } : { value: NaN, notFinite: true };
}

export function isMissingMarker(cell: string): boolean {
  if (cell.length === 0) return true;
  // Fast path for the common case (called for every cell of a large file): no marker starts with a digit.
  const first = cell.charCodeAt(0);
  if (first >= 48 && first <= 57) return false;
  // Every marker starts with n/N, '-', '?', '—' or '#', possibly after spaces; most text cells are rejected here.
  if (!MARKER_FIRST_CODES.has(first) && first > 32) return false;
  return cell.length <= 8 && MISSING_MARKERS.has(cell.trim().toLowerCase());
}

export function looksLikeDate(cell: string): boolean {
  const text = cell.trim();
  return (
    ISO_DATE.test(text) ||
    YEAR_MONTH.test(text) ||
    SLASHED_DATE.test(text) ||
    TIME_OF_DAY.test(text) ||
    MONTH_NAME_DATE.test(text)
  );
}

/** A number in either notation (used while sniffing, before the separator is known). */
export function looksLikeNumber(cell: string, decimalComma: boolean): boolean {
  const reading = readNumber(cell, decimalComma);
  return !Number.isNaN(reading.value) || reading.notFinite;
}

/** Footer and junk lines start with a word ("Total", "Source:", "end of data"); a mistyped number starts with a digit. */
export function startsWithWord(cell: string): boolean {
  return /^\s*\p{L}{2,}/u.test(cell);
}

/**
 * A cell that was meant as a number but is mistyped ("12,5a", "-3.x", ".5e"): it starts like one. Anything else
 * in a number column — a word, "-----", "***", "(c) 2024" — is junk, which may be a footer at the end of the data.
 */
export function looksLikeMistypedNumber(cell: string): boolean {
  return /^\s*[+-]?[.,]?\d/.test(cell);
}

/** Excel's first line "sep=;" names the delimiter; it is not data. */
export function isSeparatorDirective(line: string): boolean {
  return /^\s*"?sep=.?"?\s*$/i.test(line);
}
