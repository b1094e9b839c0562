// Issue 13, the data share: hostile and odd inputs each give a located error or the right table, quickly.
import * as assert from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DataCancelled, type CancelSignal } from '../../../src/data/cancel';
import { DataError } from '../../../src/data/dataError';
import { DataIntake } from '../../../src/data/intake';
import { estimatePreparedDataBytes, PREPARED_DATA_BUDGET_BYTES } from '../../../src/data/memoryEstimate';
import { makeCharacterWindows } from '../../../src/data/prepare/characterText';
import { makeWindows } from '../../../src/data/prepare/windowing';
import { applyNormalization, assertNormalizationRepresentable, fitNormalization } from '../../../src/data/prepare/normalize';
import { loadTableFromFile, parseTableText } from '../../../src/data/parse/loadTable';
import { LineEndNormalizer } from '../../../src/data/parse/lineEnds';
import { MAX_COLUMNS } from '../../../src/data/parse/tableBuilder';
import { readStrictJson } from '../../../src/modelFiles/json/strictJson';
import { MIN_TRAINING_TEXT_CHARACTERS, prepareCharacterData } from '../../../src/data/prepare/characterTrainingData';
import { selectColumns } from '../../../src/data/prepare/selectColumns';
import { plainSettings, resolveSettings } from '../../../src/lab/settings/resolveSettings';
import { fixture } from './fixtures';
import { FileReadError, nodePlatform, readTextFile } from '../../../src/node/nodePlatform';

const CHARACTER_SETTINGS = plainSettings(resolveSettings({ args: {} }).settings);

let directory = '';
before(() => {
  directory = fs.mkdtempSync(path.join(os.tmpdir(), 'rnn-lab-hardening-'));
});
after(() => fs.rmSync(directory, { recursive: true, force: true }));

function write(name: string, content: string | Uint8Array): string {
  const file = path.join(directory, name);
  fs.writeFileSync(file, content);
  return file;
}

async function dataError(run: () => Promise<unknown> | unknown): Promise<DataError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof DataError) return error;
    throw error;
  }
  assert.fail('expected a DataError');
}

function values(table: { columns: { values?: Float64Array }[] }, column: number): number[] {
  return Array.from(table.columns[column]?.values ?? []);
}

describe('data hardening: deep JSON (item 1)', () => {
  it('refuses 10⁵ nested arrays in a data file at the 65th bracket, with line:column and path, fast', async () => {
    const file = write('deep.json', '['.repeat(1e5) + '1' + ']'.repeat(1e5));
    const started = Date.now();
    const error = await dataError(() => loadTableFromFile(file, nodePlatform, { sourceName: 'deep.json' }));
    assert.ok(Date.now() - started < 5000);
    assert.strictEqual(error.code, 'bad-json');
    assert.deepStrictEqual([error.line, error.column], [1, 65]);
    assert.match(error.message, /^deep\.json:1:65: invalid JSON: nesting deeper than 64 levels/);
  });

  it('reads 64 levels; counts neither brackets in strings nor escaped quotes', () => {
    assert.ok(readStrictJson(`${'['.repeat(64)}${']'.repeat(64)}`).ok);
    assert.ok(readStrictJson(`{"a\\"[[[": "${'['.repeat(200)}", "b": [[1]]}`).ok);
    const deep = readStrictJson(`{"x": {"y": [3, ${'['.repeat(70)}${']'.repeat(70)}]}}`);
    assert.ok(!deep.ok);
    if (!deep.ok) assert.match(deep.problem.message, /at \$\.x\.y\[1\](\[0\]){61}$/);
  });
});

describe('data hardening: what a path is (item 2)', () => {
  it('names a folder, a character device and a FIFO without opening them', async () => {
    const folder = await dataError(() => loadTableFromFile(directory, nodePlatform, { sourceName: 'dir' }));
    assert.strictEqual(folder.message, 'dir: this is a folder, not a file. Give the path of a data file.');
    if (fs.existsSync('/dev/zero')) {
      const device = await dataError(() => loadTableFromFile('/dev/zero', nodePlatform, { sourceName: '/dev/zero' }));
      assert.match(device.message, /^\/dev\/zero: this is a character device, not a regular file\./);
      await assert.rejects(readTextFile('/dev/zero'), (error: unknown) => error instanceof FileReadError && error.message === '/dev/zero: this is a character device, not a regular file');
    }
    const fifo = path.join(directory, 'pipe');
    try {
      execFileSync('mkfifo', [fifo]);
    } catch {
      return; // no mkfifo on this platform
    }
    const started = Date.now();
    const error = await dataError(() => loadTableFromFile(fifo, nodePlatform, { sourceName: 'pipe' }));
    assert.match(error.message, /^pipe: this is a named pipe \(FIFO\)/);
    await assert.rejects(readTextFile(fifo), /this is a named pipe \(FIFO\)/);
    assert.ok(Date.now() - started < 2000);
  });

  it('reads a text file whole only under its limit', async () => {
    const file = write('model.json', '{"a": 1}'.padEnd(100, ' '));
    assert.strictEqual((await readTextFile(file, 100)).length, 100);
    await assert.rejects(readTextFile(file, 99), (error: unknown) => error instanceof FileReadError && error.code === 'EFBIG' && /over the limit of/.test(error.message));
    assert.strictEqual((await nodePlatform.readText(file)).length, 100);
  });
});

describe('data hardening: line ends (item 3)', () => {
  it('reads CR-only and mixed CR / LF / CRLF files with every line counted', async () => {
    const cr = await loadTableFromFile(write('cr.csv', 'a,b\r1,2\r3,4\r'), nodePlatform);
    assert.deepStrictEqual([cr.format, cr.hasHeader, cr.rows, values(cr, 1)], ['csv', true, 2, [2, 4]]);
    const mixed = parseTableText('a,b\r\n1,2\r3,4\n5,6\r', 'mixed');
    assert.deepStrictEqual([mixed.hasHeader, mixed.columns.map((c) => c.name), values(mixed, 0)], [true, ['a', 'b'], [1, 3, 5]]);
    assert.deepStrictEqual(Array.from(mixed.rowLines ?? []), [2, 3, 4]);
    const bad = await dataError(() => parseTableText('a,b\r1,2\r3,x\r5,6\r', 'old-mac.csv'));
    assert.strictEqual(bad.line, 3);
  });

  it('keeps a \\r\\n split across two chunks as one line end', () => {
    const normalizer = new LineEndNormalizer();
    assert.strictEqual(normalizer.push('a\r') + normalizer.push('\nb\r') + normalizer.push('c\r', true), 'a\nb\nc\n');
  });

  it('reads a large CR-only file streamed in chunks', async () => {
    const rows = Array.from({ length: 100000 }, (_, i) => `${i},${2 * i}`);
    const table = await loadTableFromFile(write('crbig.csv', `a,b\r${rows.join('\r')}\r`), nodePlatform);
    assert.strictEqual(table.rows, 100000);
    assert.strictEqual(table.columns[1]?.values?.[99999], 199998);
  });
});

describe('data hardening: long lines and wide tables (item 10)', () => {
  it('reads a 120 kB one-line list of numbers', async () => {
    const numbers = Array.from({ length: 60000 }, (_, i) => String(i % 10));
    for (const [name, text] of [['comma.txt', `${numbers.join(',')}\n`], ['space.txt', numbers.join(' ')]] as const) {
      const table = await loadTableFromFile(write(name, text), nodePlatform);
      assert.deepStrictEqual([table.format, table.rows, table.columns.length], ['numbers', 60000, 1], name);
      assert.strictEqual(table.columns[0]?.values?.[59999], 9);
    }
  });

  it('reads a 2,000-column table whose lines are longer than the sniffing window', async () => {
    const width = 2000;
    const header = Array.from({ length: width }, (_, i) => `sensor_${i}`).join(',');
    const row = (r: number): string => Array.from({ length: width }, (_, i) => String((r * i) % 97)).join(',');
    const table = await loadTableFromFile(write('wide.csv', `${header}\n${row(1)}\n${row(2)}\n${row(3)}\n`), nodePlatform);
    assert.deepStrictEqual([table.hasHeader, table.rows, table.columns.length], [true, 3, width]);
    assert.strictEqual(table.columns[1999]?.values?.[2], (3 * 1999) % 97);
  });

  it('refuses more columns than MAX_COLUMNS with the limit in the message', async () => {
    const width = MAX_COLUMNS * 10;
    const line = Array.from({ length: width }, (_, i) => String(i % 7)).join(',');
    const started = Date.now();
    const error = await dataError(() => loadTableFromFile(write('wider.csv', `${line}\n${line}\n${line}\n`), nodePlatform, { sourceName: 'wider.csv' }));
    assert.ok(Date.now() - started < 5000);
    assert.strictEqual(error.message.split('. ')[0], `wider.csv: the table has ${width} columns, more than the ${MAX_COLUMNS} RNN Lab reads`);
  });
});

describe('data hardening: memory of the prepared data (item 11)', () => {
  it('estimates windows × (overhead + 8 bytes per value), by hand', () => {
    // 10 windows of T = 3 steps × I = 2 features and M = 1 target: 10 × (640 + 8·6 + 8·1) = 6,960 bytes.
    assert.strictEqual(estimatePreparedDataBytes({ windows: 10, inputLength: 3, inputSize: 2, targetLength: 1, outputSize: 1 }), 6960);
    // Characters: 4 windows of T = 5 one-hot over V = 10, 5 Int32 classes each: 4 × (640 + 400 + 20) = 4,240.
    assert.strictEqual(estimatePreparedDataBytes({ windows: 4, inputLength: 5, inputSize: 10, targetLength: 5, outputSize: 0, targetClasses: 5 }), 4240);
    assert.strictEqual(PREPARED_DATA_BUDGET_BYTES, 512 * 1024 * 1024);
  });

  it('refuses windows over the budget before allocating them, naming the estimate and the stride that fits', async () => {
    const series = [new Float64Array(100002).map((_, i) => i % 10)];
    const budget = 10 * 1024 * 1024;
    // 100,000 windows × (640 + 16 + 8) = 66,400,000 bytes ≈ 63 MB; stride ⌈66,400,000 / 10,485,760⌉ = 7 fits.
    const error = await dataError(() => makeWindows(series, { topology: 'many-to-one', window: 2, source: 'big.txt', memoryBudget: budget }));
    assert.strictEqual(error.code, 'too-large');
    assert.match(error.message, /^big\.txt: the prepared data would take about 63 MB of memory \(100000 windows of 2 × 1 inputs\), over the budget of 10 MB\. Use a larger stride \(--stride 7 /);
    assert.strictEqual(makeWindows(series, { topology: 'many-to-one', window: 2, stride: 7, memoryBudget: budget }).examples.length, 14286);
  });

  it('refuses one-hot character windows over the budget', async () => {
    const text = 'abcdefghij'.repeat(1000);
    const error = await dataError(() => makeCharacterWindows(text, { window: 10, source: 'cuento.txt', memoryBudget: 100000 }));
    assert.match(error.message, /^cuento\.txt: the prepared data would take about .* \(999 windows of 10 × 10 inputs\)/);
    assert.doesNotMatch(error.message, /stride/);
  });
});

describe('data hardening: cancelling intake (item 12)', () => {
  /** A signal that turns aborted on its `after`-th look, counting the looks. */
  function cancelAfter(after: number): { readonly aborted: boolean; looks: number } {
    return {
      looks: 0,
      get aborted(): boolean {
        this.looks += 1;
        return this.looks >= after;
      },
    };
  }

  it('stops loading a file and a text every ≤ 64k rows, with DataCancelled (not a DataError)', async () => {
    const text = `v\n${Array.from({ length: 300000 }, (_, i) => String(i % 10)).join('\n')}\n`;
    const file = write('long.csv', text);
    for (const load of [
      (cancel: CancelSignal) => loadTableFromFile(file, nodePlatform, { cancel }),
      (cancel: CancelSignal) => Promise.resolve().then(() => parseTableText(text, 'selection', { cancel })),
    ]) {
      const never = cancelAfter(Infinity);
      assert.strictEqual((await load(never)).rows, 300000);
      // 600,000 characters in pieces of 131,072: at least ⌈600,002 / 131,072⌉ = 5 looks.
      assert.ok(never.looks >= 5, `looks ${never.looks}`);
      const cancel = cancelAfter(2);
      await assert.rejects(load(cancel), (error: unknown) => error instanceof DataCancelled && !(error instanceof DataError));
      assert.strictEqual(cancel.looks, 2);
    }
  });

  it('stops preparing windows and goes through DataIntake as a thrown DataCancelled', async () => {
    const series = [new Float64Array(200000).map((_, i) => Math.sin(i))];
    const cancel = cancelAfter(3);
    assert.throws(() => makeWindows(series, { topology: 'many-to-one', window: 4, cancel }), DataCancelled);
    assert.strictEqual(cancel.looks, 3); // windows 0, 65,536 and 131,072
    const intake = new DataIntake(nodePlatform);
    await assert.rejects(intake.load({ kind: 'text', text: '1\n2\n3\n', label: 'sel' }, { maxBytes: 1000, cancel: { aborted: true } }), DataCancelled);
  });
});

describe('data hardening: normalising huge values (item 4)', () => {
  it('gives a finite σ for ±1.7e308 (mean and σ of y = x / max|x|, then scaled back)', () => {
    const two = fitNormalization([Float64Array.of(1.7e308, -1.7e308)], 'zscore');
    assert.deepStrictEqual([two.columns[0]?.offset, two.columns[0]?.scale], [0, 1.7e308]);
    // y = [1, 1, 1, −1]: μ_y = 0.5, Σ(y − μ_y)² = 3·0.25 + 2.25 = 3, σ_y = √(3/4), so σ = 1e308·√0.75.
    const four = fitNormalization([Float64Array.of(1e308, 1e308, 1e308, -1e308)], 'zscore');
    assert.strictEqual(four.columns[0]?.offset, 0.5e308);
    assert.ok(Math.abs((four.columns[0]?.scale as number) / (1e308 * Math.sqrt(0.75)) - 1) < 1e-15);
    const normalized = applyNormalization([Float64Array.of(1e308, -1e308)], four);
    assert.ok(Math.abs((normalized[0]?.[1] as number) + 1.5 / Math.sqrt(0.75)) < 1e-12);
    assertNormalizationRepresentable(four, normalized, 'huge.csv');
    // Ordinary data keeps its textbook values: [1, 2, 3, 4] → μ = 2.5, σ = √1.25.
    const small = fitNormalization([Float64Array.of(1, 2, 3, 4)], 'zscore');
    assert.strictEqual(small.columns[0]?.offset, 2.5);
    assert.ok(Math.abs((small.columns[0]?.scale as number) - Math.sqrt(1.25)) < 1e-15);
  });

  it('refuses a min–max range beyond float64 instead of mapping everything to 0', async () => {
    const series = [Float64Array.of(1.7e308, -1.7e308, 0)];
    const minmax = fitNormalization(series, 'minmax');
    const error = await dataError(() => assertNormalizationRepresentable(minmax, applyNormalization(series, minmax), 'huge.csv'));
    assert.strictEqual(error.message, 'huge.csv: the column "column 1" cannot be normalised (minmax) in float64: its range max − min is beyond ±1.8e308. Rescale the column in the file (e.g. divide it by 1e300), or use --normalize zscore.');
  });

  it('normalises a CSV column of ±1.7e308 to finite values that are not all 0', () => {
    const values = Array.from({ length: 60 }, (_, i) => (i % 2 === 0 ? 1 : -1) * 1.7e308 * (0.5 + 0.5 * Math.abs(Math.sin(i))));
    const table = parseTableText(`v\n${values.join('\n')}\n`, 'huge.csv');
    const normalization = fitNormalization([table.columns[0]?.values as Float64Array], 'zscore');
    const normalized = applyNormalization([table.columns[0]?.values as Float64Array], normalization)[0] as Float64Array;
    assert.ok(normalized.some((value) => Math.abs(value) > 0.5));
    assert.ok(normalized.every(Number.isFinite));
  });
});

describe('data hardening: comma decimals, footers, short rows, duplicate names (items 5–8)', () => {
  it('warns of a likely decimal comma when the rows have more fields than the header names', () => {
    const wider = parseTableText('x,y\n0,14,2\n1,5,3\n2,25,4\n3,1,5\n', 'cd.csv');
    assert.ok(wider.warnings.some((w) => w.startsWith('line 1: the header has 2 names but the rows have 3 fields — "0,14" on line 2 looks like one number with a decimal comma') && w.includes('Quote such values ("0,14") or separate the fields with ";"')), wider.warnings.join('\n'));
    const pairs = parseTableText('temp\n0,14\n1,25\n2,5\n3,75\n4,1\n', 'pairs.csv');
    assert.ok(pairs.warnings.some((w) => w.startsWith('line 1: the header has 1 name but the rows have 2 fields — "0,14" on line 2')), pairs.warnings.join('\n'));
    const thousands = parseTableText('v\n1.000,5\n2.000,5\n3.250,0\n', 'miles.csv');
    assert.ok(thousands.warnings.some((w) => w.includes('"1.000,5" on line 2 looks like one number with a decimal comma')), thousands.warnings.join('\n'));
    // No warning for an ordinary table.
    assert.deepStrictEqual(parseTableText('x,y\n0,14\n1,15\n2,16\n', 'ok.csv').warnings, []);
  });

  it('suggests quoting a decimal comma in the too-many-fields error', async () => {
    const error = await dataError(() => parseTableText('x,y\n0,14,2\n1,3\n2,4\n3,5\n', 'cd3.csv'));
    assert.strictEqual(error.message, 'cd3.csv:2:3: this line has 3 fields but the table has 2. If "0,14" is one number with a decimal comma, quote it ("0,14") or separate the fields with ";"; otherwise remove the extra values.');
  });

  it('reads the airline-passengers export as 144 rows, 0 missing, naming the footer line', async () => {
    const table = await loadTableFromFile(fixture('airline-passengers.csv'), nodePlatform);
    assert.deepStrictEqual(
      [table.rows, table.columns.map((c) => [c.name, c.type, c.missing])],
      [144, [['Month', 'date', 0], ['Passengers', 'number', 0]]],
    );
    assert.deepStrictEqual(table.warnings, [
      'skipped 1 blank line: line 146',
      'line 147: skipped footer line ""International airline passengers: monthly totals in thou…" (not data)',
    ]);
    assert.strictEqual(values(table, 1)[143], 432);
    // The same with the blank row saved as "," (an empty spreadsheet row), and with notes above the header.
    const text = fs.readFileSync(fixture('airline-passengers.csv'), 'utf8');
    const comma = parseTableText(text.replace('\n\n', '\n,\n'), 'comma.csv');
    assert.deepStrictEqual([comma.rows, comma.columns[1]?.missing, comma.warnings[0]], [144, 0, 'skipped 1 blank line: line 146']);
    // Inside the data an empty row is a time step of missing values, kept in its place.
    const inside = parseTableText('a,b\n1,2\n,\n3,4\n,\n', 'inside.csv');
    assert.deepStrictEqual([inside.rows, inside.columns[0]?.missing, Array.from(inside.rowLines ?? []), inside.warnings], [3, 1, [2, 3, 4], ['skipped 1 blank line: line 5']]);
    const noted = parseTableText(`International airline passengers\nSource: Box and Jenkins (1976)\n${text}`, 'noted.csv');
    assert.deepStrictEqual([noted.rows, noted.hasHeader, noted.columns[1]?.missing], [144, true, 0]);
    assert.deepStrictEqual(noted.warnings.slice(0, 2), [
      'line 1: skipped the line "International airline passengers" above the table',
      'line 2: skipped the line "Source: Box and Jenkins (1976)" above the table',
    ]);
  });

  it('still reports a short line of text in the middle of the data at its line', async () => {
    const error = await dataError(() => parseTableText('t,v\n2020-01,1\nsee below\n2020-03,3\n2020-04,4\n', 'mid.csv'));
    assert.deepStrictEqual([error.line, error.column], [3, 1]);
  });

  it('warns, naming the lines, when rows have fewer fields than the header', () => {
    const table = parseTableText('a,b,c\n1,2,3\n4,5\n6,7,8\n9,10\n', 'short.csv');
    assert.deepStrictEqual([table.rows, table.columns[2]?.missing], [4, 2]);
    assert.deepStrictEqual(table.warnings, ["lines 3, 5: fewer fields than the table's 3; the fields that are not there are read as missing values"]);
  });

  it('refuses to train characters on a text too short to learn from', () => {
    const table = parseTableText('hola\n', 'short.txt');
    assert.strictEqual(table.format, 'text');
    assert.throws(
      () => prepareCharacterData(table, CHARACTER_SETTINGS, 'short.txt'),
      (error: unknown) =>
        error instanceof DataError && error.code === 'too-little-data' && error.message.startsWith(`short.txt: the text has only 5 characters; a character-level model needs at least ${MIN_TRAINING_TEXT_CHARACTERS} to learn from.`),
    );
  });

  it('refuses a column name shared by several columns, naming them by number', async () => {
    const table = parseTableText('v,v,w,v\n1,2,3,4\n5,6,7,8\n', 'dup.csv');
    const error = await dataError(() => selectColumns(table, 'v', 'dup.csv'));
    assert.strictEqual(error.message, 'dup.csv:1:1: the name "v" is shared by columns 1, 2 and 4. Select the column by its number instead, e.g. --column 1 (or rename the columns in the header).');
    assert.deepStrictEqual(selectColumns(table, '2', 'dup.csv').indices, [1]);
    assert.deepStrictEqual(selectColumns(table, 'w', 'dup.csv').indices, [2]);
  });
});

describe('data hardening: fuzzed input never crashes or hangs', () => {
  it('truncations and bit flips of CSV, JSON and text give a table or a DataError, quickly', () => {
    let state = 7;
    const next = (): number => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
    const bases = [
      'a,b\n1,2\n3,4\n5,6\n',
      'x;y\n1,5;2\n3,25;4\n',
      '"id","text"\n1,"hello, world"\n2,"multi\nline"\n3,"q ""x"""\n',
      '{"__proto__": {"x": 1}, "sequences": [[1,2,3],[4,5,6,7]]}',
      '[{"__proto__": 5, "v": 2}, {"__proto__": 6, "v": 3}]',
      'v\nNaN\nInfinity\n1\n',
      '\ufeffa,b\r1,2\r3,4\r',
    ];
    const started = Date.now();
    for (const base of bases) {
      for (let k = 0; k < 200; k += 1) {
        const chars = base.split('');
        const at = Math.floor(next() * chars.length);
        chars[at] = String.fromCharCode((chars[at] as string).charCodeAt(0) ^ (1 << Math.floor(next() * 7)));
        const text = chars.join('').slice(0, Math.floor(next() * (base.length + 5)));
        try {
          parseTableText(text, 'fuzz');
        } catch (error) {
          assert.ok(error instanceof DataError, `${JSON.stringify(text)}: ${String(error)}`);
        }
      }
    }
    assert.ok(Date.now() - started < 5000);
    // __proto__ is an ordinary key: no prototype is touched, the column is read.
    const records = parseTableText('[{"__proto__": 5, "v": 2}, {"__proto__": 6, "v": 3}]', 'proto.json');
    assert.deepStrictEqual(records.columns.map((c) => c.name), ['__proto__', 'v']);
    assert.strictEqual(({} as Record<string, unknown>)['x'], undefined);
  });
});
