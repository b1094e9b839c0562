// A two-column table that is probably one column of decimal-comma numbers split by the "," delimiter: "x,y" above
// rows like "0,14", "0,27", "0,33". Normal two-column data does not look like this: its first column varies (a time
// axis, an index, a measurement); here the "whole part" is one and the same digit on every row and the "fraction"
// always has the same number of digits (≥ 2), as a column of rounded fractions written with a comma would.

/** Rows looked at at least (fewer rows cannot show a pattern). */
const MIN_ROWS = 3;

export interface DecimalCommaColumnsHint {
  /** The first row, rejoined: "0,14". */
  readonly example: string;
  readonly line: number;
}

/** `rows`: the data records (fields and line) of a two-column table with a "," delimiter. */
export function likelySplitDecimalColumn(rows: readonly { readonly fields: readonly string[]; readonly line: number }[]): DecimalCommaColumnsHint | undefined {
  const first = rows[0];
  if (rows.length < MIN_ROWS || first === undefined || first.fields.length !== 2) return undefined;
  const whole = (first.fields[0] as string).trim();
  const digits = (first.fields[1] as string).trim().length;
  if (!/^[-+]?\d$/.test(whole) || digits < 2) return undefined;
  for (const row of rows) {
    if (row.fields.length !== 2 || (row.fields[0] as string).trim() !== whole) return undefined;
    const fraction = (row.fields[1] as string).trim();
    if (fraction.length !== digits || !/^\d+$/.test(fraction)) return undefined;
  }
  return { example: `${whole},${(first.fields[1] as string).trim()}`, line: first.line };
}
