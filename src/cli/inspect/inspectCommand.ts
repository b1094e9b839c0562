// `rnn-lab inspect DATA [--column C] [--json] [--max-bytes N]` — what data intake detects in a file, through the
// same code path as the extension. `--json` prints exactly { format, delimiter, hasHeader, rows, columns, warnings }.
// A data problem goes to stderr as `file:line:column: message` with exit code 2.
import { nodePlatform } from '../../node/nodePlatform';
import { CliUsageError, type CliCommand } from '../cliSupport';
import { booleanFlag, parseFlags, requirePositionals, stringFlag } from '../flags';
import { isDataError } from '../../data/dataError';
import { DEFAULT_MAX_BYTES, loadTableFromFile } from '../../data/parse/loadTable';
import { findMissingInTable } from '../../data/prepare/missingValues';
import { summarizeTable, type ParsedTable } from '../../data/parse/parsedTable';
import { selectColumns, type ColumnSelection } from '../../data/prepare/selectColumns';

const FLAGS = {
  column: { type: 'string', accepts: 'a column name or 1-based number; several separated by commas' },
  json: { type: 'boolean' },
  'max-bytes': { type: 'string', accepts: 'a size in bytes, or with a unit: 500K, 100M, 1G' },
  help: { type: 'boolean' },
} as const;

const HELP = `Usage: rnn-lab inspect DATA [--column C] [--json] [--max-bytes N]

Shows what RNN Lab detects in a data file: format, delimiter, header, data rows, and each column's type
(number, date, text) with its missing values. Skipped blank, comment and footer lines are listed as warnings.

  --column C      check that column C (name or 1-based number; "a,b" for several) can be trained on
  --json          print { format, delimiter, hasHeader, rows, columns, warnings } as JSON
  --max-bytes N   refuse files larger than N bytes (default ${DEFAULT_MAX_BYTES} = 20M; units K, M, G accepted)
`;

export function inspectCommand(): CliCommand {
  return {
    summary: 'show the format, header, columns and problems detected in a data file',
    run: runInspect,
  };
}

async function runInspect(args: readonly string[]): Promise<number> {
  const flags = parseFlags('inspect', args, FLAGS);
  if (booleanFlag(flags, 'help')) {
    process.stdout.write(HELP);
    return 0;
  }
  const [path] = requirePositionals('inspect', flags, ['DATA']) as [string];
  const maxBytes = parseByteSize(stringFlag(flags, 'max-bytes'));
  const columnRequest = stringFlag(flags, 'column');
  try {
    const table = await loadTableFromFile(path, nodePlatform, { maxBytes, sourceName: path });
    const selection = columnRequest === undefined && !booleanFlag(flags, 'json') ? defaultSelection(table, path) : undefined;
    const chosen = columnRequest !== undefined ? selectColumns(table, columnRequest, path) : selection;
    if (booleanFlag(flags, 'json')) {
      process.stdout.write(`${JSON.stringify(summarizeTable(table), null, 2)}\n`);
    } else {
      process.stdout.write(describeTable(path, table, chosen, columnRequest !== undefined));
    }
    return 0;
  } catch (error) {
    if (isDataError(error)) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

/** Human-readable report; the default column is shown but a table without numbers is not an error here. */
function describeTable(path: string, table: ParsedTable, chosen: ColumnSelection | undefined, requested: boolean): string {
  const lines: string[] = [];
  const delimiter = table.delimiter === null ? '' : ` delimited by ${JSON.stringify(table.delimiter)}`;
  lines.push(`${path}: ${table.format}${delimiter}, ${table.hasHeader ? 'with a header' : 'no header'}, ${table.rows} data ${table.format === 'text' ? 'line' : 'row'}${table.rows === 1 ? '' : 's'}`);
  if (table.sequenceStarts !== undefined) lines.push(`${table.sequenceStarts.length} separate sequences (windows stay inside each)`);
  if (table.text !== undefined) {
    const characters = Array.from(table.text);
    lines.push(`text: ${characters.length} characters, ${new Set(characters).size} distinct (character-level model)`);
  }
  lines.push('columns:');
  const nameWidth = Math.max(4, ...table.columns.map((column) => column.name.length));
  table.columns.forEach((column, index) => {
    const used = chosen?.indices.includes(index) ? (requested ? '  ← chosen' : '  ← used by default') : '';
    const skipped = column.type === 'number' ? '' : '  (skipped for numeric training)';
    lines.push(`  ${String(index + 1).padStart(2)}  ${column.name.padEnd(nameWidth)}  ${column.type.padEnd(6)}  missing ${column.missing}${skipped}${used}`);
  });
  if (chosen !== undefined) {
    const missing = findMissingInTable(table, chosen.indices);
    lines.push(`chosen: ${chosen.names.map((name) => `"${name}"`).join(', ')} — ${missing.description}`);
    chosen.series.forEach((series, index) => lines.push(`  ${chosen.names[index]}: ${describeRange(series)}`));
  }
  if (table.warnings.length > 0) {
    lines.push('warnings:');
    for (const warning of table.warnings) lines.push(`  - ${warning}`);
  }
  return `${lines.join('\n')}\n`;
}

function defaultSelection(table: ParsedTable, path: string): ColumnSelection | undefined {
  if (!table.columns.some((column) => column.type === 'number')) return undefined;
  return selectColumns(table, undefined, path);
}

function describeRange(series: Float64Array): string {
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  let count = 0;
  for (const value of series) {
    if (Number.isNaN(value)) continue;
    min = Math.min(min, value);
    max = Math.max(max, value);
    sum += value;
    count += 1;
  }
  return count === 0 ? 'no values' : `min ${format(min)}, max ${format(max)}, mean ${format(sum / count)}`;
}

function format(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toPrecision(6);
}

const UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, m: 1024 ** 2, mb: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3 };

/** "--max-bytes 100000000", "100M", "1.5G". */
export function parseByteSize(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_MAX_BYTES;
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(raw);
  const unit = UNITS[(match?.[2] ?? '').toLowerCase()];
  const bytes = match !== null && unit !== undefined ? Math.floor(Number(match[1]) * unit) : NaN;
  if (!Number.isSafeInteger(bytes) || bytes < 1) {
    throw new CliUsageError(`--max-bytes must be a size such as 50000000, 500K, 100M or 1G, got "${raw}"`);
  }
  return bytes;
}
