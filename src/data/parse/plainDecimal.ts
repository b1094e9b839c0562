// The fast path for the bulk of a large file: a plain decimal read straight from character codes, with no
// substring and no regular expression. Anything else returns −1 and the caller uses the general (exact, slower)
// path, which also writes every error message.

/** Exact powers of ten: 10^k is a double without rounding for k ≤ 22. */
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k);
/** At most 15 digits keep the integer mantissa below 2^53, so it is exact too. */
const MAX_FAST_DIGITS = 15;

/** A lookup table of the character codes (< 128) that end a number: the separators. */
export function terminatorTable(separators: string): Uint8Array {
  const table = new Uint8Array(128);
  for (const character of separators) table[character.charCodeAt(0)] = 1;
  return table;
}

/**
 * Reads `[+-]digits[.digits]` from `start` up to a terminator or the line end; returns the end offset, or −1 if
 * the text there is anything else. Value = m / 10^k with m < 2^53 and k ≤ 22 both exact, so the single division
 * is correctly rounded and equals Number(cell) bit for bit (Clinger's fast path).
 */
export function scanPlainDecimal(line: string, start: number, terminators: Uint8Array, out: Float64Array, slot: number): number {
  const length = line.length;
  let index = start;
  let negative = false;
  let code = line.charCodeAt(index);
  if (code === 45 || code === 43) {
    negative = code === 45;
    index += 1;
  }
  let mantissa = 0;
  let digits = 0;
  let fractionDigits = -1;
  for (; index < length; index += 1) {
    code = line.charCodeAt(index);
    if (code >= 48 && code <= 57) {
      mantissa = mantissa * 10 + (code - 48);
      digits += 1;
      if (fractionDigits >= 0) fractionDigits += 1;
    } else if (code === 46 && fractionDigits < 0) {
      fractionDigits = 0;
    } else if (code < 128 && terminators[code] === 1) {
      break;
    } else {
      return -1;
    }
  }
  if (digits === 0 || digits > MAX_FAST_DIGITS) return -1;
  const magnitude = fractionDigits > 0 ? mantissa / (POWERS_OF_TEN[fractionDigits] as number) : mantissa;
  out[slot] = negative ? -magnitude : magnitude;
  return index;
}
