// Lines that are not data: blank lines, '#' comments, and a few junk lines at the very end (a footer such as
// "Total" or "Source: …"). A junk line in the middle of the data is an error, reported once the next data row
// shows that it was not a footer.
import type { DataError } from '../dataError';

/** More unreadable lines than this at the end are not a footer but bad data: the first one is reported. */
export const MAX_FOOTER_LINES = 3;
/** Line numbers listed in one warning before "… and N more". */
const LISTED_LINES = 10;

interface PendingJunk {
  readonly error: DataError;
  readonly line: number;
  readonly raw: string;
}

export class SkippedLines {
  private readonly blankLines: number[] = [];
  private readonly commentLines: number[] = [];
  private readonly pendingJunk: PendingJunk[] = [];
  private readonly shortLines: number[] = [];
  private fieldCount = 0;

  blank(line: number): void {
    this.blankLines.push(line);
  }

  comment(line: number): void {
    this.commentLines.push(line);
  }

  /** A data row with fewer fields than the table: its missing fields are read as missing values, with a warning. */
  shortRow(line: number, fieldCount: number): void {
    this.shortLines.push(line);
    this.fieldCount = fieldCount;
  }

  /** A line that could be a footer: held back until we know whether data follows it. */
  possibleFooter(error: DataError, line: number, raw: string): void {
    this.pendingJunk.push({ error, line, raw });
    if (this.pendingJunk.length > MAX_FOOTER_LINES) throw (this.pendingJunk[0] as PendingJunk).error;
  }

  /** A data row arrived: any junk held back was in the middle of the data after all. */
  dataRow(): void {
    if (this.pendingJunk.length > 0) throw (this.pendingJunk[0] as PendingJunk).error;
  }

  warnings(): string[] {
    const warnings: string[] = [];
    if (this.blankLines.length > 0) warnings.push(`skipped ${plural(this.blankLines.length, 'blank line')}: ${listLines(this.blankLines)}`);
    if (this.commentLines.length > 0) warnings.push(`skipped ${plural(this.commentLines.length, 'comment line')}: ${listLines(this.commentLines)}`);
    if (this.shortLines.length > 0) {
      warnings.push(
        `${listLines(this.shortLines)}: fewer fields than the table's ${this.fieldCount}; the fields that are not there are read as missing values`,
      );
    }
    for (const junk of this.pendingJunk) {
      warnings.push(`line ${junk.line}: skipped footer line "${shorten(junk.raw.trim())}" (not data)`);
    }
    return warnings;
  }
}

function listLines(lines: readonly number[]): string {
  const shown = lines.slice(0, LISTED_LINES).join(', ');
  return lines.length > LISTED_LINES ? `lines ${shown} … and ${lines.length - LISTED_LINES} more` : `${lines.length === 1 ? 'line' : 'lines'} ${shown}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
