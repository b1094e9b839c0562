// Bytes → text, refusing what is not text: a NUL byte means a binary file (a spreadsheet, an image); bytes that
// are not valid UTF-8 mean another encoding, and guessing it would silently change the numbers.
import { DataError } from '../dataError';

/** Decodes chunk by chunk (a UTF-8 sequence may be split between chunks). */
export class StrictUtf8Decoder {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  private bytesSeen = 0;
  private lineBreaksSeen = 0;
  private first = true;

  constructor(private readonly source: string) {}

  decode(bytes: Uint8Array, final = false): string {
    if (this.first && bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
      throw notTextError(this.source, 'not-utf8', 'the file is UTF-16 encoded, not UTF-8');
    }
    this.first = false;
    const nul = bytes.indexOf(0);
    if (nul >= 0) {
      throw notTextError(this.source, 'binary', `the file contains a NUL byte at byte ${this.bytesSeen + nul + 1}, so it is a binary file, not text`);
    }
    try {
      const text = this.decoder.decode(bytes, { stream: !final });
      this.bytesSeen += bytes.length;
      this.lineBreaksSeen += countLineBreaks(bytes, bytes.length);
      return text;
    } catch {
      const offset = firstInvalidUtf8Offset(bytes);
      const line = this.lineBreaksSeen + countLineBreaks(bytes, offset) + 1;
      const byte = (bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0');
      throw notTextError(
        this.source,
        'not-utf8',
        `byte 0x${byte} at offset ${this.bytesSeen + offset} is not valid UTF-8 (the file is probably Latin-1 or Windows-1252)`,
        line,
      );
    }
  }
}

/** Text given directly (an editor selection) cannot be mis-encoded, but can hold NULs pasted from a binary. */
export function assertTextHasNoNul(text: string, source: string): void {
  const nul = text.indexOf('\u0000');
  if (nul >= 0) throw notTextError(source, 'binary', `the text contains a NUL character at offset ${nul + 1}, so it is binary data`);
}

function countLineBreaks(bytes: Uint8Array, end: number): number {
  let count = 0;
  // indexOf runs natively: counting 60 MB this way costs milliseconds, not a JavaScript loop over every byte.
  for (let index = bytes.indexOf(0x0a); index >= 0 && index < end; index = bytes.indexOf(0x0a, index + 1)) count += 1;
  return count;
}

/**
 * Offset of the first byte that breaks UTF-8 (RFC 3629): a lead byte 0xC2–0xF4 followed by the right number of
 * continuation bytes 0x80–0xBF, no overlong or surrogate forms. Continuation bytes at the very start belong to a
 * character begun in the previous chunk and are skipped.
 */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let index = 0;
  while (index < 3 && index < bytes.length && ((bytes[index] as number) & 0xc0) === 0x80) index += 1;
  while (index < bytes.length) {
    const lead = bytes[index] as number;
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead < 0x80) length = 1;
    else if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) low = 0xa0; // no overlong 3-byte forms
      if (lead === 0xed) high = 0x9f; // no UTF-16 surrogates
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else return index;
    for (let next = 1; next < length; next += 1) {
      const byte = bytes[index + next];
      if (byte === undefined) return index; // cut off at the end of the input
      const min = next === 1 ? low : 0x80;
      const max = next === 1 ? high : 0xbf;
      if (byte < min || byte > max) return index;
    }
    index += length;
  }
  return Math.max(0, bytes.length - 1);
}

function notTextError(source: string, code: 'binary' | 'not-utf8', problem: string, line?: number): DataError {
  return new DataError(problem, {
    code,
    source,
    ...(line !== undefined ? { line } : {}),
    hint:
      code === 'binary'
        ? 'Export the data as CSV, TSV, JSON or plain text (in a spreadsheet: File › Save As › CSV UTF-8).'
        : 'Save the file as UTF-8 (in a spreadsheet: File › Save As › CSV UTF-8; in VS Code: "Save with Encoding" › UTF-8).',
  });
}
