// Issue 13, the follow-ups of the bad-input corpus: a note above the header with as many fields as the table, a header
// alone, a shared column name located at the header, a file cut anywhere, a text of one character, a likely decimal
// comma in a two-column file.
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DataError } from '../../../src/data/dataError';
import { DataIntake } from '../../../src/data/intake';
import { prepareCharacterData } from '../../../src/data/prepare/characterTrainingData';
import { selectColumns } from '../../../src/data/prepare/selectColumns';
import { parseTableText } from '../../../src/data/parse/loadTable';
import { plainSettings, resolveSettings } from '../../../src/lab/settings/resolveSettings';
import { nodePlatform } from '../../../src/node/nodePlatform';

const CHARACTER_SETTINGS = plainSettings(resolveSettings({ args: {} }).settings);

function dataError(run: () => unknown): DataError {
  try {
    run();
  } catch (error) {
    if (error instanceof DataError) return error;
    throw error;
  }
  return assert.fail('expected a DataError');
}

function airline(rows: number): string {
  return Array.from({ length: rows }, (_, m) => `"${1949 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}",${100 + m}`).join('\n');
}

describe('tables: a note above the header with as many fields as the table', () => {
  it('skips "Monthly passengers, 1949-1960 (source: …)" above "Month","Passengers", naming line 1', () => {
    const text = `Monthly airline passengers, 1949-1960 (source: a textbook)\n"Month","Passengers"\n${airline(144)}\n\nInternational airline passengers: totals. Jan 49 ? Dec 60\n`;
    const table = parseTableText(text, 'note.csv');
    assert.deepStrictEqual([table.rows, table.hasHeader, table.headerLine], [144, true, 2]);
    assert.deepStrictEqual(table.columns.map((column) => [column.name, column.type, column.missing]), [['Month', 'date', 0], ['Passengers', 'number', 0]]);
    assert.strictEqual(table.warnings[0], 'line 1: skipped the line "Monthly airline passengers, 1949-1960 (source: a textbook)" above the table');
    assert.ok(table.warnings.some((warning) => /line 148\b/.test(warning)));
  });

  it('keeps the header above a first row with a word in a number column (reported there), and a header over texts', () => {
    const error = dataError(() => parseTableText('a,b\nx,1\n2,3\n4,5\n6,7\n', 'typo.csv'));
    assert.deepStrictEqual([error.line, error.column], [2, 1]);
    const sentiment = parseTableText('text,label\nbuena película,1\nmala película,0\nqué bien,1\n', 'labels.csv');
    assert.deepStrictEqual([sentiment.hasHeader, sentiment.headerLine, sentiment.rows], [true, 1, 3]);
  });
});

describe('tables: a header alone', () => {
  it('is a table of its columns and no rows, with a warning naming line 1', () => {
    const table = parseTableText('a,b\n', 'header.csv');
    assert.deepStrictEqual([table.format, table.delimiter, table.hasHeader, table.headerLine, table.rows], ['csv', ',', true, 1, 0]);
    assert.deepStrictEqual(table.columns.map((column) => column.name), ['a', 'b']);
    assert.deepStrictEqual(table.warnings, ['line 1: "a,b" is a table header with no data rows below it']);
    assert.strictEqual(parseTableText('time;value\n\n# nothing yet\n', 'semi.csv').format, 'semicolon');
  });

  it('is refused for training, the message starting with the header line', async () => {
    const intake = new DataIntake(nodePlatform);
    const loaded = await intake.load({ kind: 'text', text: 'a,b\n', label: 'header-only.csv' }, { maxBytes: 1000 });
    assert.ok(!loaded.ok);
    assert.strictEqual(loaded.error.line, 1);
    assert.match(`${loaded.error.source}:${loaded.error.line}: ${loaded.error.problem}`, /^header-only\.csv:1: there are no data rows below the header \(a, b\)$/);
  });

  it('a one-word line or prose stays text', () => {
    assert.strictEqual(parseTableText('hola\n', 'word.txt').format, 'text');
    assert.strictEqual(parseTableText('Hola, qué tal, amigo.\n', 'prose.txt').format, 'text');
  });
});

describe('tables: a name several columns share', () => {
  it('is refused at the header line and the first of those columns', () => {
    const error = dataError(() => selectColumns(parseTableText('t,v,v,v\n0,1,2,3\n1,4,5,6\n', 'vvv.csv'), 'v', 'vvv.csv'));
    assert.deepStrictEqual([error.line, error.column], [1, 2]);
    assert.match(error.message, /^vvv\.csv:1:2: the name "v" is shared by columns 2, 3 and 4\./);
  });
});

describe('tables: a CSV of texts and labels cut anywhere', () => {
  it('reads as the two-column table it is, or is refused at a line', () => {
    const sentiment = fs.readFileSync(path.join(__dirname, '../../../../samples/sentiment.csv'), 'utf8');
    const lines = sentiment.split('\n');
    const from = lines.slice(0, 4).join('\n').length + 1;
    for (let cut = from; cut <= sentiment.length; cut += 1) {
      const text = sentiment.slice(0, cut);
      try {
        const table = parseTableText(text, 'cut.csv');
        assert.deepStrictEqual(table.columns.map((column) => column.name), ['text', 'label'], `cut at ${cut}: ${JSON.stringify(text.slice(-40))}`);
      } catch (error) {
        assert.ok(error instanceof DataError && error.line !== undefined, `cut at ${cut}: ${String(error)}`);
      }
    }
  });

  it('names a quoted field the input ends in, with how to fix a cut file', () => {
    const error = dataError(() => parseTableText('text,label\n"hola, amigo",1\n"adiós, amigo",0\n"qué tal, ami', 'cut.csv'));
    assert.strictEqual(error.line, 4);
    assert.match(error.message, /^cut\.csv:4: a quoted field opened on this line is never closed: the input ends inside it\. .*cut short/);
  });
});

describe('text: one distinct character', () => {
  it('is refused before any window is made, saying so and how to fix it', () => {
    const table = parseTableText('a'.repeat(100_000), 'aaa.txt');
    const error = dataError(() => prepareCharacterData(table, CHARACTER_SETTINGS, 'aaa.txt'));
    assert.strictEqual(error.code, 'too-little-data');
    assert.match(error.message, /^aaa\.txt: the text has only 1 distinct character \("a"\); .*Give a text with at least two different characters/);
  });
});

describe('tables: a likely decimal comma in a two-column file', () => {
  it('warns when every row is the same digit, a comma and a fixed number of digits', () => {
    const table = parseTableText('a,b\n0,14\n0,27\n0,33\n0,41\n', 'decimals.csv');
    assert.strictEqual(table.warnings.length, 1);
    assert.match(table.warnings[0] as string, /^line 1: every row reads like "0,14" \(line 2\).*decimal comma.*quote them \("0,14"\) or separate the fields with ";"/);
  });

  it('does not warn on ordinary two-column data', () => {
    for (const text of ['x,y\n0,14\n1,27\n2,33\n3,41\n', 't,v\n1,5\n1,7\n1,9\n', 'a,b\n0,14\n0,273\n0,33\n', 'a,b\n0,14\n0,27\n', 'a,b\n10,14\n10,27\n10,33\n']) {
      assert.deepStrictEqual(parseTableText(text, 'plain.csv').warnings, [], text);
    }
  });
});
