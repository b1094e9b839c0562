import * as assert from 'node:assert';
import { CliUsageError } from '../../../src/cli/cliSupport';
import { inspectCommand, parseByteSize } from '../../../src/cli/inspect/inspectCommand';
import { fixture } from './fixtures';

interface Captured {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `rnn-lab inspect …` in-process, capturing what it writes. */
async function inspect(...args: string[]): Promise<Captured> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const originalOut = process.stdout.write.bind(process.stdout);
  const originalErr = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((chunk: string | Uint8Array) => (stdout.push(String(chunk)), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => (stderr.push(String(chunk)), true)) as typeof process.stderr.write;
  try {
    const code = await inspectCommand().run(args);
    return { code, stdout: stdout.join(''), stderr: stderr.join('') };
  } finally {
    process.stdout.write = originalOut;
    process.stderr.write = originalErr;
  }
}

describe('rnn-lab inspect', () => {
  it('--json prints exactly format, delimiter, hasHeader, rows, columns (name, type, missing) and warnings', async () => {
    const result = await inspect(fixture('footer.csv'), '--json');
    assert.strictEqual(result.code, 0);
    assert.strictEqual(result.stderr, '');
    assert.deepStrictEqual(JSON.parse(result.stdout), {
      format: 'csv',
      delimiter: ',',
      hasHeader: true,
      rows: 4,
      columns: [
        { name: 't', type: 'number', missing: 0 },
        { name: 'value', type: 'number', missing: 0 },
      ],
      warnings: [
        'skipped 2 blank lines: lines 4, 7',
        'skipped 1 comment line: line 1',
        'line 9: skipped footer line "Total,10.0" (not data)',
        'line 10: skipped footer line "Source: lab notebook" (not data)',
      ],
    });
  });

  it('--json for dates, text and missing values, and null delimiter for JSON', async () => {
    const semicolon = JSON.parse((await inspect(fixture('semicolon-decimal-comma.csv'), '--json')).stdout);
    assert.deepStrictEqual(semicolon.columns, [
      { name: 'fecha', type: 'date', missing: 0 },
      { name: 'temperatura', type: 'number', missing: 0 },
      { name: 'humedad', type: 'number', missing: 1 },
    ]);
    const json = JSON.parse((await inspect(fixture('series.json'), '--json')).stdout);
    assert.deepStrictEqual([json.format, json.delimiter, json.hasHeader, json.rows], ['json', null, false, 4]);
  });

  it('prints a readable report with the chosen column', async () => {
    const result = await inspect(fixture('missing.csv'), '--column', 'b');
    assert.strictEqual(result.code, 0);
    assert.match(result.stdout, /csv delimited by ",", with a header, 5 data rows/);
    assert.match(result.stdout, /chosen: "b" — 1 missing value, at line 4/);
  });

  it('a data error goes to stderr as file:line:column: message, exit 2, no stack trace', async () => {
    const path = fixture('bad-number.csv');
    const result = await inspect(path, '--json');
    assert.strictEqual(result.code, 2);
    assert.strictEqual(result.stdout, '');
    assert.ok(result.stderr.startsWith(`${path}:17:3: "12,5a" is not a number`), result.stderr);
    assert.strictEqual(result.stderr.trim().split('\n').length, 1);
    assert.doesNotMatch(result.stderr, /\n\s+at /);
  });

  it('a bad --column is a data error naming the accepted columns (exit 2)', async () => {
    const result = await inspect(fixture('quoted.csv'), '--column', 'price', '--json');
    assert.strictEqual(result.code, 2);
    assert.match(result.stderr, /there is no column "price"\. Accepted columns \(by name or number\): 1 "id" \(number\), 2 "comment" \(text\), 3 "value" \(number\)/);
  });

  it('--max-bytes: refuses a larger file naming the limit and how to raise it', async () => {
    const result = await inspect(fixture('quoted.csv'), '--max-bytes', '10');
    assert.strictEqual(result.code, 2);
    assert.match(result.stderr, /over the limit .*\(10 bytes\)\. Raise the limit with --max-bytes N/);
    assert.deepStrictEqual([parseByteSize('500K'), parseByteSize('100M'), parseByteSize('1.5g'), parseByteSize('123')], [512000, 104857600, 1610612736, 123]);
    assert.throws(() => parseByteSize('lots'), CliUsageError);
    assert.throws(() => parseByteSize('0'), CliUsageError);
  });

  it('usage errors (no file, unknown flag) are CliUsageErrors for the dispatcher (exit 2)', async () => {
    await assert.rejects(inspect(), CliUsageError);
    await assert.rejects(inspect(fixture('quoted.csv'), '--colour', 'x'), /unknown flag --colour/);
  });
});
